/**
 * GitpodInstaller under mocks: the auth-provider Secret, the guard, the deploy and the wait, what
 * they wait on, the rendered installer config in the command, and the triggers (a no-op up runs
 * nothing).
 */
import { before, describe, it } from "node:test";
import * as assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import YAML from "yaml";
import { GitpodInstaller } from "../../components/gitpodInstaller";
import { COMMAND, FAKE_PRIVATE_KEY, fakeProvider, fakeReady, fakeTarget, SECRET, setupComponentMocks } from "../support/fixtures";
import { RecordedResource, Recording, valueOf } from "../../tools/mock/mocks";
import { one } from "../../tools/mock/program";

let run: Recording;
let installer: GitpodInstaller;

const CLIENT_SECRET = "github-client-secret-value";

before(async () => {
    run = setupComponentMocks();
    installer = new GitpodInstaller("gitpod", {
        target: fakeTarget(),
        provider: fakeProvider(),
        certificateReady: fakeReady("tls-certificate-ready"),
        coreDnsReady: fakeReady("coredns-ready"),
        imagesReady: fakeReady("images-ready"),
        namespace: "gitpod",
        domain: "gitpod.example.com",
        acmeServer: "production",
        appVersion: "2022.11.3",
        authProviders: [{ type: "GitHub", host: "github.com", clientId: "Iv1.0123", clientSecret: pulumi.secret(CLIENT_SECRET) }],
        signup: { allowedEmailDomains: ["example.com"] },
        workspaceImage: "gitpod/workspace-full:latest",
        userPatch: { workspace: { maxLifetime: "8h" } },
    });
    await valueOf(installer.ready.urn);
    await pulumi.runtime.disconnect();
});

const deploy = (): RecordedResource => one(run, COMMAND, "gitpod-deploy");
const wait = (): RecordedResource => one(run, COMMAND, "gitpod-wait");
const guard = (): RecordedResource => one(run, COMMAND, "gitpod-mode-guard");
const urnOf = (name: string) => run.resources.find((r) => r.name === name)!.urn;

/** The value of `export KEY='...'` in a rendered command (quoted once more by remoteScriptCommand). */
function param(create: string, key: string): string {
    const m = new RegExp(`export ${key}='\\\\''([\\s\\S]*?)'\\\\''\\n`).exec(create);
    assert.ok(m, `no ${key} in the command`);
    return m[1];
}

describe("GitpodInstaller", () => {
    it("runs scripts/gitpod-installer.sh with the release's installer image, namespace and Helm bound", () => {
        const create: string = deploy().inputs.create;
        assert.match(create, /gitpod-installer\.sh: render Gitpod with its own installer/);
        assert.equal(param(create, "INSTALLER_IMAGE"), "eu.gcr.io/gitpod-core-dev/build/installer:release-2022.11.3");
        assert.equal(param(create, "GITPOD_NAMESPACE"), "gitpod");
        assert.equal(param(create, "HELM_TIMEOUT_SECONDS"), "1800");
        assert.equal(deploy().inputs.update, create, "an update re-runs the same script (helm upgrade in place)");
    });

    it("sends the installer config: domain, certificate, k3s containerd, the auth-provider Secret, sign-up list, the user's patch", () => {
        const cfg = YAML.parse(param(deploy().inputs.create, "INSTALLER_CONFIG_YAML"));
        assert.equal(cfg.domain, "gitpod.example.com");
        assert.deepEqual(cfg.certificate, { kind: "secret", name: "https-certificates" });
        assert.equal(cfg.workspace.runtime.containerdSocket, "/run/k3s/containerd/containerd.sock");
        assert.deepEqual(cfg.authProviders, [{ kind: "secret", name: "gitpod-auth-github-com" }]);
        assert.equal(one(run, SECRET, "gitpod-auth-github.com").inputs.metadata.name, "gitpod-auth-github-com");
        assert.deepEqual(cfg.blockNewUsers, { enabled: true, passlist: ["example.com"] });
        assert.equal(cfg.workspace.maxLifetime, "8h");
        assert.equal(cfg.license, undefined, "no licence: the installer's built-in one applies");
        assert.ok(!deploy().inputs.create.includes(CLIENT_SECRET), "the client secret stays in the Secret");
    });

    it("then waits for https://<domain>/api/version like the kots mode, without kots' checks", () => {
        const create: string = wait().inputs.create;
        assert.equal(param(create, "WAIT_MODE"), "installer");
        assert.equal(param(create, "DOMAIN"), "gitpod.example.com");
        assert.equal(param(create, "ACME_ENVIRONMENT"), "production");
        assert.ok(wait().dependencies.includes(deploy().urn));
        assert.equal(wait().inputs.triggers[0], "gitpod-deploy-id");
    });

    it("the guard runs first, in installer mode, after the certificate, the CoreDNS fix, the image preflight and the Secrets", () => {
        assert.match(guard().inputs.create, /export INSTALL_MODE='\\''installer'\\''/);
        for (const name of ["tls-certificate-ready", "coredns-ready", "images-ready", "gitpod-auth-github.com"]) {
            assert.ok(guard().dependencies.includes(urnOf(name)), `guard waits on ${name}`);
            assert.ok(deploy().dependencies.includes(urnOf(name)), `deploy waits on ${name}`);
        }
        assert.ok(deploy().dependencies.includes(guard().urn), "deploy waits on the guard");
    });

    it("triggers: a new certificate wait (new cluster) installs afresh; the config is a parameter (changed -> update)", () => {
        assert.deepEqual(deploy().inputs.triggers, ["tls-certificate-ready-id"]);
    });

    it("after the wait, restarts the server when the OAuth app's Secret changes (digest on stdin, secret)", () => {
        const reload = one(run, COMMAND, "gitpod-auth-reload");
        assert.match(String(reload.inputs.create), /^# gitpod-auth-reload\.sh:/m);
        assert.ok(reload.dependencies.includes(wait().urn));
        assert.ok(reload.secretPaths.includes("stdin"));
        assert.ok(!String(reload.inputs.create).includes(CLIENT_SECRET));
    });

    it("is bounded, parented to the component, and carries no secret in its command", () => {
        assert.deepEqual(deploy().customTimeouts, { create: "2700s", update: "2700s", delete: "" });
        const component = run.resources.find((r) => r.type === "gitpod-tencent:gitpod:GitpodInstaller");
        assert.ok(component);
        assert.equal(deploy().parent, component.urn);
        assert.equal(guard().parent, component.urn);
        assert.ok(!deploy().inputs.create.includes(FAKE_PRIVATE_KEY));
        assert.equal(deploy().inputs.stdin, undefined);
    });
});
