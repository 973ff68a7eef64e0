/**
 * gitpod-kots.sh against stubs: fresh install, app already installed (set config --merge, no
 * reinstall, then the wait for kotsadm's deploy of the new version and the installer Job's Helm
 * upgrade; a failed or unfinished deploy is not recorded as applied), unchanged (nothing run),
 * licence refused (clear message, no install), a tampered kots archive (refused). The kots binary is a stub packed into a real tar.gz whose sha256 the
 * script checks; curl serves it, the checksums file and the licence endpoint's answer.
 */
import { afterEach, beforeEach, describe, it } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { kotsStdin } from "../../lib/kots";
import { makeStubDir, runRendered, type StubDir } from "../support/stubs";

const PASSWORD = "AdminPassw0rdFromStdin";
const LICENSE_ID = "273WZe6zHEcVHGOuIAviuyGXbgm";
const LICENSE = `apiVersion: kots.io/v1beta1\nkind: License\nspec:\n  appSlug: gitpod\n  endpoint: 'https://replicated.app'\n  licenseID: ${LICENSE_ID}\n`;
const VALUES = "apiVersion: kots.io/v1beta1\nkind: ConfigValues\nspec:\n  values:\n    domain:\n      value: gitpod.example.com\n";

// The kots binary: logs its arguments and whether the password came in its environment; state
// `installed` makes `get apps` list the app; `licence-refused` makes install fail as kotsadm does.
// `versions` holds "<sequence> <status>" lines, printed by `get versions -o json` the way
// kots 1.102.0 pkg/print/versions.go does. `set config` adds a version `deploying`, which the
// next listing turns into `deploy-result` (default deployed); a deployed version runs the
// installer Job, which saves its log (ConfigMap, k3s stub) unless `installer-hangs`.
const KOTS = `#!/usr/bin/env bash
printf '%s\\n' "kots $* pw=\${KOTS_SHARED_PASSWORD:-none}" >>"$STUB_LOG"
versions="$STUB_STATE/versions"
run_installer() {
  [[ -f "$STUB_STATE/installer-hangs" ]] && return
  echo $(( $(cat "$STUB_STATE/cm-version") + 1 )) >"$STUB_STATE/cm-version"
  cp "$STUB_STATE/installer-result.log" "$STUB_STATE/installer.log"
}
case "$1 $2" in
  "get apps")
    if [[ -f "$STUB_STATE/installed" ]]; then printf '[\\n    {\\n        "slug": "gitpod",\\n        "state": "ready",\\n        "versionlabel": "2022.11.3"\\n    }\\n]\\n'; else echo "[]"; fi ;;
  "get versions")
    if grep -q ' deploying$' "$versions"; then
      result="$(cat "$STUB_STATE/deploy-result" 2>/dev/null || echo deployed)"
      sed -i "s/ deploying$/ $result/" "$versions"
      [[ "$result" == deployed ]] && run_installer
    fi
    sort -n -r "$versions" | awk 'BEGIN { printf "[" } { printf "%s\\n    {\\n        \\"versionLabel\\": \\"2022.11.3\\",\\n        \\"sequence\\": %s,\\n        \\"createdOn\\": \\"2026-12-02T04:00:00Z\\",\\n        \\"status\\": \\"%s\\",\\n        \\"deployedAt\\": null,\\n        \\"source\\": \\"Config Change\\"\\n    }", (NR > 1 ? "," : ""), $1, $2 } END { print "\\n]" }' ;;
  "install gitpod/stable")
    if [[ -f "$STUB_STATE/licence-refused" ]]; then
      echo "Error: failed to validate installation: failed to get latest license: failed to get license from api: unexpected result from get request: 401, data: license not found"
      exit 1
    fi
    touch "$STUB_STATE/installed"; echo "0 deployed" >"$versions"; run_installer
    echo "  • Deploying Admin Console" ;;
  "set config")
    echo "$(( $(sort -n -r "$versions" | head -n 1 | cut -d' ' -f1) + 1 )) deploying" >>"$versions"
    echo "  • Updating gitpod configuration..." ;;
  *) echo "kots stub: unexpected $*" >&2; exit 64 ;;
esac
`;

