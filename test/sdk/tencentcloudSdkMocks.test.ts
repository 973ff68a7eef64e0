// The local @pulumi/tencentcloud SDK under Pulumi's mocks: resources register with the schema's type token,
// invokes reach the mock with the function token, and both carry the reference of the parameterized package
// (terraform-provider plugin + tencentcloud parameter) the SDK registers. Own file: Pulumi's runtime is
// process-global.

import { before, describe, it } from "node:test";
import * as assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import * as tencentcloud from "@pulumi/tencentcloud";

import * as fs from "node:fs";
import { checkInvokeArgs, checkResourceInputs } from "../support/tencentcloudSchema";

interface Registered {
    type: string;
    name: string;
    inputs: Record<string, unknown>;
}
interface Called {
    token: string;
    inputs: Record<string, unknown>;
}
interface PackageRegistration {
    name: string;
    version: string;
    downloadUrl: string;
    parameterization?: { name: string; version: string; value: string };
}

/** The `pulumi` block of the SDK's package.json: what the engine installs (checked against the schema elsewhere). */
const pulumiBlock = JSON.parse(fs.readFileSync(require.resolve("@pulumi/tencentcloud/package.json"), "utf8")).pulumi as {
    name: string;
    version: string;
    parameterization: { name: string; version: string; value: string };
};

const resources: Registered[] = [];
const calls: Called[] = [];
const packages: PackageRegistration[] = [];
const resourceRefs = new Map<string, string>(); // type/name -> package ref on the RegisterResource request
const invokeRefs = new Map<string, string>(); // token -> package ref on the Invoke request

type Callback = (err: unknown, resp: unknown) => void;
interface MonitorMethods {
    registerPackage(req: unknown, cb: Callback): void;
    registerResource(req: unknown, cb: Callback): void;
    invoke(req: unknown, cb: Callback): void;
}
interface PackageRequest {
    getName(): string;
    getVersion(): string;
    getDownloadUrl(): string;
    getParameterization(): { getName(): string; getVersion(): string; getValue_asU8(): Uint8Array } | undefined;
}

/** Resolves with the value of a known Output. */
function settle<T>(o: pulumi.Output<T>): Promise<T> {
    return new Promise((resolve) => o.apply((v) => resolve(v)));
}

before(async () => {
    await pulumi.runtime.setMocks(
        {
            newResource: (args) => {
                resources.push({ type: args.type, name: args.name, inputs: args.inputs });
                return { id: `${args.name}-id`, state: args.inputs };
            },
            call: (args) => {
                calls.push({ token: args.token, inputs: args.inputs });
                return { id: "images", images: [{ imageId: "img-mock", imageName: "Ubuntu Server 22.04 LTS 64bit" }] };
            },
        },
        "project",
        "stack",
        false,
    );
    const monitor = pulumi.runtime.getMonitor() as unknown as MonitorMethods;
    const registerPackage = monitor.registerPackage.bind(monitor);
    monitor.registerPackage = (req, cb) => {
        const r = req as PackageRequest;
        const p = r.getParameterization();
        packages.push({
            name: r.getName(),
            version: r.getVersion(),
            downloadUrl: r.getDownloadUrl(),
            parameterization: p && { name: p.getName(), version: p.getVersion(), value: Buffer.from(p.getValue_asU8()).toString("utf8") },
        });
        registerPackage(req, cb);
    };
    const registerResource = monitor.registerResource.bind(monitor);
    monitor.registerResource = (req, cb) => {
        const r = req as { getType(): string; getName(): string; getPackageref(): string };
        resourceRefs.set(`${r.getType()}/${r.getName()}`, r.getPackageref());
        registerResource(req, cb);
    };
    const invoke = monitor.invoke.bind(monitor);
    monitor.invoke = (req, cb) => {
        const r = req as { getTok(): string; getPackageref(): string };
        invokeRefs.set(r.getTok(), r.getPackageref());
        invoke(req, cb);
    };
});

