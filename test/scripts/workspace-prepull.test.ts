/** workspace-prepull.sh against stubs: starts a background pull once, and only when needed. */
import { afterEach, beforeEach, describe, it } from "node:test";
import assert from "node:assert/strict";
import { makeStubDir, runRendered, type StubDir } from "../support/stubs";

// The image is present when state/present exists; the unit is active when state/active exists.
const K3S = `[[ "$*" == "crictl inspecti docker.io/gitpod/workspace-full:latest" ]] || { echo "k3s stub: unexpected $*" >&2; exit 64; }
[[ -f "$STUB_STATE/present" ]]`;
// state/active holds the running unit's Description.
const SYSTEMCTL = `case "$1" in
  is-active) [[ -f "$STUB_STATE/active" ]] ;;
  show) [[ "$*" == "show --property Description --value gitpod-tencent-prepull" ]] && cat "$STUB_STATE/active" ;;
  stop) rm -f "$STUB_STATE/active" ;;
  reset-failed) exit 0 ;;
  *) exit 64 ;;
esac`;

describe("workspace-prepull.sh", () => {
    let s: StubDir;
    const run = (image = "docker.io/gitpod/workspace-full:latest") => runRendered(s, "workspace-prepull", { WORKSPACE_IMAGE: image });
    const starts = () => s.calls().filter((c) => c.startsWith("systemd-run "));

    beforeEach(() => {
        s = makeStubDir({ k3s: K3S, systemctl: SYSTEMCTL, "systemd-run": "exit 0" });
    });
    afterEach(() => s.cleanup());

    it("starts the pull through the CRI as a transient unit and returns at once", () => {
        const r = run();
        assert.equal(r.status, 0, r.stderr);
        assert.deepEqual(starts(), [
            `systemd-run --unit gitpod-tencent-prepull --description gitpod-tencent: pre-pull docker.io/gitpod/workspace-full:latest --property Restart=on-failure --property RestartSec=60 ${s.bin}/k3s crictl pull docker.io/gitpod/workspace-full:latest`,
        ]);
    });

    it("does nothing when the image is there or the pull is running", () => {
        s.writeState("active", "gitpod-tencent: pre-pull docker.io/gitpod/workspace-full:latest");
        assert.equal(run().status, 0);
        s.writeState("present", "");
        assert.equal(run().status, 0);
        assert.deepEqual(starts(), []);
    });

    it("a changed workspaceImage while the old one is still pulling: stops that unit, starts the new pull", () => {
        s.writeState("active", "gitpod-tencent: pre-pull docker.io/gitpod/workspace-base:latest");
        const r = run();
        assert.equal(r.status, 0, r.stderr);
        const calls = s.calls();
        const stop = calls.indexOf("systemctl stop gitpod-tencent-prepull");
        const start = calls.findIndex((c) => c.startsWith("systemd-run --unit gitpod-tencent-prepull --description gitpod-tencent: pre-pull docker.io/gitpod/workspace-full:latest "));
        assert.ok(stop >= 0 && start > stop, calls.join("\n"));
    });

    it("rejects a bad image reference", () => {
        const r = run("Docker.io/x y");
        assert.equal(r.status, 2);
        assert.deepEqual(s.calls(), []);
    });
});
