import { afterEach, beforeEach, describe, it } from "node:test";
import assert from "node:assert/strict";
import { makeStubDir, runRendered, type StubDir } from "../support/stubs";

// k3s stub: state files decide the answers.
//   node-absent     the Node does not exist
//   not-ready       it does not become Ready
//   drain-fails     `kubectl drain` times out
//   cordoned        the node was cordoned before
//   labels          the labels it carries, one key per line
const K3S = `[[ "$1" == kubectl ]] || exit 64
shift
case "$*" in
  "get node "*" --ignore-not-found -o name")
    [[ -f "$STUB_STATE/node-absent" ]] || echo "node/$3" ;;
  "wait --for=condition=Ready node/"*" --timeout="*)
    [[ ! -f "$STUB_STATE/not-ready" ]] ;;
  "get node "*" -o jsonpath={.spec.unschedulable}")
    if [[ -f "$STUB_STATE/cordoned" ]]; then printf true; fi ;;
  "get nodes -l "*" --field-selector metadata.name="*" -o name")
    if grep -qx -- "$4" "$STUB_STATE/labels" 2>/dev/null; then echo "node/\${6#metadata.name=}"; fi ;;
  drain*)
    if [[ -f "$STUB_STATE/drain-fails" ]]; then echo "error: timed out waiting for the condition" >&2; exit 1; fi
    echo "node/$2 drained" ;;
  "get pods --all-namespaces --field-selector spec.nodeName="*)
    printf 'gitpod ws-2f6a running-workspace Running\\nkube-system svclb-proxy-1 DaemonSet Running\\ngitpod minio-0 StatefulSet Running\\n' |
      awk '{ print $1, $2, ($3 == "running-workspace" ? "<none>" : $3), $4 }' ;;
  "delete node "*|"label node "*|"uncordon "*) ;;
  *) echo "unexpected: $*" >&2; exit 64 ;;
esac`;

const WORKSPACE_LABELS = "gitpod.io/workload_workspace_regular\ngitpod.io/workload_workspace_headless";

