/**
 * Runs the whole program (index.ts) under mocks with a given stack configuration and returns
 * what it declared. Pulumi's runtime is process-global: runs in one file happen one after another.
 */
import * as pulumi from "@pulumi/pulumi";
import * as assert from "node:assert/strict";
import { InvokeResult, OutputsFor, RecordedResource, Recording, settle, setupMocks } from "./mocks";
import { PROJECT } from "../../lib/config";

export const STACK = "dev";

/** A complete, valid configuration: what a user puts in Pulumi.dev.yaml plus secrets. */
export const VALID_CONFIG: Readonly<Record<string, unknown>> = {
    domain: "gitpod.example.com",
    dnsZone: "example.com",
    acmeEmail: "ops@example.com",
    adminCidrs: ["203.0.113.7/32"],
    allowedEmailDomains: ["example.com"],
};

export const VALID_SECRETS: Readonly<Record<string, string>> = {
    dnspodSecretId: "AKIDexampleexampleexample",
    dnspodSecretKey: "dnspod-secret-key-value",
    "tencentcloud:secretKey": "cloud-secret-key-value",
};

export const PLAIN_PROVIDER_CONFIG: Readonly<Record<string, string>> = {
    "tencentcloud:secretId": "AKIDcloudexample",
    "tencentcloud:region": "ap-singapore",
};

function qualify(key: string): string {
    return key.includes(":") ? key : `${PROJECT}:${key}`;
}

/** Sets the runtime's config store the way the CLI would (values are strings). */
export function setStackConfig(plain: Record<string, unknown>, secrets: Record<string, string>): void {
    const all: Record<string, string> = {};
    for (const [k, v] of Object.entries({ ...PLAIN_PROVIDER_CONFIG, ...plain })) {
        if (v !== undefined) all[qualify(k)] = typeof v === "string" ? v : JSON.stringify(v);
    }
    for (const [k, v] of Object.entries(secrets)) all[qualify(k)] = v;
    pulumi.runtime.setAllConfig(all, Object.keys(secrets).map(qualify));
}

/** Mock answers for the data sources the program calls. */
export const defaultInvokes: InvokeResult = (token, args) => {
    switch (token) {
        case "tencentcloud:index/getImages:getImages":
            return {
                ...args,
                id: "images",
                images: [
                    { imageId: "img-ubuntu2004-new", imageName: "Ubuntu Server 20.04 LTS 64bit", osName: "Ubuntu Server 20.04 LTS 64bit", createdTime: "2026-10-01" },
                    { imageId: "img-ubuntu2004-old", imageName: "Ubuntu Server 20.04 LTS 64bit", osName: "Ubuntu Server 20.04 LTS 64bit", createdTime: "2026-01-01" },
                ],
            };
        case "tencentcloud:index/getInstanceTypes:getInstanceTypes": {
            const filters: { name: string; values: string[] }[] = args.filters ?? [];
            const zone = filters.find((f) => f.name === "zone")?.values[0];
            const sold = ["ap-singapore-1", "ap-singapore-3"];
            const zones = zone ? sold.filter((z) => z === zone) : sold;
            return {
                ...args,
                id: "types",
                instanceTypes: zones.map((z) => ({ instanceType: "SA2.2XLARGE16", availabilityZone: z, cpuCoreCount: 8, memorySize: 16, status: "SELL" })),
            };
        }
        default:
            return undefined;
    }
};

/** The stable public address: the EIP of the server (or a VM's own public IP, see below). */
export const PUBLIC_IP = "43.156.0.10";

/** Provider-computed outputs the program reads. */
export const defaultOutputs: OutputsFor = (type, name, inputs) => {
    switch (type) {
        case "tencentcloud:index/instance:Instance":
            // A VM created without a public IP of its own has none (its address is an EIP).
            return { publicIp: inputs.allocatePublicIp === false ? "" : PUBLIC_IP, privateIp: "10.0.1.10", systemDiskId: `disk-${name}` };
        case "tencentcloud:index/eip:Eip":
            return { publicIp: PUBLIC_IP, status: "BIND" };
        case "command:remote:Command":
            return name.endsWith("kubeconfig")
                ? { stdout: "apiVersion: v1\nkind: Config\nclusters:\n- cluster:\n    server: https://43.156.0.10:6443\n  name: default\n" }
                : { stdout: "", stderr: "" };
        case "tls:index/privateKey:PrivateKey":
            return { publicKeyOpenssh: "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIMock gitpod-tencent", privateKeyOpenssh: "-----BEGIN OPENSSH PRIVATE KEY-----\nmock\n-----END OPENSSH PRIVATE KEY-----\n" };
        case "random:index/randomPassword:RandomPassword":
            return { result: "mock-random-password-0123456789" };
        default:
            return {};
    }
};

