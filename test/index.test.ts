/**
 * The whole program under mocks with a valid dev configuration: what a user would see in
 * `pulumi preview`: the resources, their key inputs, what waits on what, and that secrets
 * stay secret.
 */
import { before, describe, it } from "node:test";
import * as assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import { assertRecordedAtLeast, byType, dependsOnTransitively, one, ProgramRun, runProgram, VALID_SECRETS } from "../tools/mock/program";
import { RecordedResource, valueOf } from "../tools/mock/mocks";
import { checkInvokeArgs, checkResourceInputs } from "./support/tencentcloudSchema";
import * as fs from "node:fs";
import * as path from "node:path";

const PROVIDER_SCHEMA = JSON.parse(fs.readFileSync(path.join(__dirname, "fixtures", "tencentcloud", "schema-subset.json"), "utf8")).provider;

const INSTANCE = "tencentcloud:index/instance:Instance";
const RECORD = "tencentcloud:index/dnspodRecord:DnspodRecord";
const EIP = "tencentcloud:index/eip:Eip";
const EIP_ASSOCIATION = "tencentcloud:index/eipAssociation:EipAssociation";
const SNAPSHOT_POLICY = "tencentcloud:index/cbsSnapshotPolicy:CbsSnapshotPolicy";
const SNAPSHOT_ATTACHMENT = "tencentcloud:index/cbsSnapshotPolicyAttachment:CbsSnapshotPolicyAttachment";
let run: ProgramRun;

before(async () => {
    run = await runProgram();
});

describe("the program", () => {
    it("runs without error and declares the whole stack", () => {
        assert.equal(run.error, undefined, String(run.error));
        assertRecordedAtLeast(run, 30);
    });

    it("every component has the project's type token and registers its children under it", () => {
        const components = run.resources.filter((r) => !r.custom && r.type.startsWith("gitpod-tencent:"));
        const types = components.map((r) => r.type).sort();
        for (const t of ["gitpod-tencent:cloud:Network", "gitpod-tencent:cloud:SshKey", "gitpod-tencent:cloud:CvmNode", "gitpod-tencent:dns:DnsRecords"]) {
            assert.ok(types.includes(t), `missing component ${t}`);
        }
        for (const r of run.resources.filter((x) => x.type.startsWith("tencentcloud:"))) {
            assert.match(r.parent, /gitpod-tencent:/, `${r.type} ${r.name} is not parented to a component`);
        }
    });
});

describe("gitpodInstaller: kots (the default)", () => {
    it("declares no installer-mode step (GitpodInstaller, its deploy or guard)", () => {
        assert.deepEqual(run.resources.filter((r) => /GitpodInstaller|gitpod-deploy|gitpod-installer/.test(`${r.type} ${r.name}`)).map((r) => r.name), []);
        assert.equal(run.exports.gitpodInstaller, "kots");
    });
});

describe("Tencent Cloud provider contract", () => {
    it("every tencentcloud resource matches the provider schema (token, names, types, required, allowed values)", () => {
        const resources = run.resources.filter((r) => r.type.startsWith("tencentcloud:"));
        assert.ok(resources.length >= 8, `only ${resources.length} tencentcloud resources`);
        const problems = resources.flatMap((r) => checkResourceInputs(r.type, r.inputs).map((p) => `${r.name}: ${p}`));
        assert.deepEqual(problems, []);
    });

    it("the check covers the operations resources: EIP, its association, the snapshot policy and its attachment", () => {
        const checked = new Set(run.resources.filter((r) => r.type.startsWith("tencentcloud:")).map((r) => r.type));
        for (const t of [EIP, EIP_ASSOCIATION, SNAPSHOT_POLICY, SNAPSHOT_ATTACHMENT]) assert.ok(checked.has(t), `${t} not declared`);
        assert.deepEqual(checkResourceInputs(SNAPSHOT_POLICY, { ...one(run, SNAPSHOT_POLICY).inputs, repeatHours: [24] }), [
            'tencentcloud:index/cbsSnapshotPolicy:CbsSnapshotPolicy input "repeatHours"[0]: 24 is outside 0..23',
        ]);
    });

    it("every data source call matches the provider schema", () => {
        const calls = run.invokes.filter((i) => i.token.startsWith("tencentcloud:"));
        assert.ok(calls.length >= 3, `only ${calls.length} tencentcloud invokes`);
        const problems = calls.flatMap((c) => checkInvokeArgs(c.token, c.args).map((p) => `${c.token}: ${p}`));
        assert.deepEqual(problems, []);
    });
});

