/**
 * K3sServer under mocks: the order of the remote steps, where the secrets go, and the provider.
 * One component set per file (Pulumi's runtime is process-global).
 */
import { before, describe, it } from "node:test";
import * as assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import { K3sServer } from "../../components/k3sServer";
import { DEFAULT_DIAL, FIRST_CONTACT_DIAL } from "../../components/remote";
import { PINS } from "../../lib/versions";
import { COMMAND, fakeTarget, setupComponentMocks, testK3sServer } from "../support/fixtures";
import { RecordedResource, Recording, valueOf } from "../support/mocks";
import { byType, dependsOnTransitively, one } from "../support/program";

const HOST = "43.156.0.10";
const PRIVATE_KEY = "-----BEGIN OPENSSH PRIVATE KEY-----\nk3s-test-private-key\n-----END OPENSSH PRIVATE KEY-----\n";
const TOKEN = "mock-random-password-0123456789";
const KUBECONFIG = "apiVersion: v1\nkind: Config\nclusters:\n- cluster:\n    server: https://43.156.0.10:6443\n  name: default\n";

let run: Recording;
let k3s: K3sServer;

before(async () => {
    run = setupComponentMocks();
    k3s = testK3sServer("k3s", {
        target: fakeTarget(pulumi.output(HOST), PRIVATE_KEY),
        instanceId: pulumi.output("ins-0001"),
        tlsSans: ["gitpod.example.com"],
    });
    // A second server with the China mirror, only to read its install parameters.
    testK3sServer("k3scn", {
        target: fakeTarget("43.156.0.11", PRIVATE_KEY),
        instanceId: "ins-0002",
        mirror: true,
        registryMirrors: {},
        nodeLabels: { "example.com/role": "test" },
    });
    await valueOf(k3s.kubeconfig);
    await pulumi.runtime.disconnect();
});

const cmd = (suffix: string): RecordedResource => one(run, COMMAND, suffix);

