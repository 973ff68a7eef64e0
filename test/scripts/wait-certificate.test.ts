import { after, afterEach, before, beforeEach, describe, it } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { makeStubDir, runRendered, type StubDir } from "../support/stubs";

// k3s stub: the Certificate becomes Ready at the N-th `wait` (state ready-after; default never),
// or is Ready from the start (state ready). The Certificate's spec.secretName is
// https-certificates; the Secret's base64 tls.crt is state secret-tls.crt (absent: no Secret),
// `delete secret` removes it (but leaves Ready as it was: cert-manager notices only later). When
// the Certificate becomes Ready at a `wait`, state issue-tls.crt (if any) becomes the Secret's
// tls.crt: cert-manager issued it. State secret-error: reading the Secret fails.
const K3S = `[[ "$1 $2 $3" == "kubectl -n gitpod" ]] || { echo "bad args: $*" >&2; exit 64; }
shift 3
case "$*" in
  "get certificate/https-certificates -o jsonpath={.status.conditions[?(@.type==\\"Ready\\")].status}")
    if [[ -f "$STUB_STATE/ready" ]]; then echo True; else echo False; fi ;;
  "get certificate/https-certificates -o jsonpath={.spec.secretName}")
    printf '%s' https-certificates ;;
  'get secret https-certificates --ignore-not-found -o jsonpath={.data.tls\\.crt}')
    [[ -f "$STUB_STATE/secret-error" ]] && { echo "Error from server (ServiceUnavailable)" >&2; exit 1; }
    [[ -f "$STUB_STATE/secret-tls.crt" ]] && cat "$STUB_STATE/secret-tls.crt"
    exit 0 ;;
  "delete secret https-certificates --ignore-not-found")
    rm -f "$STUB_STATE/secret-tls.crt"; echo 'secret "https-certificates" deleted' ;;
  "wait --for=condition=Ready certificate/https-certificates --timeout="*)
    n=$(( $(cat "$STUB_STATE/waits" 2>/dev/null || echo 0) + 1 )); echo "$n" >"$STUB_STATE/waits"
    if (( n >= $(cat "$STUB_STATE/ready-after" 2>/dev/null || echo 999999) )) && [[ ! -f "$STUB_STATE/issued" ]]; then
      touch "$STUB_STATE/ready" "$STUB_STATE/issued"
      [[ -f "$STUB_STATE/issue-tls.crt" ]] && cp "$STUB_STATE/issue-tls.crt" "$STUB_STATE/secret-tls.crt"
    fi
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

/** Run the rendered wait-certificate.sh against the stubs: gitpod/https-certificates, production, fast polling. */
function runWaitCertificate(s: StubDir, params: Record<string, string>) {
  return runRendered(s, "wait-certificate", {
    CERT_NAMESPACE: "gitpod",
    CERT_NAME: "https-certificates",
    ACME_ENVIRONMENT: "production",
    WAIT_TIMEOUT_SECONDS: "20",
    POLL_INTERVAL_SECONDS: "0",
    ...params,
  });
}

describe("wait-certificate.sh", () => {
  let s: StubDir;
  const run = (params: Record<string, string> = {}) => runWaitCertificate(s, params);

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

/**
 * A self-signed certificate whose issuer (= subject) is `subject`, made by the real openssl, as
 * a Secret stores tls.crt: base64 of the PEM.
 */
function selfSignedTlsCrt(dir: string, name: string, subject: string): string {
  const crt = path.join(dir, `${name}.crt`);
  const r = spawnSync(
    "openssl",
    ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "2", "-subj", subject, "-keyout", path.join(dir, `${name}.key`), "-out", crt],
    { encoding: "utf8" },
  );
  if (r.error && (r.error as NodeJS.ErrnoException).code === "ENOENT") assert.fail("openssl is not installed: the certificate tests need it");
  assert.equal(r.status, 0, r.stderr);
  return fs.readFileSync(crt).toString("base64");
}

describe("wait-certificate.sh: certificate from the other Let's Encrypt environment", () => {
  let certs: string;
  // Issuer names as Let's Encrypt uses them: staging ones start with "(STAGING)".
  let staging: string;
  let production: string;
  let s: StubDir;
  const run = (params: Record<string, string> = {}) => runWaitCertificate(s, params);
  const deletes = () => s.calls().filter((c) => c.includes(" delete "));
  const waits = () => s.calls().filter((c) => c.includes(" wait --for=condition=Ready certificate/https-certificates"));
  const secretNow = () => {
    const f = path.join(s.state, "secret-tls.crt");
    return fs.existsSync(f) ? fs.readFileSync(f, "utf8") : undefined;
  };

  before(() => {
    certs = fs.mkdtempSync(path.join(os.tmpdir(), "gt-certs-"));
    staging = selfSignedTlsCrt(certs, "staging", "/C=US/O=(STAGING) Let's Encrypt/CN=(STAGING) Pretend Pear X1");
    production = selfSignedTlsCrt(certs, "production", "/C=US/O=Let's Encrypt/CN=R3");
  });
  after(() => fs.rmSync(certs, { recursive: true, force: true }));
  beforeEach(() => {
    s = makeStubDir({ k3s: K3S });
  });
  afterEach(() => s.cleanup());

  it("staging certificate, production wanted: deletes the Secret, then waits for the new certificate (not the stale Ready)", () => {
    // Ready with the staging certificate; Ready stays True for a while after the deletion.
    s.writeState("ready", "");
    s.writeState("secret-tls.crt", staging);
    s.writeState("issue-tls.crt", production);
    s.writeState("ready-after", "3");
    const r = run();
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(deletes(), ["k3s kubectl -n gitpod delete secret https-certificates --ignore-not-found"]);
    const calls = s.calls();
    assert.ok(calls.findIndex((c) => c.includes(" delete ")) < calls.findIndex((c) => c.includes(" wait ")), "deletes before waiting");
    assert.equal(waits().length, 3, "a stale Ready without the new certificate does not count");
    assert.equal(secretNow(), production);
    assert.equal((r.stderr.match(/holds a Let's Encrypt staging certificate but the issuer now uses production: deleting it/g) ?? []).length, 1);
    assert.match(r.stderr, /gitpod\/certificate\/https-certificates is Ready/);
  });

  it("production certificate, staging wanted: deletes the Secret too", () => {
    s.writeState("secret-tls.crt", production);
    s.writeState("issue-tls.crt", staging);
    s.writeState("ready-after", "1");
    const r = run({ ACME_ENVIRONMENT: "staging" });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(deletes().length, 1);
    assert.equal(secretNow(), staging);
    assert.match(r.stderr, /holds a Let's Encrypt production certificate but the issuer now uses staging/);
  });

  it("production certificate, production wanted: changes nothing, exits at once", () => {
    s.writeState("ready", "");
    s.writeState("secret-tls.crt", production);
    const r = run();
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(deletes(), []);
    assert.deepEqual(waits(), []);
    assert.equal(secretNow(), production);
    assert.doesNotMatch(r.stderr, /deleting/);
  });

  it("staging certificate, staging wanted: changes nothing", () => {
    s.writeState("ready", "");
    s.writeState("secret-tls.crt", staging);
    const r = run({ ACME_ENVIRONMENT: "staging" });
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(deletes(), []);
    assert.equal(secretNow(), staging);
  });

  it("no Secret yet: deletes nothing, waits as before", () => {
    s.writeState("issue-tls.crt", production);
    s.writeState("ready-after", "2");
    const r = run();
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(deletes(), []);
    assert.equal(waits().length, 2);
    assert.ok(s.calls().some((c) => c.includes(" get secret https-certificates ")), "it did look");
  });

  it("tls.crt that is no certificate: deletes nothing, leaves it to cert-manager", () => {
    s.writeState("ready", "");
    s.writeState("secret-tls.crt", Buffer.from("not a certificate").toString("base64"));
    const r = run();
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(deletes(), []);
    assert.match(r.stderr, /tls\.crt is not a readable certificate; leaving it to cert-manager/);
  });

  it("re-issued certificate still from the old environment: times out saying so (the next run deletes again)", () => {
    s.writeState("ready", "");
    s.writeState("secret-tls.crt", staging);
    s.writeState("issue-tls.crt", staging);
    s.writeState("ready-after", "1");
    const r = run({ WAIT_TIMEOUT_SECONDS: "1", POLL_INTERVAL_SECONDS: "1" });
    assert.equal(r.status, 1);
    assert.equal(deletes().length, 1);
    assert.match(r.stderr, /deleted Secret https-certificates \(a staging certificate\) for a new production one; its certificate now: staging/);
    assert.match(r.stderr, /not Ready after 1s/);
  });

  it("Secret cannot be read: exit 1 before waiting, nothing deleted", () => {
    s.writeState("secret-error", "");
    const r = run();
    assert.equal(r.status, 1);
    assert.match(r.stderr, /cannot read Secret gitpod\/https-certificates/);
    assert.deepEqual(deletes(), []);
    assert.deepEqual(waits(), []);
  });

  it("rejects a missing or unknown ACME_ENVIRONMENT with exit 2, before touching the cluster", () => {
    for (const env of ["", "prod", "Production", "staging "]) {
      const r = run({ ACME_ENVIRONMENT: env });
      assert.equal(r.status, 2, `ACME_ENVIRONMENT '${env}'`);
      assert.match(r.stderr, /ACME_ENVIRONMENT must be production or staging/);
    }
    assert.deepEqual(s.calls(), []);
  });
});