describe("the one Tencent Cloud provider", () => {
    const PROVIDER = "pulumi:providers:tencentcloud";

    it("is in gitpod-tencent:region with the tencentcloud:* credentials, the key a secret", () => {
        const provider = one(run, PROVIDER);
        assert.equal(provider.inputs.region, "ap-singapore");
        assert.equal(provider.inputs.secretId, "AKIDcloudexample");
        assert.equal(provider.inputs.secretKey, "cloud-secret-key-value");
        assert.ok(provider.secretPaths.includes("secretKey"), "secretKey is secret");
        assert.ok(provider.additionalSecretOutputs.includes("secretKey"));
    });

    it("sets only inputs the provider's schema declares, the secret ones as secrets", () => {
        const declared = PROVIDER_SCHEMA.inputProperties as Record<string, { secret?: boolean }>;
        const provider = one(run, PROVIDER);
        const set = Object.entries(provider.inputs).filter(([, v]) => v !== undefined && v !== "null");
        for (const [key] of set) assert.ok(key in declared, `${key} is not a tencentcloud provider input`);
        for (const [key] of set.filter(([k]) => declared[k]?.secret)) assert.ok(provider.secretPaths.includes(key), `${key} must be secret`);
    });

    it("every tencentcloud resource and every lookup goes through it", () => {
        const ref = `${one(run, PROVIDER).urn}::`;
        const resources = run.resources.filter((r) => r.custom && r.type.startsWith("tencentcloud:"));
        assert.ok(resources.length >= 9, `only ${resources.length} tencentcloud resources`);
        for (const r of resources) assert.ok(r.provider.startsWith(ref), `${r.type} ${r.name} uses ${r.provider || "the default provider"}`);
        const lookups = run.invokes.filter((i) => i.token.startsWith("tencentcloud:"));
        assert.ok(lookups.length >= 3, `only ${lookups.length} tencentcloud lookups`);
        for (const i of lookups) assert.ok(i.provider.startsWith(ref), `${i.token} uses ${i.provider || "the default provider"}`);
    });
});