describe("K3sServer: the remote steps", () => {
    it("records the component and its children (the mocks were in place)", () => {
        const component = one(run, "gitpod-tencent:cluster:K3sServer", "k3s");
        for (const child of [cmd("k3s-host-prep"), cmd("k3s-install"), cmd("k3s-kubeconfig"), one(run, "random:index/randomPassword:RandomPassword", "k3s-token"), one(run, "pulumi:providers:kubernetes", "k3s-provider")]) {
            assert.equal(child.parent, component.urn, `${child.name} is a child of the component`);
        }
    });

    it("host prep is the first contact: long dial retries", () => {
        const prep = cmd("k3s-host-prep");
        assert.equal(prep.inputs.connection.dialErrorLimit, FIRST_CONTACT_DIAL.dialErrorLimit);
        assert.equal(prep.inputs.connection.perDialTimeout, FIRST_CONTACT_DIAL.perDialTimeout);
        assert.ok(FIRST_CONTACT_DIAL.dialErrorLimit > DEFAULT_DIAL.dialErrorLimit);
        assert.equal(cmd("k3s-install").inputs.connection.dialErrorLimit, DEFAULT_DIAL.dialErrorLimit);
        assert.equal(prep.inputs.connection.user, "ubuntu");
        assert.equal(prep.inputs.connection.host, HOST);
        assert.match(prep.inputs.create, /^sudo bash -c '#!\/usr\/bin\/env bash\n# host-prep\.sh/);
    });

    it("the install waits on host prep, the kubeconfig on the install", () => {
        assert.ok(cmd("k3s-install").dependencies.includes(cmd("k3s-host-prep").urn));
        assert.ok(cmd("k3s-kubeconfig").dependencies.includes(cmd("k3s-install").urn));
        assert.ok(dependsOnTransitively(run, cmd("k3s-kubeconfig"), cmd("k3s-host-prep")));
        assert.ok(!dependsOnTransitively(run, cmd("k3s-host-prep"), cmd("k3s-install")));
    });

    it("the install carries the pinned version, config.yaml and registries.yaml as parameters", () => {
        const install = cmd("k3s-install");
        assert.equal(install.inputs.create, install.inputs.update, "update re-runs the same idempotent script");
        assert.match(install.inputs.create, /k3s-install\.sh/);
        assert.ok(install.inputs.create.includes(`export K3S_VERSION='\\''${PINS.k3s.version}'\\''`));
        assert.ok(install.inputs.create.includes("export K3S_MIRROR='\\'''\\''"), "no mirror: K3S_MIRROR empty");
        for (const expected of ["flannel-backend: none", "cluster-cidr: 10.42.0.0/16", `- ${HOST}`, "- gitpod.example.com", "gitpod.io/workload_workspace_regular=true", "https://mirror.ccs.tencentyun.com"]) {
            assert.ok(install.inputs.create.includes(expected), `install command contains ${expected}`);
        }
        const cn = cmd("k3scn-install");
        assert.ok(cn.inputs.create.includes("export K3S_MIRROR='\\''cn'\\''"));
        assert.ok(cn.inputs.create.includes("example.com/role=test") && !cn.inputs.create.includes("gitpod.io/workload"), "nodeLabels replace the default");
    });

    it("triggers are the instance id (and the kubeconfig renewal count): a no-op up runs nothing, a new VM replaces every step", () => {
        for (const suffix of ["k3s-host-prep", "k3s-install"]) {
            assert.deepEqual(cmd(suffix).inputs.triggers, ["ins-0001"], suffix);
        }
        assert.deepEqual(cmd("k3s-kubeconfig").inputs.triggers, ["ins-0001", 0]);
        for (const suffix of ["k3s-host-prep", "k3s-install", "k3s-kubeconfig"]) {
            assert.ok(cmd(suffix).replaceOnChanges.includes("triggers[*]"), `${suffix}: a changed trigger replaces`);
        }
    });

    it("the kubeconfig step renews k3s' certificates that expire within 90 days before reading", () => {
        assert.ok(cmd("k3s-kubeconfig").inputs.create.includes("export RENEW_WITHIN_DAYS='\\''90'\\''"));
    });
});

describe("K3sServer: secrets", () => {
    it("the token is a 48-character alphanumeric secret", () => {
        const token = one(run, "random:index/randomPassword:RandomPassword", "k3s-token");
        assert.equal(token.inputs.length, 48);
        assert.equal(token.inputs.special, false);
        assert.ok(token.additionalSecretOutputs.includes("result"));
    });

    it("the token reaches the VM only on the install's stdin, as a secret", () => {
        const install = cmd("k3s-install");
        assert.equal(install.inputs.stdin, TOKEN);
        assert.ok(install.secretPaths.includes("stdin"));
        for (const c of byType(run, COMMAND)) {
            if (c !== install && c.name !== "k3scn-install") assert.equal(c.inputs.stdin, undefined, `${c.name} gets no stdin`);
        }
    });

    it("no secret appears in any command string", () => {
        const secrets = [TOKEN, PRIVATE_KEY.split("\n")[1], KUBECONFIG.trim()];
        for (const c of byType(run, COMMAND)) {
            for (const field of ["create", "update"]) {
                const text: string = c.inputs[field] ?? "";
                assert.ok(text.length > 0, `${c.name}.${field} is set`);
                for (const s of secrets) assert.ok(!text.includes(s), `${c.name}.${field} holds no secret`);
            }
            assert.ok(c.secretPaths.includes("connection"), `${c.name}: the connection (private key) is secret`);
        }
    });

    it("the kubeconfig step logs nothing and stores stdout as a secret", () => {
        const kc = cmd("k3s-kubeconfig");
        assert.equal(kc.inputs.logging, "none");
        assert.ok(kc.additionalSecretOutputs.includes("stdout"));
        assert.ok(kc.inputs.create.includes(`export K3S_PUBLIC_HOST='\\''${HOST}'\\''`));
        assert.equal(cmd("k3s-install").inputs.logging, "stdoutAndStderr");
    });

    it("the kubeconfig and token outputs are secrets", async () => {
        assert.equal(await pulumi.isSecret(k3s.kubeconfig), true);
        assert.equal(await valueOf(k3s.kubeconfig), KUBECONFIG);
        assert.equal(await pulumi.isSecret(k3s.token), true);
    });
});

describe("K3sServer: the Kubernetes provider", () => {
    it("is built from the kubeconfig (secret) with SSA and the unreachable options", () => {
        const provider = one(run, "pulumi:providers:kubernetes", "k3s-provider");
        assert.equal(provider.inputs.kubeconfig, KUBECONFIG);
        assert.ok(provider.secretPaths.includes("kubeconfig"));
        assert.ok(provider.inputs.enableServerSideApply === true || provider.inputs.enableServerSideApply === "true", "SSA is on");
        for (const key of ["deleteUnreachable", "skipUpdateUnreachable"]) {
            assert.ok(provider.inputs[key] === false || provider.inputs[key] === "false", `${key} is off unless skipUnreachableCluster`);
        }
        assert.ok(provider.dependencies.includes(cmd("k3s-kubeconfig").urn), "the provider waits on the kubeconfig");
    });

    it("`ready` is the kubeconfig step (after the install)", async () => {
        assert.equal(await valueOf(k3s.ready.urn), cmd("k3s-kubeconfig").urn);
        assert.equal(await valueOf(k3s.provider.urn), one(run, "pulumi:providers:kubernetes", "k3s-provider").urn);
    });
});
