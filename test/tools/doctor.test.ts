import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createServer, Server } from "node:http";
import { AddressInfo } from "node:net";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { parse } from "yaml";
import { ImageCheck } from "../../lib/registryClient";
import { freePort } from "../support/registryServer";
import { apiError, ApiHandler, FakeTencentCloud, startTencentCloudServer } from "../support/tencentCloudServer";
import { Exec } from "../../tools/cli";
import { ConfigValue } from "../../tools/pulumiCli";
import { fakeExec } from "../support/fakeExec";
import { CheckResult, formatResult } from "../../tools/report";
import { checkCloudCredentials, checkDnsZone, checkInstancePrice } from "../../tools/cloudChecks";
import {
    checkImagesResolvable,
    checkLicence,
    checkRegistryMirrors,
    COMMUNITY_LICENCE,
    mirrorCandidates,
    runDoctor,
} from "../../tools/doctorChecks";

const FIXTURES = join(__dirname, "..", "fixtures", "gitpod");
const COMMUNITY_YAML = readFileSync(join(FIXTURES, "licenses", "Community.yaml"), "utf8");

const SECRET_ID = "AKIDtestsecretid000000000000000000000";
const SECRET_KEY = "TOPSECRETKEYdonotprint0000000000";

const set = (value: string): ConfigValue => ({ kind: "set", value });
const unset: ConfigValue = { kind: "unset" };
const text = (r: CheckResult): string => formatResult(r).join("\n");

describe("checkCloudCredentials", () => {
    it("prefers the stack config, and never shows the key", () => {
        const r = checkCloudCredentials({ TENCENTCLOUD_SECRET_ID: "envid", TENCENTCLOUD_SECRET_KEY: "envkey" }, { secretId: set(SECRET_ID), secretKey: set(SECRET_KEY) });
        assert.equal(r.level, "PASS");
        assert.equal(r.source, "stack config");
        assert.deepEqual(r.credentials, { secretId: SECRET_ID, secretKey: SECRET_KEY, token: undefined });
        assert.ok(!text(r).includes(SECRET_KEY) && !text(r).includes(SECRET_ID));
    });

    it("falls back to the environment (with an STS token)", () => {
        const r = checkCloudCredentials(
            { TENCENTCLOUD_SECRET_ID: SECRET_ID, TENCENTCLOUD_SECRET_KEY: SECRET_KEY, TENCENTCLOUD_SECURITY_TOKEN: "sts" },
            { secretId: unset, secretKey: unset },
        );
        assert.equal(r.level, "PASS");
        assert.equal(r.source, "environment");
        assert.equal(r.credentials?.token, "sts");
        assert.ok(!text(r).includes(SECRET_KEY));
    });

    it("nothing set: FAIL naming both ways to set it", () => {
        const r = checkCloudCredentials({}, { secretId: unset, secretKey: unset });
        assert.equal(r.level, "FAIL");
        assert.equal(r.credentials, undefined);
        assert.match(r.fix ?? "", /TENCENTCLOUD_SECRET_ID.*TENCENTCLOUD_SECRET_KEY.*pulumi config set --secret tencentcloud:secretKey/);
    });

    it("half set: FAIL naming the missing half", () => {
        assert.match(checkCloudCredentials({ TENCENTCLOUD_SECRET_ID: "x" }, { secretId: unset, secretKey: unset }).message, /only TENCENTCLOUD_SECRET_ID/);
        assert.match(checkCloudCredentials({}, { secretId: set("x"), secretKey: unset }).message, /only tencentcloud:secretId/);
    });

    it("config not decryptable: WARN about the passphrase", () => {
        const r = checkCloudCredentials({}, { secretId: set("x"), secretKey: { kind: "error", message: "passphrase must be set" } });
        assert.equal(r.level, "WARN");
        assert.match(r.fix ?? "", /PULUMI_CONFIG_PASSPHRASE/);
    });
});

