/**
 * The doctor's Tencent Cloud checks, through the official SDK (tools/tencentCloud.ts): which API
 * key is used, the DNSPod zone (with the provider key and with the DNS-01 key), and whether the
 * instance type is sold pay-as-you-go in the zone, with its list price as an estimate.
 * Keys are never written to a result.
 */
import { defaultZoneOf } from "../lib/config/cloud";
import { Env } from "./cli";
import { ConfigValue } from "./pulumiCli";
import { CheckResult, describeError, fail, pass, warn } from "./report";
import { describeDnspodDomain, describeInstanceTypeQuota, TcApiError, TcCredentials } from "./tencentCloud";


export interface CredentialSource {
    readonly credentials?: TcCredentials;
    /** Where they came from, never their value. */
    readonly source?: string;
}

/**
 * The provider's API key: `tencentcloud:secretId`/`secretKey` from the stack config when set
 * (the provider prefers its config), else TENCENTCLOUD_SECRET_ID/TENCENTCLOUD_SECRET_KEY.
 */
export function checkCloudCredentials(
    env: Env,
    config: { secretId: ConfigValue; secretKey: ConfigValue; securityToken?: ConfigValue },
): CheckResult & CredentialSource {
    const name = "Tencent Cloud key";
    const fix =
        "export TENCENTCLOUD_SECRET_ID=… TENCENTCLOUD_SECRET_KEY=…, or `pulumi config set tencentcloud:secretId …` and `pulumi config set --secret tencentcloud:secretKey …` (a CAM key with CVM, VPC and DNSPod access)";
    const unreadable = [config.secretId, config.secretKey].find((v): v is { kind: "error"; message: string } => v.kind === "error");
    if (unreadable) {
        return warn(name, `the stack's tencentcloud:secret* config could not be read: ${unreadable.message}`, "set PULUMI_CONFIG_PASSPHRASE (or PULUMI_CONFIG_PASSPHRASE_FILE) for this stack and run the doctor again");
    }
    const id = config.secretId.kind === "set" ? config.secretId.value : undefined;
    const key = config.secretKey.kind === "set" ? config.secretKey.value : undefined;
    const token = config.securityToken?.kind === "set" ? config.securityToken.value : undefined;
    if (id && key) {
        return { ...pass(name, "set in the stack config (tencentcloud:secretId, tencentcloud:secretKey)"), credentials: { secretId: id, secretKey: key, token }, source: "stack config" };
    }
    if (id || key) return fail(name, `only tencentcloud:${id ? "secretId" : "secretKey"} is set in the stack config`, fix);
    const envId = env.TENCENTCLOUD_SECRET_ID?.trim();
    const envKey = env.TENCENTCLOUD_SECRET_KEY?.trim();
    if (envId && envKey) {
        return {
            ...pass(name, "set in the environment (TENCENTCLOUD_SECRET_ID, TENCENTCLOUD_SECRET_KEY)"),
            credentials: { secretId: envId, secretKey: envKey, token: env.TENCENTCLOUD_SECURITY_TOKEN?.trim() || undefined },
            source: "environment",
        };
    }
    if (envId || envKey) return fail(name, `only ${envId ? "TENCENTCLOUD_SECRET_ID" : "TENCENTCLOUD_SECRET_KEY"} is set`, fix);
    return fail(name, "no Tencent Cloud API key in the stack config or the environment", fix);
}

// ---------------------------------------------------------------------------------------------
// DNSPod

/** Where and how long the Tencent Cloud API calls go (tests point them at a local server). */
export interface ApiTarget {
    /** Base URL replacing `https://<service>.tencentcloudapi.com`. */
    readonly endpoint?: string;
    readonly timeoutMs?: number;
}

/**
 * A FAIL for an error the API answered, with the fix for the usual causes: clock skew, a key
 * without the permission, a wrong or disabled key. `undefined` for any other (action-specific) code.
 */
export function authErrorResult(name: string, keyLabel: string, error: TcApiError, permission: string): CheckResult | undefined {
    const said = `${error.code}: ${error.message}`;
    if (error.code === "AuthFailure.SignatureExpire") return fail(name, `the API rejected the request's time (${said})`, "sync this machine's clock (NTP): Tencent Cloud allows 5 minutes of skew");
    if (error.code === "AuthFailure.UnauthorizedOperation" || error.code.startsWith("UnauthorizedOperation")) {
        return fail(name, `${keyLabel} may not ${permission} (${said})`, `grant the key's CAM user the permission to ${permission}`);
    }
    if (error.code.startsWith("AuthFailure")) return fail(name, `${keyLabel} was rejected (${said})`, "check the SecretId/SecretKey pair in the CAM console (API keys); it may be disabled or mistyped");
    return undefined;
}

export interface DnsZoneInput extends ApiTarget {
    readonly name?: string;
    readonly domain: ConfigValue;
    readonly dnsZone: ConfigValue;
    readonly credentials?: TcCredentials;
    /** Which key is used, for the message ("the provider key"). */
    readonly keyLabel: string;
}

