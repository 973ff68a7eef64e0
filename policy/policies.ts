/**
 * gitpod-tencent's guard rails as CrossGuard policies (@pulumi/policy), run by
 * `pulumi preview|up --policy-pack policy` and the up workflow. Each is a plain object with a
 * `validateResource`, tested offline in test/policy/policies.test.ts with resources that pass
 * and resources that fail.
 *
 * Type tokens are those of the tencentcloud SDK (sdks/tencentcloud, `__pulumiType`), Pulumi's
 * Kubernetes provider (`kubernetes:<group>/<version>:<Kind>`) and @pulumi/command.
 */
import { ResourceValidationArgs, ResourceValidationPolicy } from "@pulumi/policy";

export type { ResourceValidationArgs, ResourceValidationPolicy };

export const TYPES = {
    ruleSet: "tencentcloud:index/securityGroupRuleSet:SecurityGroupRuleSet",
    rule: "tencentcloud:index/securityGroupRule:SecurityGroupRule",
    liteRule: "tencentcloud:index/securityGroupLiteRule:SecurityGroupLiteRule",
    instance: "tencentcloud:index/instance:Instance",
    clusterIssuer: "kubernetes:cert-manager.io/v1:ClusterIssuer",
    command: "command:remote:Command",
    configMap: "kubernetes:core/v1:ConfigMap",
    helmRelease: "kubernetes:helm.sh/v3:Release",
} as const;

/** Ports that must never be open to the whole internet: SSH, the Kubernetes API, the kots admin console. */
export const ADMIN_PORTS: Readonly<Record<number, string>> = { 22: "SSH", 6443: "the Kubernetes API", 8800: "the admin console" };
const WORLD = new Set(["0.0.0.0/0", "::/0"]);

/** One inbound rule, whatever resource type declared it. */
export interface Ingress {
    readonly accept: boolean;
    readonly source: string;
    /** "ALL", "22", "22,80", "1-1024"; undefined means all. */
    readonly port?: string;
    /** TCP, UDP, ICMP, ALL; undefined means all. */
    readonly protocol?: string;
}

/** Whether a Tencent Cloud port spec ("ALL", "22", "80,443", "1-65535") includes `port`. */
export function portSpecIncludes(spec: string | undefined, port: number): boolean {
    if (spec === undefined || spec.trim() === "" || spec.trim().toUpperCase() === "ALL") return true;
    return spec.split(",").some((part) => {
        const [lo, hi] = part.trim().split("-").map(Number);
        return hi === undefined ? lo === port : lo <= port && port <= hi;
    });
}

const carriesTcp = (protocol: string | undefined) => protocol === undefined || ["TCP", "ALL"].includes(protocol.toUpperCase());

/** The inbound rules of a security-group resource, in evaluation order. */
export function ingressesOf(type: string, props: Record<string, unknown>): Ingress[] {
    if (type === TYPES.ruleSet) {
        const rules = (props.ingresses ?? []) as { action?: string; cidrBlock?: string; ipv6CidrBlock?: string; port?: string; protocol?: string }[];
        return rules.map((r) => ({ accept: r.action?.toUpperCase() === "ACCEPT", source: r.cidrBlock ?? r.ipv6CidrBlock ?? "", port: r.port, protocol: r.protocol }));
    }
    if (type === TYPES.rule && String(props.type).toLowerCase() === "ingress") {
        return [{ accept: String(props.policy).toUpperCase() === "ACCEPT", source: String(props.cidrIp ?? ""), port: props.portRange as string | undefined, protocol: props.ipProtocol as string | undefined }];
    }
    if (type === TYPES.liteRule) {
        // "ACTION#SOURCE#PORT#PROTOCOL", e.g. "ACCEPT#0.0.0.0/0#22#TCP" (provider docs, tencentcloud_security_group_lite_rule).
        return ((props.ingresses ?? []) as string[]).map((s) => {
            const [action, source, port, protocol] = s.split("#");
            return { accept: action?.toUpperCase() === "ACCEPT", source: source ?? "", port, protocol };
        });
    }
    return [];
}

/** Admin ports the rules let in from anywhere: the first rule that matches (world, port, TCP) decides. */
export function worldOpenAdminPorts(rules: readonly Ingress[]): number[] {
    return Object.keys(ADMIN_PORTS)
        .map(Number)
        .filter((port) => rules.find((r) => WORLD.has(r.source) && carriesTcp(r.protocol) && portSpecIncludes(r.port, port))?.accept === true);
}