const CURL = `out=""; url=""; args=("$@")
for ((i = 0; i < \${#args[@]}; i++)); do
  [[ "\${args[i]}" == -o ]] && out="\${args[i+1]}"
  [[ "\${args[i]}" == http* ]] && url="\${args[i]}"
done
case "$url" in
  */kots_linux_amd64.tar.gz) cp "$STUB_STATE/kots.tar.gz" "$out" ;;
  */kots_1.102.0_checksums.txt) cp "$STUB_STATE/checksums.txt" "$out" ;;
  https://replicated.app/license/gitpod) cat >"$STUB_STATE/curl-config"; printf '%s' "$(cat "$STUB_STATE/licence-code" 2>/dev/null || echo 200)" ;;
  *) echo "curl stub: unexpected $*" >&2; exit 7 ;;
esac`;

// Installed means: the kotsadm Deployment exists. The ConfigMap gitpod-installation-status:
// resourceVersion in state/cm-version, the installer log in state/installer.log.
const K3S = `case "$*" in
  "kubectl -n gitpod get deployment kotsadm") [[ -f "$STUB_STATE/installed" ]] ;;
  "kubectl -n gitpod get configmap gitpod-installation-status -o jsonpath={.metadata.resourceVersion}") cat "$STUB_STATE/cm-version" ;;
  "kubectl -n gitpod get configmap gitpod-installation-status -o jsonpath={.data.gitpod-installer\\\\.log}") cat "$STUB_STATE/installer.log" ;;
  *) echo "k3s stub: unexpected $*" >&2; exit 64 ;;
esac`;

// The end of kots-install.sh's log (gitpod-io/gitpod 2022.11.3 install/installer/scripts/kots-install.sh).
const HELM_PASSED = "Gitpod: Apply the Kubernetes objects with timeout of 30m\nRelease \"gitpod\" has been upgraded. Happy Helming!\nGitpod: Restarting installation status job\npod \"installation-status-5d9c\" deleted\n";
const HELM_FAILED = "Gitpod: Apply the Kubernetes objects with timeout of 30m\nError: UPGRADE FAILED: release gitpod failed, and has been rolled back due to atomic being set: timed out waiting for the condition\n";

const PARAMS = {
    GITPOD_NAMESPACE: "gitpod",
    APP_SLUG: "gitpod",
    APP_CHANNEL: "stable",
    APP_VERSION_LABEL: "2022.11.3",
    PLUGIN_VERSION: "1.102.0",
    PLUGIN_URL: "https://github.com/replicatedhq/kots/releases/download/v1.102.0/kots_linux_amd64.tar.gz",
    PLUGIN_SHA256: "",
    PLUGIN_CHECKSUMS_URL: "https://github.com/replicatedhq/kots/releases/download/v1.102.0/kots_1.102.0_checksums.txt",
    INSTALL_WAIT_DURATION: "15m",
    POLL_INTERVAL_SECONDS: "0",
};

/** Packs the kots stub into state/kots.tar.gz and writes the release's checksums file; returns the sha256. */
function packKots(s: StubDir): string {
    const dir = path.join(s.dir, "pack");
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, "kots"), KOTS, { mode: 0o755 });
    const tarball = path.join(s.state, "kots.tar.gz");
    const r = spawnSync("tar", ["-czf", tarball, "-C", dir, "kots"]);
    assert.equal(r.status, 0, String(r.stderr));
    const sha = createHash("sha256").update(fs.readFileSync(tarball)).digest("hex");
    s.writeState("checksums.txt", `${"0".repeat(64)}  kots_darwin_amd64.tar.gz\n${sha}  kots_linux_amd64.tar.gz\n`);
    return sha;
}

