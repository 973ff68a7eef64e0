/**
 * The VM holds all of Gitpod's data: a newer image next month, or a config change that the
 * provider can only apply by destroying the VM, must not replace it without an explicit
 * allowVmReplacement. Pulumi's mocks do not diff, so `planInstance` applies the engine's rules
 * (ignoreChanges first, then the provider's ForceNew / re-imaging inputs from the schema
 * fixture) to two consecutive runs of the component.
 */
import { describe, it } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { CvmNode, CvmNodeArgs } from "../../components/cvmNode";
import { InvokeResult, RecordedResource, settle, setupMocks, valueOf } from "../../tools/mock/mocks";
import { defaultInvokes, defaultOutputs } from "../../tools/mock/program";

const INSTANCE = "tencentcloud:index/instance:Instance";
const schema = JSON.parse(fs.readFileSync(path.join(__dirname, "../fixtures/tencentcloud/schema-subset.json"), "utf8"));

/** Instance inputs the provider cannot change in place: ForceNew ones, and the image (re-install). */
function replacingInputs(): Set<string> {
    const tf = schema.tfSchemas.tencentcloud_instance.schema as Record<string, { ForceNew?: boolean }>;
    const camel = (s: string) => s.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
    return new Set([...Object.entries(tf).filter(([, v]) => v.ForceNew).map(([k]) => camel(k)), "imageId"]);
}

type Plan = "same" | "update" | "replace";

function planInstance(before: RecordedResource, after: RecordedResource): Plan {
    const replacing = replacingInputs();
    const changed = Object.keys({ ...before.inputs, ...after.inputs })
        .filter((k) => JSON.stringify(before.inputs[k]) !== JSON.stringify(after.inputs[k]))
        .filter((k) => !after.ignoreChanges.includes(k));
    if (changed.some((k) => replacing.has(k))) return "replace";
    return changed.length > 0 ? "update" : "same";
}

const ARGS: CvmNodeArgs = {
    region: "ap-singapore",
    zone: "ap-singapore-1",
    instanceType: "SA2.2XLARGE16",
    ubuntuVersion: "20.04",
    systemDiskType: "CLOUD_SSD",
    systemDiskSize: 200,
    bandwidthOut: 100,
    vpcId: "vpc-1",
    subnetId: "subnet-1",
    securityGroupId: "sg-1",
    keyId: "skey-1",
    hostname: "gitpod-dev-server",
    allowReplacement: false,
};

interface Declared {
    vm: RecordedResource;
    node: CvmNode;
    error?: unknown;
    warnings: string[];
    invokes: { token: string; args: Record<string, unknown> }[];
}

/**
 * Declares one CvmNode. `imageId` is what the image lookup finds ("" for none); `existing`
 * stands for a VM already in state: the engine keeps its (ignored) image and OS.
 */
async function declare(
    args: CvmNodeArgs,
    imageId: string,
    osName?: string,
    options: { existing?: { imageId: string }; invoke?: InvokeResult; state?: Record<string, unknown> } = {},
): Promise<Declared> {
    const recording = setupMocks({
        project: "gitpod-tencent",
        stack: "dev",
        invoke:
            options.invoke ??
            ((token, a) => {
                const answer = defaultInvokes(token, a);
                return token.endsWith("getImages") ? { ...answer, images: imageId ? [{ imageId, imageName: "Ubuntu Server 20.04 LTS 64bit" }] : [] } : answer;
            }),
        outputs: (type, name, inputs) => {
            const out = defaultOutputs(type, name, inputs);
            if (type !== INSTANCE) return out;
            return { ...out, ...(osName ? { osName } : {}), ...(options.existing && !args.allowReplacement ? { imageId: options.existing.imageId } : {}), ...options.state };
        },
    });
    const warnings: string[] = [];
    const warn = pulumi.log.warn;
    pulumi.log.warn = async (message: string) => void warnings.push(message);
    let node: CvmNode | undefined;
    try {
        const [error] = await settle(() => (node = new CvmNode("server", args)));
        assert.ok(node);
        const vm = recording.resources.find((r) => r.type === INSTANCE);
        return { vm: vm!, node, error, warnings, invokes: recording.invokes };
    } finally {
        pulumi.log.warn = warn;
    }
}

