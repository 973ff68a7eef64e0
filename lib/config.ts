/**
 * Stack configuration: read once, validated in one place before any resource is declared.
 * Every problem is reported at once, one line each naming the key, what was given (secrets
 * masked) and what is expected. Defaults here mirror the `config:` block of Pulumi.yaml (the
 * CLI applies those; unit tests and `validateConfig` callers get the same values from here).
 */
import * as pulumi from "@pulumi/pulumi";
import { DEFAULT_REGISTRY_MIRRORS, RegistryMirrors, validateRegistryMirrors } from "./registries";
import { checkVersionSet, PinName, PINS, VersionSet } from "./versions";

export const PROJECT = "gitpod-tencent";

/** Instance system disk types the provider accepts (terraform-provider-tencentcloud v1.83.25). */
export const SYSTEM_DISK_TYPES = ["CLOUD_PREMIUM", "CLOUD_SSD", "CLOUD_BSSD", "CLOUD_HSSD", "CLOUD_TSSD"] as const;
export const UBUNTU_VERSIONS = ["20.04", "22.04"] as const;
export const ACME_SERVERS = {
    production: "https://acme-v02.api.letsencrypt.org/directory",
    staging: "https://acme-staging-v02.api.letsencrypt.org/directory",
} as const;
export type AcmeServer = keyof typeof ACME_SERVERS;

export interface StackConfig {
    /** The Gitpod domain: the zone apex or a name below it. */
    readonly domain: string;
    /** The DNSPod zone holding `domain`. */
    readonly dnsZone: string;
    /** `domain` relative to `dnsZone`: "" for the apex, else e.g. "gitpod". */
    readonly domainLabel: string;
    readonly dnsTtl: number;
    readonly region: string;
    readonly zone: string;
    readonly instanceType: string;
    readonly ubuntuVersion: (typeof UBUNTU_VERSIONS)[number];
    readonly systemDiskType: (typeof SYSTEM_DISK_TYPES)[number];
    readonly systemDiskSize: number;
    readonly bandwidthOut: number;
    readonly adminCidrs: readonly string[];
    readonly allowVmReplacement: boolean;
    readonly versions: VersionSet;
    readonly allowUnsupportedVersions: boolean;
    readonly k3sMirror: boolean;
    readonly clusterCidr: string;
    readonly serviceCidr: string;
    readonly registryMirrors: RegistryMirrors;
    readonly gitpodNamespace: string;
    readonly acmeEmail: string;
    readonly acmeServer: AcmeServer;
    readonly dns01Nameservers: readonly string[];
    readonly dnspodSecretId: pulumi.Output<string>;
    readonly dnspodSecretKey: pulumi.Output<string>;
}

/** What the validator reads: plain values as the CLI gives them (strings, or parsed JSON). */
export interface RawConfig {
    readonly values: Readonly<Record<string, string | undefined>>;
    /** Secret keys: set or not (their values are never looked at here). */
    readonly secrets: Readonly<Record<string, pulumi.Output<string> | undefined>>;
    /** Whether Tencent Cloud API credentials reach the provider (config or environment). */
    readonly cloudCredentials: boolean;
}

export const SECRET_KEYS = ["dnspodSecretId", "dnspodSecretKey"] as const;

export const DEFAULTS: Readonly<Record<string, string>> = {
    region: "ap-singapore",
    instanceType: "SA2.2XLARGE16",
    ubuntuVersion: "20.04",
    systemDiskType: "CLOUD_SSD",
    systemDiskSize: "200",
    bandwidthOut: "100",
    dnsTtl: "600",
    allowVmReplacement: "false",
    allowUnsupportedVersions: "false",
    k3sMirror: "false",
    clusterCidr: "10.42.0.0/16",
    serviceCidr: "10.43.0.0/16",
    gitpodNamespace: "gitpod",
    acmeServer: "production",
    dns01Nameservers: JSON.stringify(["119.29.29.29:53", "1.1.1.1:53"]),
};

const VERSION_KEYS: Readonly<Record<string, PinName>> = {
    k3sVersion: "k3s",
    calicoVersion: "calico",
    certManagerVersion: "certManager",
    kotsVersion: "kots",
};

