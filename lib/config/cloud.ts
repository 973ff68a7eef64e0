/**
 * Config of the cloud stages (Network, SshKey, CvmNode, DnsRecords): where the VM runs, what it
 * is, who may reach it, and which DNSPod zone holds the domain.
 */
import * as pulumi from "@pulumi/pulumi";
import { Checker, isFqdn, isIpv4Cidr, PROJECT, StageKeys } from "./checker";

/** Instance system disk types the provider accepts (terraform-provider-tencentcloud v1.83.25). */
export const SYSTEM_DISK_TYPES = ["CLOUD_PREMIUM", "CLOUD_SSD", "CLOUD_BSSD", "CLOUD_HSSD", "CLOUD_TSSD"] as const;
export const UBUNTU_VERSIONS = ["20.04", "22.04"] as const;

export interface CloudConfig {
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
}

export const CLOUD_KEYS: StageKeys = {
    plain: [
        "domain", "dnsZone", "dnsTtl", "region", "zone", "instanceType", "ubuntuVersion", "systemDiskType",
        "systemDiskSize", "bandwidthOut", "adminCidrs", "allowVmReplacement",
    ],
    secrets: [],
    defaults: {
        region: "ap-singapore",
        instanceType: "SA2.2XLARGE16",
        ubuntuVersion: "20.04",
        systemDiskType: "CLOUD_SSD",
        systemDiskSize: "200",
        bandwidthOut: "100",
        dnsTtl: "600",
        allowVmReplacement: "false",
    },
};

const REGION = /^[a-z]{2}-[a-z]+$/;
const INSTANCE_TYPE = /^[A-Z][A-Z0-9]*\.[A-Z0-9]+$/;

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

function checkZone(c: Checker, region: string): string {
    const zone = c.value("zone") ?? `${region}-1`;
    if (!new RegExp(`^${region.replace(/-/g, "\\-")}-\\d+$`).test(zone)) {
        c.fail("zone", zone, `a zone of region ${region}, such as ${region}-1`);
    }
    return zone;
}

function checkCloudCredentials(c: Checker): void {
    if (!c.raw.cloudCredentials) {
        c.problems.push(
            "tencentcloud:secretId/secretKey: got nothing; expected Tencent Cloud API keys, set TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY or `pulumi config set tencentcloud:secretId …` and `pulumi config set --secret tencentcloud:secretKey …`",
        );
    }
}

/**
 * Every Tencent Cloud resource uses one explicit provider in `region` (index.ts), so a different
 * `tencentcloud:region` would be ignored: say so rather than let the user believe it applies.
 */
function checkProviderRegion(c: Checker, region: string): void {
    const providerRegion = c.raw.providerRegion;
    if (providerRegion !== undefined && providerRegion !== "" && providerRegion !== region) {
        c.problems.push(
            `tencentcloud:region: got ${JSON.stringify(providerRegion)}; expected ${region} (the value of ${PROJECT}:region, which every resource uses) or no value: set the region with \`pulumi config set region …\` only`,
        );
    }
}

export function checkCloud(c: Checker): CloudConfig {
    const dns = checkDomain(c);
    const region = c.string("region", (v) => REGION.test(v), "a Tencent Cloud region such as ap-singapore or ap-hongkong");
    checkProviderRegion(c, region);
    const zone = checkZone(c, region);
    checkCloudCredentials(c);
    return {
        ...dns,
        dnsTtl: c.integer("dnsTtl", 1, 604800, " seconds (DNSPod's free plan accepts 600 and up)"),
        region,
        zone,
        instanceType: c.string("instanceType", (v) => INSTANCE_TYPE.test(v), "a CVM instance type such as SA2.2XLARGE16"),
        ubuntuVersion: c.oneOf("ubuntuVersion", UBUNTU_VERSIONS),
        systemDiskType: c.oneOf("systemDiskType", SYSTEM_DISK_TYPES),
        systemDiskSize: c.integer("systemDiskSize", 100, 2048, " GiB (Gitpod keeps images, workspaces and its registry on this disk)"),
        bandwidthOut: c.integer("bandwidthOut", 1, 200, " Mbps"),
        adminCidrs: c.stringList("adminCidrs", isIpv4Cidr, "IPv4 CIDRs allowed to reach SSH and the Kubernetes API, e.g. [\"203.0.113.7/32\"]", true),
        allowVmReplacement: c.boolean("allowVmReplacement"),
    };
}

/** API credentials for the one explicit Tencent Cloud provider (index.ts). */
export interface TencentCloudAccess {
    readonly secretId?: string;
    readonly secretKey?: pulumi.Output<string>;
    readonly securityToken?: pulumi.Output<string>;
}

/**
 * The `tencentcloud:*` credentials of the stack config, as an explicit provider does not read
 * them by itself. Keys left out are read by the provider from TENCENTCLOUD_SECRET_ID,
 * TENCENTCLOUD_SECRET_KEY and TENCENTCLOUD_SECURITY_TOKEN in its own environment
 * (EnvDefaultFunc, terraform-provider-tencentcloud v1.83.25 tencentcloud/provider.go), so keys
 * from the environment never enter the state.
 */
export function readTencentCloudAccess(): TencentCloudAccess {
    const provider = new pulumi.Config("tencentcloud");
    return {
        secretId: provider.get("secretId"),
        secretKey: provider.getSecret("secretKey"),
        securityToken: provider.getSecret("securityToken"),
    };
}
