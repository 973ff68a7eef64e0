/**
 * gitpod-wait.sh against stubs: the three waits in order, /api/version asked at the node's own
 * address with the chain verified, the timeout's diagnostics, and installer mode (no kots checks).
 */
import { afterEach, beforeEach, describe, it } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { makeStubDir, runRendered, type StubDir } from "../support/stubs";

// kots: the app's state is state/app-state (default "missing"); `get apps` without -o prints the table.
const KOTS = `#!/usr/bin/env bash
printf '%s\\n' "kots $*" >>"$STUB_LOG"
state="$(cat "$STUB_STATE/app-state" 2>/dev/null || echo missing)"
if [[ "$*" == *"-o json"* ]]; then
  printf '[\\n    {\\n        "slug": "gitpod",\\n        "state": "%s",\\n        "versionlabel": "2022.11.3"\\n    }\\n]\\n' "$state"
else
  printf 'SLUG    STATUS     VERSION\\ngitpod  %s  2022.11.3\\n' "$state"
fi
`;

const K3S = `shift # kubectl
case "$*" in
  "get nodes -l node-role.kubernetes.io/control-plane -o jsonpath="*) printf 10.0.1.10 ;;
  "-n gitpod get deployment installation-status -o jsonpath="*)
    [[ -f "$STUB_STATE/available" ]] && printf True || printf False ;;
  "-n gitpod get pods --no-headers -o custom-columns="*)
    printf 'server-7d9f   Running   false   CrashLoopBackOff   Error\\nproxy-55c   Running   true   <none>   <none>\\nws-daemon-x   Pending   <none>   <none>   <none>\\nmigrations-1   Succeeded   false   <none>   Completed\\n' ;;
  "-n gitpod get events --field-selector type=Warning --sort-by=.lastTimestamp")
    echo "2m  Warning  BackOff  pod/server-7d9f  Back-off restarting failed container" ;;
  "-n gitpod get configmap gitpod-installation-status -o jsonpath="*)
    printf 'Error: UPGRADE FAILED: timed out waiting for the condition\\nGitpod: status fail\\n' ;;
  "-n gitpod get certificate https-certificates -o wide")
    echo "https-certificates  True  https-certificates  Certificate is up to date and has not expired" ;;
  *) echo "k3s stub: unexpected $*" >&2; exit 64 ;;
esac`;

// /api/version answers once state/api-up exists.
const CURL = `[[ -f "$STUB_STATE/api-up" ]]`;

describe("gitpod-wait.sh", () => {
    let s: StubDir;
    const run = (params: Record<string, string> = {}) =>
        runRendered(
            s,
            "gitpod-wait",
            { GITPOD_NAMESPACE: "gitpod", DOMAIN: "gitpod.example.com", WAIT_TIMEOUT_SECONDS: "5", POLL_INTERVAL_SECONDS: "0", ...params },
            { extraEnv: { GT_ROOT: s.root } },
        );
    const curlCalls = () => s.calls().filter((c) => c.startsWith("curl "));

    beforeEach(() => {
        s = makeStubDir({ k3s: K3S, curl: CURL });
        fs.mkdirSync(path.join(s.root, "usr/local/bin"), { recursive: true });
        fs.writeFileSync(path.join(s.root, "usr/local/bin/kubectl-kots"), KOTS, { mode: 0o755 });
    });
    afterEach(() => s.cleanup());

    it("everything up: kots app ready, installation-status Available, /api/version verified at the node's address", () => {
        s.writeState("app-state", "ready");
        s.writeState("available", "");
        s.writeState("api-up", "");
        const r = run();
        assert.equal(r.status, 0, r.stderr);
        assert.deepEqual(curlCalls(), ["curl -fsS --max-time 10 --resolve gitpod.example.com:443:10.0.1.10 -o /dev/null https://gitpod.example.com/api/version"]);
        assert.match(r.stderr, /Gitpod answers at https:\/\/gitpod\.example\.com/);
    });

    it("asks the API only after the app is ready and the installation Available", () => {
        s.writeState("app-state", "ready");
        s.writeState("api-up", "");
        const r = run({ WAIT_TIMEOUT_SECONDS: "1" });
        assert.equal(r.status, 1);
        assert.deepEqual(curlCalls(), []);
        assert.match(r.stderr, /Gitpod not answering after 1s: Deployment installation-status is not Available/);
    });

    it("staging certificates: the chain is not verified", () => {
        for (const f of ["app-state", "available", "api-up"]) s.writeState(f, f === "app-state" ? "ready" : "");
        const r = run({ ACME_ENVIRONMENT: "staging" });
        assert.equal(r.status, 0, r.stderr);
        assert.match(curlCalls()[0], / --insecure --resolve /);
    });

    it("timeout: prints the app state, pods not ready with their reason, warnings, the installer log, the certificate; exit 1", () => {
        s.writeState("app-state", "unavailable");
        const started = Date.now();
        const r = run({ WAIT_TIMEOUT_SECONDS: "1", POLL_INTERVAL_SECONDS: "1" });
        assert.equal(r.status, 1);
        assert.ok(Date.now() - started < 10_000);
        const e = r.stderr;
        assert.match(e, /ERROR: Gitpod not answering after 1s: kots app gitpod is 'unavailable', not ready/);
        assert.match(e, /--- kots app state[^\n]*\nSLUG +STATUS +VERSION\ngitpod +unavailable/);
        assert.match(e, /--- pods not ready\nserver-7d9f +Running +false +CrashLoopBackOff +Error\nws-daemon-x +Pending/);
        assert.doesNotMatch(e, /proxy-55c|migrations-1/);
        assert.match(e, /Back-off restarting failed container/);
        assert.match(e, /--- installer log[^\n]*\nError: UPGRADE FAILED: timed out waiting for the condition\nGitpod: status fail/);
        assert.match(e, /Certificate is up to date/);
        assert.equal(r.stdout, "");
    });

    it("installer mode: no kots checks and no kots diagnostics", () => {
        s.writeState("api-up", "");
        let r = run({ WAIT_MODE: "installer" });
        assert.equal(r.status, 0, r.stderr);
        assert.ok(!s.calls().some((c) => c.startsWith("kots ") || c.includes("installation-status")));
        fs.rmSync(path.join(s.state, "api-up"));
        r = run({ WAIT_MODE: "installer", WAIT_TIMEOUT_SECONDS: "1", POLL_INTERVAL_SECONDS: "1" });
        assert.equal(r.status, 1);
        assert.match(r.stderr, /https:\/\/gitpod\.example\.com\/api\/version does not answer over HTTPS/);
        assert.doesNotMatch(r.stderr, /kots app state|installer log/);
        assert.ok(!s.calls().some((c) => c.startsWith("kots ")));
    });

    it("rejects bad parameters", () => {
        const r = run({ WAIT_MODE: "helm" });
        assert.equal(r.status, 2);
        assert.match(r.stderr, /WAIT_MODE must be kots or installer, got 'helm'/);
    });
});
