import { describe, it } from "node:test";
import * as assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import { RawConfig, validateConfig } from "../../../lib/config";
import { problemsOf, rawConfig, TEST_SECRETS } from "../../support/config";

const raw = (values: Record<string, string | undefined>, secrets: RawConfig["secrets"] = TEST_SECRETS): RawConfig => rawConfig(values, { secrets });

describe("config: gitpodInstaller", () => {
    it("defaults to kots; installer is accepted", () => {
        assert.equal(validateConfig(raw({})).gitpodInstaller, "kots");
        assert.equal(validateConfig(raw({ gitpodInstaller: "installer" })).gitpodInstaller, "installer");
    });

    it("rejects another value, naming the key and the choices", () => {
        assert.deepEqual(problemsOf(raw({ gitpodInstaller: "helm" })), ['gitpod-tencent:gitpodInstaller: got "helm"; expected one of kots, installer']);
    });

    it("installer mode: every KOTS item in gitpodConfig is an error naming it; kots mode takes them", () => {
        const gitpodConfig = JSON.stringify({ installer_timeout: "30m", ssh_gateway: "0" });
        assert.deepEqual(problemsOf(raw({ gitpodInstaller: "installer", gitpodConfig })), [
            "gitpod-tencent:gitpodConfig.installer_timeout: a KOTS item; installer mode has no KOTS items: set the installer config field through gitpodConfigPatch instead, or use gitpodInstaller: kots",
            "gitpod-tencent:gitpodConfig.ssh_gateway: a KOTS item; installer mode has no KOTS items: set the installer config field through gitpodConfigPatch instead, or use gitpodInstaller: kots",
        ]);
        assert.deepEqual(problemsOf(raw({ gitpodInstaller: "kots", gitpodConfig })), []);
    });

    it("installer mode: a gitpodConfigPatch stored as a secret is refused (its config goes into the command); kots mode takes it", () => {
        const gitpodConfigPatch = JSON.stringify({ workspace: { maxLifetime: "8h" } });
        const encrypted = (mode: string) => rawConfig({ gitpodInstaller: mode, gitpodConfigPatch }, { secrets: TEST_SECRETS, storedEncrypted: ["gitpodConfigPatch"] });
        assert.deepEqual(problemsOf(encrypted("installer")), [
            "gitpod-tencent:gitpodConfigPatch: stored as a secret, but installer mode puts the installer config in the deploy command (plain state); keep secrets in Kubernetes Secrets the config names, set the patch without --secret, or use gitpodInstaller: kots (which sends it on stdin)",
        ]);
        assert.deepEqual(problemsOf(encrypted("kots")), []);
        assert.deepEqual(problemsOf(raw({ gitpodInstaller: "installer", gitpodConfigPatch })), []);
    });

    it("installer mode: a kots download, channel or an explicit licence is an error naming the key", () => {
        const sha = "0".repeat(64);
        assert.deepEqual(problemsOf(raw({ gitpodInstaller: "installer", kotsDownloadUrl: "https://mirror.example.com/kots.tar.gz", kotsSha256: sha, kotsChannel: "beta" })), [
            "gitpod-tencent:kotsChannel: only gitpodInstaller: kots uses it; remove it (pulumi config rm kotsChannel) or use gitpodInstaller: kots",
            "gitpod-tencent:kotsDownloadUrl: only gitpodInstaller: kots uses it; remove it (pulumi config rm kotsDownloadUrl) or use gitpodInstaller: kots",
            "gitpod-tencent:kotsSha256: only gitpodInstaller: kots uses it; remove it (pulumi config rm kotsSha256) or use gitpodInstaller: kots",
        ]);
        assert.deepEqual(problemsOf(raw({ gitpodInstaller: "installer" }, { ...TEST_SECRETS, gitpodLicense: pulumi.secret("apiVersion: kots.io/v1beta1") })), [
            "gitpod-tencent:gitpodLicense: only gitpodInstaller: kots uses it (installer mode needs no licence: Gitpod's built-in one applies); remove it (pulumi config rm gitpodLicense)",
        ]);
    });

    it("installer mode: a release without a recorded installer image, and a patch setting what the program owns, are errors", () => {
        assert.deepEqual(problemsOf(raw({ gitpodInstaller: "installer", gitpodVersion: "2022.12.1" })), [
            'gitpod-tencent:gitpodVersion: got "2022.12.1"; expected a release whose installer image is recorded (2022.11.3) in installer mode',
        ]);
        const gitpodConfigPatch = JSON.stringify({ domain: "other.example.com", workspace: { maxLifetime: "8h" } });
        assert.deepEqual(problemsOf(raw({ gitpodInstaller: "installer", gitpodConfigPatch })), [
            "gitpod-tencent:gitpodConfigPatch.domain: set by the program (domain, TLS stage, in-cluster services, k3s containerd); it cannot be changed through the installer config",
        ]);
    });
});
