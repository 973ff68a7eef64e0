import { afterEach, beforeEach, describe, it } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { spawnSync } from "node:child_process";
import YAML from "yaml";
import { makeStubDir, runRendered, type StubDir } from "../support/stubs";

const K3S_YAML = `apiVersion: v1
clusters:
- cluster:
    certificate-authority-data: LS0tLS1CRUdJTg==
    server: https://127.0.0.1:6443
  name: default
contexts:
- context:
    cluster: default
    user: default
  name: default
current-context: default
kind: Config
preferences: {}
users:
- name: default
  user:
    client-certificate-data: Y2VydA==
    client-key-data: a2V5
`;

describe("read-kubeconfig.sh", () => {
  let s: StubDir;
  const file = () => path.join(s.root, "etc/rancher/k3s/k3s.yaml");
  const run = (params: Record<string, string>) =>
    runRendered(s, "read-kubeconfig", { POLL_INTERVAL_SECONDS: "0", ...params }, { extraEnv: { GT_ROOT: s.root } });

  beforeEach(() => {
    s = makeStubDir();
    fs.mkdirSync(path.dirname(file()), { recursive: true });
  });
  afterEach(() => s.cleanup());

  it("prints the kubeconfig with the server pointed at the public host, and nothing else on stdout", () => {
    fs.writeFileSync(file(), K3S_YAML);
    const r = run({ GT_K3S_PUBLIC_HOST: "203.0.113.7" });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, K3S_YAML.replace("https://127.0.0.1:6443", "https://203.0.113.7:6443"));
    const kc = YAML.parse(r.stdout) as { clusters: { cluster: { server: string } }[] };
    assert.equal(kc.clusters[0].cluster.server, "https://203.0.113.7:6443");
  });

  it("brackets an IPv6 address and accepts DNS names", () => {
    fs.writeFileSync(file(), K3S_YAML);
    assert.match(run({ GT_K3S_PUBLIC_HOST: "2001:db8::7" }).stdout, /server: https:\/\/\[2001:db8::7\]:6443/);
    assert.match(run({ GT_K3S_PUBLIC_HOST: "k3s.example.com" }).stdout, /server: https:\/\/k3s\.example\.com:6443/);
  });

  it("waits for the file to appear", () => {
    // The sleep stub plays k3s: the file appears during the second pause.
    s.writeState("k3s.yaml", K3S_YAML);
    s.stub(
      "sleep",
      `n=$(( $(cat "$STUB_STATE/sleeps" 2>/dev/null || echo 0) + 1 )); echo "$n" >"$STUB_STATE/sleeps"
(( n >= 2 )) && cp "$STUB_STATE/k3s.yaml" "$GT_ROOT/etc/rancher/k3s/k3s.yaml"
exit 0`,
    );
    const r = run({ GT_K3S_PUBLIC_HOST: "203.0.113.7", KUBECONFIG_WAIT_SECONDS: "30" });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(s.calls().filter((c) => c.startsWith("sleep")).length, 2);
    assert.match(r.stdout, /server: https:\/\/203\.0\.113\.7:6443/);
  });

  it("file never appears: bounded wait, exit 1, stdout empty", () => {
    const r = run({ GT_K3S_PUBLIC_HOST: "203.0.113.7", KUBECONFIG_WAIT_SECONDS: "0" });
    assert.equal(r.status, 1);
    assert.equal(r.stdout, "");
    assert.match(r.stderr, /did not appear within 0s.*systemctl status k3s/);
  });

  it("no 127.0.0.1:6443 server line: exit 1, stdout empty", () => {
    fs.writeFileSync(file(), K3S_YAML.replace("127.0.0.1:6443", "10.0.0.4:6443"));
    const r = run({ GT_K3S_PUBLIC_HOST: "203.0.113.7", KUBECONFIG_WAIT_SECONDS: "0" });
    assert.equal(r.status, 1);
    assert.equal(r.stdout, "");
    assert.match(r.stderr, /no 'server: https:\/\/127\.0\.0\.1:6443' line/);
  });

  it("rejects a missing or malformed host", () => {
    fs.writeFileSync(file(), K3S_YAML);
    for (const host of ["", "a b", "x;rm", "-bad"]) {
      const r = run({ GT_K3S_PUBLIC_HOST: host });
      assert.equal(r.status, 2, host);
      assert.equal(r.stdout, "");
    }
  });
});

/** A client certificate valid `days` from now, base64 of its PEM as a kubeconfig holds it. */
function clientCertificateData(dir: string, days: number): string {
  const crt = path.join(dir, `client-${days}.crt`);
  const r = spawnSync("openssl", ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", String(days), "-subj", "/O=system:masters/CN=system:admin", "-keyout", path.join(dir, "client.key"), "-out", crt], { encoding: "utf8" });
  assert.equal(r.status, 0, r.stderr);
  return fs.readFileSync(crt).toString("base64");
}

describe("read-kubeconfig.sh: renewal", () => {
  let s: StubDir;
  const file = () => path.join(s.root, "etc/rancher/k3s/k3s.yaml");
  const withCert = (data: string) => K3S_YAML.replace("Y2VydA==", data);
  const run = (waitSeconds = "5") =>
    runRendered(s, "read-kubeconfig", { GT_K3S_PUBLIC_HOST: "203.0.113.7", POLL_INTERVAL_SECONDS: "0", KUBECONFIG_WAIT_SECONDS: waitSeconds, RENEW_WITHIN_DAYS: "90" }, { extraEnv: { GT_ROOT: s.root } });

  beforeEach(() => {
    s = makeStubDir();
    fs.mkdirSync(path.dirname(file()), { recursive: true });
  });
  afterEach(() => s.cleanup());

  it("a certificate valid for more than the window: no restart, printed as is", () => {
    fs.writeFileSync(file(), withCert(clientCertificateData(s.dir, 365)));
    const r = run();
    assert.equal(r.status, 0, r.stderr);
    assert.ok(!s.calls().some((c) => c.startsWith("systemctl")));
  });

  it("a certificate expiring within the window: restarts k3s and prints the renewed kubeconfig", () => {
    const renewed = clientCertificateData(s.dir, 365);
    fs.writeFileSync(file(), withCert(clientCertificateData(s.dir, 20)));
    // systemctl plays k3s: a restart renews the certificate and rewrites the file.
    s.writeState("renewed.yaml", withCert(renewed));
    s.stub("systemctl", `[[ "$*" == "restart k3s" ]] && cp "$STUB_STATE/renewed.yaml" "$GT_ROOT/etc/rancher/k3s/k3s.yaml"`);
    const r = run();
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(s.calls().filter((c) => c.startsWith("systemctl")), ["systemctl restart k3s"]);
    assert.ok(r.stdout.includes(renewed), "the renewed certificate is not what was printed");
    assert.match(r.stdout, /server: https:\/\/203\.0\.113\.7:6443/);
  });

  it("not renewed after the restart: bounded, exit 1 with what to do, stdout empty", () => {
    fs.writeFileSync(file(), withCert(clientCertificateData(s.dir, 20)));
    s.stub("systemctl", "exit 0");
    const r = run("1");
    assert.equal(r.status, 1);
    assert.equal(r.stdout, "");
    assert.match(r.stderr, /k3s certificate rotate/);
  });
});
