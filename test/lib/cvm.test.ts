import { describe, it } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import {
    REIMAGING_INPUTS,
    bootDiskKey,
    checkInstanceTypeOffered,
    imageInput,
    instanceIgnoreChanges,
    instanceTypeFilters,
    lookupVerdict,
    nodeHostname,
    pickImage,
    replacementRefusals,
    ubuntuImageQuery,
} from "../../lib/cvm";

describe("image lookup", () => {
    it("asks for the public Ubuntu image of the configured release, for the instance type", () => {
        const q = ubuntuImageQuery("20.04", "SA2.2XLARGE16");
        assert.deepEqual(q.imageTypes, ["PUBLIC_IMAGE"]);
        assert.ok(new RegExp(q.imageNameRegex).test("Ubuntu Server 20.04 LTS 64bit"));
        assert.ok(!new RegExp(q.imageNameRegex).test("Ubuntu Server 22.04 LTS 64bit"));
        assert.ok(!new RegExp(q.imageNameRegex).test("Ubuntu Server 20.04 LTS 64bit (ARM)"));
        assert.equal(q.instanceType, "SA2.2XLARGE16");
    });

    it("takes the newest (first) image, or says what was missing", () => {
        assert.deepEqual(pickImage([{ imageId: "img-new" }, { imageId: "img-old" }], "20.04", "ap-singapore"), { value: "img-new" });
        assert.deepEqual(pickImage([], "22.04", "ap-hongkong"), {
            problem: "gitpod-tencent:ubuntuVersion: no public Ubuntu 22.04 image found in ap-hongkong; set it to one the region offers (20.04 or 22.04)",
        });
    });
});

describe("instance type preflight", () => {
    const offers = [
        { instanceType: "SA2.2XLARGE16", availabilityZone: "ap-singapore-3" },
        { instanceType: "SA2.2XLARGE16", availabilityZone: "ap-singapore-1" },
    ];

    it("asks for this type, pay-as-you-go, in the zone", () => {
        assert.deepEqual(instanceTypeFilters("SA2.2XLARGE16", "ap-singapore-1"), [
            { name: "instance-type", values: ["SA2.2XLARGE16"] },
            { name: "instance-charge-type", values: ["POSTPAID_BY_HOUR"] },
            { name: "zone", values: ["ap-singapore-1"] },
        ]);
        assert.deepEqual(instanceTypeFilters("SA2.2XLARGE16").map((f) => f.name), ["instance-type", "instance-charge-type"]);
    });

    it("passes when the type is sold in the zone", () => {
        assert.deepEqual(checkInstanceTypeOffered("SA2.2XLARGE16", "ap-singapore-1", [offers[1]], offers), { value: "SA2.2XLARGE16" });
    });

    it("names the zones where it is sold when it is not sold in the configured one", () => {
        assert.deepEqual(checkInstanceTypeOffered("SA2.2XLARGE16", "ap-singapore-2", [], offers), {
            problem: "gitpod-tencent:instanceType: SA2.2XLARGE16 is not available pay-as-you-go in ap-singapore-2 (sold out or not offered); it is sold in ap-singapore-1, ap-singapore-3: set gitpod-tencent:zone to one of them",
        });
    });

    it("says so when it is sold nowhere in the region", () => {
        assert.match(checkInstanceTypeOffered("S9.HUGE", "ap-singapore-1", [], []).problem ?? "", /sold nowhere in this region/);
    });
});

describe("failed lookups and an existing VM", () => {
    const noImage = { problem: "gitpod-tencent:ubuntuVersion: no image" };
    const typeOk = { value: "SA2.2XLARGE16" };

    it("the instance gets the image found, or the marker when any lookup failed", () => {
        assert.equal(imageInput({ value: "img-1" }, typeOk), "img-1");
        assert.equal(imageInput(noImage, typeOk), "img-lookup-failed");
        assert.equal(imageInput({ value: "img-1" }, { problem: "sold out" }), "img-lookup-failed");
    });

    it("fails a VM that would be created from the marker, warns for one that exists", () => {
        assert.deepEqual(lookupVerdict([], "img-lookup-failed", false), {});
        assert.deepEqual(lookupVerdict(["a", "b"], "img-lookup-failed", false), { error: "a\nb" });
        assert.deepEqual(lookupVerdict(["a"], "img-2026-01", false), { warning: "the VM exists, so this run goes on, but a new VM could not be created now: a" });
        assert.deepEqual(lookupVerdict(["a"], "img-2026-01", true), { error: "a" }, "allowVmReplacement applies the image: no guessing");
    });
});