/** Keys the local API accepts: SECRET_ID with SECRET_KEY. */
const KEYS = { [SECRET_ID]: SECRET_KEY };

/** One local API server per describe block, its answers switchable per test. */
function localApi(): { api: () => FakeTencentCloud; answer: (h: ApiHandler) => void } {
    let server: FakeTencentCloud | undefined;
    let handler: ApiHandler = () => apiError("InternalError", "no handler");
    // The SDK sends every request through `http_proxy` when set (no no_proxy): not to loopback.
    const proxy = process.env.http_proxy;
    before(async () => {
        delete process.env.http_proxy;
        server = await startTencentCloudServer(KEYS, (req) => handler(req));
    });
    after(async () => {
        if (proxy !== undefined) process.env.http_proxy = proxy;
        await server?.close();
    });
    return { api: () => server!, answer: (h) => (handler = h) };
}

const ZONES: Record<string, object> = {
    "example.com": { Domain: "example.com", Status: "ENABLE", DnsStatus: "" },
    "lame.org": { Domain: "lame.org", Status: "ENABLE", DnsStatus: "dnserror", DnspodNsList: ["a.dnspod.net", "b.dnspod.net"], ActualNsList: ["ns1.registrar.com"] },
    "paused.net": { Domain: "paused.net", Status: "PAUSE", DnsStatus: "" },
};

/** DNSPod DescribeDomain as the real API answers it (ResourceNotFound.NoDataOfDomain for a zone not in the account). */
const dnspodZones: ApiHandler = (req) => {
    if (req.action !== "DescribeDomain") return apiError("InvalidAction", req.action);
    const zone = ZONES[String(req.body.Domain)];
    return zone ? { DomainInfo: zone } : apiError("ResourceNotFound.NoDataOfDomain", "domain not in account");
};

/** CVM DescribeZoneInstanceConfigInfos: SA2.2XLARGE16 sold in ap-singapore-1 at 0.56/hour, sold out in -2. */
const cvmTypes: ApiHandler = (req) => {
    if (req.action !== "DescribeZoneInstanceConfigInfos") return apiError("InvalidAction", req.action);
    const filters = req.body.Filters as { Name: string; Values: string[] }[];
    const zone = filters.find((f) => f.Name === "zone")?.Values[0];
    const type = filters.find((f) => f.Name === "instance-type")?.Values[0];
    const sold: Record<string, object> = {
        "ap-singapore-1": { Status: "SELL", Price: { UnitPrice: 0.56, ChargeUnit: "HOUR" } },
        "ap-singapore-2": { Status: "SOLD_OUT", SoldOutReason: "resources insufficient" },
    };
    const item = type === "SA2.2XLARGE16" && zone ? sold[zone] : undefined;
    return { InstanceTypeQuotaSet: item ? [{ Zone: zone, InstanceType: type, InstanceChargeType: "POSTPAID_BY_HOUR", ...item }] : [] };
};

