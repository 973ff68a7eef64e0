import { describe, it } from "node:test";
import * as assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import { ConfigError, validateConfig } from "../../../lib/config";
import { VALID_CONFIG } from "../../../tools/mock/program";

const SECRETS = { dnspodSecretId: pulumi.secret("AKIDx"), dnspodSecretKey: pulumi.secret("key") };
/** The program tests' valid stack, as the CLI hands it over (strings). */
const VALID = Object.fromEntries(Object.entries(VALID_CONFIG).map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)]));

const config = (values: Record<string, string> = {}) => validateConfig({ values: { ...VALID, ...values }, secrets: SECRETS, cloudCredentials: true });

function problems(values: Record<string, string>): readonly string[] {
    try {
        config(values);
    } catch (e) {
        assert.ok(e instanceof ConfigError);
        return e.problems;
    }
    return [];
}

describe("config: workspace nodes", () => {
    it("defaults: none, SA2.2XLARGE16 with 200 GiB", () => {
        const c = config();
        assert.equal(c.workspaceNodes, 0);
        assert.equal(c.workspaceInstanceType, "SA2.2XLARGE16");
        assert.equal(c.workspaceDiskSize, 200);
        assert.equal(config({ workspaceNodes: "2" }).workspaceNodes, 2);
    });

    it("the subnet must have room for the server and every agent", () => {
        assert.equal(config({ workspaceNodes: "251" }).workspaceNodes, 251);
        assert.deepEqual(problems({ workspaceNodes: "252" }), [
            'gitpod-tencent:workspaceNodes: got "252"; expected an integer from 0 to 251 (subnet 10.0.1.0/24 has room for 252 VMs, the server included)',
        ]);
        assert.equal(problems({ workspaceNodes: "-1" }).length, 1);
        assert.equal(problems({ workspaceNodes: "two" }).length, 1);
    });

    it("a workspace node needs at least 16 GiB (Gitpod's preflight)", () => {
        assert.equal(config({ workspaceInstanceType: "SA3.4XLARGE32" }).workspaceInstanceType, "SA3.4XLARGE32");
        assert.deepEqual(problems({ workspaceInstanceType: "S5.LARGE8" }), [
            'gitpod-tencent:workspaceInstanceType: got "S5.LARGE8"; expected a type with at least 16 GiB of memory (Gitpod\'s preflight fails smaller workspace nodes), such as SA2.2XLARGE16',
        ]);
        assert.deepEqual(problems({ workspaceInstanceType: "large" }), [
            'gitpod-tencent:workspaceInstanceType: got "large"; expected a Tencent Cloud instance type such as SA2.2XLARGE16',
        ]);
    });

    it("every bad value is reported at once, one line per key", () => {
        const found = problems({ workspaceNodes: "1000", workspaceInstanceType: "S5.MEDIUM4", workspaceDiskSize: "50" });
        assert.deepEqual(found.map((p) => p.split(":")[1]), ["workspaceNodes", "workspaceInstanceType", "workspaceDiskSize"]);
    });
});
