import { afterEach, beforeEach, describe, it } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { makeStubDir, runRendered, type StubDir } from "../support/stubs";

// The fake installer the curl stub "downloads": records its environment and whether the config
// files were already in place, then "installs" the version so `k3s --version` reports it. Like
// get.k3s.io's create_env_file(), it copies every K3S_* / CONTAINERD_* variable it inherits into
// k3s.service.env (the same pipeline, k3s-io/k3s install.sh).
const FAKE_INSTALLER = `#!/bin/sh
sh -c export | while read x v; do echo "$v"; done | grep -E '^(K3S|CONTAINERD)_' >"$STUB_STATE/k3s.service.env" || true
cfg=absent; [ -f "$GT_ROOT/etc/rancher/k3s/config.yaml" ] && cfg=present
tok=absent; [ -f "$GT_ROOT/etc/rancher/k3s/cluster-token" ] && tok=present
echo "installer INSTALL_K3S_VERSION=$INSTALL_K3S_VERSION INSTALL_K3S_EXEC=$INSTALL_K3S_EXEC INSTALL_K3S_MIRROR=\${INSTALL_K3S_MIRROR:-} config=$cfg token=$tok" >>"$STUB_LOG"
printf '%s' "$INSTALL_K3S_VERSION" >"$STUB_STATE/k3s-version"
echo "[INFO]  fake installer done"
`;

const STUBS: Record<string, string> = {
  k3s: `case "$1" in
  --version)
    [[ -f "$STUB_STATE/k3s-version" ]] || exit 127
    printf 'k3s version %s (3f79b289)\\ngo version go1.19.8\\n' "$(cat "$STUB_STATE/k3s-version")" ;;
  kubectl)
    [[ "$*" == "kubectl get --raw=/readyz" ]] || exit 64
    [[ -f "$STUB_STATE/k3s-version" && ! -f "$STUB_STATE/api-down" ]] || exit 1
    echo ok ;;
  *) exit 64 ;;
esac`,
  systemctl: `[[ "$1" == is-active ]] && exit "$(cat "$STUB_STATE/active-rc" 2>/dev/null || echo 0)"
exit 0`,
  curl: `out=""; url=""
while (($#)); do
  case "$1" in
    -o) out="$2"; shift 2 ;;
    --retry|--connect-timeout) shift 2 ;;
    -*) shift ;;
    *) url="$1"; shift ;;
  esac
done
[[ -f "$STUB_STATE/curl-fail" ]] && exit 22
cp "$STUB_STATE/installer.sh" "$out"`,
};

const VERSION = "v1.24.13+k3s1";
const CONFIG = "token-file: /etc/rancher/k3s/cluster-token\nflannel-backend: none\n";
const REGISTRIES = 'mirrors:\n  docker.io:\n    endpoint:\n      - "https://mirror.ccs.tencentyun.com"\n';
const TOKEN = "s3cr3t-t0ken";