describe("@pulumi/tencentcloud under mocks", () => {
    it("new Vpc registers tencentcloud:index/vpc:Vpc through the parameterized package", async () => {
        const vpc = new tencentcloud.Vpc("v", { cidrBlock: "10.0.0.0/16" });
        const urn = await settle(vpc.urn);
        assert.match(urn, /::tencentcloud:index\/vpc:Vpc::v$/);
        assert.equal(await settle(vpc.cidrBlock), "10.0.0.0/16");
        assert.ok(tencentcloud.Vpc.isInstance(vpc));
        assert.ok(!tencentcloud.Subnet.isInstance(vpc));

        const registered = resources.find((r) => r.name === "v");
        assert.equal(registered?.type, "tencentcloud:index/vpc:Vpc");
        assert.deepEqual(checkResourceInputs(registered!.type, registered!.inputs), []);
        assert.equal(resourceRefs.get("tencentcloud:index/vpc:Vpc/v"), "mock-uuid", "resource not registered with the package ref");

        assert.ok(packages.length >= 1, "the SDK did not register its package");
        for (const p of packages) {
            assert.deepEqual(p, {
                name: "terraform-provider",
                version: pulumiBlock.version,
                downloadUrl: "",
                parameterization: {
                    name: "tencentcloud",
                    version: "1.83.25",
                    value: JSON.stringify({ remote: { url: "registry.opentofu.org/tencentcloudstack/tencentcloud", version: "1.83.25" } }),
                },
            });
            assert.deepEqual(p.parameterization, {
                ...pulumiBlock.parameterization,
                value: Buffer.from(pulumiBlock.parameterization.value, "base64").toString("utf8"),
            });
        }
    });

    it("getImagesOutput reaches the mock's call with tencentcloud:index/getImages:getImages", async () => {
        const args = { imageTypes: ["PUBLIC_IMAGE"], osName: "ubuntu" };
        const images = await settle(tencentcloud.getImagesOutput(args));
        assert.equal(images.images[0].imageId, "img-mock");
        const call = calls.find((c) => c.token === "tencentcloud:index/getImages:getImages");
        assert.ok(call, `no call with the getImages token; calls: ${calls.map((c) => c.token).join(", ")}`);
        assert.deepEqual(call.inputs, args);
        assert.deepEqual(checkInvokeArgs(call.token, call.inputs), []);
        assert.equal(invokeRefs.get("tencentcloud:index/getImages:getImages"), "mock-uuid", "invoke without the package ref");
    });

    it("the plain (Promise) form invokes the same token", async () => {
        const before = calls.length;
        const result = await tencentcloud.getInstanceTypes({ filters: [{ name: "instance-type", values: ["SA2.2XLARGE16"] }], excludeSoldOut: true });
        assert.equal(result.id, "images");
        assert.equal(calls.length, before + 1);
        assert.equal(calls[before].token, "tencentcloud:index/getInstanceTypes:getInstanceTypes");
        assert.deepEqual(checkInvokeArgs(calls[before].token, calls[before].inputs), []);
    });

    it("Provider registers pulumi:providers:tencentcloud; required inputs are enforced", async () => {
        const provider = new tencentcloud.Provider("p", { region: "ap-guangzhou" });
        await settle(provider.urn);
        const registered = resources.find((r) => r.name === "p");
        assert.equal(registered?.type, "pulumi:providers:tencentcloud");
        assert.equal(registered?.inputs.region, "ap-guangzhou");
        assert.equal(resourceRefs.get("pulumi:providers:tencentcloud/p"), "mock-uuid");
        assert.ok(tencentcloud.Provider.isInstance(provider));

        assert.throws(
            () => new tencentcloud.Vpc("no-cidr", {} as tencentcloud.VpcArgs),
            /Missing required property 'cidrBlock'/,
        );
    });
});