describe("the boot disk key", () => {
    it("covers the instance inputs the provider applies with ResetInstance, each one a real input", () => {
        // resource_tc_instance.go v1.83.25, Update: `if d.HasChange("image_id") || ... "keep_image_login")`.
        assert.deepEqual([...REIMAGING_INPUTS], ["imageId", "disableSecurityService", "disableMonitorService", "disableAutomationService", "keepImageLogin"]);
        const schema = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "fixtures", "tencentcloud", "schema-subset.json"), "utf8"));
        const tf = schema.tfSchemas.tencentcloud_instance.schema as Record<string, unknown>;
        for (const input of REIMAGING_INPUTS) {
            assert.ok(input.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`) in tf, `${input} is a tencentcloud_instance input`);
        }
    });

    it("changes with the instance or any input that re-installs its disk (ResetInstance)", () => {
        const base = bootDiskKey("ins-1", { imageId: "img-1" });
        assert.equal(base, '["ins-1","img-1",null,null,null,null]');
        assert.notEqual(bootDiskKey("ins-2", { imageId: "img-1" }), base);
        assert.notEqual(bootDiskKey("ins-1", { imageId: "img-2" }), base);
        assert.notEqual(bootDiskKey("ins-1", { imageId: "img-1", disableMonitorService: true }), base);
        assert.notEqual(bootDiskKey("ins-1", { imageId: "img-1", keepImageLogin: true }), base);
    });
});

describe("replacement protection", () => {
    it("ignores image, zone and public-IP changes unless replacement is allowed", () => {
        assert.deepEqual(instanceIgnoreChanges(false), ["imageId", "availabilityZone", "allocatePublicIp"]);
        assert.deepEqual(instanceIgnoreChanges(true), []);
    });

    it("refuses a zone or Ubuntu change with what it would cost and how to allow it", () => {
        const refusals = replacementRefusals(
            { zone: "ap-singapore-1", osName: "Ubuntu Server 20.04 LTS 64bit" },
            { zone: "ap-singapore-3", ubuntuVersion: "22.04", allocatePublicIp: true },
        );
        assert.equal(refusals.length, 2);
        assert.match(refusals[0], /^gitpod-tencent:zone: the VM runs in ap-singapore-1 and config asks for ap-singapore-3; .*allowVmReplacement/);
        assert.match(refusals[1], /^gitpod-tencent:ubuntuVersion: .*Ubuntu Server 20\.04.*22\.04/);
    });

    it("has nothing to say when the VM is what config asks for", () => {
        assert.deepEqual(replacementRefusals({ zone: "ap-singapore-1", osName: "Ubuntu Server 20.04 LTS 64bit" }, { zone: "ap-singapore-1", ubuntuVersion: "20.04", allocatePublicIp: false }), []);
    });

    it("refuses to move a VM from its own public IP to an EIP (a ForceNew change) without allowVmReplacement", () => {
        const refusals = replacementRefusals({ zone: "ap-singapore-1", allocatePublicIp: true }, { zone: "ap-singapore-1", ubuntuVersion: "20.04", allocatePublicIp: false });
        assert.deepEqual(refusals, [
            "gitpod-tencent:allowVmReplacement: the VM has a public IP of its own and this version of the program gives it a stable elastic IP (EIP) instead; that replaces the VM and loses Gitpod's data (database, registry, workspaces); set gitpod-tencent:allowVmReplacement to true for the one `pulumi up` that should do it",
        ]);
    });
});

describe("node host names", () => {
    it("are valid for CVM and Kubernetes whatever the stack is called", () => {
        assert.equal(nodeHostname("dev", "server"), "gitpod-dev-server");
        assert.equal(nodeHostname("Prod_EU", "server"), "gitpod-prod-eu-server");
        const long = nodeHostname("x".repeat(100), "agent-1");
        assert.ok(long.length <= 60 && long.endsWith("-agent-1"), long);
        for (const name of [long, nodeHostname("--a..b--", "server")]) assert.match(name, /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/);
    });
});