const VERSION_FORMATS: Readonly<Record<string, RegExp>> = {
    k3sVersion: /^v\d+\.\d+\.\d+\+k3s\d+$/,
    calicoVersion: /^v\d+\.\d+\.\d+$/,
    certManagerVersion: /^v\d+\.\d+\.\d+$/,
    kotsVersion: /^\d+\.\d+\.\d+$/,
};

/** Collects problems; each check reads one key and reports at most one line for it. */
class Checker {
    readonly problems: string[] = [];
    constructor(private readonly raw: RawConfig) {}

    /** What the user set, ignoring defaults. */
    given(key: string): string | undefined {
        const v = this.raw.values[key];
        return v === "" ? undefined : v;
    }

    value(key: string): string | undefined {
        return this.given(key) ?? DEFAULTS[key];
    }

    fail(key: string, given: string | undefined, expected: string): void {
        const shown = given === undefined ? "nothing" : JSON.stringify(given);
        this.problems.push(`${PROJECT}:${key}: got ${shown}; expected ${expected}`);
    }

    string(key: string, ok: (v: string) => boolean, expected: string): string {
        const v = this.value(key);
        if (v === undefined || !ok(v)) this.fail(key, v, expected);
        return v ?? "";
    }

    integer(key: string, min: number, max: number, unit: string): number {
        const v = this.value(key);
        const n = Number(v);
        if (v === undefined || !/^\d+$/.test(v.trim()) || n < min || n > max) {
            this.fail(key, v, `an integer from ${min} to ${max}${unit}`);
        }
        return n;
    }

    boolean(key: string): boolean {
        const v = this.value(key);
        if (v !== "true" && v !== "false") this.fail(key, v, "true or false");
        return v === "true";
    }

    oneOf<T extends string>(key: string, allowed: readonly T[]): T {
        const v = this.value(key);
        if (!allowed.includes(v as T)) this.fail(key, v, `one of ${allowed.join(", ")}`);
        return v as T;
    }

    json<T>(key: string, expected: string): T | undefined {
        const v = this.value(key);
        if (v === undefined) return undefined;
        try {
            return JSON.parse(v) as T;
        } catch {
            this.fail(key, v, expected);
            return undefined;
        }
    }

    stringList(key: string, ok: (v: string) => boolean, expected: string, required: boolean): string[] {
        const list = this.json<unknown>(key, `a list of ${expected}`);
        if (list === undefined) {
            if (required) this.fail(key, undefined, `a non-empty list of ${expected}`);
            return [];
        }
        if (!Array.isArray(list) || (required && list.length === 0)) {
            this.fail(key, this.value(key), `a ${required ? "non-empty " : ""}list of ${expected}`);
            return [];
        }
        list.forEach((item, i) => {
            if (typeof item !== "string" || !ok(item)) this.fail(`${key}[${i}]`, String(item), expected);
        });
        return list as string[];
    }

    secret(key: string, expected: string): pulumi.Output<string> {
        const v = this.raw.secrets[key];
        if (v === undefined) {
            this.problems.push(`${PROJECT}:${key}: got nothing; expected ${expected}, set with \`pulumi config set --secret ${key}\``);
        }
        return v ?? pulumi.secret("");
    }
}

const LABEL = "(?!-)[a-z0-9-]{1,63}(?<!-)";
const FQDN = new RegExp(`^(?=.{4,253}$)(${LABEL}\\.)+[a-z]{2,63}$`);
const EMAIL = /^[A-Za-z0-9._%+-]+@(?!-)[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,63}$/;
const REGION = /^[a-z]{2}-[a-z]+$/;
const K8S_NAME = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
const INSTANCE_TYPE = /^[A-Z][A-Z0-9]*\.[A-Z0-9]+$/;
const HOST_PORT = /^(\d{1,3}(\.\d{1,3}){3}|[a-z0-9.-]+):\d{1,5}$/;

