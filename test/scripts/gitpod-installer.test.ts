import { afterEach, beforeEach, describe, it } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { makeStubDir, runRendered, type StubDir } from "../support/stubs";

// k3s stub. `crictl pull` fails when state image-missing exists. `ctr --namespace k8s.io run`
// plays the installer image: it finds the host dir mounted at /work and answers the installer and
// helm commands the script runs, driven by state files: defaults.yaml (what `config init`
// writes), invalid-config / invalid-cluster (the installer's complaint, exit 1), shiftfs-fails,
// release (what `helm status -o json` prints; absent: no release), helm-fails. A successful
// `helm upgrade` writes release (deployed, revision + 1) and keeps the chart it deployed in
// deployed-gitpod.yaml. `kubectl` answers the diagnostics.
const K3S = fs.readFileSync(path.join(__dirname, "stubs", "k3s-gitpod-installer.bash"), "utf8");

const IMAGE = "eu.gcr.io/gitpod-core-dev/build/installer:release-2022.11.3";
const DEFAULTS = "apiVersion: v1\ndomain: \"\"\nkind: Full\n";
const CONFIG = "apiVersion: v1\ndomain: gitpod.example.com\nkind: Full\n";
const CHART = "apiVersion: v2\nname: gitpod-installer\nversion: 1.0.0\nappVersion: 2022.11.3\n";

