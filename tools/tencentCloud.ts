/**
 * The Tencent Cloud API calls the tools make, through the official SDK
 * (`tencentcloud-sdk-nodejs-dnspod`, `-cvm`, on `tencentcloud-sdk-nodejs-common`, which signs
 * requests with TC3-HMAC-SHA256 and honours `http_proxy`). Each call answers either the
 * action's Response or the API's error code; transport failures (DNS, refused, timeout) throw.
 */
import * as cvmSdk from "tencentcloud-sdk-nodejs-cvm";
import * as dnspodSdk from "tencentcloud-sdk-nodejs-dnspod";
import type { ClientConfig } from "tencentcloud-sdk-nodejs-common/tencentcloud/common/interface";
import type { InstanceTypeQuotaItem } from "tencentcloud-sdk-nodejs-cvm/tencentcloud/services/cvm/v20170312/cvm_models";
import type { DomainInfo } from "tencentcloud-sdk-nodejs-dnspod/tencentcloud/services/dnspod/v20210323/dnspod_models";

export interface TcCredentials {
    readonly secretId: string;
    readonly secretKey: string;
    /** STS session token (temporary keys). */
    readonly token?: string;
}

export interface TcCallOptions {
    readonly credentials: TcCredentials;
    readonly region?: string;
    /** Base URL of the API, e.g. `http://127.0.0.1:8080` in tests; default `https://<service>.tencentcloudapi.com`. */
    readonly endpoint?: string;
    /** Per request; the SDK's default is 60 s, too long for a check a person waits on. */
    readonly timeoutMs?: number;
}

export interface TcApiError {
    readonly code: string;
    readonly message: string;
}

/** The API answered: either the Response or its Error. */
export type TcResult<T> = { readonly ok: true; readonly response: T } | { readonly ok: false; readonly error: TcApiError };

const DEFAULT_TIMEOUT_MS = 15_000;

/** The SDK's client configuration; `endpoint` becomes its httpProfile (host and protocol). */
function clientConfig(opts: TcCallOptions): ClientConfig {
    const url = opts.endpoint ? new URL(opts.endpoint) : undefined;
    return {
        credential: { secretId: opts.credentials.secretId, secretKey: opts.credentials.secretKey, token: opts.credentials.token },
        region: opts.region,
        profile: {
            httpProfile: {
                ...(url ? { endpoint: url.host, protocol: `${url.protocol}//` } : {}),
                reqTimeout: (opts.timeoutMs ?? DEFAULT_TIMEOUT_MS) / 1000,
            },
        },
    };
}

/**
 * Runs one SDK call. The SDK throws TencentCloudSDKHttpException for everything: with `code`
 * when the API answered an error, with `httpCode` for a non-200 answer, bare for transport errors.
 */
export async function tcCall<T>(call: () => Promise<T>): Promise<TcResult<T>> {
    try {
        return { ok: true, response: await call() };
    } catch (e) {
        const err = e as { code?: string; httpCode?: number; message?: string };
        if (typeof err.code === "string" && err.code !== "") return { ok: false, error: { code: err.code, message: err.message ?? "" } };
        if (err.httpCode) throw new Error(`HTTP ${err.httpCode} ${err.message ?? ""}`.trim());
        throw new Error(/network timeout/i.test(err.message ?? "") ? "timed out" : (err.message ?? String(e)));
    }
}

export type DnspodDomainInfo = DomainInfo;

/** DNSPod `DescribeDomain` (API 2021-03-23): the zone's status and delegation. */
export function describeDnspodDomain(domain: string, opts: TcCallOptions): Promise<TcResult<{ DomainInfo?: DnspodDomainInfo }>> {
    const client = new dnspodSdk.dnspod.v20210323.Client(clientConfig(opts));
    return tcCall(() => client.DescribeDomain({ Domain: domain }));
}

export type InstanceTypeQuota = InstanceTypeQuotaItem;

/**
 * CVM `DescribeZoneInstanceConfigInfos` (API 2017-03-12) for one pay-as-you-go instance type in
 * one zone: whether it is sold there and its list price (`Price.UnitPrice` per `ChargeUnit`).
 */
export function describeInstanceTypeQuota(zone: string, instanceType: string, opts: TcCallOptions): Promise<TcResult<{ InstanceTypeQuotaSet?: InstanceTypeQuota[] }>> {
    const client = new cvmSdk.cvm.v20170312.Client(clientConfig(opts));
    return tcCall(() =>
        client.DescribeZoneInstanceConfigInfos({
            Filters: [
                { Name: "zone", Values: [zone] },
                { Name: "instance-type", Values: [instanceType] },
                { Name: "instance-charge-type", Values: ["POSTPAID_BY_HOUR"] },
            ],
        }),
    );
}
