import { describe, it } from "node:test";
import * as assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import { ConfigError, RawConfig, validateConfig } from "../../../lib/config";

const SECRETS = { dnspodSecretId: pulumi.secret("AKIDx"), dnspodSecretKey: pulumi.secret("key") };
const VALID = { domain: "gitpod.example.com", acmeEmail: "ops@example.com", adminCidrs: JSON.stringify(["203.0.113.7/32"]) };

function raw(values: Record<string, string | undefined>, secrets: RawConfig["secrets"] = SECRETS): RawConfig {
    return { values: { ...VALID, ...values }, secrets, cloudCredentials: true };
}

function problemsOf(r: RawConfig): readonly string[] {
    try {
        validateConfig(r);
    } catch (e) {
        assert.ok(e instanceof ConfigError, `expected ConfigError, got ${String(e)}`);
        return e.problems;
    }
    return [];
}

describe("config: gitpodInstaller", () => {
    it("defaults to kots; installer is accepted", () => {
        assert.equal(validateConfig(raw({})).gitpodInstaller, "kots");
        assert.equal(validateConfig(raw({ gitpodInstaller: "installer" })).gitpodInstaller, "installer");
    });

    it("rejects another value, naming the key and the choices", () => {
        assert.deepEqual(problemsOf(raw({ gitpodInstaller: "helm" })), ['gitpod-tencent:gitpodInstaller: got "helm"; expected one of kots, installer']);
    });

    it("installer mode: every KOTS item in gitpodConfig is an error naming it; kots mode takes them", () => {
        const gitpodConfig = JSON.stringify({ openvsx_url: "https://open-vsx.example.com", ssh_gateway: "1" });
        assert.deepEqual(problemsOf(raw({ gitpodInstaller: "installer", gitpodConfig })), [
            "gitpod-tencent:gitpodConfig.openvsx_url: a KOTS item; installer mode has no KOTS items: set the installer config field through gitpodConfigPatch instead, or use gitpodInstaller: kots",
            "gitpod-tencent:gitpodConfig.ssh_gateway: a KOTS item; installer mode has no KOTS items: set the installer config field through gitpodConfigPatch instead, or use gitpodInstaller: kots",
        ]);
        assert.ok(!problemsOf(raw({ gitpodInstaller: "kots", gitpodConfig })).some((p) => p.includes("gitpodConfig.")));
    });

    it("installer mode: a kots download URL or an explicit licence is an error naming the key", () => {
        assert.deepEqual(problemsOf(raw({ gitpodInstaller: "installer", kotsDownloadUrl: "https://mirror.example.com/kots.tar.gz" })), [
            "gitpod-tencent:kotsDownloadUrl: only gitpodInstaller: kots uses it; remove it (pulumi config rm kotsDownloadUrl) or use gitpodInstaller: kots",
        ]);
        assert.deepEqual(problemsOf(raw({ gitpodInstaller: "installer" }, { ...SECRETS, gitpodLicense: pulumi.secret("apiVersion: kots.io/v1beta1") })), [
            "gitpod-tencent:gitpodLicense: only gitpodInstaller: kots uses it (installer mode needs no licence: Gitpod's built-in one applies); remove it (pulumi config rm gitpodLicense)",
        ]);
    });
});
