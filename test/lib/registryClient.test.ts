import assert from "node:assert/strict";
import { createServer, IncomingMessage, Server, ServerResponse } from "node:http";
import { AddressInfo } from "node:net";
import { after, before, describe, it } from "node:test";
import { parseImageRef } from "../../lib/imageRef";
import { checkImage, checkImages, manifestUrl, MANIFEST_ACCEPT, parseBearerChallenge } from "../../lib/registryClient";
import { freePort, pushTinyImage, RegistryServer, requireRegistryBinaries, startRegistry } from "../support/registryServer";

describe("manifestUrl", () => {
    const ref = parseImageRef("docker.io/bitnami/mysql:5.7.34-debian-10-r55");
    it("appends /v2/<repo>/manifests/<ref> to a base URL, once", () => {
        assert.equal(manifestUrl("https://registry-1.docker.io", ref), "https://registry-1.docker.io/v2/bitnami/mysql/manifests/5.7.34-debian-10-r55");
        assert.equal(manifestUrl("https://m.example.com/v2/", ref), "https://m.example.com/v2/bitnami/mysql/manifests/5.7.34-debian-10-r55");
        assert.equal(manifestUrl("http://127.0.0.1:5000/prefix", ref), "http://127.0.0.1:5000/prefix/v2/bitnami/mysql/manifests/5.7.34-debian-10-r55");
    });
    it("uses a full manifest URL as given (mirror rewrites)", () => {
        const full = "https://m.example.com/v2/mirror/bitnamilegacy/mysql/manifests/5.7.34-debian-10-r55";
        assert.equal(manifestUrl(full, ref), full);
    });
    it("refuses non-http schemes", () => {
        assert.throws(() => manifestUrl("ftp://x", ref), /only http/);
    });
});

describe("parseBearerChallenge", () => {
    it("reads realm, service and scope", () => {
        assert.deepEqual(
            parseBearerChallenge('Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/busybox:pull"'),
            { realm: "https://auth.docker.io/token", service: "registry.docker.io", scope: "repository:library/busybox:pull" },
        );
    });
    it("is undefined for Basic or no header", () => {
        assert.equal(parseBearerChallenge('Basic realm="x"'), undefined);
        assert.equal(parseBearerChallenge(null), undefined);
    });
});

it("has the registry binaries (a failure here means: apt-get install docker-registry apache2-utils)", () => {
    requireRegistryBinaries({ htpasswd: true });
});

describe("checkImage against a real registry (docker-registry on loopback)", () => {
    let open: RegistryServer;
    let locked: RegistryServer;
    let digest: string;

    before(async () => {
        [open, locked] = await Promise.all([startRegistry(), startRegistry({ auth: { user: "user", pass: "pass" } })]);
        digest = await pushTinyImage(open, "tiny/app", "1.0");
        await pushTinyImage(locked, "tiny/app", "1.0");
    });
    after(async () => {
        await Promise.all([open?.stop(), locked?.stop()]);
    });

    it("finds a pushed image: present, with its digest", async () => {
        const r = await checkImage("example.org/tiny/app:1.0", { candidates: [open.url] });
        assert.equal(r.status, "present", r.detail);
        assert.equal(r.image, "example.org/tiny/app:1.0");
        assert.deepEqual(r.tried, [`${open.url}/v2/tiny/app/manifests/1.0`]);
        assert.match(r.detail, new RegExp(digest.replace(":", "\\:")));
    });

    it("finds it by digest too", async () => {
        const r = await checkImage(`example.org/tiny/app@${digest}`, { candidates: [open.url] });
        assert.equal(r.status, "present", r.detail);
    });

    it("reports a missing tag and a missing repository as missing", async () => {
        const tag = await checkImage("example.org/tiny/app:2.0", { candidates: [open.url] });
        assert.equal(tag.status, "missing", tag.detail);
        assert.match(tag.detail, /404/);
        const repo = await checkImage("example.org/nope/app:1.0", { candidates: [open.url] });
        assert.equal(repo.status, "missing", repo.detail);
    });

    it("reports a registry with basic auth as auth-required, without sending credentials", async () => {
        const r = await checkImage("example.org/tiny/app:1.0", { candidates: [locked.url] });
        assert.equal(r.status, "auth-required", r.detail);
        assert.match(r.detail, /Basic/);
    });

    it("tries candidates in order and stops at the first present", async () => {
        const r = await checkImage("example.org/tiny/app:1.0", { candidates: [locked.url, open.url, "http://127.0.0.1:9/never"] });
        assert.equal(r.status, "present", r.detail);
        assert.equal(r.tried.length, 2);
    });

    it("prefers auth-required over missing when no candidate has it", async () => {
        const r = await checkImage("example.org/tiny/app:2.0", { candidates: [open.url, locked.url] });
        assert.equal(r.status, "auth-required", r.detail);
        assert.match(r.detail, /404/);
    });
});