describe("gitpod-kots.sh", () => {
    let s: StubDir;
    let sha: string;
    const run = (params: Record<string, string> = {}, values = VALUES) =>
        runRendered(s, "gitpod-kots", { ...PARAMS, ...params }, { input: kotsStdin({ password: PASSWORD, license: LICENSE, configValues: values }), extraEnv: { GT_ROOT: s.root } });
    const kotsCalls = () => s.calls().filter((c) => c.startsWith("kots "));
    const mode = (rel: string) => (fs.statSync(path.join(s.root, rel)).mode & 0o777).toString(8);

    beforeEach(() => {
        s = makeStubDir({ curl: CURL, k3s: K3S });
        sha = packKots(s);
        s.writeState("cm-version", "100");
        s.writeState("installer-result.log", HELM_PASSED);
    });
    afterEach(() => s.cleanup());

    it("fresh install: checked plugin, files 0600, licence asked first, kots install headless with the password in its environment", () => {
        const r = run();
        assert.equal(r.status, 0, r.stderr);
        assert.equal(fs.readFileSync(path.join(s.root, "var/lib/gitpod-tencent/kots/plugin-version"), "utf8"), "1.102.0\n");
        assert.equal(mode("usr/local/bin/kubectl-kots"), "755");
        assert.equal(mode("var/lib/gitpod-tencent/kots"), "700");
        assert.equal(mode("var/lib/gitpod-tencent/kots/license.yaml"), "600");
        assert.equal(mode("var/lib/gitpod-tencent/kots/config-values.yaml"), "600");
        assert.equal(fs.readFileSync(path.join(s.root, "var/lib/gitpod-tencent/kots/config-values.yaml"), "utf8"), VALUES);
        // No kotsadm Deployment yet: no `get apps`, straight to the install.
        assert.deepEqual(kotsCalls(), [
            `kots install gitpod/stable --namespace gitpod --no-port-forward --license-file ${s.root}/var/lib/gitpod-tencent/kots/license.yaml --config-values ${s.root}/var/lib/gitpod-tencent/kots/config-values.yaml --app-version-label 2022.11.3 --wait-duration 15m pw=${PASSWORD}`,
        ]);
        // The licence id went to curl in a config on stdin, never in an argument.
        assert.equal(fs.readFileSync(path.join(s.state, "curl-config"), "utf8"), `user = "${LICENSE_ID}:${LICENSE_ID}"\n`);
        for (const line of s.calls()) {
            assert.ok(!line.includes(LICENSE_ID), `licence id in a command line: ${line}`);
            if (!line.startsWith("kots install")) assert.ok(!line.includes(PASSWORD), `password in a command line: ${line}`);
        }
        assert.match(r.stderr, new RegExp(`kubectl-kots 1\\.102\\.0 installed \\(sha256 ${sha}\\)`));
    });

    const SET_CONFIG = () =>
        `kots set config gitpod --namespace gitpod --config-file ${s.root}/var/lib/gitpod-tencent/kots/config-values.yaml --merge --deploy pw=none`;
    const CHANGED = VALUES.replace("gitpod.example.com", "gitpod2.example.com");
    const appliedDigest = () => fs.readFileSync(path.join(s.root, "var/lib/gitpod-tencent/kots/config-values.applied.sha256"), "utf8");
    const sha256 = (text: string) => createHash("sha256").update(text).digest("hex") + "\n";

    it("app already installed, config changed: set config --merge --deploy, waits for the new version and the installer Job, no reinstall", () => {
        assert.equal(run().status, 0);
        s.clearCalls();
        const r = run({}, CHANGED);
        assert.equal(r.status, 0, r.stderr);
        assert.deepEqual(kotsCalls(), [
            "kots get apps -n gitpod -o json pw=none",
            "kots get versions gitpod -n gitpod -o json pw=none",
            SET_CONFIG(),
            "kots get versions gitpod -n gitpod -o json pw=none",
        ]);
        assert.match(r.stderr, /version 1 of gitpod deployed by kotsadm/);
        assert.match(r.stderr, /the installer Job upgraded Gitpod's Helm release with the new config/);
        assert.equal(appliedDigest(), sha256(CHANGED));
        assert.ok(!s.calls().some((c) => c.startsWith("curl")), "the plugin is not downloaded again, the licence not asked again");
        // Applied: the next run has nothing to do.
        s.clearCalls();
        assert.equal(run({}, CHANGED).status, 0);
        assert.deepEqual(kotsCalls(), ["kots get apps -n gitpod -o json pw=none"]);
    });

    it("kotsadm fails to deploy the new version: exit 1 naming it, config not recorded, the next run applies it again", () => {
        assert.equal(run().status, 0);
        s.writeState("deploy-result", "failed");
        const r = run({}, CHANGED);
        assert.equal(r.status, 1);
        assert.match(r.stderr, /kotsadm failed to deploy version 1 of gitpod \(the changed config\); kotsadm's log: k3s kubectl -n gitpod logs deploy\/kotsadm/);
        assert.equal(appliedDigest(), sha256(VALUES));
        s.writeState("deploy-result", "deployed");
        s.clearCalls();
        const again = run({}, CHANGED);
        assert.equal(again.status, 0, again.stderr);
        assert.ok(kotsCalls().includes(SET_CONFIG()), "set config runs again");
        assert.match(again.stderr, /version 2 of gitpod deployed by kotsadm/);
        assert.equal(appliedDigest(), sha256(CHANGED));
    });

    it("Helm upgrade of the new version fails (rolled back): exit 1 with the installer log's end, config not recorded", () => {
        assert.equal(run().status, 0);
        s.writeState("installer-result.log", HELM_FAILED);
        const r = run({}, CHANGED);
        assert.equal(r.status, 1);
        assert.match(r.stderr, /the installer Job of the new version of gitpod failed \(helm rolled back; the old config is still live\)/);
        assert.match(r.stderr, /Error: UPGRADE FAILED: release gitpod failed, and has been rolled back/);
        assert.equal(appliedDigest(), sha256(VALUES));
    });

    it("deploy not finished within DEPLOY_WAIT_SECONDS: exit 1 with its status, config not recorded", () => {
        assert.equal(run().status, 0);
        s.writeState("deploy-result", "deploying");
        const r = run({ DEPLOY_WAIT_SECONDS: "0" }, CHANGED);
        assert.equal(r.status, 1);
        assert.match(r.stderr, /version 1 of gitpod not deployed after 0s \(status deploying\); kotsadm's log/);
        assert.equal(appliedDigest(), sha256(VALUES));
    });

    it("installer Job that never saves its log: exit 1 after the bound, pointing at the Job", () => {
        assert.equal(run().status, 0);
        s.writeState("installer-hangs", "");
        const r = run({ DEPLOY_WAIT_SECONDS: "1", POLL_INTERVAL_SECONDS: "1" }, CHANGED);
        assert.equal(r.status, 1);
        assert.match(r.stderr, /the installer Job of the new version of gitpod did not finish within 1s; the installer Job: k3s kubectl -n gitpod get jobs,pods -l component=gitpod-installer/);
        assert.equal(appliedDigest(), sha256(VALUES));
    });

    it("unchanged: nothing runs", () => {
        assert.equal(run().status, 0);
        s.clearCalls();
        const r = run();
        assert.equal(r.status, 0, r.stderr);
        assert.deepEqual(kotsCalls(), ["kots get apps -n gitpod -o json pw=none"]);
        assert.match(r.stderr, /installed and its config unchanged: nothing to do/);
    });

    it("licence refused by the endpoint: exit 3 at once with the doctor line, kots install never runs", () => {
        s.writeState("licence-code", "401");
        const r = run();
        assert.equal(r.status, 3);
        assert.match(r.stderr, /could not get the licence or the app from the licence endpoint: https:\/\/replicated\.app\/license\/gitpod answered HTTP 401/);
        assert.match(r.stderr, /npm run doctor/);
        assert.ok(!kotsCalls().some((c) => c.startsWith("kots install")));
    });

    it("licence refused inside kots (kotsadm's check): exit 3 quoting kots", () => {
        s.writeState("licence-refused", "");
        const r = run();
        assert.equal(r.status, 3);
        assert.match(r.stderr, /ERROR: kots could not get the licence .*: Error: failed to validate installation: failed to get latest license/);
    });

    it("a kots archive that does not match the checksums is refused, nothing installed", () => {
        s.writeState("checksums.txt", `${"a".repeat(64)}  kots_linux_amd64.tar.gz\n`);
        const r = run();
        assert.equal(r.status, 1);
        assert.match(r.stderr, new RegExp(`kots archive sha256 ${sha} does not match the expected a{64}: refusing to install it`));
        assert.equal(fs.existsSync(path.join(s.root, "usr/local/bin/kubectl-kots")), false);
        assert.deepEqual(kotsCalls(), []);
    });

    it("a pinned PLUGIN_SHA256 is used instead of the checksums file", () => {
        const r = run({ PLUGIN_SHA256: sha, PLUGIN_CHECKSUMS_URL: "" });
        assert.equal(r.status, 0, r.stderr);
        assert.ok(!s.calls().some((c) => c.includes("checksums")));
    });

    it("rejects bad parameters before reading anything", () => {
        const r = run({ APP_SLUG: "Gitpod" });
        assert.equal(r.status, 2);
        assert.match(r.stderr, /APP_SLUG 'Gitpod'/);
        assert.deepEqual(s.calls(), []);
    });
});