describe("the VM", () => {
    it("is a pay-as-you-go SA2.2XLARGE16, running, without a public IP of its own, with an SSD system disk and the key", () => {
        const vm = one(run, INSTANCE);
        assert.equal(vm.inputs.instanceType, "SA2.2XLARGE16");
        assert.equal(vm.inputs.instanceChargeType, "POSTPAID_BY_HOUR");
        assert.equal(vm.inputs.availabilityZone, "ap-singapore-1");
        assert.equal(vm.inputs.allocatePublicIp, false);
        assert.equal(vm.inputs.internetMaxBandwidthOut, undefined);
        assert.equal(vm.inputs.internetChargeType, undefined);
        assert.equal(vm.inputs.runningFlag, true);
        assert.equal(vm.inputs.stoppedMode, "STOP_CHARGING");
        assert.equal(vm.inputs.systemDiskType, "CLOUD_SSD");
        assert.equal(vm.inputs.systemDiskSize, 200);
        assert.deepEqual(vm.inputs.keyIds, [one(run, "tencentcloud:index/keyPair:KeyPair").name + "-id"]);
        assert.deepEqual(vm.inputs.orderlySecurityGroups, [one(run, "tencentcloud:index/securityGroup:SecurityGroup").name + "-id"]);
    });

    it("runs the newest public Ubuntu 20.04 image and never follows newer ones by itself", () => {
        const images = run.invokes.find((i) => i.token === "tencentcloud:index/getImages:getImages");
        assert.ok(images, "the image data source was not called");
        assert.deepEqual(images.args.imageTypes, ["PUBLIC_IMAGE"]);
        assert.ok(new RegExp(images.args.imageNameRegex).test("Ubuntu Server 20.04 LTS 64bit"));
        const vm = one(run, INSTANCE);
        assert.equal(vm.inputs.imageId, "img-ubuntu2004-new");
        assert.ok(vm.ignoreChanges.includes("imageId"));
    });

    it("checks that the instance type is sold in the zone before asking for it", () => {
        const calls = run.invokes.filter((i) => i.token === "tencentcloud:index/getInstanceTypes:getInstanceTypes");
        assert.ok(calls.some((c) => c.args.excludeSoldOut === true && c.args.filters.some((f: { name: string; values: string[] }) => f.name === "zone" && f.values[0] === "ap-singapore-1")));
    });

    it("lets 80/443 in from anywhere and 22/6443 from the admin CIDR only", () => {
        const rules = one(run, "tencentcloud:index/securityGroupRuleSet:SecurityGroupRuleSet").inputs.ingresses as { port: string; cidrBlock: string; action: string }[];
        const from = (port: string) => rules.filter((r) => r.port === port && r.action === "ACCEPT").map((r) => r.cidrBlock);
        assert.deepEqual(from("80"), ["0.0.0.0/0"]);
        assert.deepEqual(from("443"), ["0.0.0.0/0"]);
        assert.deepEqual(from("22"), ["203.0.113.7/32"]);
        assert.deepEqual(from("6443"), ["203.0.113.7/32"]);
        assert.equal(rules.at(-1)?.action, "DROP");
    });
});

describe("the stable address", () => {
    it("is an EIP billed by traffic with the configured bandwidth, bound to the VM", () => {
        const eip = one(run, EIP);
        assert.equal(eip.inputs.type, "EIP");
        assert.equal(eip.inputs.internetChargeType, "TRAFFIC_POSTPAID_BY_HOUR");
        assert.equal(eip.inputs.internetMaxBandwidthOut, 100);
        const association = one(run, EIP_ASSOCIATION);
        assert.equal(association.inputs.eipId, `${eip.name}-id`);
        assert.equal(association.inputs.instanceId, `${one(run, INSTANCE).name}-id`);
        // An EIP still bound to the old VM cannot be bound to its replacement (only UNBIND EIPs bind).
        assert.equal(association.deleteBeforeReplace, true, "a replaced VM's new binding is created while the old one holds the EIP");
    });

    it("is what SSH, the outputs and the kubeconfig use, once bound", async () => {
        const association = one(run, EIP_ASSOCIATION);
        for (const c of byType(run, "command:remote:Command")) {
            assert.equal(c.inputs.connection.host, "43.156.0.10", `${c.name} connects elsewhere`);
            assert.ok(dependsOnTransitively(run, c, association), `${c.name} does not wait for the EIP to be bound`);
        }
        assert.equal(await valueOf(run.exports.sshCommand as pulumi.Output<string>), "ssh -i gitpod-tencent.pem ubuntu@43.156.0.10");
        const kubeconfigRead = one(run, "command:remote:Command", "k3s-kubeconfig");
        assert.ok(kubeconfigRead.inputs.create.includes(`export GT_K3S_PUBLIC_HOST='\\''43.156.0.10'\\''`), "the kubeconfig is not pointed at the EIP");
    });
});