interface FakeRequest {
    method: string;
    url: string;
    accept?: string;
    authorization?: string;
}

/** A registry with token auth, on loopback: `/token` issues anonymous tokens per repository. */
function startTokenRegistry(): Promise<{ url: string; requests: FakeRequest[]; server: Server }> {
    const requests: FakeRequest[] = [];
    const images = new Set(["team/app:1.0", "denied/app:1.0"]);
    let base = "";
    const server = createServer((req: IncomingMessage, res: ServerResponse) => {
        requests.push({ method: req.method ?? "", url: req.url ?? "", accept: req.headers.accept, authorization: req.headers.authorization });
        const u = new URL(req.url ?? "/", base);
        if (u.pathname === "/token") {
            const scope = u.searchParams.get("scope") ?? "";
            if (u.searchParams.get("service") !== "fake-registry") return void res.writeHead(400).end();
            if (scope.startsWith("repository:private/")) return void res.writeHead(401).end();
            if (scope.startsWith("repository:broken/")) return void res.writeHead(500).end();
            const repo = scope.split(":")[1];
            res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify({ token: `tok-${repo}` }));
            return;
        }
        const m = /^\/v2\/(.+)\/manifests\/([^/]+)$/.exec(u.pathname);
        if (!m) return void res.writeHead(404).end();
        const [, repo, ref] = m;
        if (repo === "slow/app") return; // never answers
        if (req.headers.authorization !== `Bearer tok-${repo}` || repo.startsWith("denied/")) {
            res.writeHead(401, {
                "WWW-Authenticate": `Bearer realm="${base}/token",service="fake-registry",scope="repository:${repo}:pull"`,
            }).end();
            return;
        }
        if (!images.has(`${repo}:${ref}`)) return void res.writeHead(404).end();
        res.writeHead(200, { "Docker-Content-Digest": `sha256:${"b".repeat(64)}`, "Content-Type": "application/vnd.oci.image.index.v1+json" }).end();
    });
    return new Promise((resolve) => {
        server.listen(0, "127.0.0.1", () => {
            base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
            resolve({ url: base, requests, server });
        });
    });
}

describe("checkImage: the Bearer token dance (fake token registry on loopback)", () => {
    let fake: Awaited<ReturnType<typeof startTokenRegistry>>;
    before(async () => {
        fake = await startTokenRegistry();
    });
    after(() => {
        fake.server.closeAllConnections();
        fake.server.close();
    });

    it("fetches an anonymous token for the challenged scope and retries: present", async () => {
        fake.requests.length = 0;
        const r = await checkImage("reg.example/team/app:1.0", { candidates: [fake.url] });
        assert.equal(r.status, "present", r.detail);
        assert.deepEqual(
            fake.requests.map((q) => `${q.method} ${q.url.replace(/\?.*/, "")} ${q.authorization ?? "-"}`),
            ["HEAD /v2/team/app/manifests/1.0 -", "GET /token -", "HEAD /v2/team/app/manifests/1.0 Bearer tok-team/app"],
        );
        const token = new URL(fake.requests[1].url, fake.url);
        assert.equal(token.searchParams.get("service"), "fake-registry");
        assert.equal(token.searchParams.get("scope"), "repository:team/app:pull");
        for (const q of [fake.requests[0], fake.requests[2]]) {
            assert.equal(q.accept, MANIFEST_ACCEPT);
            for (const t of ["oci.image.index.v1", "oci.image.manifest.v1", "docker.distribution.manifest.list.v2", "docker.distribution.manifest.v2"]) {
                assert.ok(q.accept?.includes(`application/vnd.${t}+json`), t);
            }
        }
    });

    it("missing after the token: missing", async () => {
        const r = await checkImage("reg.example/team/app:9.9", { candidates: [fake.url] });
        assert.equal(r.status, "missing", r.detail);
    });

    it("token endpoint refuses (401): auth-required", async () => {
        const r = await checkImage("reg.example/private/app:1.0", { candidates: [fake.url] });
        assert.equal(r.status, "auth-required", r.detail);
        assert.match(r.detail, /anonymous token refused/);
    });

    it("still 401 with the token (Docker Hub's answer for absent or private repos): auth-required", async () => {
        const r = await checkImage("reg.example/denied/app:1.0", { candidates: [fake.url] });
        assert.equal(r.status, "auth-required", r.detail);
        assert.match(r.detail, /even with an anonymous token/);
    });

    it("token endpoint fails (500): error", async () => {
        const r = await checkImage("reg.example/broken/app:1.0", { candidates: [fake.url] });
        assert.equal(r.status, "error", r.detail);
        assert.match(r.detail, /HTTP 500/);
    });

    it("a registry that does not answer in time: error, within the bound", async () => {
        const t0 = Date.now();
        const r = await checkImage("reg.example/slow/app:1.0", { candidates: [fake.url], timeoutMs: 200 });
        assert.equal(r.status, "error", r.detail);
        assert.match(r.detail, /timed out after 200 ms/);
        assert.ok(Date.now() - t0 < 2000);
    });

    it("nothing listening: error naming the cause", async () => {
        const port = await freePort();
        const r = await checkImage("reg.example/team/app:1.0", { candidates: [`http://127.0.0.1:${port}`] });
        assert.equal(r.status, "error", r.detail);
        assert.match(r.detail, /ECONNREFUSED/);
    });
});

