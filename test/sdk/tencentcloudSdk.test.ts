// The local @pulumi/tencentcloud SDK (sdks/tencentcloud) against the provider schema it is generated from,
// and the contract checker test/support/tencentcloudSchema.ts. No Pulumi runtime here: see
// tencentcloudSdkMocks.test.ts for registration under mocks.

import { describe, it } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as ts from "typescript";
import * as tencentcloud from "@pulumi/tencentcloud";

import {
    DEFAULT_OUT,
    DEFAULT_PLUGIN_VERSION,
    compileSdk,
    generateSdk,
    listFiles,
    memberFile,
    memberName,
    readSchema,
    writeTree,
} from "../../sdks/gen/generate";
import { SCHEMA_PATH, UNKNOWN, checkInvokeArgs, checkResourceInputs } from "../support/tencentcloudSchema";

const schema = readSchema(SCHEMA_PATH);
const SDK_DIR = DEFAULT_OUT;
const sdk = tencentcloud as unknown as Record<string, unknown>;

function title(s: string): string {
    return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Member names of each exported interface in a compiled declaration file of the SDK. */
function interfaces(relDts: string): Map<string, string[]> {
    const file = path.join(SDK_DIR, "bin", relDts);
    const source = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
    const found = new Map<string, string[]>();
    source.forEachChild((node) => {
        if (ts.isInterfaceDeclaration(node)) {
            found.set(
                node.name.text,
                node.members.map((m) => (m.name && ts.isIdentifier(m.name) ? m.name.text : "?")).sort(),
            );
        }
    });
    return found;
}

/** First arguments of the `pulumi.runtime.<method>(...)` calls in a compiled JS file of the SDK. */
function runtimeCallTokens(relJs: string, method: string): string[] {
    const file = path.join(SDK_DIR, "bin", relJs);
    const source = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
    const tokens: string[] = [];
    const visit = (node: ts.Node): void => {
        if (
            ts.isCallExpression(node) &&
            ts.isPropertyAccessExpression(node.expression) &&
            node.expression.name.text === method &&
            node.expression.expression.getText(source).endsWith("runtime") &&
            node.arguments.length > 0 &&
            ts.isStringLiteral(node.arguments[0])
        ) {
            tokens.push(node.arguments[0].text);
        }
        node.forEachChild(visit);
    };
    visit(source);
    return tokens;
}

const sortedKeys = (o: Record<string, unknown> | undefined) => Object.keys(o ?? {}).sort();

describe("generated SDK matches the schema", () => {
    it("exports exactly the schema's resources, functions (plain and Output), Provider, config and types", () => {
        const expected = [
            ...Object.keys(schema.resources).map(memberName),
            ...Object.keys(schema.functions).flatMap((t) => [memberName(t), `${memberName(t)}Output`]),
            "Provider",
            "config",
            "types",
        ].sort();
        assert.deepEqual(Object.keys(sdk).sort(), expected);
    });

    for (const [token, res] of Object.entries(schema.resources)) {
        const name = memberName(token);
        it(`${name}: class has token ${token}, Args/State have the schema's inputs`, () => {
            const cls = sdk[name] as { __pulumiType?: string; isInstance?: unknown; get?: unknown };
            assert.equal(typeof cls, "function", `${name} is not exported as a class`);
            assert.equal(cls.__pulumiType, token);
            assert.equal(typeof cls.isInstance, "function");
            assert.equal(typeof cls.get, "function");
            const decls = interfaces(`${memberFile(token)}.d.ts`);
            assert.deepEqual(decls.get(`${name}Args`), sortedKeys(res.inputProperties), `${name}Args members`);
            assert.deepEqual(decls.get(`${name}State`), sortedKeys(res.stateInputs?.properties), `${name}State members`);
        });
    }

    for (const [token, fn] of Object.entries(schema.functions)) {
        const name = memberName(token);
        it(`${name}/${name}Output: invoke token ${token}, Args/OutputArgs have the schema's inputs`, () => {
            assert.equal(typeof sdk[name], "function");
            assert.equal(typeof sdk[`${name}Output`], "function");
            assert.deepEqual(runtimeCallTokens(`${memberFile(token)}.js`, "invoke"), [token]);
            assert.deepEqual(runtimeCallTokens(`${memberFile(token)}.js`, "invokeOutput"), [token]);
            const decls = interfaces(`${memberFile(token)}.d.ts`);
            const t = title(name);
            assert.deepEqual(decls.get(`${t}Args`), sortedKeys(fn.inputs?.properties), `${t}Args members`);
            assert.deepEqual(decls.get(`${t}OutputArgs`), sortedKeys(fn.inputs?.properties), `${t}OutputArgs members`);
            assert.deepEqual(decls.get(`${t}Result`), sortedKeys(fn.outputs?.properties), `${t}Result members`);
        });
    }

    it("Provider: token 'tencentcloud', ProviderArgs has the provider's inputs", () => {
        const provider = sdk.Provider as { __pulumiType?: string };
        assert.equal(provider.__pulumiType, schema.package.name);
        assert.deepEqual(interfaces("provider.d.ts").get("ProviderArgs"), sortedKeys(schema.provider?.inputProperties));
    });

    it("package.json carries the package parameterization Pulumi reads", () => {
        const pkg = JSON.parse(fs.readFileSync(path.join(SDK_DIR, "package.json"), "utf8"));
        const p = schema.package;
        assert.equal(pkg.name, "@pulumi/tencentcloud");
        assert.equal(pkg.version, p.version);
        assert.equal(pkg.main, "bin/index.js");
        assert.equal(pkg.types, "bin/index.d.ts");
        assert.deepEqual(pkg.pulumi, {
            resource: true,
            name: "terraform-provider",
            version: DEFAULT_PLUGIN_VERSION,
            parameterization: { name: "tencentcloud", version: p.version, value: p.parameterization.parameterBase64 },
        });
        assert.deepEqual(JSON.parse(Buffer.from(pkg.pulumi.parameterization.value, "base64").toString("utf8")), {
            remote: { url: "registry.opentofu.org/tencentcloudstack/tencentcloud", version: p.version },
        });
    });
});

describe("generated SDK on disk is up to date", () => {
    const generated = generateSdk(schema);

    it("sources, package.json and tsconfig.json equal a fresh generation (run `npm run gen:sdk`)", () => {
        const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "tencentcloud-sdk-"));
        try {
            writeTree(tmp, generated);
            const onDisk = listFiles(SDK_DIR).filter((f) => !f.startsWith("bin/"));
            assert.deepEqual(onDisk, listFiles(tmp), "file list differs");
            for (const rel of onDisk) {
                assert.equal(
                    fs.readFileSync(path.join(SDK_DIR, rel), "utf8"),
                    fs.readFileSync(path.join(tmp, rel), "utf8"),
                    `sdks/tencentcloud/${rel} is stale`,
                );
            }
        } finally {
            fs.rmSync(tmp, { recursive: true, force: true });
        }
    });

    it("committed bin/ equals the compiled sources (run `npm run gen:sdk`)", () => {
        const compiled = compileSdk(generated, SDK_DIR);
        const onDisk = listFiles(path.join(SDK_DIR, "bin")).map((f) => `bin/${f}`);
        assert.deepEqual(onDisk, [...compiled.keys()].sort(), "bin/ file list differs");
        for (const [rel, text] of compiled) {
            assert.equal(fs.readFileSync(path.join(SDK_DIR, rel), "utf8"), text, `sdks/tencentcloud/${rel} is stale`);
        }
    });
});