describe("checkDnsZone (local DNSPod API through the official SDK)", () => {
    const { api, answer } = localApi();
    const credentials = { secretId: SECRET_ID, secretKey: SECRET_KEY };
    const base = () => ({ credentials, keyLabel: "the Tencent Cloud key", endpoint: api().endpoint });

    it("zone found: PASS (default zone = last two labels of the domain), asked as DescribeDomain 2021-03-23", async () => {
        answer(dnspodZones);
        const before = api().requests.length;
        const r = await checkDnsZone({ ...base(), domain: set("gitpod.example.com"), dnsZone: unset });
        assert.equal(r.level, "PASS", text(r));
        assert.equal(r.message, "zone example.com found (gitpod.example.com)");
        assert.deepEqual(api().requests.slice(before), [{ action: "DescribeDomain", version: "2021-03-23", region: undefined, secretId: SECRET_ID, body: { Domain: "example.com" } }]);
    });

    it("zone not in the account: FAIL with the API's code and how to add it", async () => {
        answer(dnspodZones);
        const r = await checkDnsZone({ ...base(), domain: set("gitpod.other.io"), dnsZone: unset });
        assert.equal(r.level, "FAIL");
        assert.match(r.message, /zone other\.io not found .*ResourceNotFound\.NoDataOfDomain/);
        assert.match(r.fix ?? "", /add other\.io to DNSPod/);
    });

    it("a wrong secret key: FAIL saying the key was rejected, without printing it", async () => {
        answer(dnspodZones);
        const r = await checkDnsZone({ ...base(), credentials: { secretId: SECRET_ID, secretKey: "wrong-key-value" }, domain: set("gitpod.example.com"), dnsZone: unset });
        assert.equal(r.level, "FAIL");
        assert.match(r.message, /^the Tencent Cloud key was rejected \(AuthFailure\.SignatureFailure/);
        assert.match(r.fix ?? "", /CAM console/);
        assert.ok(!text(r).includes("wrong-key-value") && !text(r).includes(SECRET_KEY));
    });

    it("an unknown SecretId: FAIL, key rejected", async () => {
        answer(dnspodZones);
        const r = await checkDnsZone({ ...base(), credentials: { secretId: "AKIDunknown", secretKey: SECRET_KEY }, domain: set("gitpod.example.com"), dnsZone: unset });
        assert.match(r.message, /rejected \(AuthFailure\.SecretIdNotFound/);
    });

    it("clock skew and missing permission get their own fixes", async () => {
        answer(() => apiError("AuthFailure.SignatureExpire", "expired"));
        assert.match((await checkDnsZone({ ...base(), domain: set("example.com"), dnsZone: unset })).fix ?? "", /clock/);
        answer(() => apiError("AuthFailure.UnauthorizedOperation", "no"));
        assert.match((await checkDnsZone({ ...base(), domain: set("example.com"), dnsZone: unset })).fix ?? "", /QcloudDNSPodFullAccess/);
    });

    it("not delegated to DNSPod: WARN naming the nameservers to set", async () => {
        answer(dnspodZones);
        const r = await checkDnsZone({ ...base(), domain: set("gitpod.lame.org"), dnsZone: unset });
        assert.equal(r.level, "WARN");
        assert.match(r.message, /ns1\.registrar\.com/);
        assert.match(r.fix ?? "", /a\.dnspod\.net, b\.dnspod\.net/);
    });

    it("paused zone: FAIL", async () => {
        answer(dnspodZones);
        assert.equal((await checkDnsZone({ ...base(), domain: set("paused.net"), dnsZone: unset })).level, "FAIL");
    });

    it("config problems fail before any call", async () => {
        const calls = api().requests.length;
        const unreadable = await checkDnsZone({ ...base(), domain: { kind: "error", message: "no stack" }, dnsZone: unset });
        assert.equal(unreadable.level, "WARN");
        const noDomain = await checkDnsZone({ ...base(), domain: unset, dnsZone: unset });
        assert.equal(noDomain.level, "FAIL");
        assert.match(noDomain.fix ?? "", /pulumi config set domain/);
        const outside = await checkDnsZone({ ...base(), domain: set("gitpod.example.com"), dnsZone: set("example.org") });
        assert.equal(outside.level, "FAIL");
        assert.match(outside.message, /not inside zone example\.org/);
        const noKey = await checkDnsZone({ ...base(), credentials: undefined, domain: set("gitpod.example.com"), dnsZone: unset });
        assert.equal(noKey.level, "WARN");
        assert.equal(api().requests.length, calls);
    });

    it("the API never answers: FAIL after the timeout", async () => {
        answer(() => "hang");
        const t0 = Date.now();
        const r = await checkDnsZone({ ...base(), timeoutMs: 300, domain: set("example.com"), dnsZone: unset });
        assert.equal(r.level, "FAIL");
        assert.equal(r.message, "DNSPod API unreachable: timed out");
        assert.ok(Date.now() - t0 < 5000);
    });

    it("nothing listening: FAIL, unreachable", async () => {
        const r = await checkDnsZone({ ...base(), endpoint: `http://127.0.0.1:${await freePort()}`, domain: set("example.com"), dnsZone: unset });
        assert.equal(r.level, "FAIL");
        assert.match(r.message, /^DNSPod API unreachable: .*ECONNREFUSED/);
    });
});

describe("checkInstancePrice (local CVM API through the official SDK)", () => {
    const { api, answer } = localApi();
    const base = () => ({ region: "ap-singapore", instanceType: "SA2.2XLARGE16", credentials: { secretId: SECRET_ID, secretKey: SECRET_KEY }, endpoint: api().endpoint });

    it("sold: PASS with the list price per hour and a month's estimate, asked for pay-as-you-go in the zone", async () => {
        answer(cvmTypes);
        const r = await checkInstancePrice({ ...base(), zone: "ap-singapore-1" });
        assert.equal(r.level, "PASS", text(r));
        assert.equal(
            r.message,
            "SA2.2XLARGE16 in ap-singapore-1: sold; estimate 0.56 per hour list price (account currency; excl. disk, traffic, discounts), about 409 a month if never stopped",
        );
        const req = api().requests.at(-1);
        assert.equal(req?.action, "DescribeZoneInstanceConfigInfos");
        assert.equal(req?.version, "2017-03-12");
        assert.equal(req?.region, "ap-singapore");
        assert.deepEqual(req?.body.Filters, [
            { Name: "zone", Values: ["ap-singapore-1"] },
            { Name: "instance-type", Values: ["SA2.2XLARGE16"] },
            { Name: "instance-charge-type", Values: ["POSTPAID_BY_HOUR"] },
        ]);
    });

    it("sold out or not offered in the zone: FAIL naming the reason", async () => {
        answer(cvmTypes);
        assert.match((await checkInstancePrice({ ...base(), zone: "ap-singapore-2" })).message, /not sold \(SOLD_OUT: resources insufficient\)/);
        const none = await checkInstancePrice({ ...base(), zone: "ap-singapore-3" });
        assert.equal(none.level, "FAIL");
        assert.match(none.message, /SA2\.2XLARGE16 in ap-singapore-3 is not offered pay-as-you-go/);
    });

    it("no key: WARN, nothing asked; API down: WARN (a price is not a blocker)", async () => {
        const calls = api().requests.length;
        assert.equal((await checkInstancePrice({ ...base(), zone: "ap-singapore-1", credentials: undefined })).level, "WARN");
        assert.equal(api().requests.length, calls);
        answer(() => "hang");
        const slow = await checkInstancePrice({ ...base(), zone: "ap-singapore-1", timeoutMs: 300 });
        assert.equal(slow.level, "WARN");
        assert.match(slow.message, /timed out/);
    });
});

describe("checkLicence (local HTTP licence endpoint)", () => {
    let server: Server;
    let endpoint = "";
    let mode: "ok" | "expired" | "html" | "down" = "ok";
    const seen: { url?: string; auth?: string }[] = [];

    before(async () => {
        server = createServer((req, res) => {
            seen.push({ url: req.url, auth: req.headers.authorization });
            const id = Buffer.from((req.headers.authorization ?? "").replace(/^Basic /, ""), "base64").toString();
            if (req.url !== "/license/gitpod") return void res.writeHead(404).end("not found");
            if (id !== `${COMMUNITY_LICENCE.licenseID}:${COMMUNITY_LICENCE.licenseID}`) return void res.writeHead(401).end("unauthorized");
            if (mode === "down") return void res.writeHead(503).end("maintenance");
            if (mode === "html") return void res.writeHead(200).end("<html><body>portal</body></html>");
            const body = mode === "expired" ? COMMUNITY_YAML.replace(/(expires_at:[\s\S]*?value: )''/, "$1'2024-01-01T00:00:00Z'") : COMMUNITY_YAML;
            res.writeHead(200, { "Content-Type": "application/yaml" }).end(body);
        });
        await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
        endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    after(() => server.close());

    it("the Community licence constants are those of the licence file", () => {
        const doc = parse(COMMUNITY_YAML) as { spec: { endpoint: string; appSlug: string; licenseID: string; channelName: string } };
        assert.deepEqual(COMMUNITY_LICENCE, { endpoint: doc.spec.endpoint, appSlug: doc.spec.appSlug, licenseID: doc.spec.licenseID, channelName: doc.spec.channelName });
    });

    it("accepted: PASS, asked as kots does (GET /license/<app>, basic auth id:id)", async () => {
        mode = "ok";
        seen.length = 0;
        const r = await checkLicence({ ...COMMUNITY_LICENCE, endpoint });
        assert.equal(r.level, "PASS", text(r));
        assert.match(r.message, /community, channel Stable/);
        assert.deepEqual(seen, [{ url: "/license/gitpod", auth: `Basic ${Buffer.from(`${COMMUNITY_LICENCE.licenseID}:${COMMUNITY_LICENCE.licenseID}`).toString("base64")}` }]);
    });

    it("rejected (401): FAIL saying so", async () => {
        mode = "ok";
        const r = await checkLicence({ ...COMMUNITY_LICENCE, endpoint, licenseID: "revoked" });
        assert.equal(r.level, "FAIL");
        assert.match(r.message, /rejected licence revoked \(HTTP 401\)/);
        assert.match(r.fix ?? "", /licence/);
    });

    it("expired, not a licence, or a server error: FAIL", async () => {
        mode = "expired";
        assert.match((await checkLicence({ ...COMMUNITY_LICENCE, endpoint }, { now: () => new Date("2025-01-01") })).message, /expired on 2024-01-01/);
        mode = "html";
        assert.match((await checkLicence({ ...COMMUNITY_LICENCE, endpoint })).message, /not with licence/);
        mode = "down";
        assert.match((await checkLicence({ ...COMMUNITY_LICENCE, endpoint })).message, /HTTP 503/);
    });

    it("unreachable endpoint: FAIL", async () => {
        const r = await checkLicence({ ...COMMUNITY_LICENCE, endpoint: `http://127.0.0.1:${await freePort()}` }, { timeoutMs: 2000 });
        assert.equal(r.level, "FAIL");
        assert.match(r.message, /unreachable: ECONNREFUSED/);
    });
});

describe("checkImagesResolvable", () => {
    const answer = (bad: Record<string, ImageCheck["status"]>) => async (refs: readonly string[]) =>
        refs.map((image) => ({ image, status: bad[image] ?? "present", detail: bad[image] ? "manifest unknown (HTTP 404)" : "present", tried: [] }) as ImageCheck);

    it("all present: PASS", async () => {
        const r = await checkImagesResolvable({ check: answer({}) });
        assert.equal(r.level, "PASS");
        assert.match(r.message, /^all \d+ images of Gitpod 2022\.11\.3 resolvable$/);
    });

    it("a needed image missing: FAIL listing it, with the fix", async () => {
        const r = await checkImagesResolvable({ check: answer({ "docker.io/bitnami/mysql:5.7.34-debian-10-r55": "missing", "eu.gcr.io/gitpod-core-dev/build/server:commit-5efe589918bf26024480f39e43ed47733ff8ca87": "error" }) });
        assert.equal(r.level, "FAIL");
        assert.match(r.message, /^2 of \d+ images not available \(1 missing, 1 error\)$/);
        assert.match(text(r), /\n {6}missing +docker\.io\/bitnami\/mysql:5\.7\.34-debian-10-r55 {2}\(manifest unknown/);
        assert.match(text(r), /\n {6}error +eu\.gcr\.io\/gitpod-core-dev\/build\/server:commit-5efe/);
        assert.match(r.fix ?? "", /registryMirrors.*outbound HTTPS/);
    });

    it("network trouble: errors grouped per registry, and a network fix", async () => {
        const down = async (refs: readonly string[]): Promise<ImageCheck[]> =>
            refs.map((image) => ({ image, status: image.startsWith("eu.gcr.io/") ? "error" : "present", detail: "ENOTFOUND (getaddrinfo ENOTFOUND eu.gcr.io)", tried: [] }));
        const r = await checkImagesResolvable({ check: down });
        assert.equal(r.level, "FAIL");
        assert.deepEqual(r.details?.length, 1);
        assert.match(r.details?.[0] ?? "", /^error +eu\.gcr\.io: \d+ images not checked, e\.g\. eu\.gcr\.io\/.*ENOTFOUND/);
        assert.match(r.fix ?? "", /^the registries could not be asked: check outbound HTTPS/);
    });

    it("only images this setup does not run are missing: WARN", async () => {
        const r = await checkImagesResolvable({ check: answer({ "b.gcr.io/cloudsql-docker/gce-proxy:1.11": "missing" }) });
        assert.equal(r.level, "WARN");
        assert.match(text(r), /gce-proxy.*Cloud SQL/);
    });

    it("an unknown kots version: FAIL naming the known ones", async () => {
        const r = await checkImagesResolvable({ kotsVersion: "1.99.0", check: answer({}) });
        assert.equal(r.level, "FAIL");
        assert.match(r.message, /known: 1\.102\.0/);
    });
});

describe("mirrorCandidates", () => {
    it("mirrors first (with rewrites), then the registry itself; others upstream only", () => {
        const f = mirrorCandidates({
            "docker.io": { endpoints: ["https://mirror.ccs.tencentyun.com/"], rewrites: { "^bitnami/(.*)": "bitnamilegacy/$1" } },
            "eu.gcr.io": { endpoints: ["https://tcr.example.com/v2"] },
        });
        // The registry itself is now a full manifest URL (lib/registries.ts manifestCandidates), which checkImage uses as is.
        assert.deepEqual(f("docker.io/bitnami/mysql:5.7"), [
            "https://mirror.ccs.tencentyun.com/v2/bitnamilegacy/mysql/manifests/5.7",
            "https://registry-1.docker.io/v2/bitnami/mysql/manifests/5.7",
        ]);
        assert.deepEqual(f("eu.gcr.io/gitpod-core-dev/build/server:x"), [
            "https://tcr.example.com/v2/gitpod-core-dev/build/server/manifests/x",
            "https://eu.gcr.io/v2/gitpod-core-dev/build/server/manifests/x",
        ]);
        assert.deepEqual(f("quay.io/a/b:1"), ["https://quay.io/v2/a/b/manifests/1"]);
        // "*" is not a k3s 1.24 mirror key (lib/registries.ts rejects it): no wildcard, upstream only.
        assert.deepEqual(mirrorCandidates({ "*": { endpoints: ["http://127.0.0.1:5000"] } })("quay.io/a/b:1"), ["https://quay.io/v2/a/b/manifests/1"]);
    });

    it("merges the stack's mirrors over the defaults, as lib/config/cluster.ts does", () => {
        assert.deepEqual(mirrorCandidates({})("busybox"), [
            "https://mirror.ccs.tencentyun.com/v2/library/busybox/manifests/latest",
            "https://registry-1.docker.io/v2/library/busybox/manifests/latest",
        ]);
        assert.deepEqual(mirrorCandidates({ "docker.io": { endpoints: ["https://m.example.com"] } })("busybox"), [
            "https://m.example.com/v2/library/busybox/manifests/latest",
            "https://registry-1.docker.io/v2/library/busybox/manifests/latest",
        ]);
    });
});

describe("checkRegistryMirrors", () => {
    it("unset or valid: no line, the stack's mirrors", () => {
        assert.deepEqual(checkRegistryMirrors(unset), { mirrors: {} });
        const valid = { "eu.gcr.io": { endpoints: ["https://tcr.example.com"] } };
        assert.deepEqual(checkRegistryMirrors(set(JSON.stringify(valid))), { mirrors: valid });
    });

    it("invalid (e.g. the \"*\" wildcard): FAIL naming each problem, defaults only", () => {
        const { result, mirrors } = checkRegistryMirrors(set(JSON.stringify({ "*": { endpoints: ["http://127.0.0.1:5000"] }, "quay.io": { endpoints: ["ftp://x"] } })));
        assert.deepEqual(mirrors, {});
        assert.equal(result?.level, "FAIL");
        assert.equal(result?.details?.length, 2);
        assert.match(text(result!), /registryMirrors\["\*"\]: the "\*" wildcard is not supported/);
        assert.match(text(result!), /registryMirrors\["quay\.io"\]\.endpoints\[0\]: "ftp:\/\/x" must start with https:\/\/ or http:\/\//);
    });

    it("not JSON: WARN, defaults only", () => {
        const { result, mirrors } = checkRegistryMirrors(set("{docker.io"));
        assert.deepEqual(mirrors, {});
        assert.equal(result?.level, "WARN");
    });
});

describe("runDoctor", () => {
    const goodExec = (): Exec & { calls: string[] } =>
        fakeExec({
            "pulumi version": { stdout: "v3.130.0\n" },
            "pulumi whoami": { stdout: "alice\n" },
            "pulumi stack --show-name": { stdout: "dev\n" },
            "pulumi config get domain --stack dev": { stdout: "gitpod.example.com\n" },
            "pulumi config get tencentcloud:secretId --stack dev": { stdout: `${SECRET_ID}\n` },
            "pulumi config get tencentcloud:secretKey --stack dev": { stdout: `${SECRET_KEY}\n` },
            "pulumi config get dnspodSecretId --stack dev": { stdout: `${SECRET_ID}\n` },
            "pulumi config get dnspodSecretKey --stack dev": { stdout: `${SECRET_KEY}\n` },
        });
    const netFetch = (async (url: string | URL | Request) => {
        const u = String(url);
        if (u === "https://replicated.app/license/gitpod") return new Response(COMMUNITY_YAML);
        // The Helm chart check (tools/chartChecks.ts; its own tests cover failures).
        if (u === "https://docs.tigera.io/calico/charts/index.yaml") return new Response("entries:\n  tigera-operator:\n    - version: v3.26.5\n");
        if (u === "https://charts.jetstack.io/index.yaml") return new Response("entries:\n  cert-manager:\n    - version: v1.14.7\n");
        if (u === "https://registry-1.docker.io/v2/imroc/cert-manager-webhook-dnspod/manifests/1.4.4") return new Response(null, { status: 200 });
        throw new Error(`unexpected fetch ${u}`);
    }) as typeof fetch;
    const { api, answer } = localApi();
    before(() => answer((req) => (req.action === "DescribeDomain" ? dnspodZones(req) : cvmTypes(req))));
    const allPresent = async (refs: readonly string[]): Promise<ImageCheck[]> => refs.map((image) => ({ image, status: "present", detail: "present", tried: [] }));

    it("everything in order: every line PASS, exit 0, no secret printed", async () => {
        const printed: string[] = [];
        const { results, exitCode } = await runDoctor({
            exec: goodExec(),
            env: {},
            fetch: netFetch,
            endpoint: api().endpoint,
            checkImagesFn: allPresent,
            onResult: (r) => printed.push(...formatResult(r)),
        });
        assert.deepEqual(
            results.map((r) => `${r.level} ${r.name}`),
            ["PASS pulumi CLI", "PASS pulumi login", "PASS pulumi stack", "PASS kubeconfig", "PASS Tencent Cloud key", "PASS DNSPod zone", "PASS DNS-01 key", "PASS instance type", "PASS KOTS licence", "PASS install mode", "PASS installer image", "PASS images", "PASS Helm charts"],
        );
        assert.equal(exitCode, 0);
        const out = printed.join("\n");
        assert.ok(!out.includes(SECRET_KEY), "secret key printed");
        assert.ok(!out.includes(SECRET_ID), "secret id printed");
    });

    it("no Pulumi CLI: FAIL, exit 1, no config read, key still taken from the environment", async () => {
        const exec = fakeExec({}, { notFound: true });
        const { results, exitCode } = await runDoctor({
            exec,
            env: { TENCENTCLOUD_SECRET_ID: SECRET_ID, TENCENTCLOUD_SECRET_KEY: SECRET_KEY },
            fetch: netFetch,
            endpoint: api().endpoint,
            checkImagesFn: allPresent,
        });
        assert.equal(exitCode, 1);
        assert.deepEqual(exec.calls, ["pulumi version"]);
        const byName = Object.fromEntries(results.map((r) => [r.name, r.level]));
        assert.equal(byName["pulumi CLI"], "FAIL");
        assert.equal(byName["Tencent Cloud key"], "PASS");
        assert.equal(byName["DNSPod zone"], "WARN"); // not checked: no stack config without the CLI
    });

    it("invalid registryMirrors: a FAIL line, exit 1, images still checked (default mirrors)", async () => {
        const exec = goodExec();
        let candidates: string[] | undefined;
        const { exitCode, results } = await runDoctor({
            exec: async (cmd, args) =>
                [cmd, ...args].join(" ") === "pulumi config get registryMirrors --stack dev"
                    ? { code: 0, stdout: '{"*":{"endpoints":["http://127.0.0.1:5000"]}}\n', stderr: "" }
                    : exec(cmd, args),
            env: {},
            fetch: netFetch,
            endpoint: api().endpoint,
            checkImagesFn: async (refs, opts) => {
                candidates = opts.candidatesFor?.("busybox")?.slice();
                return allPresent(refs);
            },
        });
        assert.equal(exitCode, 1);
        const line = results.find((r) => r.name === "registry mirrors");
        assert.equal(line?.level, "FAIL");
        assert.match(line?.details?.[0] ?? "", /"\*" wildcard/);
        assert.equal(results.find((r) => r.name === "images")?.level, "PASS");
        assert.deepEqual(candidates, [
            "https://mirror.ccs.tencentyun.com/v2/library/busybox/manifests/latest",
            "https://registry-1.docker.io/v2/library/busybox/manifests/latest",
        ]);
    });

    it("one missing image is enough for exit 1", async () => {
        const { exitCode, results } = await runDoctor({
            exec: goodExec(),
            env: {},
            fetch: netFetch,
            endpoint: api().endpoint,
            checkImagesFn: async (refs) => (await allPresent(refs)).map((c, i) => (i === 0 ? { ...c, status: "missing" as const } : c)),
        });
        assert.equal(exitCode, 1);
        assert.equal(results.find((r) => r.name === "images")?.level, "FAIL");
    });
});

describe("tools/cli.ts", () => {
    it("realExec returns exit code and output, and notFound for a missing program", async () => {
        const { realExec } = await import("../../tools/cli");
        const r = await realExec(process.execPath, ["-e", "process.stdout.write('out'); process.stderr.write('err'); process.exit(3)"]);
        assert.deepEqual(r, { code: 3, stdout: "out", stderr: "err" });
        const ok = await realExec(process.execPath, ["-e", "process.stdout.write('fine')"]);
        assert.deepEqual(ok, { code: 0, stdout: "fine", stderr: "" });
        assert.equal((await realExec("definitely-not-a-program-3f9a", [])).notFound, true);
    });

    it("parses --stack", async () => {
        const { parseArgs } = await import("../../tools/cli");
        assert.deepEqual(parseArgs(["--stack", "prod"]), { stack: "prod" });
        assert.deepEqual(parseArgs(["--stack=dev"]), { stack: "dev" });
        assert.deepEqual(parseArgs([]), {});
    });
});