export const noWorldOpenAdminPorts: ResourceValidationPolicy = {
    name: "no-world-open-admin-ports",
    description: "No security group rule opens SSH (22), the Kubernetes API (6443) or the admin console (8800) to 0.0.0.0/0; use adminCidrs.",
    enforcementLevel: "mandatory",
    validateResource: (args, report) => {
        for (const port of worldOpenAdminPorts(ingressesOf(args.type, args.props))) {
            report(`port ${port} (${ADMIN_PORTS[port]}) is open to the whole internet: allow it from adminCidrs only`);
        }
    },
};

export const payAsYouGo: ResourceValidationPolicy = {
    name: "pay-as-you-go-instances",
    description: "CVM instances are pay-as-you-go (POSTPAID_BY_HOUR) so `pulumi destroy` ends the bill, unless the pack's config allows other charge types.",
    enforcementLevel: "mandatory",
    configSchema: {
        properties: {
            allowedChargeTypes: { type: "array", items: { type: "string" }, default: ["POSTPAID_BY_HOUR"] },
        },
    },
    validateResource: (args, report) => {
        if (args.type !== TYPES.instance) return;
        const allowed = args.getConfig<{ allowedChargeTypes: string[] }>().allowedChargeTypes ?? ["POSTPAID_BY_HOUR"];
        // The provider's default charge type is POSTPAID_BY_HOUR.
        const chargeType = (args.props.instanceChargeType as string | undefined) ?? "POSTPAID_BY_HOUR";
        if (!allowed.includes(chargeType)) {
            report(`instance charge type ${chargeType} is not allowed (allowed: ${allowed.join(", ")}); set allowedChargeTypes in the policy config to permit it`);
        }
    },
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const acmeEmailSet: ResourceValidationPolicy = {
    name: "acme-email-set",
    description: "Every ACME ClusterIssuer has an e-mail, so Let's Encrypt can warn before a certificate expires.",
    enforcementLevel: "mandatory",
    validateResource: (args, report) => {
        if (args.type !== TYPES.clusterIssuer) return;
        const acme = (args.props.spec as { acme?: { email?: unknown } } | undefined)?.acme;
        if (acme === undefined) return;
        if (typeof acme.email !== "string" || !EMAIL.test(acme.email)) report(`ClusterIssuer has no valid ACME e-mail (spec.acme.email ${JSON.stringify(acme.email ?? null)}): set acmeEmail`);
    },
};

/**
 * Values that are secrets whatever their field: private keys, credentials in a URL, and
 * `password=…`-style assignments of a literal (not `$VAR` or `$(cat)`, which read a secret at run time).
 */
const SECRET_PATTERNS: readonly [RegExp, string][] = [
    [/-----BEGIN [A-Z ]*PRIVATE KEY-----/, "a private key"],
    [/\b[a-z][a-z0-9+.-]*:\/\/[^\s/:@]+:[^\s/@$]+@/i, "credentials in a URL"],
    [/\b(password|passwd|secret|token|secret_?key|api_?key)\s*[=:]\s*["']?[^\s"'$]{8,}/i, "a password/secret/token assignment"],
];

export function secretLooking(value: string): string | undefined {
    return SECRET_PATTERNS.find(([re]) => re.test(value))?.[1];
}

/**
 * Inputs that are plain by design (the architecture keeps secrets on stdin, in Kubernetes
 * Secrets and in secret Outputs): where a secret-looking value is a leak into state and logs.
 */
const PLAIN_FIELDS: Readonly<Record<string, readonly string[]>> = {
    [TYPES.command]: ["create", "update", "delete", "environment", "triggers"],
    [TYPES.configMap]: ["data", "metadata"],
    [TYPES.helmRelease]: ["values"],
    [TYPES.instance]: ["userData", "userDataRaw", "tags"],
};

/** Every string under `value` with its dotted path. */
function strings(value: unknown, path: string): [string, string][] {
    if (typeof value === "string") return [[path, value]];
    if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, `${path}[${i}]`));
    if (value && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => strings(v, `${path}.${k}`));
    return [];
}

export const noSecretsInPlainInputs: ResourceValidationPolicy = {
    name: "no-secrets-in-plain-inputs",
    description: "No secret-looking value (private key, password, token, credentials in a URL) in inputs that are plain by design: command lines, environment, ConfigMaps, chart values, user data, tags.",
    enforcementLevel: "mandatory",
    validateResource: (args: ResourceValidationArgs, report) => {
        const fields = [...(PLAIN_FIELDS[args.type] ?? []), "tags", "description"];
        for (const field of new Set(fields)) {
            for (const [path, value] of strings(args.props[field], field)) {
                const kind = secretLooking(value);
                if (kind) report(`${path} holds ${kind}: pass secrets on stdin or as Pulumi secrets, never in plain inputs`);
            }
        }
    },
};

export const POLICIES: readonly ResourceValidationPolicy[] = [noWorldOpenAdminPorts, payAsYouGo, acmeEmailSet, noSecretsInPlainInputs];