/** The region's answer when the type is sold only prepaid: nothing for a pay-as-you-go filter. */
const prepaidOnly: InvokeResult = (token, a) => {
    const answer = defaultInvokes(token, a);
    if (!token.endsWith("getInstanceTypes")) return answer;
    const charge = (a.filters as { name: string; values: string[] }[]).find((f) => f.name === "instance-charge-type");
    return charge && !charge.values.includes("PREPAID") ? { ...answer, instanceTypes: [] } : answer;
};

describe("CvmNode", () => {
    it("a newer image from the data source plans no replacement", async () => {
        const first = await declare(ARGS, "img-2026-10");
        const later = await declare(ARGS, "img-2026-11");
        assert.equal(later.vm.inputs.imageId, "img-2026-11", "the data source answer did change");
        assert.equal(planInstance(first.vm, later.vm), "same");
    });

    it("with allowVmReplacement the same change is a replacement (so the flag is what protects)", async () => {
        const first = await declare({ ...ARGS, allowReplacement: true }, "img-2026-10");
        const later = await declare({ ...ARGS, allowReplacement: true }, "img-2026-11");
        assert.equal(planInstance(first.vm, later.vm), "replace");
    });

    it("a zone change without allowVmReplacement fails the run with the reason", async () => {
        // The engine keeps the ignored zone, so the VM still reports the old one.
        const { error } = await declareMovedZone();
        assert.match(String(error), /gitpod-tencent:zone: the VM runs in ap-singapore-1 and config asks for ap-singapore-3; .*allowVmReplacement/);
    });

    it("an Ubuntu release change without allowVmReplacement fails the run with the reason", async () => {
        const { error } = await declare({ ...ARGS, ubuntuVersion: "22.04" }, "img-2204", "Ubuntu Server 20.04 LTS 64bit");
        assert.match(String(error), /gitpod-tencent:ubuntuVersion: the VM runs "Ubuntu Server 20\.04 LTS 64bit" and config asks for Ubuntu 22\.04/);
    });

    it("an instance type sold out in the zone fails a new VM before it is asked for, naming where it is sold", async () => {
        const { error } = await declare({ ...ARGS, zone: "ap-singapore-2" }, "img-1");
        assert.match(String(error), /gitpod-tencent:instanceType: SA2\.2XLARGE16 is not available pay-as-you-go in ap-singapore-2 .*sold in ap-singapore-1, ap-singapore-3: set gitpod-tencent:zone/);
    });

    it("asks only for pay-as-you-go offers: a type sold only prepaid fails a new VM", async () => {
        const { error, invokes } = await declare(ARGS, "img-1", undefined, { invoke: prepaidOnly });
        assert.match(String(error), /SA2\.2XLARGE16 is not available pay-as-you-go in ap-singapore-1 .*sold nowhere in this region/);
        const typeCalls = invokes.filter((i) => i.token.endsWith("getInstanceTypes"));
        assert.equal(typeCalls.length, 2);
        for (const call of typeCalls) {
            assert.deepEqual((call.args.filters as { name: string }[]).find((f) => f.name === "instance-charge-type"), { name: "instance-charge-type", values: ["POSTPAID_BY_HOUR"] });
        }
    });

    it("a delisted image fails a new VM, naming the key", async () => {
        const { error } = await declare(ARGS, "");
        assert.match(String(error), /gitpod-tencent:ubuntuVersion: no public Ubuntu 20\.04 image found in ap-singapore/);
    });

    it("for an existing VM, a sold-out type or a delisted image is a warning and the run goes on", async () => {
        const soldOut = await declare({ ...ARGS, zone: "ap-singapore-2" }, "img-1", undefined, { existing: { imageId: "img-2026-01" } });
        assert.equal(soldOut.error, undefined, String(soldOut.error));
        assert.equal(soldOut.warnings.length, 1, soldOut.warnings.join("\n"));
        assert.match(soldOut.warnings[0], /^the VM exists, so this run goes on, but a new VM could not be created now: gitpod-tencent:instanceType: SA2\.2XLARGE16 is not available/);
        assert.equal(await valueOf(soldOut.node.instanceId), "server-vm-id");

        const delisted = await declare(ARGS, "", undefined, { existing: { imageId: "img-2026-01" } });
        assert.equal(delisted.error, undefined, String(delisted.error));
        assert.match(delisted.warnings.join("\n"), /gitpod-tencent:ubuntuVersion: no public Ubuntu 20\.04 image found/);
    });

    it("with allowVmReplacement a failed lookup stays an error: the image would be applied", async () => {
        const { error } = await declare({ ...ARGS, allowReplacement: true }, "", undefined, { existing: { imageId: "img-2026-01" } });
        assert.match(String(error), /no public Ubuntu 20\.04 image found/);
    });

    it("no lookup problem, no warning", async () => {
        const { error, warnings } = await declare(ARGS, "img-1", undefined, { existing: { imageId: "img-2026-01" } });
        assert.equal(error, undefined);
        assert.deepEqual(warnings, []);
    });

    it("resizing the disk or the bandwidth is an in-place update", async () => {
        const first = await declare(ARGS, "img-1");
        const later = await declare({ ...ARGS, systemDiskSize: 300, bandwidthOut: 50 }, "img-1");
        assert.equal(planInstance(first.vm, later.vm), "update");
    });

    it("pausing stops the VM in place in STOP_CHARGING mode, and resuming starts it: no replacement", async () => {
        const running = await declare({ ...ARGS, allocatePublicIp: false }, "img-1");
        const paused = await declare({ ...ARGS, allocatePublicIp: false, running: false }, "img-1");
        assert.equal(running.vm.inputs.runningFlag, true);
        assert.equal(paused.vm.inputs.runningFlag, false);
        assert.equal(paused.vm.inputs.stoppedMode, "STOP_CHARGING");
        assert.equal(planInstance(running.vm, paused.vm), "update");
        assert.equal(planInstance(paused.vm, running.vm), "update");
    });

    it("moving a VM with its own public IP to an EIP fails the run with the reason unless allowVmReplacement", async () => {
        // The engine keeps the ignored allocatePublicIp: the VM still has its own public IP.
        const { error } = await declare({ ...ARGS, allocatePublicIp: false }, "img-1", undefined, { state: { allocatePublicIp: true } });
        assert.match(String(error), /gitpod-tencent:allowVmReplacement: the VM has a public IP of its own and this version of the program gives it a stable elastic IP \(EIP\) instead; that replaces the VM/);
        const allowed = await declare({ ...ARGS, allocatePublicIp: false, allowReplacement: true }, "img-1", undefined, { state: { allocatePublicIp: true } });
        assert.equal(allowed.error, undefined);
        assert.deepEqual(allowed.vm.ignoreChanges, []);
    });

    it("without its own public IP the VM has no internet settings (the EIP carries them)", async () => {
        const { vm, node } = await declare({ ...ARGS, allocatePublicIp: false }, "img-1");
        assert.equal(vm.inputs.allocatePublicIp, false);
        assert.equal(vm.inputs.internetChargeType, undefined);
        assert.equal(vm.inputs.internetMaxBandwidthOut, undefined);
        assert.equal(await valueOf(node.systemDiskId), "disk-server-vm");
    });

    it("exposes the VM's id and public IP for the bootstrap and DNS", async () => {
        const { node } = await declare(ARGS, "img-1");
        assert.equal(await valueOf(node.publicIp), "43.156.0.10");
        assert.equal(await valueOf(node.instanceId), "server-vm-id");
    });

    it("bootDisk changes when the provider would re-image the VM (same id), not for a newer image it ignores", async () => {
        const bootDisk = async (args: CvmNodeArgs, image: string) => valueOf((await declare(args, image, undefined, { existing: { imageId: "img-2026-01" } })).node.bootDisk);
        assert.equal(await bootDisk(ARGS, "img-2026-10"), await bootDisk(ARGS, "img-2026-11"), "ignored image: same disk");
        const allowed = { ...ARGS, allowReplacement: true };
        const before = await bootDisk(allowed, "img-2026-10");
        const after = await bootDisk(allowed, "img-2026-11");
        assert.notEqual(before, after, "ResetInstance: a fresh disk on the same instance");
        assert.match(after, /^\["server-vm-id","img-2026-11"/);
    });
});

/** Simulates state: the VM was created in -1; config now says -3 and the zone is ignored. */
async function declareMovedZone() {
    const recording = setupMocks({
        project: "gitpod-tencent",
        stack: "dev",
        invoke: (token, a) => {
            const answer = defaultInvokes(token, a);
            if (!token.endsWith("getInstanceTypes")) return answer;
            return { ...answer, instanceTypes: [{ instanceType: "SA2.2XLARGE16", availabilityZone: "ap-singapore-3" }] };
        },
        outputs: (type, name, inputs) => (type === INSTANCE ? { ...defaultOutputs(type, name, inputs), availabilityZone: "ap-singapore-1" } : {}),
    });
    const [error] = await settle(() => new CvmNode("server", { ...ARGS, zone: "ap-singapore-3" }));
    return { recording, error };
}
