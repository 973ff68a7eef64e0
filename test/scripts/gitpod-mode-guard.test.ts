import { afterEach, beforeEach, describe, it } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { makeStubDir, runRendered, type StubDir } from "../support/stubs";

// k3s stub: state mode holds the marker ConfigMap's `mode` (absent: no ConfigMap), state kotsadm
// means Deployment kotsadm exists, state api-down makes every read fail. `apply -f -` of the
// marker stores the mode read from the manifest on stdin.
const K3S = `[[ "$1 $2 $3" == "kubectl -n gitpod" ]] || { echo "bad args: $*" >&2; exit 64; }
shift 3
[[ -f "$STUB_STATE/api-down" ]] && { echo "The connection to the server 127.0.0.1:6443 was refused" >&2; exit 1; }
case "$*" in
  "get configmap gitpod-tencent-install-mode --ignore-not-found -o jsonpath={.data.mode}")
    [[ -f "$STUB_STATE/mode" ]] && cat "$STUB_STATE/mode"; exit 0 ;;
  "get deployment kotsadm --ignore-not-found -o name")
    [[ -f "$STUB_STATE/kotsadm" ]] && echo deployment.apps/kotsadm; exit 0 ;;
  "create configmap gitpod-tencent-install-mode --from-literal=mode="*" --dry-run=client -o yaml")
    printf 'apiVersion: v1\\nkind: ConfigMap\\ndata:\\n  mode: %s\\nmetadata:\\n  name: gitpod-tencent-install-mode\\n' "\${4#--from-literal=mode=}" ;;
  "apply -f -")
    sed -n 's/^  mode: //p' >"$STUB_STATE/mode" ;;
  *) echo "unexpected: $*" >&2; exit 64 ;;
esac`;

describe("gitpod-mode-guard.sh", () => {
    let s: StubDir;
    const run = (mode: string) => runRendered(s, "gitpod-mode-guard", { GITPOD_NAMESPACE: "gitpod", INSTALL_MODE: mode });
    const recorded = () => fs.readFileSync(path.join(s.state, "mode"), "utf8").trim();

    beforeEach(() => {
        s = makeStubDir({ k3s: K3S });
    });
    afterEach(() => s.cleanup());

    it("fresh namespace: records the mode, exit 0; the same mode again changes nothing", () => {
        let r = run("installer");
        assert.equal(r.status, 0, r.stderr);
        assert.equal(recorded(), "installer");
        s.clearCalls();
        r = run("installer");
        assert.equal(r.status, 0, r.stderr);
        assert.ok(!s.calls().some((c) => c.includes(" apply ")), "nothing written");
    });

    it("installer mode on a kots install (Deployment kotsadm, no marker): refused with what to do, nothing written", () => {
        s.writeState("kotsadm", "");
        const r = run("installer");
        assert.equal(r.status, 5);
        assert.match(r.stderr, /namespace gitpod holds a Gitpod installed in 'kots' mode \(Deployment kotsadm\), but gitpodInstaller is now 'installer'/);
        assert.match(r.stderr, /pulumi config set gitpodInstaller kots/);
        assert.match(r.stderr, /README 'Switching gitpodInstaller'/);
        assert.ok(!s.calls().some((c) => c.includes(" apply ") || c.includes(" create ")));
    });

    it("kots mode on an installer install: refused", () => {
        s.writeState("mode", "installer");
        const r = run("kots");
        assert.equal(r.status, 5);
        assert.match(r.stderr, /installed in 'installer' mode \(ConfigMap gitpod-tencent-install-mode\), but gitpodInstaller is now 'kots'/);
    });

    it("kots mode on an older kots install: records kots, exit 0", () => {
        s.writeState("kotsadm", "");
        const r = run("kots");
        assert.equal(r.status, 0, r.stderr);
        assert.equal(recorded(), "kots");
    });

    it("API unreachable: exit 1 naming what it could not read", () => {
        s.writeState("api-down", "");
        const r = run("installer");
        assert.equal(r.status, 1);
        assert.match(r.stderr, /cannot read ConfigMap gitpod\/gitpod-tencent-install-mode/);
    });

    it("rejects an unknown mode before touching the cluster", () => {
        const r = run("helm");
        assert.equal(r.status, 2);
        assert.match(r.stderr, /INSTALL_MODE must be kots or installer, got 'helm'/);
        assert.deepEqual(s.calls(), []);
    });
});
