/**
 * The project files a user runs `pulumi up` with: Pulumi.yaml follows the CLI's rules, declares
 * the config the program reads with the same defaults, and the example stack validates.
 */
import { describe, it } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import YAML from "yaml";
import { DEFAULTS, PLAIN_KEYS, PROJECT, SECRET_KEYS, validateConfig } from "../lib/config";

const ROOT = path.join(__dirname, "..");
const readYaml = (file: string) => YAML.parse(fs.readFileSync(path.join(ROOT, file), "utf8"));
const project = readYaml("Pulumi.yaml");
const declared: Record<string, { type?: string; items?: unknown; default?: unknown; secret?: boolean }> = project.config;
/**
 * Documented in Pulumi.yaml's comments instead of declared: object-valued keys (no `object`
 * type), and optional secrets (a declared key without default is required, and a secret takes
 * no default).
 */
const UNDECLARED = ["registryMirrors", "gitpodConfig", "gitpodConfigPatch", "tlsCertificate", "gitpodLicense"];

describe("Pulumi.yaml", () => {
    it("names the project the program and tests use, on the Node.js runtime, from index.ts", () => {
        assert.equal(project.name, PROJECT);
        assert.equal(project.runtime.name, "nodejs");
        assert.equal(project.main, "index.ts");
    });

    it("declares the tencentcloud local package the shipped SDK was generated for", () => {
        const sdk = JSON.parse(fs.readFileSync(path.join(ROOT, "sdks/tencentcloud/package.json"), "utf8"));
        const entry = project.packages.tencentcloud;
        assert.equal(entry.source, sdk.pulumi.name);
        assert.equal(entry.version, sdk.pulumi.version);
        assert.deepEqual(entry.parameters, ["tencentcloudstack/tencentcloud", sdk.pulumi.parameterization.version]);
        const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
        assert.equal(pkg.dependencies["@pulumi/tencentcloud"], "file:sdks/tencentcloud");
    });

    it("types every key as the CLI requires: a known type, items for arrays, no default on secrets", () => {
        for (const [key, spec] of Object.entries(declared)) {
            assert.ok(["string", "integer", "boolean", "array"].includes(spec.type ?? ""), `${key}: type ${spec.type}`);
            if (spec.type === "array") assert.ok(spec.items, `${key}: array without items`);
            if (spec.secret) assert.equal(spec.default, undefined, `${key}: a secret with a default`);
            if (spec.default !== undefined) {
                const t = Array.isArray(spec.default) ? "array" : typeof spec.default === "number" ? "integer" : typeof spec.default;
                assert.equal(t, spec.type, `${key}: default of the wrong type`);
            }
        }
    });

    it("declares exactly the keys the program reads", () => {
        const read = [...PLAIN_KEYS, ...SECRET_KEYS].filter((k) => !UNDECLARED.includes(k)).sort();
        assert.deepEqual(Object.keys(declared).sort(), read);
        for (const key of SECRET_KEYS.filter((k) => !UNDECLARED.includes(k))) assert.equal(declared[key].secret, true, `${key} is not declared secret`);
    });

    it("declares without a default only the keys no stack can do without (the CLI refuses to run while one is unset)", () => {
        const required = Object.entries(declared).filter(([, spec]) => spec.default === undefined).map(([key]) => key).sort();
        assert.deepEqual(required, ["acmeEmail", "adminCidrs", "dnspodSecretId", "dnspodSecretKey", "domain"]);
    });

    it("has the same defaults as the code (the CLI applies these; tests and validation use the code's)", () => {
        for (const [key, spec] of Object.entries(declared)) {
            if (spec.default === undefined || spec.default === "") continue;
            const value = typeof spec.default === "string" ? spec.default : JSON.stringify(spec.default);
            assert.equal(value, DEFAULTS[key], `${key}: Pulumi.yaml says ${value}, lib/config/ says ${DEFAULTS[key]}`);
        }
    });
});

describe("Pulumi.dev.yaml", () => {
    it("is a valid stack once its secrets are set", () => {
        const stack = readYaml("Pulumi.dev.yaml").config as Record<string, unknown>;
        const values = Object.fromEntries(
            Object.entries(stack)
                .filter(([k]) => k.startsWith(`${PROJECT}:`))
                .map(([k, v]) => [k.slice(PROJECT.length + 1), typeof v === "string" ? v : JSON.stringify(v)]),
        );
        const secret = { apply: () => undefined } as never;
        const providerRegion = stack["tencentcloud:region"] as string | undefined;
        const config = validateConfig({ values, secrets: { dnspodSecretId: secret, dnspodSecretKey: secret }, cloudCredentials: true, providerRegion });
        assert.equal(config.domain, "gitpod.example.com");
        assert.equal(config.acmeServer, "staging");
        assert.equal(config.region, "ap-singapore");
        assert.equal(providerRegion, undefined, "the region is set once, as gitpod-tencent:region");
    });
});
