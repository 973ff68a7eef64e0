/**
 * K3sServer under mocks: the order of the remote steps, where the secrets go, and the provider.
 * One component set per file (Pulumi's runtime is process-global).
 */
import { before, describe, it } from "node:test";
import * as assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import { K3sServer, UNREACHABLE_ENV } from "../../components/k3sServer";
import { DEFAULT_DIAL, FIRST_CONTACT_DIAL } from "../../components/remote";
import YAML from "yaml";
import { COMMAND, fakeReady, fakeTarget, scriptParam, setupComponentMocks, testK3sServer } from "../support/fixtures";
import { RecordedResource, Recording, valueOf } from "../../tools/mock/mocks";
import { byType, dependsOnTransitively, one } from "../../tools/mock/program";

const HOST = "43.156.0.10";
const PRIVATE_KEY = "-----BEGIN OPENSSH PRIVATE KEY-----\nk3s-test-private-key\n-----END OPENSSH PRIVATE KEY-----\n";
const TOKEN = "mock-random-password-0123456789";
const KUBECONFIG = "apiVersion: v1\nkind: Config\nclusters:\n- cluster:\n    server: https://43.156.0.10:6443\n  name: default\n";

let run: Recording;
let k3s: K3sServer;
const warnings: string[] = [];

before(async () => {
    run = setupComponentMocks();
    const warn = pulumi.log.warn;
    pulumi.log.warn = async (message: string) => void warnings.push(message);
    const firewall = fakeReady("firewall");
    k3s = testK3sServer("k3s", {
        target: { ...fakeTarget(pulumi.output(HOST), PRIVATE_KEY), reachableAfter: [firewall] },
        instanceId: pulumi.output("ins-0001"),
        bootDisk: pulumi.output('["ins-0001","img-1"]'),
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
    // The operations stage's case: a destroy after the VM is gone.
    const gone = testK3sServer("k3sgone", { target: fakeTarget("43.156.0.12", PRIVATE_KEY), instanceId: "ins-0003", skipUnreachableCluster: true });
    // The provider's own escape hatch, set for one run.
    for (const v of UNREACHABLE_ENV) delete process.env[v];
    process.env.PULUMI_K8S_DELETE_UNREACHABLE = "true";
    testK3sServer("k3senv", { target: fakeTarget("43.156.0.13", PRIVATE_KEY), instanceId: "ins-0004" });
    delete process.env.PULUMI_K8S_DELETE_UNREACHABLE;
    await Promise.all([valueOf(k3s.kubeconfig), valueOf(gone.kubeconfig)]);
    await pulumi.runtime.disconnect();
    pulumi.log.warn = warn;
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
        assert.equal(scriptParam(install.inputs.create, "GT_K3S_VERSION"), "v1.24.13+k3s1");
        assert.equal(scriptParam(install.inputs.create, "GT_K3S_MIRROR"), "", "no mirror");
        // Read inside the rendered config.yaml, not anywhere in the command (the script's header
        // comment mentions flannel-backend too).
        const config = YAML.parse(scriptParam(install.inputs.create, "GT_K3S_CONFIG_YAML"));
        assert.equal(config["flannel-backend"], "none");
        assert.equal(config["cluster-cidr"], "10.42.0.0/16");
        assert.equal(config["service-cidr"], "10.43.0.0/16");
        assert.deepEqual(config["tls-san"], [HOST, "gitpod.example.com"]);
        assert.ok(config["node-label"].includes("gitpod.io/workload_workspace_regular=true"));
        const registries = YAML.parse(scriptParam(install.inputs.create, "GT_K3S_REGISTRIES_YAML"));
        assert.deepEqual(registries.mirrors["docker.io"].endpoint, ["https://mirror.ccs.tencentyun.com"]);
        const cn = cmd("k3scn-install");
        assert.equal(scriptParam(cn.inputs.create, "GT_K3S_MIRROR"), "cn");
        assert.deepEqual(YAML.parse(scriptParam(cn.inputs.create, "GT_K3S_CONFIG_YAML"))["node-label"], ["example.com/role=test"], "nodeLabels replace the default");
    });

    it("no parameter is one the k3s installer copies into k3s's service environment", () => {
        for (const c of byType(run, COMMAND)) {
            assert.doesNotMatch(c.inputs.create, /^export (K3S|CONTAINERD)_/m, c.name);
        }
    });

    it("triggers are the instance id and its boot disk (and the kubeconfig renewal count): a no-op up runs nothing, a new or re-imaged VM replaces every step", () => {
        assert.deepEqual(cmd("k3s-kubeconfig").inputs.triggers, ["ins-0001", '["ins-0001","img-1"]', 0]);
        for (const suffix of ["k3s-host-prep", "k3s-install"]) {
            assert.deepEqual(cmd(suffix).inputs.triggers, ["ins-0001", '["ins-0001","img-1"]'], suffix);
        }
        for (const suffix of ["k3s-host-prep", "k3s-install", "k3s-kubeconfig"]) {
            assert.ok(cmd(suffix).replaceOnChanges.includes("triggers[*]"), `${suffix}: a changed trigger replaces`);
        }
        assert.deepEqual(cmd("k3scn-install").inputs.triggers, ["ins-0002"], "without bootDisk: the instance id");
    });

    it("every SSH step waits on the firewall rules, and sends no previous output in its environment", () => {
        const firewall = one(run, "command:local:Command", "firewall");
        for (const suffix of ["k3s-host-prep", "k3s-install", "k3s-kubeconfig"]) {
            assert.ok(cmd(suffix).dependencies.includes(firewall.urn), `${suffix} waits on the firewall`);
            assert.equal(cmd(suffix).inputs.addPreviousOutputInEnv, false, suffix);
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
            if (!c.name.endsWith("-install")) assert.equal(c.inputs.stdin, undefined, `${c.name} gets no stdin`);
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
        assert.ok(kc.inputs.create.includes(`export GT_K3S_PUBLIC_HOST='\\''${HOST}'\\''`));
        assert.equal(cmd("k3s-install").inputs.logging, "stdoutAndStderr");
    });

    it("the kubeconfig and token outputs are secrets", async () => {
        assert.equal(await pulumi.isSecret(k3s.kubeconfig), true);
        assert.equal(await valueOf(k3s.kubeconfig), KUBECONFIG);
        assert.equal(await pulumi.isSecret(k3s.token), true);
    });
});

describe("K3sServer: the Kubernetes provider", () => {
    it("is built from the kubeconfig (secret) with SSA; an unreachable cluster fails the run", () => {
        const provider = one(run, "pulumi:providers:kubernetes", "k3s-provider");
        assert.equal(provider.inputs.kubeconfig, KUBECONFIG);
        assert.ok(provider.secretPaths.includes("kubeconfig"));
        assert.ok([true, "true"].includes(provider.inputs.enableServerSideApply));
        // Unset, not false: PULUMI_K8S_DELETE_UNREACHABLE=true stays available for a one-off run.
        for (const key of ["deleteUnreachable", "skipUpdateUnreachable"]) {
            assert.equal(provider.inputs[key], undefined, `${key} is off`);
        }
        assert.ok(provider.dependencies.includes(cmd("k3s-kubeconfig").urn), "the provider waits on the kubeconfig");
        assert.equal(k3s.skipsUnreachableCluster, false);
    });

    it("skipUnreachableCluster skips changes but never drops state, and the run says so, once", () => {
        const provider = one(run, "pulumi:providers:kubernetes", "k3sgone-provider");
        assert.ok([true, "true"].includes(provider.inputs.skipUpdateUnreachable), "skipUpdateUnreachable is on");
        // deleteUnreachable's Read drops every in-cluster resource from state on a refresh of a stopped VM.
        assert.equal(provider.inputs.deleteUnreachable, undefined);
        const said = warnings.filter((w) => w.includes("skipUnreachableCluster"));
        assert.equal(said.length, 1, warnings.join("\n"));
        assert.match(said[0], /changes are skipped \(up\) and resources keep their last state \(refresh\)/);
    });

    it("PULUMI_K8S_DELETE_UNREACHABLE=true in the environment works and the run says so too", () => {
        assert.ok([true, "true"].includes(one(run, "pulumi:providers:kubernetes", "k3senv-provider").inputs.deleteUnreachable));
        assert.ok(warnings.some((w) => w.startsWith("PULUMI_K8S_DELETE_UNREACHABLE is set: if the k3s API cannot be reached")), warnings.join("\n"));
        assert.equal(warnings.length, 2, "one warning per provider that may skip, none for the others");
    });
    it("`ready` is the kubeconfig step (after the install)", async () => {
        assert.equal(await valueOf(k3s.ready.urn), cmd("k3s-kubeconfig").urn);
        assert.equal(await valueOf(k3s.provider.urn), one(run, "pulumi:providers:kubernetes", "k3s-provider").urn);
    });
});