describe("node-drain.sh", () => {
    let s: StubDir;
    const run = (params: Record<string, string>) => runRendered(s, "node-drain", { DRAIN_TIMEOUT_SECONDS: "600", ...params });
    const kubectl = () => s.calls().map((c) => c.replace(/^k3s kubectl /, ""));

    beforeEach(() => {
        s = makeStubDir({ k3s: K3S });
    });
    afterEach(() => s.cleanup());

    describe("remove (a workspace node before its VM is deleted)", () => {
        const remove = () => run({ NODE_NAME: "gitpod-dev-ws-2-ins-2", DRAIN_MODE: "remove" });

        it("drains with the pods' grace periods, bounded, then deletes the Node", () => {
            const r = remove();
            assert.equal(r.status, 0, r.stderr);
            const calls = kubectl();
            const drainAt = calls.indexOf("drain gitpod-dev-ws-2-ins-2 --ignore-daemonsets --delete-emptydir-data --force --timeout=600s");
            const deleteAt = calls.indexOf("delete node gitpod-dev-ws-2-ins-2 --timeout=120s");
            assert.ok(drainAt >= 0 && drainAt < deleteAt, calls.join("\n"));
            assert.ok(!calls.some((c) => c.includes("--grace-period")), "each pod keeps its own grace period");
            assert.match(r.stderr, /node gitpod-dev-ws-2-ins-2 drained and deleted/);
        });

        it("timeout: lists the pods that did not leave (not the DaemonSet's), keeps the Node, exits 1", () => {
            s.writeState("drain-fails", "");
            const r = remove();
            assert.equal(r.status, 1);
            assert.match(r.stderr, /pods still on gitpod-dev-ws-2-ins-2:\n {2}gitpod\/ws-2f6a \(Running\)\n {2}gitpod\/minio-0 \(Running\)\n/);
            assert.doesNotMatch(r.stderr, /svclb-proxy-1/);
            assert.match(r.stderr, /ERROR: draining gitpod-dev-ws-2-ins-2 did not finish within 600s .*stop those workspaces/);
            assert.ok(!kubectl().some((c) => c.startsWith("delete node")));
        });

        it("a Node already gone: nothing to do", () => {
            s.writeState("node-absent", "");
            const r = remove();
            assert.equal(r.status, 0, r.stderr);
            assert.deepEqual(kubectl(), ["get node gitpod-dev-ws-2-ins-2 --ignore-not-found -o name"]);
        });

        it("a Node that stays not Ready (bounded wait) is deleted without a drain that could never finish", () => {
            s.writeState("not-ready", "");
            const r = run({ NODE_NAME: "gitpod-dev-ws-2-ins-2", DRAIN_MODE: "remove", NODE_READY_WAIT_SECONDS: "30" });
            assert.equal(r.status, 0, r.stderr);
            assert.ok(kubectl().includes("wait --for=condition=Ready node/gitpod-dev-ws-2-ins-2 --timeout=30s"));
            assert.ok(!kubectl().some((c) => c.startsWith("drain")));
            assert.ok(kubectl().includes("delete node gitpod-dev-ws-2-ins-2 --timeout=120s"));
            assert.match(r.stderr, /not Ready after 30s/);
        });
    });

    describe("workspaces (the server when the first workspace node joined)", () => {
        const moveWorkspaces = () => run({ NODE_NAME: "gitpod-dev-server", DRAIN_MODE: "workspaces", REMOVE_LABELS: WORKSPACE_LABELS });

        it("drains only workspace pods, removes the labels it carries, uncordons", () => {
            s.writeState("labels", "gitpod.io/workload_workspace_regular\ngitpod.io/workload_workspace_headless\n");
            const r = moveWorkspaces();
            assert.equal(r.status, 0, r.stderr);
            const calls = kubectl().filter((c) => !c.startsWith("get "));
            assert.deepEqual(calls, [
                "drain gitpod-dev-server --ignore-daemonsets --delete-emptydir-data --force --timeout=600s --pod-selector app=gitpod,component=workspace",
                "label node gitpod-dev-server gitpod.io/workload_workspace_regular- gitpod.io/workload_workspace_headless-",
                "uncordon gitpod-dev-server",
            ]);
        });

        it("labels already gone: nothing drained, nothing cordoned", () => {
            const r = moveWorkspaces();
            assert.equal(r.status, 0, r.stderr);
            assert.ok(!kubectl().some((c) => /^(drain|label|uncordon)/.test(c)));
            assert.match(r.stderr, /carries none of the workspace labels: nothing to do/);
        });

        it("drain timeout: the labels stay, the server is uncordoned again, the workspaces are listed", () => {
            s.writeState("labels", "gitpod.io/workload_workspace_regular\n");
            s.writeState("drain-fails", "");
            const r = moveWorkspaces();
            assert.equal(r.status, 1);
            assert.ok(!kubectl().some((c) => c.startsWith("label")));
            assert.ok(kubectl().includes("uncordon gitpod-dev-server"));
            assert.ok(kubectl().some((c) => c.includes("--field-selector spec.nodeName=gitpod-dev-server --selector app=gitpod,component=workspace")));
            assert.match(r.stderr, /gitpod\/ws-2f6a/);
        });

        it("a server the admin had cordoned stays cordoned", () => {
            s.writeState("labels", "gitpod.io/workload_workspace_headless\n");
            s.writeState("cordoned", "");
            const r = moveWorkspaces();
            assert.equal(r.status, 0, r.stderr);
            assert.ok(kubectl().includes("label node gitpod-dev-server gitpod.io/workload_workspace_headless-"));
            assert.ok(!kubectl().some((c) => c.startsWith("uncordon")));
        });
    });

    it("rejects bad parameters before calling kubectl", () => {
        for (const [params, message] of [
            [{ DRAIN_MODE: "remove" }, /NODE_NAME is not set/],
            [{ NODE_NAME: "n", DRAIN_MODE: "evict" }, /DRAIN_MODE must be 'remove' or 'workspaces', got 'evict'/],
            [{ NODE_NAME: "n", DRAIN_MODE: "workspaces" }, /REMOVE_LABELS is empty/],
            [{ NODE_NAME: "n", DRAIN_MODE: "remove", DRAIN_TIMEOUT_SECONDS: "15m" }, /DRAIN_TIMEOUT_SECONDS must be a whole number of seconds, got '15m'/],
        ] as const) {
            const r = run(params);
            assert.equal(r.status, 2, JSON.stringify(params));
            assert.match(r.stderr, message);
        }
        assert.deepEqual(s.calls(), []);
    });
});
