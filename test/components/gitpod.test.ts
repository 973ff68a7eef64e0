/**
 * The Gitpod component under mocks: its children, what the kots step gets (parameters in the
 * command, secrets on stdin), the default and a custom licence, a mirrored kots archive, and
 * the readiness wait. Two instances in one process (Pulumi's runtime is process-global).
 */
import { before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import * as pulumi from "@pulumi/pulumi";
import * as YAML from "yaml";
import { COMMAND, fakeProvider, fakeReady, fakeTarget, SECRET, setupComponentMocks } from "../support/fixtures";
import { Recording, valueOf } from "../../tools/mock/mocks";
import { one } from "../../tools/mock/program";
import { Gitpod, GitpodArgs } from "../../components/gitpod";

const CUSTOM_LICENSE = "apiVersion: kots.io/v1beta1\nkind: License\nspec:\n  appSlug: gitpod\n  licenseID: myOwnLicence0123\n";
const MIRROR = "https://mirror.example.com/kots/kots_linux_amd64.tar.gz";
const SHA = "ab".repeat(32);

let run: Recording;
let plain: Gitpod;

before(async () => {
    run = setupComponentMocks();
    const provider = fakeProvider();
    const base: GitpodArgs = {
        target: fakeTarget(),
        publicIp: "43.156.0.10",
        provider,
        namespace: "gitpod",
        certificateReady: fakeReady("certificate-ready"),
        coreDnsReady: fakeReady("coredns-ready"),
        imagesReady: fakeReady("images-ready"),
        domain: "gitpod.example.com",
        acmeServer: "production",
        appSlug: "gitpod",
        channel: "stable",
        appVersion: "2022.11.3",
        kotsVersion: "1.102.0",
        kotsDownloadUrl: "",
        kotsSha256: "",
        items: {},
        authProviders: [{ type: "GitLab", host: "gitlab.example.com", clientId: "gl-id", clientSecret: pulumi.secret("gl-secret-value") }],
        signup: { allowedEmailDomains: ["example.com"] },
        workspaceImage: "gitpod/workspace-full:latest",
        userPatch: {},
    };
    plain = new Gitpod("gp", base);
    const custom = new Gitpod("gp2", {
        ...base,
        license: pulumi.secret(CUSTOM_LICENSE),
        kotsDownloadUrl: MIRROR,
        kotsSha256: SHA,
        acmeServer: "staging",
        authProviders: [],
        items: { installer_timeout: "90m" },
    });
    await Promise.all([valueOf(plain.ready.id), valueOf(custom.ready.id), valueOf(plain.adminConsole)]);
});

const stdinOf = (name: string) =>
    String(one(run, COMMAND, name).inputs.stdin)
        .trim()
        .split("\n")
        .map((l) => Buffer.from(l, "base64").toString("utf8"));
const commandOf = (name: string) => String(one(run, COMMAND, name).inputs.create);
/** A parameter's value as rendered into the command (`export KEY='value'` inside `bash -c '…'`). */
function param(name: string, key: string): string {
    const m = new RegExp(`^export ${key}='\\\\''(.*)'\\\\''$`, "m").exec(commandOf(name));
    assert.ok(m, `${name}: no parameter ${key}`);
    return m[1];
}

describe("Gitpod component", () => {
    it("owns the auth Secrets, the admin password, the kots step and the wait", () => {
        const component = one(run, "gitpod-tencent:gitpod:Gitpod", "gp");
        const auth = one(run, "gitpod-tencent:gitpod:AuthProviderSecrets", "gp-auth");
        assert.equal(auth.parent, component.urn);
        assert.equal(one(run, SECRET, "gp-auth-gitlab.example.com").parent, auth.urn);
        for (const r of [one(run, "random:index/randomPassword:RandomPassword", "gp-admin-password"), one(run, COMMAND, "gp-kots"), one(run, COMMAND, "gp-wait")]) {
            assert.equal(r.parent, component.urn, r.name);
        }
    });

    it("waits for the certificate, CoreDNS, the images and the auth Secret before kots runs", () => {
        const install = one(run, COMMAND, "gp-kots");
        for (const dep of ["certificate-ready", "coredns-ready", "images-ready"]) {
            assert.ok(install.dependencies.includes(one(run, "command:local:Command", dep).urn), dep);
        }
        assert.ok(install.dependencies.includes(one(run, SECRET, "gp-auth-gitlab.example.com").urn));
        assert.ok(one(run, COMMAND, "gp-wait").dependencies.includes(install.urn));
    });

    it("runs the install-mode guard in kots mode first (refuses a namespace the installer mode deployed)", () => {
        const guard = one(run, COMMAND, "gp-mode-guard");
        assert.match(String(guard.inputs.create), /export INSTALL_MODE='\\''kots'\\''/);
        assert.ok(one(run, COMMAND, "gp-kots").dependencies.includes(guard.urn));
        assert.ok(guard.dependencies.includes(one(run, "command:local:Command", "certificate-ready").urn));
    });

    it("installs the pinned kots from GitHub, checked against the release's checksums, and the Community licence", () => {
        const cmd = commandOf("gp-kots");
        assert.equal(param("gp-kots", "PLUGIN_URL"), "https://github.com/replicatedhq/kots/releases/download/v1.102.0/kots_linux_amd64.tar.gz");
        assert.equal(param("gp-kots", "PLUGIN_CHECKSUMS_URL"), "https://github.com/replicatedhq/kots/releases/download/v1.102.0/kots_1.102.0_checksums.txt");
        assert.equal(param("gp-kots", "PLUGIN_SHA256"), "");
        assert.equal(param("gp-kots", "APP_VERSION_LABEL"), "2022.11.3");
        assert.equal(param("gp-kots", "GITPOD_NAMESPACE"), "gitpod");
        const [password, license] = stdinOf("gp-kots");
        assert.equal(password, "mock-random-password-0123456789");
        assert.match(license, /customerName: Community/);
        assert.ok(!cmd.includes("mock-random-password"));
    });

    it("uses a mirror with its sha256, a custom licence, and the user's items", () => {
        const cmd = commandOf("gp2-kots");
        assert.equal(param("gp2-kots", "PLUGIN_URL"), MIRROR);
        assert.equal(param("gp2-kots", "PLUGIN_SHA256"), SHA);
        assert.equal(param("gp2-kots", "PLUGIN_CHECKSUMS_URL"), "");
        const [, license, values] = stdinOf("gp2-kots");
        assert.equal(license, CUSTOM_LICENSE);
        assert.equal(YAML.parse(values).spec.values.installer_timeout.value, "90m");
        assert.ok(!cmd.includes("myOwnLicence0123"));
        assert.ok(one(run, COMMAND, "gp2-kots").secretPaths.includes("stdin"));
    });

    it("waits in kots mode, verifying the chain only for production certificates", () => {
        assert.equal(param("gp-wait", "WAIT_MODE"), "kots");
        assert.equal(param("gp-wait", "ACME_ENVIRONMENT"), "production");
        assert.equal(param("gp2-wait", "ACME_ENVIRONMENT"), "staging");
        assert.equal(param("gp-wait", "WAIT_TIMEOUT_SECONDS"), "2700");
    });

    it("after the wait, restarts the server when an OAuth app's Secret changes; the digest only on stdin", () => {
        const reload = one(run, COMMAND, "gp-auth-reload");
        assert.match(String(reload.inputs.create), /^# gitpod-auth-reload\.sh:/m);
        assert.ok(reload.dependencies.includes(one(run, COMMAND, "gp-wait").urn));
        assert.ok(reload.dependencies.includes(one(run, SECRET, "gp-auth-gitlab.example.com").urn));
        assert.ok(reload.secretPaths.includes("stdin"));
        const digest = String(reload.inputs.stdin).trim();
        // The digest of the Secret's content, client secret included: a rotation changes it.
        const provider = String(one(run, SECRET, "gp-auth-gitlab.example.com").inputs.stringData.provider);
        assert.match(provider, /clientSecret: gl-secret-value/);
        assert.equal(digest, createHash("sha256").update(provider, "utf8").digest("hex"));
        // The trigger that re-runs it is the same digest, kept secret.
        assert.deepEqual(reload.inputs.triggers, [digest]);
        assert.ok(reload.secretPaths.some((p) => p.startsWith("triggers")));
        assert.ok(!String(reload.inputs.create).includes(digest));
        assert.equal(run.resources.filter((r) => r.name === "gp2-auth-reload").length, 0, "no OAuth apps: no reload step");
    });

    it("gives the callback URL per host and the admin console command", async () => {
        assert.deepEqual(plain.callbackUrls, { "gitlab.example.com": "https://gitpod.example.com/auth/gitlab.example.com/callback" });
        assert.match(await valueOf(plain.adminConsole), /^ssh -i gitpod-tencent\.pem -L 8800:127\.0\.0\.1:8800 ubuntu@43\.156\.0\.10 /);
        assert.equal(await pulumi.isSecret(plain.adminPassword), true);
    });
});