describe("checkImage defaults (fake fetch, no network)", () => {
    it("asks registry-1.docker.io for docker.io and https://<host> otherwise", async () => {
        const urls: string[] = [];
        const fakeFetch = (async (input: string | URL | Request) => {
            urls.push(String(input));
            return new Response(null, { status: 404 });
        }) as typeof fetch;
        await checkImage("busybox:1", { fetch: fakeFetch });
        await checkImage("quay.io/brancz/kube-rbac-proxy:v0.12.0", { fetch: fakeFetch });
        assert.deepEqual(urls, [
            "https://registry-1.docker.io/v2/library/busybox/manifests/1",
            "https://quay.io/v2/brancz/kube-rbac-proxy/manifests/v0.12.0",
        ]);
    });

    it("an unparsable reference is an error, not a throw", async () => {
        const r = await checkImage("Not An Image");
        assert.equal(r.status, "error");
        assert.deepEqual(r.tried, []);
    });
});

describe("checkImages", () => {
    it("bounds concurrency and keeps input order", async () => {
        let inFlight = 0;
        let peak = 0;
        const fakeFetch = (async (input: string | URL | Request) => {
            inFlight++;
            peak = Math.max(peak, inFlight);
            await new Promise((r) => setTimeout(r, 10));
            inFlight--;
            return new Response(null, { status: String(input).includes("/odd") ? 404 : 200 });
        }) as typeof fetch;
        const refs = Array.from({ length: 12 }, (_, i) => `r.example/${i % 2 ? "odd" : "even"}/x:${i}`);
        const results = await checkImages(refs, { concurrency: 3, fetch: fakeFetch });
        assert.equal(peak, 3);
        assert.deepEqual(results.map((r) => r.image), refs);
        assert.deepEqual(results.map((r) => r.status), refs.map((_, i) => (i % 2 ? "missing" : "present")));
    });

    it("passes per-image candidates", async () => {
        const urls: string[] = [];
        const fakeFetch = (async (input: string | URL | Request) => {
            urls.push(String(input));
            return new Response(null, { status: 200 });
        }) as typeof fetch;
        await checkImages(["docker.io/bitnami/mysql:5.7"], { fetch: fakeFetch, candidatesFor: () => ["https://mirror.example"] });
        assert.deepEqual(urls, ["https://mirror.example/v2/bitnami/mysql/manifests/5.7"]);
    });

    it("stops at the overall time bound: unfinished images are errors", async () => {
        const hang = ((_: unknown, init?: RequestInit) =>
            new Promise<Response>((_resolve, reject) => {
                init?.signal?.addEventListener("abort", () => reject(init.signal?.reason));
            })) as typeof fetch;
        const t0 = Date.now();
        const results = await checkImages(["a.example/x:1", "a.example/y:1", "a.example/z:1"], {
            concurrency: 2,
            deadlineMs: 150,
            timeoutMs: 60_000,
            fetch: hang,
        });
        assert.ok(Date.now() - t0 < 2000);
        assert.deepEqual(results.map((r) => r.status), ["error", "error", "error"]);
        assert.match(results[0].detail, /aborted/);
        assert.match(results[2].detail, /not checked: overall time bound of 150 ms/);
    });
});
