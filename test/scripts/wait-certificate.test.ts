import { afterEach, beforeEach, describe, it } from "node:test";
import assert from "node:assert/strict";
import { makeStubDir, runRendered, type StubDir } from "../support/stubs";

// k3s stub: the Certificate becomes Ready at the N-th `wait` (state ready-after; default never),
// or is Ready from the start (state ready).
const K3S = `[[ "$1 $2 $3" == "kubectl -n gitpod" ]] || { echo "bad args: $*" >&2; exit 64; }
shift 3
case "$*" in
  "get certificate/https-certificates -o jsonpath={.status.conditions[?(@.type==\\"Ready\\")].status}")
    if [[ -f "$STUB_STATE/ready" ]]; then echo True; else echo False; fi ;;
  "wait --for=condition=Ready certificate/https-certificates --timeout="*)
    n=$(( $(cat "$STUB_STATE/waits" 2>/dev/null || echo 0) + 1 )); echo "$n" >"$STUB_STATE/waits"
    (( n >= $(cat "$STUB_STATE/ready-after" 2>/dev/null || echo 999999) )) && touch "$STUB_STATE/ready"
    [[ -f "$STUB_STATE/ready" ]] ;;
  "describe certificate/https-certificates")
    echo "Status: Issuing certificate as Secret does not exist" ;;
  "get certificaterequests.cert-manager.io -o wide")
    echo "https-certificates-1 True False gitpod-issuer Waiting on certificate issuance" ;;
  "get orders.acme.cert-manager.io -o wide")
    echo "https-certificates-1-123 pending gitpod-issuer" ;;
  "get challenges.acme.cert-manager.io -o custom-columns="*)
    echo "https-certificates-1-123-0 example.com dns-01 pending Waiting for DNS-01 challenge propagation: DNS record not yet propagated" ;;
  "get certificate/https-certificates -o jsonpath={.spec.dnsNames[*]}")
    echo "example.com *.example.com *.ws.example.com" ;;
  *) echo "unexpected: $*" >&2; exit 64 ;;
esac`;

describe("wait-certificate.sh", () => {
  let s: StubDir;
  const run = (params: Record<string, string> = {}) =>
    runRendered(s, "wait-certificate", {
      CERT_NAMESPACE: "gitpod",
      CERT_NAME: "https-certificates",
      WAIT_TIMEOUT_SECONDS: "20",
      POLL_INTERVAL_SECONDS: "0",
      ...params,
    });

  beforeEach(() => {
    s = makeStubDir({ k3s: K3S });
  });
  afterEach(() => s.cleanup());

  it("already Ready: exits 0 at once, without waiting", () => {
    s.writeState("ready", "");
    const r = run();
    assert.equal(r.status, 0, r.stderr);
    assert.equal(s.calls().filter((c) => c.includes(" wait ")).length, 0);
    assert.match(r.stderr, /gitpod\/certificate\/https-certificates is Ready/);
  });

  it("waits until Ready", () => {
    s.writeState("ready-after", "3");
    const r = run();
    assert.equal(r.status, 0, r.stderr);
    assert.equal(s.calls().filter((c) => c.includes(" wait --for=condition=Ready certificate/https-certificates")).length, 3);
  });

  it("timeout: describes the certificate, requests, orders, challenges, DNS-01 hints; exit 1", () => {
    const started = Date.now();
    const r = run({ WAIT_TIMEOUT_SECONDS: "1", POLL_INTERVAL_SECONDS: "1" });
    assert.equal(r.status, 1);
    assert.ok(Date.now() - started < 10_000);
    const e = r.stderr;
    assert.match(e, /gitpod\/certificate\/https-certificates not Ready after 1s/);
    assert.match(e, /Issuing certificate as Secret does not exist/);
    assert.match(e, /Waiting on certificate issuance/);
    assert.match(e, /https-certificates-1-123 pending/);
    assert.match(e, /DNS record not yet propagated/);
    // One hint per distinct zone, wildcards folded.
    assert.equal((e.match(/TXT record _acme-challenge\.example\.com must be visible/g) ?? []).length, 1);
    assert.match(e, /TXT record _acme-challenge\.ws\.example\.com must be visible/);
    assert.match(e, /logs deploy\/cert-manager-webhook-dnspod/);
    assert.match(e, /DNSPod .*key needs permission/);
    assert.equal(r.stdout, "");
  });

  it("rejects bad names", () => {
    let r = run({ CERT_NAME: "Bad_Name" });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /CERT_NAME 'Bad_Name'/);
    r = run({ CERT_NAMESPACE: "" });
    assert.equal(r.status, 2);
    assert.deepEqual(s.calls(), []);
  });
});