describe("contract checker", () => {
    const INSTANCE = "tencentcloud:index/instance:Instance";
    const validInstance = {
        availabilityZone: "ap-guangzhou-6",
        imageId: "img-487zeit5",
        instanceType: "SA2.2XLARGE16",
        instanceName: "gitpod",
        instanceChargeType: "POSTPAID_BY_HOUR",
        systemDiskType: "CLOUD_PREMIUM",
        systemDiskSize: 100,
        allocatePublicIp: true,
        internetMaxBandwidthOut: 50,
        internetChargeType: "TRAFFIC_POSTPAID_BY_HOUR",
        keyIds: [UNKNOWN],
        orderlySecurityGroups: ["sg-12345678"],
        vpcId: "vpc-12345678",
        subnetId: undefined,
        userDataRaw: { "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", value: "#!/bin/bash\n" },
        dataDisks: [{ dataDiskType: "CLOUD_SSD", dataDiskSize: 200, deleteWithInstance: true }],
        tags: { app: "gitpod" },
    };

    it("accepts a valid Instance input (with unknown and secret values)", () => {
        assert.deepEqual(checkResourceInputs(INSTANCE, validInstance), []);
    });

    it("rejects a wrong token", () => {
        const problems = checkResourceInputs("tencentcloud:index/Instance:Instance", validInstance);
        assert.equal(problems.length, 1);
        assert.match(problems[0], /unknown resource token.*did you mean "tencentcloud:index\/instance:Instance"/);
        assert.match(checkInvokeArgs("tencentcloud:index/getImage:getImage", {})[0], /unknown function token/);
    });

    it("rejects an unknown property (Terraform spelling)", () => {
        const problems = checkResourceInputs(INSTANCE, { ...validInstance, system_disk_type: "CLOUD_SSD" });
        assert.deepEqual(problems.length, 1);
        assert.match(problems[0], /"system_disk_type": not an input of .*did you mean "systemDiskType"/);
    });

    it("rejects a wrong type, also inside nested objects", () => {
        assert.match(
            checkResourceInputs(INSTANCE, { ...validInstance, systemDiskSize: "100" }).join("\n"),
            /"systemDiskSize": expected a number, got string "100"/,
        );
        assert.match(
            checkResourceInputs(INSTANCE, { ...validInstance, dataDisks: [{ dataDiskType: "CLOUD_SSD", dataDiskSize: true }] }).join("\n"),
            /"dataDisks"\[0\]\.dataDiskSize: expected a number/,
        );
        assert.match(
            checkInvokeArgs("tencentcloud:index/getImages:getImages", { imageTypes: "PUBLIC_IMAGE" }).join("\n"),
            /"imageTypes": expected a list/,
        );
    });

    it("rejects a missing required input", () => {
        assert.deepEqual(checkResourceInputs("tencentcloud:index/vpc:Vpc", { name: "gitpod" }), [
            'tencentcloud:index/vpc:Vpc input "cidrBlock": required input is missing',
        ]);
        assert.match(
            checkResourceInputs("tencentcloud:index/dnspodRecord:DnspodRecord", { domain: "example.com", recordType: "A", value: "1.2.3.4" }).join("\n"),
            /"recordLine": required input is missing/,
        );
        assert.match(
            checkInvokeArgs("tencentcloud:index/getAvailabilityZonesByProduct:getAvailabilityZonesByProduct", {}).join("\n"),
            /"product": required input is missing/,
        );
    });

    it("rejects disallowed enum values (instanceChargeType, systemDiskType, rule set action/protocol)", () => {
        assert.match(
            checkResourceInputs(INSTANCE, { ...validInstance, instanceChargeType: "PAY_AS_YOU_GO" }).join("\n"),
            /"instanceChargeType": "PAY_AS_YOU_GO" is not an allowed value/,
        );
        assert.match(
            checkResourceInputs(INSTANCE, { ...validInstance, systemDiskType: "SSD" }).join("\n"),
            /"systemDiskType": "SSD" is not an allowed value/,
        );
        const RULES = "tencentcloud:index/securityGroupRuleSet:SecurityGroupRuleSet";
        const rule = { action: "ACCEPT", protocol: "TCP", port: "443", cidrBlock: "0.0.0.0/0" };
        assert.deepEqual(checkResourceInputs(RULES, { securityGroupId: "sg-1", ingresses: [rule, { ...rule, action: "drop", protocol: "udp" }] }), []);
        assert.match(checkResourceInputs(RULES, { securityGroupId: "sg-1", ingresses: [{ ...rule, action: "ALLOW" }] }).join("\n"), /"ingresses"\[0\]\.action: "ALLOW"/);
        assert.match(checkResourceInputs(RULES, { securityGroupId: "sg-1", egresses: [{ ...rule, protocol: "SCTP" }] }).join("\n"), /"egresses"\[0\]\.protocol: "SCTP"/);
    });

    it("checks the other Terraform facts: conflicts, at-least-one-of, key pair names, CIDRs", () => {
        assert.match(
            checkResourceInputs(INSTANCE, { ...validInstance, userData: "IyEvYmluL2Jhc2g=" }).join("\n"),
            /inputs "userData" and "userDataRaw" conflict/,
        );
        const noImage: Record<string, unknown> = { ...validInstance };
        delete noImage.imageId;
        assert.match(checkResourceInputs(INSTANCE, noImage).join("\n"), /set at least one of "imageId", "launchTemplateId"/);
        assert.match(checkResourceInputs("tencentcloud:index/keyPair:KeyPair", { keyName: "gitpod-key" }).join("\n"), /not a valid key pair name/);
        assert.deepEqual(checkResourceInputs("tencentcloud:index/keyPair:KeyPair", { keyName: "gitpod_key", publicKey: "ssh-ed25519 AAAA" }), []);
        assert.match(checkResourceInputs("tencentcloud:index/vpc:Vpc", { cidrBlock: "10.0.0.1/16" }).join("\n"), /not a CIDR network address/);
    });
});
