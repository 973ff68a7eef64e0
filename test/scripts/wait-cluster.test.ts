import { afterEach, beforeEach, describe, it } from "node:test";
import assert from "node:assert/strict";
import { makeStubDir, runRendered, type StubDir } from "../support/stubs";

// k3s stub: state files decide the answers.
//   nodes-ready          exists -> node wait succeeds
//   tiger-after N        tigerastatus/calico exists from the N-th `get` on (default: never)
//   calico-ready         exists -> tigerastatus wait succeeds
const K3S = `[[ "$1" == kubectl ]] || exit 64
shift
case "$*" in
  "wait --for=condition=Ready node --all --timeout="*)
    [[ -f "$STUB_STATE/nodes-ready" ]] ;;
  "get tigerastatus/calico")
    n=$(( $(cat "$STUB_STATE/tiger-gets" 2>/dev/null || echo 0) + 1 )); echo "$n" >"$STUB_STATE/tiger-gets"
    after="$(cat "$STUB_STATE/tiger-after" 2>/dev/null || echo 999999)"
    (( n >= after )) || { echo 'error: the server doesn'"'"'t have a resource type "tigerastatus"' >&2; exit 1; } ;;
  "wait --for=condition=Available tigerastatus/calico --timeout="*)
    [[ -f "$STUB_STATE/calico-ready" ]] ;;
  "get nodes -o jsonpath="*)
    printf 'vm-1\\n  Ready=False KubeletNotReady: container runtime network not ready: cni plugin not initialized\\n' ;;
  "get pods -A -o wide")
    printf 'NAMESPACE NAME READY STATUS\\nkube-system coredns-1 0/1 Pending\\ntigera-operator tigera-operator-1 1/1 Running\\n' ;;
  "get tigerastatus -o wide")
    printf 'NAME AVAILABLE PROGRESSING DEGRADED\\ncalico False True False\\n' ;;
  *) echo "unexpected: $*" >&2; exit 64 ;;
esac`;

describe("wait-cluster.sh", () => {
  let s: StubDir;
  const run = (params: Record<string, string> = {}) =>
    runRendered(s, "wait-cluster", { WAIT_TIMEOUT_SECONDS: "20", POLL_INTERVAL_SECONDS: "0", ...params });

  beforeEach(() => {
    s = makeStubDir({ k3s: K3S });
  });
  afterEach(() => s.cleanup());

  it("exits 0 when nodes are Ready and Calico Available", () => {
    s.writeState("nodes-ready", "");
    s.writeState("calico-ready", "");
    s.writeState("tiger-after", "1");
    const r = run();
    assert.equal(r.status, 0, r.stderr);
    const calls = s.calls();
    assert.ok(calls.some((c) => c.startsWith("k3s kubectl wait --for=condition=Ready node --all --timeout=")));
    assert.ok(calls.some((c) => c.startsWith("k3s kubectl wait --for=condition=Available tigerastatus/calico --timeout=")));
    assert.match(r.stderr, /cluster ready/);
    assert.equal(r.stdout, "");
  });

  it("polls until the tigerastatus exists", () => {
    s.writeState("nodes-ready", "");
    s.writeState("calico-ready", "");
    s.writeState("tiger-after", "3");
    const r = run();
    assert.equal(r.status, 0, r.stderr);
    assert.equal(s.calls().filter((c) => c === "k3s kubectl get tigerastatus/calico").length, 3);
    // The wait on the tigerastatus only starts once it exists.
    assert.equal(s.calls().filter((c) => c.includes("wait --for=condition=Available")).length, 1);
  });

  it("timeout: prints node conditions, non-Running pods, tigerastatus and hints, exits 1", () => {
    s.writeState("tiger-after", "1");
    const started = Date.now();
    const r = run({ WAIT_TIMEOUT_SECONDS: "1", POLL_INTERVAL_SECONDS: "1" });
    assert.equal(r.status, 1);
    assert.ok(Date.now() - started < 10_000);
    assert.match(r.stderr, /cluster not ready after 1s \(nodes Ready: no, Calico Available: no\)/);
    assert.match(r.stderr, /Ready=False KubeletNotReady: container runtime network not ready/);
    assert.match(r.stderr, /coredns-1 0\/1 Pending/);
    assert.doesNotMatch(r.stderr, /tigera-operator-1 1\/1 Running/);
    assert.match(r.stderr, /calico False True False/);
    assert.match(r.stderr, /logs deploy\/tigera-operator/);
    assert.match(r.stderr, /journalctl -u k3s/);
  });

  it("rejects a bad timeout", () => {
    const r = run({ WAIT_TIMEOUT_SECONDS: "10m" });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /WAIT_TIMEOUT_SECONDS must be a whole number of seconds, got '10m'/);
  });
});
