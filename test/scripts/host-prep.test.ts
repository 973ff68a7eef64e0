import { afterEach, beforeEach, describe, it } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { makeStubDir, runRendered, type StubDir } from "../support/stubs";

const STUBS: Record<string, string> = {
  "cloud-init": 'exit "$(cat "$STUB_STATE/cloud-init-rc" 2>/dev/null || echo 0)"',
  uname: '[[ "$1" == -r ]] || exit 1\ncat "$STUB_STATE/kernel" 2>/dev/null || echo 5.15.0-91-generic',
  dpkg: `[[ "$1" == -s ]] || exit 2
if [[ -f "$STUB_STATE/installed-$2" ]]; then
  printf 'Package: %s\\nStatus: install ok installed\\n' "$2"
else
  echo "dpkg-query: package '$2' is not installed and no information is available" >&2
  exit 1
fi`,
  "apt-get": `n="$(cat "$STUB_STATE/apt-locked" 2>/dev/null || echo 0)"
if (( n > 0 )); then
  echo $((n - 1)) >"$STUB_STATE/apt-locked"
  echo "E: Could not get lock /var/lib/dpkg/lock-frontend. It is held by process 1234 (unattended-upgr)" >&2
  exit 100
fi
[[ "$DEBIAN_FRONTEND" == noninteractive ]] || { echo "DEBIAN_FRONTEND not set" >&2; exit 3; }
for a in "$@"; do [[ "$a" == install ]] && touch "$STUB_STATE/installed-\${*: -1}"; done
exit 0`,
  sysctl: "exit 0",
};

const PARAMS = { APT_RETRY_DELAY_SECONDS: "0" };

describe("host-prep.sh", () => {
  let s: StubDir;
  const run = (params: Record<string, string> = {}) =>
    runRendered(s, "host-prep", { ...PARAMS, ...params }, { extraEnv: { GT_ROOT: s.root } });
  const conf = () => path.join(s.root, "etc/sysctl.d/90-gitpod.conf");

  beforeEach(() => {
    s = makeStubDir(STUBS);
  });
  afterEach(() => s.cleanup());

  it("fresh host: waits for cloud-init, checks the kernel, installs headers, writes and applies sysctl, in that order", () => {
    const r = run();
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, "");
    const calls = s.calls();
    const steps = calls.map((c) => c.split(" ").slice(0, 2).join(" "));
    assert.deepEqual(steps, [
      "cloud-init status",
      "uname -r",
      "dpkg -s",
      "apt-get -o",
      "apt-get -o",
      "sysctl --system",
    ]);
    assert.match(calls[0], /^cloud-init status --wait$/);
    assert.match(calls[2], /^dpkg -s linux-headers-5\.15\.0-91-generic$/);
    assert.match(calls[3], / update( |$)/);
    assert.match(calls[4], / install .*-y.* linux-headers-5\.15\.0-91-generic$/);
    const text = fs.readFileSync(conf(), "utf8");
    for (const line of ["fs.inotify.max_user_watches=1048576", "fs.inotify.max_user_instances=8192", "net.ipv4.ip_forward=1"]) {
      assert.ok(text.split("\n").includes(line), `missing ${line}`);
    }
    assert.equal(fs.statSync(conf()).mode & 0o777, 0o644);
    assert.match(r.stderr, /gitpod-tencent: host-prep: host prepared/);
  });

  it("second run changes nothing and says so", () => {
    assert.equal(run().status, 0);
    const before = fs.readFileSync(conf(), "utf8");
    s.clearCalls();
    const r = run();
    assert.equal(r.status, 0, r.stderr);
    const calls = s.calls();
    assert.ok(!calls.some((c) => c.startsWith("apt-get")), calls.join("\n"));
    assert.ok(!calls.some((c) => c.startsWith("sysctl")), calls.join("\n"));
    assert.equal(fs.readFileSync(conf(), "utf8"), before);
    assert.match(r.stderr, /nothing changed/);
    assert.equal(fs.readdirSync(path.dirname(conf())).length, 1, "no temp files left behind");
  });

  it("re-applies sysctl when the file was edited", () => {
    assert.equal(run().status, 0);
    fs.writeFileSync(conf(), "fs.inotify.max_user_watches=8192\n");
    s.clearCalls();
    const r = run();
    assert.equal(r.status, 0, r.stderr);
    assert.ok(s.calls().includes("sysctl --system"));
    assert.match(fs.readFileSync(conf(), "utf8"), /max_user_watches=1048576/);
  });

  it("accepts cloud-init exit 2 (degraded/recoverable)", () => {
    s.writeState("cloud-init-rc", "2");
    const r = run();
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /degraded/);
  });

  it("fails on other cloud-init exit codes with what to do", () => {
    s.writeState("cloud-init-rc", "1");
    const r = run();
    assert.equal(r.status, 1);
    assert.match(r.stderr, /cloud-init reported an error \(exit 1\).*cloud-init status --long/);
    assert.ok(!s.calls().some((c) => c.startsWith("apt-get")));
  });

  it("kernel 4.15: non-zero exit naming the kernel, nothing installed", () => {
    s.writeState("kernel", "4.15.0-213-generic");
    const r = run();
    assert.equal(r.status, 3);
    assert.match(r.stderr, /kernel 4\.15\.0-213-generic found, Gitpod needs >= 5\.4: use Ubuntu 20\.04 or newer/);
    assert.ok(!s.calls().some((c) => c.startsWith("apt-get") || c.startsWith("sysctl")));
    assert.equal(fs.existsSync(conf()), false);
  });

  it("accepts kernel 5.4 exactly and 6.x", () => {
    for (const k of ["5.4.0-1-generic", "6.8.0-40-generic"]) {
      s.writeState("kernel", k);
      const r = run();
      assert.equal(r.status, 0, `${k}: ${r.stderr}`);
    }
  });

  it("skips apt when the headers are installed", () => {
    s.writeState("installed-linux-headers-5.15.0-91-generic", "");
    const r = run();
    assert.equal(r.status, 0, r.stderr);
    assert.ok(!s.calls().some((c) => c.startsWith("apt-get")));
    assert.match(r.stderr, /already installed/);
  });

  it("retries while apt is locked, a bounded number of times", () => {
    s.writeState("apt-locked", "2");
    const r = run();
    assert.equal(r.status, 0, r.stderr);
    assert.equal(s.calls().filter((c) => c.startsWith("apt-get")).length, 4); // 2 locked + update + install
    assert.match(r.stderr, /apt is locked by another process \(attempt 1\/20\)/);

    s.writeState("apt-locked", "100");
    fs.rmSync(path.join(s.state, "installed-linux-headers-5.15.0-91-generic"));
    s.clearCalls();
    const r2 = run({ APT_LOCK_RETRIES: "3" });
    assert.equal(r2.status, 1);
    assert.equal(s.calls().filter((c) => c.startsWith("apt-get")).length, 3);
    assert.match(r2.stderr, /'apt-get update' failed/);
  });

  it("rejects a non-numeric parameter", () => {
    const r = run({ APT_LOCK_RETRIES: "many" });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /APT_LOCK_RETRIES must be a whole number/);
    assert.deepEqual(s.calls(), []);
  });
});