describe("backups", () => {
    it("a daily snapshot policy at 03:00 kept 7 days, attached to the VM's system disk", () => {
        const policy = one(run, SNAPSHOT_POLICY);
        assert.deepEqual(policy.inputs.repeatWeekdays, [0, 1, 2, 3, 4, 5, 6]);
        assert.deepEqual(policy.inputs.repeatHours, [3]);
        assert.equal(policy.inputs.retentionDays, 7);
        assert.equal(policy.inputs.snapshotPolicyName, "gitpod-dev-server");
        const attachment = one(run, SNAPSHOT_ATTACHMENT);
        assert.equal(attachment.inputs.storageId, `disk-${one(run, INSTANCE).name}`);
        assert.equal(attachment.inputs.snapshotPolicyId, `${policy.name}-id`);
    });
});

describe("pulumi destroy", () => {
    /** Every Tencent Cloud type the program can create that bills or holds billed data. */
    const BILLABLE = [
        INSTANCE,
        EIP,
        EIP_ASSOCIATION,
        SNAPSHOT_POLICY,
        SNAPSHOT_ATTACHMENT,
        "tencentcloud:index/keyPair:KeyPair",
        "tencentcloud:index/securityGroup:SecurityGroup",
        "tencentcloud:index/securityGroupRuleSet:SecurityGroupRuleSet",
        "tencentcloud:index/subnet:Subnet",
        "tencentcloud:index/vpc:Vpc",
        RECORD,
    ];

    it("the list above is every Tencent Cloud type the program declares", () => {
        const declared = [...new Set(run.resources.filter((r) => r.type.startsWith("tencentcloud:index/")).map((r) => r.type))].sort();
        assert.deepEqual(declared, [...BILLABLE].sort());
    });

    it("removes every one of them: none is protected, retained on delete or kept by ignoreChanges on deletion", () => {
        for (const r of run.resources.filter((x) => BILLABLE.includes(x.type))) {
            assert.equal(r.protect, false, `${r.type} ${r.name} is protected`);
            assert.equal(r.retainOnDelete, false, `${r.type} ${r.name} is retained on delete`);
        }
        // The VM itself is deleted for good, not moved to the recycle bin by a prepaid setting.
        assert.equal(one(run, INSTANCE).inputs.instanceChargeType, "POSTPAID_BY_HOUR");
        assert.notEqual(one(run, INSTANCE).inputs.disableApiTermination, true);
    });

    it("no resource at all is protected or retained", () => {
        assert.deepEqual(run.resources.filter((r) => r.protect || r.retainOnDelete).map((r) => r.name), []);
    });

    it("what lives on the VM goes with it: no one-by-one deletes of in-cluster objects or steps (deletedWith the VM)", () => {
        const vm = one(run, INSTANCE);
        const byUrn = new Map(run.resources.map((r) => [r.urn, r]));
        // The engine gives a resource its parent's deletedWith when it has none of its own.
        const deletedWith = (r: RecordedResource | undefined): string => (r === undefined ? "" : r.deletedWith || deletedWith(byUrn.get(r.parent)));
        const onVm = run.resources.filter((r) => r.custom && (r.type.startsWith("kubernetes:") || r.type.startsWith("command:remote:") || r.type === "pulumi:providers:kubernetes"));
        assert.ok(onVm.length >= 15, `only ${onVm.length}`);
        assert.deepEqual(onVm.filter((r) => deletedWith(r) !== vm.urn).map((r) => r.name), []);
        // Cloud resources are deleted for real.
        assert.deepEqual(run.resources.filter((r) => BILLABLE.includes(r.type) && deletedWith(r) !== "").map((r) => r.name), []);
    });
});

describe("DNS", () => {
    it("has @, * and *.ws records for the domain below its zone, pointing at the VM", () => {
        const records = byType(run, RECORD);
        assert.deepEqual(records.map((r) => r.inputs.subDomain).sort(), ["*.gitpod", "*.ws.gitpod", "gitpod"]);
        for (const r of records) {
            assert.equal(r.inputs.domain, "example.com");
            assert.equal(r.inputs.recordType, "A");
            assert.equal(r.inputs.value, "43.156.0.10");
            assert.equal(r.inputs.ttl, 600);
        }
    });

    it("waits on nothing but the EIP being bound to the VM", () => {
        const bound = [one(run, EIP).urn, one(run, EIP_ASSOCIATION).urn].sort();
        for (const r of byType(run, RECORD)) assert.deepEqual([...r.dependencies].sort(), bound);
    });
});

