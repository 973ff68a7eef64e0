import { afterEach, beforeEach, describe, it } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { makeStubDir, runRendered, type StubDir } from "../support/stubs";

// k3s-install.sh with NODE_ROLE=agent: the k3s-agent service, started without blocking, and a
// bounded wait until systemd reports it active (k3s notifies READY only after the Node registered).

// The fake installer: records its environment, "installs" the version.
const FAKE_INSTALLER = `#!/bin/sh
echo "installer INSTALL_K3S_VERSION=$INSTALL_K3S_VERSION INSTALL_K3S_EXEC=$INSTALL_K3S_EXEC INSTALL_K3S_SKIP_START=\${INSTALL_K3S_SKIP_START:-}" >>"$STUB_LOG"
printf '%s' "$INSTALL_K3S_VERSION" >"$STUB_STATE/k3s-version"
`;

// systemctl: `is-active` answers from state: `joins-after N` = active from the N-th query on
// (after a start/restart), `never-joins` = never active.
const STUBS: Record<string, string> = {
    k3s: `[[ "$1" == --version && -f "$STUB_STATE/k3s-version" ]] || exit 127
printf 'k3s version %s (3f79b289)\\n' "$(cat "$STUB_STATE/k3s-version")"`,
    systemctl: `case "$1" in
  is-active)
    [[ -f "$STUB_STATE/started" && ! -f "$STUB_STATE/never-joins" ]] || exit 3
    n=$(( $(cat "$STUB_STATE/queries" 2>/dev/null || echo 0) + 1 )); echo "$n" >"$STUB_STATE/queries"
    (( n >= $(cat "$STUB_STATE/joins-after" 2>/dev/null || echo 1) )) || exit 3 ;;
  start|restart) touch "$STUB_STATE/started"; rm -f "$STUB_STATE/queries" ;;
esac`,
    curl: `out=""
while (($#)); do case "$1" in -o) out="$2"; shift 2 ;; --retry|--connect-timeout) shift 2 ;; *) shift ;; esac; done
cp "$STUB_STATE/installer.sh" "$out"`,
    journalctl: `echo 'level=error msg="failed to get CA certs: Get \\"https://10.0.1.10:6443/cacerts\\": dial tcp 10.0.1.10:6443: connect: connection refused"'`,
};

const VERSION = "v1.24.13+k3s1";
const CONFIG = "server: https://10.0.1.10:6443\ntoken-file: /etc/rancher/k3s/cluster-token\nnode-ip: 10.0.1.11\n";

describe("k3s-install.sh as an agent", () => {
    let s: StubDir;
    const run = (over: Record<string, string> = {}) =>
        runRendered(
            s,
            "k3s-install",
            { GT_K3S_VERSION: VERSION, GT_K3S_CONFIG_YAML: CONFIG, GT_K3S_REGISTRIES_YAML: "", GT_K3S_MIRROR: "", GT_K3S_ROLE: "agent", GT_K3S_READY_TIMEOUT: "5", POLL_INTERVAL_SECONDS: "0", ...over },
            { input: "agent-token\n", extraEnv: { GT_ROOT: s.root } },
        );
    const installerCalls = () => s.calls().filter((c) => c.startsWith("installer "));
    const serviceCalls = () => s.calls().filter((c) => /^systemctl (start|restart)/.test(c));

    beforeEach(() => {
        s = makeStubDir(STUBS);
        s.writeState("installer.sh", FAKE_INSTALLER);
    });
    afterEach(() => s.cleanup());

    it("fresh host: installs the agent without starting it, starts k3s-agent without blocking, waits until it joined", () => {
        s.writeState("joins-after", "3");
        const r = run();
        assert.equal(r.status, 0, r.stderr);
        assert.equal(fs.readFileSync(path.join(s.root, "etc/rancher/k3s/config.yaml"), "utf8"), CONFIG);
        assert.equal(fs.readFileSync(path.join(s.root, "etc/rancher/k3s/cluster-token"), "utf8"), "agent-token\n");
        assert.deepEqual(installerCalls(), [`installer INSTALL_K3S_VERSION=${VERSION} INSTALL_K3S_EXEC=agent INSTALL_K3S_SKIP_START=true`]);
        assert.deepEqual(serviceCalls(), ["systemctl restart --no-block k3s-agent"]);
        assert.equal(s.calls().filter((c) => c === "systemctl is-active --quiet k3s-agent").length, 3);
        assert.ok(!s.calls().some((c) => c.startsWith("k3s kubectl")), "an agent has no API to ask");
        assert.match(r.stderr, /waiting up to 5s for the agent to join https:\/\/10\.0\.1\.10:6443/);
        assert.match(r.stderr, /k3s agent joined/);
    });

    it("re-run with the same inputs: no install, no restart", () => {
        assert.equal(run().status, 0);
        s.clearCalls();
        const r = run();
        assert.equal(r.status, 0, r.stderr);
        assert.deepEqual(installerCalls(), []);
        assert.deepEqual(serviceCalls(), []);
        assert.match(r.stderr, /configuration unchanged: nothing to do/);
    });

    it("changed config (labels, server address): restarts k3s-agent only, without blocking", () => {
        assert.equal(run().status, 0);
        s.clearCalls();
        const r = run({ GT_K3S_CONFIG_YAML: CONFIG.replace("10.0.1.10", "10.0.1.12") });
        assert.equal(r.status, 0, r.stderr);
        assert.deepEqual(installerCalls(), []);
        assert.deepEqual(serviceCalls(), ["systemctl restart --no-block k3s-agent"]);
    });

    it("version upgrade: the installer runs with the new version, then k3s-agent restarts", () => {
        assert.equal(run().status, 0);
        s.clearCalls();
        const r = run({ GT_K3S_VERSION: "v1.24.17+k3s1" });
        assert.equal(r.status, 0, r.stderr);
        assert.deepEqual(installerCalls(), ["installer INSTALL_K3S_VERSION=v1.24.17+k3s1 INSTALL_K3S_EXEC=agent INSTALL_K3S_SKIP_START=true"]);
        assert.deepEqual(serviceCalls(), ["systemctl restart --no-block k3s-agent"]);
        assert.match(r.stderr, /k3s v1\.24\.13\+k3s1 installed, upgrading to v1\.24\.17\+k3s1/);
    });

    it("join failure: bounded, prints the agent's journal and says what to check", () => {
        s.writeState("never-joins", "");
        const started = Date.now();
        const r = run({ GT_K3S_READY_TIMEOUT: "1", POLL_INTERVAL_SECONDS: "1" });
        assert.equal(r.status, 1);
        assert.ok(Date.now() - started < 10_000);
        assert.match(r.stderr, /connect: connection refused/);
        assert.match(r.stderr, /ERROR: the k3s agent did not join https:\/\/10\.0\.1\.10:6443 within 1s .*6443 in from this subnet.*token.*Node password rejected/);
        assert.ok(s.calls().includes("journalctl -u k3s-agent -n 30 --no-pager"));
    });

    it("rejects an unknown role before touching anything", () => {
        const r = run({ GT_K3S_ROLE: "worker" });
        assert.equal(r.status, 2);
        assert.match(r.stderr, /GT_K3S_ROLE must be 'server' or 'agent', got 'worker'/);
        assert.deepEqual(s.calls(), []);
    });
});
