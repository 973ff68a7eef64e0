/** The README a newcomer follows: its configuration reference equals Pulumi.yaml, its sections are there. */
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, it } from "node:test";
import YAML from "yaml";
import { KeySpec, referenceProblems, referenceRows, undeclaredKeys } from "../tools/configReference";

const ROOT = path.join(__dirname, "..");
const README = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
const DECLARED = (YAML.parse(fs.readFileSync(path.join(ROOT, "Pulumi.yaml"), "utf8")) as { config: Record<string, KeySpec> }).config;

describe("README configuration reference", () => {
    it("has one row per key with Pulumi.yaml's type and default, and rows for the object keys it cannot declare", () => {
        assert.deepEqual(referenceProblems(README, DECLARED, undeclaredKeys(DECLARED)), []);
    });

    it("catches a wrong default, a wrong type, a missing row and an unknown key", () => {
        const table = "| key | type | default | meaning |\n| --- | --- | --- | --- |\n";
        const spec: Record<string, KeySpec> = { dnsTtl: { type: "integer", default: 600 }, acmeEmail: { type: "string" }, adminCidrs: { type: "array", items: { type: "string" } } };
        const readme = `${table}| \`dnsTtl\` | integer | \`300\` | x |\n| \`acmeEmail\` | integer | (required) | x |\n| \`nope\` | string | (none) | x |\n`;
        assert.deepEqual(referenceProblems(readme, spec, []), [
            'dnsTtl: default "`300`", Pulumi.yaml says `600`',
            'acmeEmail: type "integer", Pulumi.yaml says "string"',
            "nope: not a key of Pulumi.yaml",
            "adminCidrs: no row; add | `adminCidrs` | array of string | (required) |  |",
        ]);
    });

    it("reads the rows as a person sees them (escaped pipes stay in the meaning)", () => {
        const row = referenceRows(README).find((r) => r.key === "authProviders");
        assert.equal(row?.type, "object (list, not declared in Pulumi.yaml)");
        assert.match(row?.meaning ?? "", /GitHub\\\|GitLab/);
    });
});

describe("README for a newcomer", () => {
    it("has the sections the delivery issue asks for", () => {
        const headings = README.split("\n").filter((l) => l.startsWith("## ")).map((l) => l.slice(3));
        for (const h of ["Stages", "Prerequisites", "Set up", "Outputs", "Configuration", "Versions", "Cost", "Upgrades", "Troubleshooting", "Continuous delivery", "Tests"]) {
            assert.ok(headings.includes(h), `no section ${h}`);
        }
    });

    it("shows the policy pack preview command and marks the price lookup as an estimate", () => {
        assert.match(README, /^pulumi preview --policy-pack policy$/m);
        assert.match(README, /list price per hour of `instanceType`\*\* in your zone[\s\S]*an \*\*estimate\*\*/);
    });

    it("troubleshooting covers the manual process' known failures", () => {
        const trouble = README.slice(README.indexOf("## Troubleshooting"), README.indexOf("## Continuous delivery"));
        for (const topic of ["Certificate stuck", "Hairpin", "Let's Encrypt limits and the staging switch", "no longer downloadable", "Mainland China"]) {
            assert.match(trouble, new RegExp(`### [^\\n]*${topic}`), topic);
        }
    });
});