describe("gitpod-installer.sh", () => {
    let s: StubDir;
    const run = (params: Record<string, string> = {}) =>
        runRendered(s, "gitpod-installer", {
            INSTALLER_IMAGE: IMAGE,
            GITPOD_NAMESPACE: "gitpod",
            INSTALLER_CONFIG_YAML: CONFIG,
            INSTALLER_CONFIG_DEFAULTS: DEFAULTS,
            INSTALLER_CHART_YAML: CHART,
            GT_ROOT: s.root,
            ...params,
        });
    /** The commands run inside the installer image, in order. */
    const inImage = () =>
        s
            .calls()
            .filter((c) => c.startsWith("k3s ctr "))
            .map((c) => c.replace(/^.* gitpod-installer-\d+-\d+ /, ""));
    const work = () => path.join(s.root, "var/lib/gitpod-tencent/installer");
    const state = (f: string) => fs.readFileSync(path.join(s.state, f), "utf8");

    beforeEach(() => {
        s = makeStubDir({ k3s: K3S });
        s.writeState("defaults.yaml", DEFAULTS);
    });
    afterEach(() => s.cleanup());

    it("fresh install: pulls the image, runs the installer's steps in order, then deploys one Helm release", () => {
        const r = run();
        assert.equal(r.status, 0, r.stderr);
        assert.equal(s.calls()[0], `k3s crictl pull ${IMAGE}`);
        assert.deepEqual(inImage(), [
            "/app/installer config init --overwrite -c /work/config-init.yaml",
            "/app/installer config cluster shiftfs -c /work/gitpod.config.yaml -n gitpod --timeout 120",
            "/app/installer config files containerd -c /work/gitpod.config.yaml --mount-path /host",
            "/app/installer validate config -c /work/gitpod.config.yaml",
            "/app/installer validate cluster -c /work/gitpod.config.yaml -n gitpod --kubeconfig /root/.kube/config",
            "/app/installer render -c /work/gitpod.config.yaml -n gitpod --use-experimental-config",
            "/usr/bin/helm status gitpod -n gitpod -o json",
            "/usr/bin/helm upgrade --install --atomic --cleanup-on-fail --reset-values --wait --timeout 1800s --namespace gitpod gitpod /work/chart",
        ]);
        assert.equal(fs.readFileSync(path.join(work(), "gitpod.config.yaml"), "utf8"), CONFIG);
        assert.equal(fs.statSync(work()).mode & 0o777, 0o700);
        assert.equal(state("deployed-Chart.yaml"), CHART);
        // Template-looking lines reach Helm as raw strings, as kots-install.sh escapes them.
        assert.match(state("deployed-gitpod.yaml"), /^\{\{` {2}tpl: "\{\{ \.Name \}\}"`\}\}$/m);
        assert.match(state("deployed-gitpod.yaml"), /^kind: ConfigMap$/m);
        assert.match(state("release"), /"version":1/);
        assert.match(r.stderr, /release gitpod deployed in namespace gitpod/);
    });

    it("every container runs with k3s's containerd, host network, the work dir, kubeconfig and containerd state mounted", () => {
        assert.equal(run().status, 0);
        const first = s.calls().find((c) => c.startsWith("k3s ctr "));
        assert.ok(first);
        assert.ok(
            first.startsWith(
                `k3s ctr --namespace k8s.io run --rm --net-host --mount type=bind,src=${work()},dst=/work,options=rbind:rw ` +
                    `--mount type=bind,src=${s.root}/etc/rancher/k3s/k3s.yaml,dst=/root/.kube/config,options=rbind:ro ` +
                    `--mount type=bind,src=${s.root}/run/k3s/containerd,dst=/host/run/k3s/containerd,options=bind:ro ` +
                    `--env HOME=/root --env KUBECONFIG=/root/.kube/config ${IMAGE} gitpod-installer-`,
            ),
            first,
        );
    });

    it("re-run: upgrades the release in place (revision 2), nothing rolled back or uninstalled", () => {
        assert.equal(run().status, 0);
        s.clearCalls();
        const r = run();
        assert.equal(r.status, 0, r.stderr);
        assert.match(state("release"), /"version":2/);
        assert.equal(inImage().filter((c) => /helm (rollback|uninstall)/.test(c)).length, 0);
        assert.equal(inImage().filter((c) => c.startsWith("/usr/bin/helm upgrade --install")).length, 1);
    });

    it("validation failure: shows the installer's message, exit 4, nothing deployed", () => {
        s.writeState("invalid-config", "{\"fatal\":[\"Field 'BlockNewUsers.Passlist' failed on the 'block_new_users_passlist' tag\"]}\n");
        const r = run();
        assert.equal(r.status, 4);
        assert.match(r.stderr, /installer validate config failed: nothing was deployed/);
        assert.match(r.stderr, /\| \{"fatal":\["Field 'BlockNewUsers\.Passlist' failed on the 'block_new_users_passlist' tag"\]\}/);
        assert.match(r.stderr, /\| Error: configuration invalid/);
        assert.equal(inImage().filter((c) => c.startsWith("/usr/bin/helm")).length, 0);
        assert.throws(() => state("release"));
    });

    it("cluster validation failure: exit 4, nothing deployed", () => {
        s.writeState("invalid-cluster", '{"status":"ERROR","items":[{"name":"https-certificates","status":"ERROR","errors":[{"message":"secret https-certificates not found"}]}]}\n');
        const r = run();
        assert.equal(r.status, 4);
        assert.match(r.stderr, /installer validate cluster failed: nothing was deployed[\s\S]*secret https-certificates not found/);
        assert.equal(inImage().filter((c) => c.startsWith("/usr/bin/helm")).length, 0);
    });

    it("installer image missing: clear message naming the image and the doctor, exit 3, the installer never runs", () => {
        s.writeState("image-missing", "");
        const r = run();
        assert.equal(r.status, 3);
        assert.match(r.stderr, /the installer image eu\.gcr\.io\/gitpod-core-dev\/build\/installer:release-2022\.11\.3 cannot be pulled: nothing was deployed/);
        assert.match(r.stderr, /containerd said: .*NotFound/);
        assert.match(r.stderr, /npm run doctor/);
        assert.match(r.stderr, /registry you control and map it with registryMirrors/);
        assert.deepEqual(inImage(), []);
    });

    it("deploy fails: rolled back by --atomic, pods and warning events printed, exit 1", () => {
        s.writeState("helm-fails", "");
        const r = run({ HELM_TIMEOUT_SECONDS: "60" });
        assert.equal(r.status, 1);
        assert.ok(inImage().includes("/usr/bin/helm upgrade --install --atomic --cleanup-on-fail --reset-values --wait --timeout 60s --namespace gitpod gitpod /work/chart"));
        assert.match(r.stderr, /did not become ready within 60s and was rolled back \(--atomic\)/);
        assert.match(r.stderr, /server-7d9 0\/1 ImagePullBackOff/);
        assert.match(r.stderr, /Failed to pull image/);
    });

    it("a release left pending by an interrupted run is rolled back first; an interrupted first install is uninstalled", () => {
        s.writeState("release", '{"name":"gitpod","info":{"status":"pending-upgrade"},"version":3}\n');
        let r = run();
        assert.equal(r.status, 0, r.stderr);
        const steps = inImage();
        assert.ok(steps.indexOf("/usr/bin/helm rollback gitpod -n gitpod --wait") < steps.findIndex((c) => c.startsWith("/usr/bin/helm upgrade")));
        assert.match(state("release"), /"version":4/);

        s.clearCalls();
        s.writeState("release", '{"name":"gitpod","info":{"status":"pending-install"},"version":1}\n');
        r = run();
        assert.equal(r.status, 0, r.stderr);
        assert.ok(inImage().includes("/usr/bin/helm uninstall gitpod -n gitpod --wait"));
    });

    it("an image whose defaults differ from the program's: a warning with the difference, then on", () => {
        s.writeState("defaults.yaml", "apiVersion: v1\ndomain: \"\"\nkind: Meta\n");
        const r = run();
        assert.equal(r.status, 0, r.stderr);
        assert.match(r.stderr, /WARNING: this installer image's defaults differ/);
        assert.match(r.stderr, /^\+kind: Meta$/m);
    });

    it("ShiftFS check fails: a warning, workspaces keep fuse, the install goes on", () => {
        s.writeState("shiftfs-fails", "");
        const r = run();
        assert.equal(r.status, 0, r.stderr);
        assert.match(r.stderr, /WARNING: the ShiftFS check did not finish; workspaces use fuse/);
    });

    it("rejects bad parameters before touching anything (exit 2)", () => {
        for (const [key, value, message] of [
            ["GITPOD_NAMESPACE", "Gitpod", /GITPOD_NAMESPACE 'Gitpod'/],
            ["INSTALLER_IMAGE", "installer", /INSTALLER_IMAGE 'installer'/],
            ["INSTALLER_CONFIG_YAML", "", /INSTALLER_CONFIG_YAML is not set or empty/],
            ["HELM_TIMEOUT_SECONDS", "10m", /HELM_TIMEOUT_SECONDS must be a whole number of seconds/],
        ] as const) {
            const r = run({ [key]: value });
            assert.equal(r.status, 2, key);
            assert.match(r.stderr, message);
        }
        assert.deepEqual(s.calls(), []);
    });
});