export function isIpv4Cidr(value: string): boolean {
    const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(value);
    if (!m) return false;
    const octets = m.slice(1, 5).map(Number);
    const prefix = Number(m[5]);
    if (octets.some((o) => o > 255) || prefix > 32) return false;
    const address = octets.reduce((acc, o) => acc * 256 + o, 0);
    const hostBits = 2 ** (32 - prefix);
    return address % hostBits === 0;
}

export function isFqdn(value: string): boolean {
    return FQDN.test(value);
}

/** The zone a domain belongs to when none is configured: its last two labels. */
export function defaultZoneOf(domain: string): string {
    return domain.split(".").slice(-2).join(".");
}

function checkDomain(c: Checker): { domain: string; dnsZone: string; domainLabel: string } {
    const domain = c.string(
        "domain",
        isFqdn,
        "a lower-case DNS name such as gitpod.example.com (no scheme, path, port or trailing dot)",
    );
    const zoneGiven = c.value("dnsZone");
    const dnsZone = zoneGiven ?? defaultZoneOf(domain);
    if (zoneGiven !== undefined && !isFqdn(zoneGiven)) {
        c.fail("dnsZone", zoneGiven, "the DNSPod zone (a domain name such as example.com)");
    } else if (isFqdn(domain) && domain !== dnsZone && !domain.endsWith(`.${dnsZone}`)) {
        c.fail("dnsZone", dnsZone, `a zone that contains ${domain} (the domain itself or a parent of it)`);
    }
    const domainLabel = domain === dnsZone ? "" : domain.slice(0, -(dnsZone.length + 1));
    return { domain, dnsZone, domainLabel };
}

function checkVersions(c: Checker): { versions: VersionSet; allowUnsupportedVersions: boolean } {
    const allowUnsupportedVersions = c.boolean("allowUnsupportedVersions");
    const versions: Record<string, string> = {};
    for (const [name, pin] of Object.entries(PINS)) versions[name] = pin.version;
    let formatsOk = true;
    for (const [key, pin] of Object.entries(VERSION_KEYS)) {
        const given = c.given(key);
        if (given === undefined) continue;
        if (!VERSION_FORMATS[key].test(given)) {
            c.fail(key, given, `a release like ${PINS[pin].version}`);
            formatsOk = false;
        } else {
            versions[pin] = given;
        }
    }
    if (formatsOk && !allowUnsupportedVersions) {
        for (const problem of checkVersionSet(versions as VersionSet)) {
            c.problems.push(`${PROJECT}:versions: ${problem}; pick versions that fit together or set allowUnsupportedVersions: true`);
        }
    }
    return { versions: versions as VersionSet, allowUnsupportedVersions };
}

function checkZone(c: Checker, region: string): string {
    const zone = c.value("zone") ?? `${region}-1`;
    if (!new RegExp(`^${region.replace(/-/g, "\\-")}-\\d+$`).test(zone)) {
        c.fail("zone", zone, `a zone of region ${region}, such as ${region}-1`);
    }
    return zone;
}

