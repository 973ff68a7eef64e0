import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { describe, it } from "node:test";
import { callTencentCloud, describeDnspodDomain, tc3Sign, utcDate } from "../../tools/tencentCloudApi";

/**
 * The worked example of Tencent Cloud's "Signature v3" document (API 3.0, TC3-HMAC-SHA256):
 * CVM DescribeInstances 2017-03-12, ap-guangzhou, timestamp 1551113065, the documented
 * EXAMPLE key pair; every intermediate value below is quoted from that document.
 */
const DOC = {
    credentials: { secretId: "AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE", secretKey: "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE" },
    payload: String.raw`{"Limit": 1, "Filters": [{"Values": ["\u672a\u547d\u540d"], "Name": "instance-name"}]}`,
    hashedPayload: "35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064",
    hashedCanonicalRequest: "5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031",
    signature: "72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168",
};

describe("tc3Sign", () => {
    const signed = tc3Sign(DOC.credentials, {
        service: "cvm",
        host: "cvm.tencentcloudapi.com",
        action: "DescribeInstances",
        version: "2017-03-12",
        region: "ap-guangzhou",
        payload: DOC.payload,
        timestamp: 1551113065,
    });

    it("builds the documented canonical request and string to sign", () => {
        assert.equal(
            signed.canonicalRequest,
            `POST\n/\n\ncontent-type:application/json; charset=utf-8\nhost:cvm.tencentcloudapi.com\n\ncontent-type;host\n${DOC.hashedPayload}`,
        );
        assert.equal(createHash("sha256").update(signed.canonicalRequest).digest("hex"), DOC.hashedCanonicalRequest);
        assert.equal(signed.stringToSign, `TC3-HMAC-SHA256\n1551113065\n2019-02-25/cvm/tc3_request\n${DOC.hashedCanonicalRequest}`);
    });

    it("matches the documented signature and Authorization header", () => {
        assert.equal(signed.signature, DOC.signature);
        assert.equal(
            signed.authorization,
            `TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE/2019-02-25/cvm/tc3_request, SignedHeaders=content-type;host, Signature=${DOC.signature}`,
        );
        assert.deepEqual(signed.headers, {
            Authorization: signed.authorization,
            "Content-Type": "application/json; charset=utf-8",
            Host: "cvm.tencentcloudapi.com",
            "X-TC-Action": "DescribeInstances",
            "X-TC-Timestamp": "1551113065",
            "X-TC-Version": "2017-03-12",
            "X-TC-Region": "ap-guangzhou",
        });
    });

    it("changes with the key, the payload and the day", () => {
        const base = { service: "cvm", host: "cvm.tencentcloudapi.com", action: "A", version: "v", payload: "{}", timestamp: 1551113065 };
        const s = tc3Sign(DOC.credentials, base).signature;
        assert.notEqual(tc3Sign({ ...DOC.credentials, secretKey: "other" }, base).signature, s);
        assert.notEqual(tc3Sign(DOC.credentials, { ...base, payload: "{ }" }).signature, s);
        assert.notEqual(tc3Sign(DOC.credentials, { ...base, timestamp: base.timestamp + 86400 }).signature, s);
    });

    it("dates the scope in UTC (16:44 UTC is already the 26th in Beijing)", () => {
        assert.equal(utcDate(1551113065), "2019-02-25");
        assert.equal(utcDate(1551139199), "2019-02-25");
        assert.equal(utcDate(1551139200), "2019-02-26");
    });

    it("sends a session token as X-TC-Token", () => {
        const t = tc3Sign({ ...DOC.credentials, token: "sts" }, { service: "s", host: "h", action: "A", version: "v", payload: "{}", timestamp: 0 });
        assert.equal(t.headers["X-TC-Token"], "sts");
    });
});

describe("callTencentCloud / describeDnspodDomain (fake fetch)", () => {
    it("POSTs a signed DescribeDomain to dnspod.tencentcloudapi.com without a region", async () => {
        let seen: { url: string; init?: RequestInit } | undefined;
        const fakeFetch = (async (url: string | URL | Request, init?: RequestInit) => {
            seen = { url: String(url), init };
            return new Response(JSON.stringify({ Response: { DomainInfo: { Domain: "example.com", Status: "ENABLE" }, RequestId: "r" } }));
        }) as typeof fetch;
        const res = await describeDnspodDomain("example.com", { credentials: DOC.credentials, fetch: fakeFetch, now: () => new Date(1551113065_000) });
        assert.equal(res.DomainInfo?.Domain, "example.com");
        assert.equal(seen?.url, "https://dnspod.tencentcloudapi.com/");
        assert.equal(seen?.init?.method, "POST");
        assert.equal(seen?.init?.body, '{"Domain":"example.com"}');
        const headers = seen?.init?.headers as Record<string, string>;
        assert.equal(headers["X-TC-Action"], "DescribeDomain");
        assert.equal(headers["X-TC-Version"], "2021-03-23");
        assert.equal(headers["X-TC-Timestamp"], "1551113065");
        assert.equal(headers["X-TC-Region"], undefined);
        const expected = tc3Sign(DOC.credentials, {
            service: "dnspod",
            host: "dnspod.tencentcloudapi.com",
            action: "DescribeDomain",
            version: "2021-03-23",
            payload: '{"Domain":"example.com"}',
            timestamp: 1551113065,
        });
        assert.equal(headers.Authorization, expected.authorization);
    });

    it("returns API errors in Response.Error and throws on non-JSON", async () => {
        const errFetch = (async () => new Response(JSON.stringify({ Response: { Error: { Code: "AuthFailure.SecretIdNotFound", Message: "x" } } }))) as typeof fetch;
        const res = await callTencentCloud({ credentials: DOC.credentials, service: "dnspod", action: "A", version: "v", body: {}, fetch: errFetch });
        assert.equal(res.Error?.Code, "AuthFailure.SecretIdNotFound");
        const htmlFetch = (async () => new Response("<html>", { status: 502 })) as typeof fetch;
        await assert.rejects(
            callTencentCloud({ credentials: DOC.credentials, service: "dnspod", action: "A", version: "v", body: {}, fetch: htmlFetch }),
            /HTTP 502 with something other than JSON/,
        );
    });
});