/** Answers the program's StackReference to itself with `previous` as its outputs. */
function withPreviousDeployment(outputs: OutputsFor, previous: Record<string, unknown>): OutputsFor {
    return (type, name, inputs) => (type === "pulumi:pulumi:StackReference" ? { outputs: previous, secretOutputNames: [] } : outputs(type, name, inputs));
}

export interface ProgramRun extends Recording {
    /** The program's stack outputs (the module's exports). */
    readonly exports: Record<string, unknown>;
    /** The error the program failed with, if it did. */
    readonly error?: unknown;
}

/**
 * Loads index.ts under mocks with `plain` and `secrets` config merged over the valid defaults,
 * waits for every registration to settle, and returns what was recorded.
 */
export async function runProgram(options: {
    plain?: Record<string, unknown>;
    secrets?: Record<string, string | undefined>;
    invoke?: InvokeResult;
    outputs?: OutputsFor;
    /** The stack's outputs from its last deployment (what `previousDeployment()` reads); none by default. */
    previous?: Record<string, unknown>;
    /** Evaluate as `pulumi preview` does. */
    preview?: boolean;
} = {}): Promise<ProgramRun> {
    const secrets = Object.fromEntries(
        Object.entries({ ...VALID_SECRETS, ...options.secrets }).filter(([, v]) => v !== undefined),
    ) as Record<string, string>;
    setStackConfig({ ...VALID_CONFIG, ...options.plain }, secrets);
    const recording = setupMocks({
        project: PROJECT,
        stack: STACK,
        invoke: options.invoke ?? defaultInvokes,
        outputs: withPreviousDeployment(options.outputs ?? defaultOutputs, options.previous ?? {}),
        preview: options.preview,
    });
    let exports: Record<string, unknown> = {};
    // A second run in the same file (e.g. running, then paused) must evaluate index.ts again:
    // loaded through require, whose cache (unlike the ESM loader's) can be cleared.
    const index = require.resolve("../../index");
    delete require.cache[index];
    const [error] = await settle(() => {
        // eslint-disable-next-line @typescript-eslint/no-require-imports -- see above
        exports = require(index);
    });
    return { ...recording, exports, error };
}

/** Guards against a program that silently recorded nothing (e.g. imported before the mocks). */
export function assertRecordedAtLeast(run: Recording, n: number): void {
    assert.ok(run.resources.length >= n, `expected at least ${n} resources, recorded ${run.resources.length}`);
}

export function byType(run: Recording, type: string): RecordedResource[] {
    return run.resources.filter((r) => r.type === type);
}

export function one(run: Recording, type: string, nameSuffix = ""): RecordedResource {
    const found = byType(run, type).filter((r) => r.name.endsWith(nameSuffix));
    assert.equal(found.length, 1, `expected one ${type} named *${nameSuffix}, found ${found.map((r) => r.name).join(", ") || "none"}`);
    return found[0];
}

/** Every resource `r` waits on, directly or through its ancestors' and dependencies' chains. */
export function dependsOnTransitively(run: Recording, r: RecordedResource, target: RecordedResource): boolean {
    const byUrn = new Map(run.resources.map((x) => [x.urn, x]));
    const seen = new Set<string>();
    const stack = [...r.dependencies];
    while (stack.length > 0) {
        const urn = stack.pop()!;
        if (urn === target.urn) return true;
        if (seen.has(urn)) continue;
        seen.add(urn);
        const next = byUrn.get(urn);
        if (next) {
            stack.push(...next.dependencies);
            // A dependency on a component means a dependency on all its children.
            stack.push(...run.resources.filter((c) => c.parent === urn).map((c) => c.urn));
        }
    }
    return false;
}
