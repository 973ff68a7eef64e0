import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { isRegistryHost, normalizeImageRef, parseImageRef, registryBaseUrl } from "../../lib/imageRef";

describe("parseImageRef", () => {
    const cases: [string, ReturnType<typeof parseImageRef>][] = [
        [
            "busybox",
            { registry: "docker.io", repository: "library/busybox", tag: "latest", digest: undefined, reference: "latest", canonical: "docker.io/library/busybox:latest" },
        ],
        [
            "docker.io/bitnami/mysql:5.7.34-debian-10-r55",
            {
                registry: "docker.io",
                repository: "bitnami/mysql",
                tag: "5.7.34-debian-10-r55",
                digest: undefined,
                reference: "5.7.34-debian-10-r55",
                canonical: "docker.io/bitnami/mysql:5.7.34-debian-10-r55",
            },
        ],
        [
            "gitpod/workspace-full:latest",
            { registry: "docker.io", repository: "gitpod/workspace-full", tag: "latest", digest: undefined, reference: "latest", canonical: "docker.io/gitpod/workspace-full:latest" },
        ],
        [
            "eu.gcr.io/gitpod-core-dev/build/server:commit-x",
            {
                registry: "eu.gcr.io",
                repository: "gitpod-core-dev/build/server",
                tag: "commit-x",
                digest: undefined,
                reference: "commit-x",
                canonical: "eu.gcr.io/gitpod-core-dev/build/server:commit-x",
            },
        ],
        ["localhost:5000/a/b", { registry: "localhost:5000", repository: "a/b", tag: "latest", digest: undefined, reference: "latest", canonical: "localhost:5000/a/b:latest" }],
        [
            "index.docker.io/library/redis:7",
            { registry: "docker.io", repository: "library/redis", tag: "7", digest: undefined, reference: "7", canonical: "docker.io/library/redis:7" },
        ],
    ];
    for (const [image, want] of cases) {
        it(`parses ${image}`, () => assert.deepEqual(parseImageRef(image), want));
    }

    it("parses digests, with and without a tag", () => {
        const d = "sha256:" + "a".repeat(64);
        assert.deepEqual(parseImageRef(`quay.io/x/y@${d}`), { registry: "quay.io", repository: "x/y", tag: undefined, digest: d, reference: d, canonical: `quay.io/x/y@${d}` });
        assert.deepEqual(parseImageRef(`quay.io/x/y:v1@${d}`), { registry: "quay.io", repository: "x/y", tag: "v1", digest: d, reference: d, canonical: `quay.io/x/y:v1@${d}` });
    });

    it("normalises Docker Hub short names", () => {
        assert.equal(normalizeImageRef("busybox"), "docker.io/library/busybox:latest");
        assert.equal(normalizeImageRef("busybox:1"), "docker.io/library/busybox:1");
        assert.equal(normalizeImageRef("alpine/curl"), "docker.io/alpine/curl:latest");
        assert.equal(normalizeImageRef("index.docker.io/bitnami/mysql:5.7"), "docker.io/bitnami/mysql:5.7");
        assert.equal(normalizeImageRef("registry-1.docker.io/bitnami/mysql:5.7"), "docker.io/bitnami/mysql:5.7");
        assert.equal(normalizeImageRef("docker.io/library/redis:6.2"), "docker.io/library/redis:6.2");
    });

    it("keeps other registries, ports and nested paths", () => {
        const r = parseImageRef("eu.gcr.io/gitpod-core-dev/build/ide/code:commit-a65f");
        assert.deepEqual(
            { registry: r.registry, repository: r.repository, tag: r.tag, reference: r.reference },
            { registry: "eu.gcr.io", repository: "gitpod-core-dev/build/ide/code", tag: "commit-a65f", reference: "commit-a65f" },
        );
        const p = parseImageRef("127.0.0.1:5000/tiny/app:1.0");
        assert.equal(p.registry, "127.0.0.1:5000");
        assert.equal(p.repository, "tiny/app");
        const l = parseImageRef("localhost/x");
        assert.equal(l.registry, "localhost");
        assert.equal(l.canonical, "localhost/x:latest");
    });

    it("uses the digest as the manifest reference", () => {
        const d = `sha256:${"a".repeat(64)}`;
        const r = parseImageRef(`quay.io/brancz/kube-rbac-proxy:v0.12.0@${d}`);
        assert.equal(r.tag, "v0.12.0");
        assert.equal(r.digest, d);
        assert.equal(r.reference, d);
        assert.equal(r.canonical, `quay.io/brancz/kube-rbac-proxy:v0.12.0@${d}`);
        assert.equal(normalizeImageRef(`busybox@${d}`), `docker.io/library/busybox@${d}`);
    });

    it("rejects invalid references", () => {
        for (const bad of ["", "Upper/Case", "a b", "x@sha256:zz", "x:t a", "docker.io/"]) {
            assert.throws(() => parseImageRef(bad), /invalid image reference/, bad);
        }
    });

    it("rejects what a runtime refuses", () => {
        assert.throws(() => parseImageRef(""), /empty/);
        assert.throws(() => parseImageRef("Busybox"), /lower-case/);
        assert.throws(() => parseImageRef("busybox:bad tag"), /spaces/);
        assert.throws(() => parseImageRef("busybox:-x"), /bad tag/);
        assert.throws(() => parseImageRef("busybox@sha256:xyz"), /bad digest/);
    });

    it("names the reference and rejects bad registry hosts", () => {
        assert.throws(() => parseImageRef("Busybox"), /^Error: invalid image reference "Busybox": /);
        assert.throws(() => parseImageRef("host:99999/a/b"), /bad registry host "host:99999"/);
        assert.throws(() => parseImageRef(`${"a".repeat(64)}.example.com/a/b`), /bad registry host/);
    });
});

describe("isRegistryHost", () => {
    it("accepts host[:port] with ports 1-65535 and labels up to 63 characters", () => {
        for (const ok of ["docker.io", "eu.gcr.io", "localhost:5000", "10.0.0.5:65535", `${"a".repeat(63)}.example.com`]) assert.ok(isRegistryHost(ok), ok);
        for (const bad of ["bad host!", "x:0", "x:65536", "-x.io", `${"a".repeat(64)}.example.com`, "https://x.io"]) assert.ok(!isRegistryHost(bad), bad);
    });
});

describe("registryBaseUrl", () => {
    it("is registry-1.docker.io for docker.io and https://<host> otherwise", () => {
        assert.equal(registryBaseUrl("docker.io"), "https://registry-1.docker.io");
        assert.equal(registryBaseUrl("quay.io"), "https://quay.io");
        assert.equal(registryBaseUrl("localhost:5000"), "https://localhost:5000");
    });
});