export async function checkDnsZone(input: DnsZoneInput): Promise<CheckResult> {
    const name = input.name ?? "DNSPod zone";
    if (input.domain.kind === "error") return warn(name, `not checked: the stack config is unreadable (${input.domain.message})`);
    if (input.domain.kind !== "set" || input.domain.value.trim() === "") {
        return fail(name, "gitpod-tencent:domain is not set", "run `pulumi config set domain gitpod.example.com`");
    }
    const domain = input.domain.value.trim().toLowerCase();
    const zone = input.dnsZone.kind === "set" && input.dnsZone.value.trim() !== "" ? input.dnsZone.value.trim().toLowerCase() : defaultZoneOf(domain);
    if (domain !== zone && !domain.endsWith(`.${zone}`)) {
        return fail(name, `domain ${domain} is not inside zone ${zone}`, "set dnsZone to the DNSPod zone that contains the domain: `pulumi config set dnsZone example.com`");
    }
    if (!input.credentials) return warn(name, `not checked (${zone}): no ${input.keyLabel}`);
    let res;
    try {
        res = await describeDnspodDomain(zone, { credentials: input.credentials, endpoint: input.endpoint, timeoutMs: input.timeoutMs });
    } catch (e) {
        return fail(name, `DNSPod API unreachable: ${describeError(e)}`, "check outbound HTTPS to dnspod.tencentcloudapi.com (proxy: set https_proxy/http_proxy, firewall)");
    }
    if (!res.ok) {
        return (
            authErrorResult(name, input.keyLabel, res.error, "read DNSPod (e.g. policy QcloudDNSPodFullAccess)") ??
            fail(
                name,
                `zone ${zone} not found with ${input.keyLabel} (${res.error.code}: ${res.error.message})`,
                `add ${zone} to DNSPod in this Tencent Cloud account (https://console.cloud.tencent.com/cns), or set dnsZone to a zone it holds`,
            )
        );
    }
    const info = res.response.DomainInfo;
    if (!info) return fail(name, `DescribeDomain for ${zone} returned no DomainInfo`, "retry; if it persists, check the zone in the DNSPod console");
    const status = (info.Status ?? "").toUpperCase();
    if (status !== "" && status !== "ENABLE") {
        return fail(name, `zone ${zone} is in DNSPod but its status is ${info.Status}`, "enable the zone in the DNSPod console (paused or locked zones do not resolve)");
    }
    if (info.DnsStatus === "dnserror") {
        const expected = (info.DnspodNsList ?? []).join(", ") || "DNSPod's";
        const actual = (info.ActualNsList ?? []).join(", ") || "unknown";
        return warn(
            name,
            `zone ${zone} found, but the registrar does not delegate it to DNSPod (nameservers: ${actual})`,
            `set the zone's nameservers at the registrar to ${expected}; until then the A records and Let's Encrypt DNS-01 will not work`,
        );
    }
    return pass(name, `zone ${zone} found (${domain})`);
}

// ---------------------------------------------------------------------------------------------
// Instance type and its list price

export interface InstancePriceInput extends ApiTarget {
    readonly region: string;
    readonly zone: string;
    readonly instanceType: string;
    readonly credentials?: TcCredentials;
}

const HOURS_PER_MONTH = 730;

/**
 * Whether `instanceType` is sold pay-as-you-go in the zone, and its list price per hour
 * (CVM DescribeZoneInstanceConfigInfos `Price.UnitPrice`, in the account's currency: CNY on the
 * China site, USD on the international one). An estimate: disk, traffic and discounts are not
 * included; the README's cost section lists what else bills.
 */
export async function checkInstancePrice(input: InstancePriceInput): Promise<CheckResult> {
    const name = "instance type";
    const what = `${input.instanceType} in ${input.zone}`;
    if (!input.credentials) return warn(name, `not checked (${what}): no Tencent Cloud key`);
    let res;
    try {
        res = await describeInstanceTypeQuota(input.zone, input.instanceType, { credentials: input.credentials, region: input.region, endpoint: input.endpoint, timeoutMs: input.timeoutMs });
    } catch (e) {
        return warn(name, `CVM API unreachable, price not looked up: ${describeError(e)}`, "check outbound HTTPS to cvm.tencentcloudapi.com");
    }
    if (!res.ok) {
        return (
            authErrorResult(name, "the Tencent Cloud key", res.error, "describe CVM instance types (cvm:DescribeZoneInstanceConfigInfos)") ??
            fail(name, `${what}: ${res.error.code}: ${res.error.message}`, "check region and zone (`pulumi config set region …`, `zone …`)")
        );
    }
    const item = (res.response.InstanceTypeQuotaSet ?? []).find((q) => q.InstanceType === input.instanceType && q.Zone === input.zone);
    if (!item || item.Status !== "SELL") {
        return fail(
            name,
            `${what} is ${item ? `not sold (${item.Status}${item.SoldOutReason ? `: ${item.SoldOutReason}` : ""})` : "not offered"} pay-as-you-go`,
            "pick another zone or instance type: `pulumi config set zone …` / `instanceType …` (8 vCPU / 16 GiB or more)",
        );
    }
    const price = item.Price?.UnitPrice;
    if (price === undefined) return pass(name, `${what}: sold pay-as-you-go (no list price in the answer)`);
    const unit = item.Price?.ChargeUnit ?? "HOUR";
    const monthly = unit === "HOUR" ? `, about ${(price * HOURS_PER_MONTH).toFixed(0)} a month if never stopped` : "";
    return pass(name, `${what}: sold; estimate ${price} per ${unit.toLowerCase()} list price (account currency; excl. disk, traffic, discounts)${monthly}`);
}