describe("secrets", () => {
    const secretValues = () => [
        ...Object.values(VALID_SECRETS),
        "mock-random-password-0123456789",
        "-----BEGIN OPENSSH PRIVATE KEY-----",
    ];

    it("no secret value appears in any input outside a secret", () => {
        for (const r of run.resources) {
            const plain = JSON.stringify(stripPaths(r.inputs, r.secretPaths));
            for (const s of secretValues()) {
                assert.ok(!plain.includes(s), `${r.type} ${r.name} carries a secret in plain inputs`);
            }
        }
    });

    it("the SSH private key and the kubeconfig are secret outputs", async () => {
        assert.equal(await pulumi.isSecret(run.exports.sshPrivateKey as pulumi.Output<string>), true);
        assert.equal(await pulumi.isSecret(run.exports.kubeconfig as pulumi.Output<string>), true);
    });

    it("says where Gitpod will be served", async () => {
        assert.equal(run.exports.gitpodUrl, "https://gitpod.example.com");
        assert.equal(await valueOf(run.exports.publicIp as pulumi.Output<string>), "43.156.0.10");
    });
});

describe("the cluster", () => {
    it("every Kubernetes resource uses the one k3s provider", () => {
        const providers = byType(run, "pulumi:providers:kubernetes");
        assert.equal(providers.length, 1);
        const ref = `${providers[0].urn}::`;
        const k8s = run.resources.filter((r) => r.custom && r.type.startsWith("kubernetes:"));
        assert.ok(k8s.length >= 5, `only ${k8s.length} kubernetes resources`);
        for (const r of k8s) assert.ok(r.provider.startsWith(ref), `${r.type} ${r.name} uses ${r.provider || "the default provider"}`);
    });

    it("SSH steps wait on the security group rules; the bootstrap re-runs on a fresh disk", () => {
        const rules = one(run, "tencentcloud:index/securityGroupRuleSet:SecurityGroupRuleSet");
        const commands = byType(run, "command:remote:Command");
        for (const c of commands) {
            assert.ok(c.dependencies.includes(rules.urn), `${c.name} does not wait on the firewall`);
            assert.equal(c.inputs.addPreviousOutputInEnv, false, `${c.name} would send its previous stdout in the SSH environment`);
        }
        const install = commands.find((c) => c.name === "k3s-install");
        assert.deepEqual(install?.inputs.triggers, ["gitpod-server-vm-id", JSON.stringify(["gitpod-server-vm-id", "img-ubuntu2004-new", null, null, null, null])]);
    });

    it("bootstraps after the VM exists, and installs add-ons after k3s", () => {
        const vm = one(run, INSTANCE);
        const commands = byType(run, "command:remote:Command");
        assert.ok(commands.length >= 3);
        for (const c of commands) assert.ok(dependsOnTransitively(run, c, vm), `${c.name} does not wait on the VM`);
        const releases = byType(run, "kubernetes:helm.sh/v3:Release");
        const install = commands.find((c) => /install/.test(c.name));
        assert.ok(install, "no k3s install command");
        for (const r of releases) assert.ok(dependsOnTransitively(run, r, install), `${r.name} does not wait on k3s`);
    });
});

function stripPaths(inputs: Record<string, unknown>, paths: readonly string[]): unknown {
    const copy = JSON.parse(JSON.stringify(inputs));
    for (const p of paths) {
        const keys = p.split(/(?<!\\)\./).map((k) => k.replace(/\\\./g, "."));
        let node = copy;
        for (const k of keys.slice(0, -1)) node = node?.[k];
        if (node && typeof node === "object") delete node[keys.at(-1)!];
    }
    return copy;
}