describe("k3s-install.sh", () => {
  let s: StubDir;
  const k3sDir = () => path.join(s.root, "etc/rancher/k3s");
  const params = (over: Record<string, string> = {}) => ({
    GT_K3S_VERSION: VERSION,
    GT_K3S_CONFIG_YAML: CONFIG,
    GT_K3S_REGISTRIES_YAML: REGISTRIES,
    GT_K3S_MIRROR: "",
    GT_K3S_READY_TIMEOUT: "5",
    POLL_INTERVAL_SECONDS: "0",
    ...over,
  });
  const run = (over: Record<string, string> = {}, input = `${TOKEN}\n`) =>
    runRendered(s, "k3s-install", params(over), { input, extraEnv: { GT_ROOT: s.root } });
  const installerCalls = () => s.calls().filter((c) => c.startsWith("installer "));
  const restarts = () => s.calls().filter((c) => /^systemctl (restart|start)/.test(c));

  beforeEach(() => {
    s = makeStubDir(STUBS);
    s.writeState("installer.sh", FAKE_INSTALLER);
  });
  afterEach(() => s.cleanup());

  it("fresh host: writes token, config and registries (0600), then downloads and runs the installer, then waits for the API", () => {
    const r = run();
    assert.equal(r.status, 0, r.stderr);
    assert.equal(fs.readFileSync(path.join(k3sDir(), "cluster-token"), "utf8"), `${TOKEN}\n`);
    assert.equal(fs.readFileSync(path.join(k3sDir(), "config.yaml"), "utf8"), CONFIG);
    assert.equal(fs.readFileSync(path.join(k3sDir(), "registries.yaml"), "utf8"), REGISTRIES);
    for (const f of ["cluster-token", "config.yaml", "registries.yaml"]) {
      assert.equal(fs.statSync(path.join(k3sDir(), f)).mode & 0o777, 0o600, f);
    }
    const calls = s.calls();
    const curlAt = calls.findIndex((c) => c.startsWith("curl "));
    const instAt = calls.findIndex((c) => c.startsWith("installer "));
    const readyAt = calls.findIndex((c) => c === "k3s kubectl get --raw=/readyz");
    assert.ok(curlAt >= 0 && curlAt < instAt && instAt < readyAt, calls.join("\n"));
    assert.match(calls[curlAt], /^curl -sfL --retry 5 .*https:\/\/get\.k3s\.io$/);
    assert.equal(
      calls[instAt],
      `installer INSTALL_K3S_VERSION=${VERSION} INSTALL_K3S_EXEC=server INSTALL_K3S_MIRROR= config=present token=present`,
    );
    assert.deepEqual(restarts(), []);
    // The installer copies K3S_* variables into k3s's service environment: none of ours may be one.
    assert.equal(fs.readFileSync(path.join(s.state, "k3s.service.env"), "utf8"), "");
    // The token never shows in output or in any command line.
    assert.ok(!r.stdout.includes(TOKEN) && !r.stderr.includes(TOKEN));
    assert.ok(!fs.readFileSync(s.logFile, "utf8").includes(TOKEN));
    assert.equal(r.stdout, "");
  });

  it("second run with the same inputs: no download, no install, no restart", () => {
    assert.equal(run().status, 0);
    s.clearCalls();
    const r = run();
    assert.equal(r.status, 0, r.stderr);
    const calls = s.calls();
    assert.ok(!calls.some((c) => c.startsWith("curl") || c.startsWith("installer")), calls.join("\n"));
    assert.deepEqual(restarts(), []);
    assert.match(r.stderr, /configuration unchanged: nothing to do/);
  });

  it("changed GT_K3S_VERSION: the installer runs again with the new version (upgrade), no extra restart", () => {
    assert.equal(run().status, 0);
    s.clearCalls();
    const r = run({ GT_K3S_VERSION: "v1.24.17+k3s1" });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(installerCalls().length, 1);
    assert.match(installerCalls()[0], /INSTALL_K3S_VERSION=v1\.24\.17\+k3s1 /);
    assert.deepEqual(restarts(), []);
    assert.match(r.stderr, /k3s v1\.24\.13\+k3s1 installed, upgrading to v1\.24\.17\+k3s1/);
  });

  it("changed registries: restart only", () => {
    assert.equal(run().status, 0);
    s.clearCalls();
    const newRegs = REGISTRIES.replace("mirror.ccs.tencentyun.com", "other.example.com");
    const r = run({ GT_K3S_REGISTRIES_YAML: newRegs });
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(restarts(), ["systemctl restart k3s"]);
    assert.deepEqual(installerCalls(), []);
    assert.ok(!s.calls().some((c) => c.startsWith("curl")));
    assert.equal(fs.readFileSync(path.join(k3sDir(), "registries.yaml"), "utf8"), newRegs);
  });

  it("changed token or config: restart only", () => {
    assert.equal(run().status, 0);
    s.clearCalls();
    assert.equal(run({}, "other-token\n").status, 0);
    assert.deepEqual(restarts(), ["systemctl restart k3s"]);
    s.clearCalls();
    assert.equal(run({ GT_K3S_CONFIG_YAML: CONFIG + "node-name: x\n" }, "other-token\n").status, 0);
    assert.deepEqual(restarts(), ["systemctl restart k3s"]);
    assert.deepEqual(installerCalls(), []);
  });

  it("installed and unchanged but stopped: starts it", () => {
    assert.equal(run().status, 0);
    s.writeState("active-rc", "3");
    s.clearCalls();
    const r = run();
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(restarts(), ["systemctl start k3s"]);
  });

  it("GT_K3S_MIRROR=cn: the China installer and INSTALL_K3S_MIRROR=cn", () => {
    const r = run({ GT_K3S_MIRROR: "cn" });
    assert.equal(r.status, 0, r.stderr);
    assert.ok(s.calls().some((c) => /^curl .* https:\/\/rancher-mirror\.rancher\.cn\/k3s\/k3s-install\.sh$/.test(c)));
    assert.match(installerCalls()[0], /INSTALL_K3S_MIRROR=cn /);
  });

  it("download failure: non-zero with a message, installer not run", () => {
    s.writeState("curl-fail", "");
    const r = run();
    assert.equal(r.status, 1);
    assert.match(r.stderr, /downloading the k3s installer from https:\/\/get\.k3s\.io failed/);
    assert.deepEqual(installerCalls(), []);
  });

  it("empty token on stdin: failure before anything is written or downloaded", () => {
    for (const input of ["", "\n", "\r\nsecond-line\n"]) {
      const r = run({}, input);
      assert.equal(r.status, 2, JSON.stringify(input));
      assert.match(r.stderr, /no cluster token on stdin/);
    }
    assert.equal(fs.existsSync(path.join(k3sDir(), "config.yaml")), false);
    assert.deepEqual(s.calls(), []);
  });

  it("reads only the first line of stdin as the token", () => {
    assert.equal(run({}, "tok-1\r\nignored\n").status, 0);
    assert.equal(fs.readFileSync(path.join(k3sDir(), "cluster-token"), "utf8"), "tok-1\n");
  });

  it("API never ready: bounded wait, then says where to look", () => {
    s.writeState("api-down", "");
    const started = Date.now();
    const r = run({ GT_K3S_READY_TIMEOUT: "1", POLL_INTERVAL_SECONDS: "1" });
    assert.equal(r.status, 1);
    assert.ok(Date.now() - started < 10_000);
    assert.match(r.stderr, /did not become ready within 1s.*journalctl -u k3s.*systemctl status k3s/);
  });

  it("rejects bad parameters", () => {
    let r = run({ GT_K3S_MIRROR: "us" });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /GT_K3S_MIRROR must be 'cn' or empty, got 'us'/);
    r = run({ GT_K3S_VERSION: "latest" });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /GT_K3S_VERSION 'latest' is not a k3s release name/);
    r = run({ GT_K3S_CONFIG_YAML: "" });
    assert.equal(r.status, 2);
    assert.deepEqual(s.calls(), []);
  });
});