/** Validates everything; returns the typed config or throws one Error listing every problem. */
export function validateConfig(raw: RawConfig): StackConfig {
    const c = new Checker(raw);
    const dns = checkDomain(c);
    const region = c.string("region", (v) => REGION.test(v), "a Tencent Cloud region such as ap-singapore or ap-hongkong");
    const zone = checkZone(c, region);
    const instanceType = c.string("instanceType", (v) => INSTANCE_TYPE.test(v), "a CVM instance type such as SA2.2XLARGE16");
    const registryMirrors: RegistryMirrors = {
        ...DEFAULT_REGISTRY_MIRRORS,
        ...c.json<RegistryMirrors>("registryMirrors", "a map of upstream registry to {endpoints, rewrites}"),
    };
    for (const problem of validateRegistryMirrors(registryMirrors)) c.problems.push(`${PROJECT}:${problem}`);
    const clusterCidr = c.string("clusterCidr", isIpv4Cidr, "an IPv4 CIDR such as 10.42.0.0/16 (network address, prefix <= 32)");
    const serviceCidr = c.string("serviceCidr", isIpv4Cidr, "an IPv4 CIDR such as 10.43.0.0/16 (network address, prefix <= 32)");
    if (!raw.cloudCredentials) {
        c.problems.push(
            "tencentcloud:secretId/secretKey: got nothing; expected Tencent Cloud API keys, set TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY or `pulumi config set tencentcloud:secretId …` and `pulumi config set --secret tencentcloud:secretKey …`",
        );
    }
    const config: StackConfig = {
        ...dns,
        dnsTtl: c.integer("dnsTtl", 1, 604800, " seconds (DNSPod's free plan accepts 600 and up)"),
        region,
        zone,
        instanceType,
        ubuntuVersion: c.oneOf("ubuntuVersion", UBUNTU_VERSIONS),
        systemDiskType: c.oneOf("systemDiskType", SYSTEM_DISK_TYPES),
        systemDiskSize: c.integer("systemDiskSize", 100, 2048, " GiB (Gitpod keeps images, workspaces and its registry on this disk)"),
        bandwidthOut: c.integer("bandwidthOut", 1, 200, " Mbps"),
        adminCidrs: c.stringList("adminCidrs", isIpv4Cidr, "IPv4 CIDRs allowed to reach SSH and the Kubernetes API, e.g. [\"203.0.113.7/32\"]", true),
        allowVmReplacement: c.boolean("allowVmReplacement"),
        ...checkVersions(c),
        k3sMirror: c.boolean("k3sMirror"),
        clusterCidr,
        serviceCidr,
        registryMirrors,
        gitpodNamespace: c.string("gitpodNamespace", (v) => K8S_NAME.test(v), "a Kubernetes namespace name such as gitpod"),
        acmeEmail: c.string("acmeEmail", (v) => EMAIL.test(v), "an e-mail address for Let's Encrypt expiry notices, such as ops@example.com"),
        acmeServer: c.oneOf("acmeServer", Object.keys(ACME_SERVERS) as AcmeServer[]),
        dns01Nameservers: c.stringList("dns01Nameservers", (v) => HOST_PORT.test(v), "recursive nameservers as host:port, e.g. 119.29.29.29:53", true),
        dnspodSecretId: c.secret("dnspodSecretId", "the SecretId of a Tencent Cloud API key allowed to edit DNSPod records (for cert-manager's DNS-01 webhook)"),
        dnspodSecretKey: c.secret("dnspodSecretKey", "the SecretKey of that API key"),
    };
    if (c.problems.length > 0) {
        throw new ConfigError(c.problems);
    }
    return config;
}

export class ConfigError extends Error {
    constructor(readonly problems: readonly string[]) {
        super(`invalid configuration (${problems.length} problem${problems.length === 1 ? "" : "s"}):\n  ${problems.join("\n  ")}`);
        this.name = "ConfigError";
    }
}

export const PLAIN_KEYS = [
    "domain", "dnsZone", "dnsTtl", "region", "zone", "instanceType", "ubuntuVersion", "systemDiskType",
    "systemDiskSize", "bandwidthOut", "adminCidrs", "allowVmReplacement", "allowUnsupportedVersions",
    ...Object.keys(VERSION_KEYS), "k3sMirror", "clusterCidr", "serviceCidr", "registryMirrors",
    "gitpodNamespace", "acmeEmail", "acmeServer", "dns01Nameservers",
] as const;

/** Reads the stack's configuration through Pulumi and validates it. */
export function loadConfig(): StackConfig {
    const cfg = new pulumi.Config(PROJECT);
    const provider = new pulumi.Config("tencentcloud");
    const values = Object.fromEntries(PLAIN_KEYS.map((k) => [k, cfg.get(k)]));
    const secrets = Object.fromEntries(SECRET_KEYS.map((k) => [k, cfg.getSecret(k)]));
    const cloudCredentials =
        (provider.get("secretId") !== undefined || process.env.TENCENTCLOUD_SECRET_ID !== undefined) &&
        (provider.getSecret("secretKey") !== undefined || process.env.TENCENTCLOUD_SECRET_KEY !== undefined);
    return validateConfig({ values, secrets, cloudCredentials });
}
