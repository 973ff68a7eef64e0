/**
 * GitpodInstaller under mocks: the guard and the deploy step, what they wait on, the rendered
 * installer config in the command, and the triggers (a no-op up runs nothing).
 */
import { before, describe, it } from "node:test";
import * as assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import YAML from "yaml";
import { GitpodInstaller } from "../../components/gitpodInstaller";
import { COMMAND, FAKE_PRIVATE_KEY, fakeReady, fakeTarget, setupComponentMocks } from "../support/fixtures";
import { RecordedResource, Recording, valueOf } from "../support/mocks";
import { one } from "../support/program";

let run: Recording;
let installer: GitpodInstaller;

const FRAGMENT = {
    authProviders: [{ kind: "secret", name: "gitpod-auth-github-com" }],
    blockNewUsers: { enabled: true, passlist: ["example.com"] },
};

before(async () => {
    run = setupComponentMocks();
    const k3sReady = fakeReady("k3s-ready");
    installer = new GitpodInstaller("gitpod", {
        target: fakeTarget(),
        k3sReady,
        certificateReady: fakeReady("tls-certificate-ready"),
        corednsReady: fakeReady("coredns-ready"),
        imagesReady: fakeReady("images-ready"),
        prerequisites: [fakeReady("auth-secret")],
        namespace: "gitpod",
        domain: "gitpod.example.com",
        certificateSecret: "https-certificates",
        configFragment: FRAGMENT,
    });
    await valueOf(installer.ready.urn);
    await pulumi.runtime.disconnect();
});

const deploy = (): RecordedResource => one(run, COMMAND, "gitpod-deploy");
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

    it("sends the installer config: domain, certificate, k3s containerd, the fragment's auth providers and sign-up list", () => {
        const cfg = YAML.parse(param(deploy().inputs.create, "INSTALLER_CONFIG_YAML"));
        assert.equal(cfg.domain, "gitpod.example.com");
        assert.deepEqual(cfg.certificate, { kind: "secret", name: "https-certificates" });
        assert.equal(cfg.workspace.runtime.containerdSocket, "/run/k3s/containerd/containerd.sock");
        assert.deepEqual(cfg.authProviders, [{ kind: "secret", name: "gitpod-auth-github-com" }]);
        assert.deepEqual(cfg.blockNewUsers, { enabled: true, passlist: ["example.com"] });
        assert.equal(cfg.license, undefined, "no licence: the installer's built-in one applies");
    });

    it("the guard runs first, in installer mode, after the certificate, the CoreDNS fix, the image preflight and the Secrets", () => {
        assert.match(guard().inputs.create, /export INSTALL_MODE='\\''installer'\\''/);
        for (const name of ["tls-certificate-ready", "coredns-ready", "images-ready", "auth-secret"]) {
            assert.ok(guard().dependencies.includes(urnOf(name)), `guard waits on ${name}`);
            assert.ok(deploy().dependencies.includes(urnOf(name)), `deploy waits on ${name}`);
        }
        assert.ok(deploy().dependencies.includes(guard().urn), "deploy waits on the guard");
    });

    it("triggers: a new cluster installs afresh; the config is a parameter (changed -> update, same -> nothing)", () => {
        assert.deepEqual(deploy().inputs.triggers, ["k3s-ready-id"]);
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
