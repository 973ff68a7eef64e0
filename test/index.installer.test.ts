/**
 * The whole program with `gitpodInstaller: installer`: Gitpod's own installer deploys it; no
 * kots resource exists; the deploy waits in the same order as the kots mode (certificate,
 * CoreDNS fix, image preflight), and the preflight asks for no KOTS image.
 */
import { before, describe, it } from "node:test";
import * as assert from "node:assert/strict";
import { COMMAND } from "./support/fixtures";
import { assertRecordedAtLeast, dependsOnTransitively, one, ProgramRun, runProgram } from "../tools/mock/program";

let run: ProgramRun;

before(async () => {
    run = await runProgram({ plain: { gitpodInstaller: "installer" } });
});

const deploy = () => one(run, COMMAND, "gitpod-deploy");

describe("the program in installer mode", () => {
    it("runs without error and declares the GitpodInstaller stage", () => {
        assert.equal(run.error, undefined, String(run.error));
        assertRecordedAtLeast(run, 30);
        assert.equal(run.resources.filter((r) => r.type === "gitpod-tencent:gitpod:GitpodInstaller").length, 1);
        assert.match(deploy().inputs.create, /gitpod-installer\.sh/);
    });

    it("has no kots resource: no kots command, no admin-console password, no licence", () => {
        const kots = run.resources.filter((r) => /kots|kotsadm|licen[cs]e|admin-?password/i.test(`${r.type} ${r.name}`));
        assert.deepEqual(kots.map((r) => `${r.type} ${r.name}`), []);
        for (const c of run.resources.filter((r) => r.type === COMMAND)) {
            assert.ok(!/^# gitpod-kots\.sh:/m.test(String(c.inputs.create)), `${c.name} runs scripts/gitpod-kots.sh`);
        }
        // The readiness wait is the kots mode's script, with its kots steps switched off.
        assert.match(one(run, COMMAND, "gitpod-wait").inputs.create, /export WAIT_MODE='\\''installer'\\''/);
    });

    it("the deploy waits on the certificate, the CoreDNS fix and the image preflight, after the mode guard", () => {
        const d = deploy();
        for (const [type, name] of [
            [COMMAND, "tls-wait-certificate"],
            ["kubernetes:core/v1:ConfigMap", "coredns-custom"],
            [COMMAND, "images-check"],
            [COMMAND, "gitpod-mode-guard"],
        ]) {
            const target = run.resources.find((r) => r.type === type && r.name.endsWith(name));
            assert.ok(target, `no ${type} *${name}`);
            assert.ok(dependsOnTransitively(run, d, target), `the deploy waits on ${name}`);
        }
        assert.match(one(run, COMMAND, "gitpod-mode-guard").inputs.create, /INSTALL_MODE='\\''installer'\\''/);
    });

    it("the image preflight checks the installer image and no KOTS-only image", () => {
        const checks: string = one(run, COMMAND, "images-check").inputs.create;
        assert.ok(checks.includes("eu.gcr.io/gitpod-core-dev/build/installer:release-2022.11.3 "));
        assert.ok(!checks.includes("kotsadm/kotsadm"));
        assert.ok(!checks.includes("installer:release-2022.11.2.16"));
    });

    it("waits for Gitpod to answer after the deploy, as the kots mode does", () => {
        assert.ok(dependsOnTransitively(run, one(run, COMMAND, "gitpod-wait"), deploy()));
    });

    it("outputs say there is no admin console (and no password), and which installer runs", () => {
        assert.equal(run.exports.gitpodInstaller, "installer");
        assert.equal(run.exports.adminPassword, undefined);
        assert.match(String(run.exports.adminConsole), /^none: gitpodInstaller is installer \(no kotsadm\).*https:\/\/gitpod\.example\.com\/admin/);
    });
});
