import { describe, it } from "node:test";
import * as assert from "node:assert/strict";
import { checkInstanceTypeOffered, instanceIgnoreChanges, nodeHostname, pickImage, replacementRefusals, ubuntuImageQuery } from "../../lib/cvm";

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
        assert.equal(pickImage([{ imageId: "img-new" }, { imageId: "img-old" }], "20.04", "ap-singapore"), "img-new");
        assert.throws(() => pickImage([], "22.04", "ap-hongkong"), /no public Ubuntu 22\.04 image found in ap-hongkong/);
    });
});

describe("instance type preflight", () => {
    const offers = [
        { instanceType: "SA2.2XLARGE16", availabilityZone: "ap-singapore-3" },
        { instanceType: "SA2.2XLARGE16", availabilityZone: "ap-singapore-1" },
    ];

    it("passes when the type is sold in the zone", () => {
        assert.equal(checkInstanceTypeOffered("SA2.2XLARGE16", "ap-singapore-1", [offers[1]], offers), "SA2.2XLARGE16");
    });

    it("names the zones where it is sold when it is not sold in the configured one", () => {
        assert.throws(
            () => checkInstanceTypeOffered("SA2.2XLARGE16", "ap-singapore-2", [], offers),
            /gitpod-tencent:instanceType: SA2\.2XLARGE16 is not available in ap-singapore-2 .*sold in ap-singapore-1, ap-singapore-3: set gitpod-tencent:zone/,
        );
    });

    it("says so when it is sold nowhere in the region", () => {
        assert.throws(() => checkInstanceTypeOffered("S9.HUGE", "ap-singapore-1", [], []), /sold nowhere in this region/);
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
