/**
 * gitpod-kots.sh against stubs: fresh install, app already installed (set config --merge, no
 * reinstall), unchanged (nothing run), licence refused (clear message, no install), a tampered
 * kots archive (refused). The kots binary is a stub packed into a real tar.gz whose sha256 the
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
const KOTS = `#!/usr/bin/env bash
printf '%s\\n' "kots $* pw=\${KOTS_SHARED_PASSWORD:-none}" >>"$STUB_LOG"
case "$1 $2" in
  "get apps")
    if [[ -f "$STUB_STATE/installed" ]]; then printf '[\\n    {\\n        "slug": "gitpod",\\n        "state": "ready",\\n        "versionlabel": "2022.11.3"\\n    }\\n]\\n'; else echo "[]"; fi ;;
  "install gitpod/stable")
    if [[ -f "$STUB_STATE/licence-refused" ]]; then
      echo "Error: failed to validate installation: failed to get latest license: failed to get license from api: unexpected result from get request: 401, data: license not found"
      exit 1
    fi
    touch "$STUB_STATE/installed"; echo "  • Deploying Admin Console" ;;
  "set config") echo "  • Config updated and deployed" ;;
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

// Installed means: the kotsadm Deployment exists.
const K3S = `[[ "$*" == "kubectl -n gitpod get deployment kotsadm" ]] || { echo "k3s stub: unexpected $*" >&2; exit 64; }
[[ -f "$STUB_STATE/installed" ]]`;

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

    it("app already installed, config changed: kots set config --merge --deploy, no reinstall", () => {
        assert.equal(run().status, 0);
        s.clearCalls();
        const changed = VALUES.replace("gitpod.example.com", "gitpod2.example.com");
        const r = run({}, changed);
        assert.equal(r.status, 0, r.stderr);
        assert.deepEqual(kotsCalls(), [
            "kots get apps -n gitpod -o json pw=none",
            `kots set config gitpod --namespace gitpod --config-file ${s.root}/var/lib/gitpod-tencent/kots/config-values.yaml --merge --deploy pw=none`,
        ]);
        assert.ok(!s.calls().some((c) => c.startsWith("curl")), "the plugin is not downloaded again, the licence not asked again");
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
