/**
 * Tencent Cloud API 3.0 calls signed with TC3-HMAC-SHA256, on node:crypto only.
 * Algorithm: Tencent Cloud API docs "Signature v3" (e.g. https://www.tencentcloud.com/document/api/1227/61798,
 * cloud.tencent.com/document/api/213/30654): POST, CanonicalURI "/", empty query, signed headers
 * content-type;host, CredentialScope `<UTC date>/<service>/tc3_request`, key derivation
 * HMAC("TC3"+SecretKey, date) -> service -> "tc3_request".
 */
import { createHash, createHmac } from "node:crypto";

export interface TcCredentials {
    readonly secretId: string;
    readonly secretKey: string;
    /** STS session token (temporary keys), sent as X-TC-Token. */
    readonly token?: string;
}

export interface Tc3Input {
    readonly service: string;
    readonly host: string;
    readonly action: string;
    readonly version: string;
    readonly region?: string;
    /** The exact JSON body sent. */
    readonly payload: string;
    /** Unix seconds. */
    readonly timestamp: number;
    readonly contentType?: string;
}

export interface Tc3Signed {
    readonly canonicalRequest: string;
    readonly stringToSign: string;
    readonly signature: string;
    readonly authorization: string;
    /** Every header to send (Host included: fetch derives the same one from the URL). */
    readonly headers: Readonly<Record<string, string>>;
}

export const TC3_CONTENT_TYPE = "application/json; charset=utf-8";

const sha256Hex = (s: string): string => createHash("sha256").update(s, "utf8").digest("hex");
const hmac = (key: string | Buffer, msg: string): Buffer => createHmac("sha256", key).update(msg, "utf8").digest();

/** The UTC date (YYYY-MM-DD) of a Unix timestamp, as the credential scope needs it. */
export function utcDate(timestamp: number): string {
    return new Date(timestamp * 1000).toISOString().slice(0, 10);
}

export function tc3Sign(credentials: TcCredentials, input: Tc3Input): Tc3Signed {
    const contentType = input.contentType ?? TC3_CONTENT_TYPE;
    const signedHeaders = "content-type;host";
    const canonicalRequest = [
        "POST",
        "/",
        "",
        `content-type:${contentType.toLowerCase()}\nhost:${input.host.toLowerCase()}\n`,
        signedHeaders,
        sha256Hex(input.payload),
    ].join("\n");
    const date = utcDate(input.timestamp);
    const scope = `${date}/${input.service}/tc3_request`;
    const stringToSign = ["TC3-HMAC-SHA256", String(input.timestamp), scope, sha256Hex(canonicalRequest)].join("\n");
    const signingKey = hmac(hmac(hmac(`TC3${credentials.secretKey}`, date), input.service), "tc3_request");
    const signature = createHmac("sha256", signingKey).update(stringToSign, "utf8").digest("hex");
    const authorization = `TC3-HMAC-SHA256 Credential=${credentials.secretId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
    const headers: Record<string, string> = {
        Authorization: authorization,
        "Content-Type": contentType,
        Host: input.host,
        "X-TC-Action": input.action,
        "X-TC-Timestamp": String(input.timestamp),
        "X-TC-Version": input.version,
    };
    if (input.region) headers["X-TC-Region"] = input.region;
    if (credentials.token) headers["X-TC-Token"] = credentials.token;
    return { canonicalRequest, stringToSign, signature, authorization, headers };
}

export interface TcError {
    readonly Code: string;
    readonly Message: string;
}

export interface TcCallOptions {
    readonly credentials: TcCredentials;
    readonly service: string;
    readonly action: string;
    readonly version: string;
    readonly region?: string;
    readonly body: unknown;
    /** Default `https://<service>.tencentcloudapi.com`; tests point it at a fake. */
    readonly endpoint?: string;
    readonly fetch?: typeof fetch;
    readonly now?: () => Date;
    readonly timeoutMs?: number;
}

/** The `Response` object of a Tencent Cloud API answer; `Error` set when the call failed. */
export type TcResponse<T> = T & { readonly Error?: TcError; readonly RequestId?: string };

/** Calls one API action; throws only for transport failures and non-JSON answers. */
export async function callTencentCloud<T>(opts: TcCallOptions): Promise<TcResponse<T>> {
    const endpoint = opts.endpoint ?? `https://${opts.service}.tencentcloudapi.com`;
    const url = new URL(endpoint);
    const payload = JSON.stringify(opts.body);
    const timestamp = Math.floor((opts.now ?? (() => new Date()))().getTime() / 1000);
    const signed = tc3Sign(opts.credentials, {
        service: opts.service,
        host: url.host,
        action: opts.action,
        version: opts.version,
        region: opts.region,
        payload,
        timestamp,
    });
    const doFetch = opts.fetch ?? globalThis.fetch;
    const res = await doFetch(url, {
        method: "POST",
        headers: signed.headers,
        body: payload,
        signal: AbortSignal.timeout(opts.timeoutMs ?? 15_000),
    });
    const text = await res.text();
    let json: { Response?: TcResponse<T> };
    try {
        json = JSON.parse(text) as typeof json;
    } catch {
        throw new Error(`${url.host} answered HTTP ${res.status} with something other than JSON`);
    }
    if (!json.Response) throw new Error(`${url.host} answered HTTP ${res.status} without a Response object`);
    return json.Response;
}

/** DNSPod API 2021-03-23 `DescribeDomain` (the fields the doctor reads). */
export interface DnspodDomainInfo {
    readonly Domain?: string;
    readonly DomainId?: number;
    /** ENABLE, PAUSE, SPAM, ... */
    readonly Status?: string;
    /** "" when the registrar delegates to DNSPod; "dnserror" when it does not. */
    readonly DnsStatus?: string;
    readonly DnspodNsList?: readonly string[];
    readonly ActualNsList?: readonly string[];
}

export function describeDnspodDomain(
    domain: string,
    opts: Omit<TcCallOptions, "service" | "action" | "version" | "body">,
): Promise<TcResponse<{ DomainInfo?: DnspodDomainInfo }>> {
    return callTencentCloud<{ DomainInfo?: DnspodDomainInfo }>({
        ...opts,
        service: "dnspod",
        action: "DescribeDomain",
        version: "2021-03-23",
        body: { Domain: domain },
    });
}
