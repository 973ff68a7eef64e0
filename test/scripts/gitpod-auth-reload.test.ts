import { afterEach, beforeEach, describe, it } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { makeStubDir, runRendered, type StubDir } from "../support/stubs";

const OLD = "a".repeat(64);
const NEW = "b".repeat(64);

// k3s stub: state `server` means Deployment server exists, state `annotation` holds the recorded
// digest, state `rollout-fails` makes the rollout wait time out.
const K3S = `[[ "$1 $2 $3" == "kubectl -n gitpod" ]] || { echo "bad args: $*" >&2; exit 64; }
shift 3
case "$*" in
  "get deployment server --ignore-not-found -o name")
    [[ -f "$STUB_STATE/server" ]] && echo deployment.apps/server; exit 0 ;;
  "get deployment server -o jsonpath={.metadata.annotations.gitpod-tencent/auth-providers-sha256}")
    [[ -f "$STUB_STATE/annotation" ]] && cat "$STUB_STATE/annotation"; exit 0 ;;
  "rollout restart deployment/server") echo "deployment.apps/server restarted" ;;
  "rollout status deployment/server --timeout 600s")
    [[ -f "$STUB_STATE/rollout-fails" ]] && { echo "error: timed out waiting for the condition" >&2; exit 1; }; echo "successfully rolled out" ;;
  "get pods -l component=server -o wide") echo "server-abc 0/1 CrashLoopBackOff" ;;
  "annotate deployment server --overwrite gitpod-tencent/auth-providers-sha256="*)
    printf '%s' "\${5#*=}" >"$STUB_STATE/annotation" ;;
  *) echo "unexpected: $*" >&2; exit 64 ;;
esac`;

describe("gitpod-auth-reload.sh", () => {
    let s: StubDir;
    const run = (digest: string) => runRendered(s, "gitpod-auth-reload", { GITPOD_NAMESPACE: "gitpod" }, { input: `${digest}\n` });
    const recorded = () => fs.readFileSync(path.join(s.state, "annotation"), "utf8");
    const restarted = () => s.calls().some((c) => c.includes("rollout restart"));

    beforeEach(() => {
        s = makeStubDir({ k3s: K3S });
    });
    afterEach(() => s.cleanup());

    it("no server yet: nothing restarted or recorded", () => {
        const r = run(NEW);
        assert.equal(r.status, 0, r.stderr);
        assert.match(r.stderr, /Deployment server not there yet/);
        assert.ok(!restarted());
        assert.ok(!s.calls().some((c) => c.includes(" annotate ")));
    });

    it("first run on a running server: records the digest without a restart", () => {
        s.writeState("server", "");
        const r = run(NEW);
        assert.equal(r.status, 0, r.stderr);
        assert.ok(!restarted());
        assert.equal(recorded(), NEW);
    });

    it("unchanged digest: nothing to do", () => {
        s.writeState("server", "");
        s.writeState("annotation", NEW);
        const r = run(NEW);
        assert.equal(r.status, 0, r.stderr);
        assert.ok(!restarted());
        assert.ok(!s.calls().some((c) => c.includes(" annotate ")));
    });

    it("changed Secret (rotated clientSecret): restarts the server, waits for the rollout, records the digest", () => {
        s.writeState("server", "");
        s.writeState("annotation", OLD);
        const r = run(NEW);
        assert.equal(r.status, 0, r.stderr);
        const calls = s.calls();
        const restart = calls.findIndex((c) => c.includes("rollout restart deployment/server"));
        const status = calls.findIndex((c) => c.includes("rollout status deployment/server --timeout 600s"));
        assert.ok(restart >= 0 && status > restart, calls.join("\n"));
        assert.equal(recorded(), NEW);
    });

    it("rollout times out: server pods and what to do printed, exit 1, digest not recorded (the next run retries)", () => {
        s.writeState("server", "");
        s.writeState("annotation", OLD);
        s.writeState("rollout-fails", "");
        const r = run(NEW);
        assert.equal(r.status, 1);
        assert.match(r.stderr, /did not roll out within 600s/);
        assert.match(r.stderr, /CrashLoopBackOff/);
        assert.match(r.stderr, /logs deploy\/server/);
        assert.equal(recorded(), OLD);
    });

    it("refuses a stdin that is not a sha256 (exit 2, nothing read from the cluster)", () => {
        const r = run("not-a-digest");
        assert.equal(r.status, 2);
        assert.match(r.stderr, /stdin line 1 is not a sha256/);
        assert.deepEqual(s.calls(), []);
    });
});
