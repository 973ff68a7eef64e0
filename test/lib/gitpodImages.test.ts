import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { parse, parseAllDocuments } from "yaml";
import {
    CONDITIONAL_IMAGES,
    GITPOD_APP_VERSION,
    GITPOD_RELEASES,
    gitpodImages,
    imageCondition,
    installerModeImages,
    KOTS_IMAGES,
    KOTS_OPTIONAL_IMAGES,
} from "../../lib/gitpodImages";
import { normalizeImageRef } from "../../lib/imageRef";
import { PINS } from "../../lib/versions";

const FIXTURES = join(__dirname, "..", "fixtures", "gitpod");
const read = (f: string): string => readFileSync(join(FIXTURES, f), "utf8");

/** Every `image:` value anywhere in a parsed YAML tree. */
function imagesIn(node: unknown, out: string[] = []): string[] {
    if (Array.isArray(node)) node.forEach((n) => imagesIn(n, out));
    else if (node && typeof node === "object") {
        for (const [k, v] of Object.entries(node)) {
            if (k === "image" && typeof v === "string") out.push(v);
            else imagesIn(v, out);
        }
    }
    return out;
}

describe("gitpodImages", () => {
    const images = gitpodImages(GITPOD_APP_VERSION);

    it("is for 2022.11.3, the pinned Gitpod release", () => {
        assert.equal(GITPOD_APP_VERSION, "2022.11.3");
        assert.equal(GITPOD_APP_VERSION, PINS.gitpod.version);
    });

    it("contains every additionalImage of the release's kots-app.yaml", () => {
        const app = parse(read("kots-app.yaml")) as { spec: { additionalImages: string[] } };
        const upstream = app.spec.additionalImages;
        assert.ok(upstream.length > 50, "fixture has the image list");
        const missing = upstream.map(normalizeImageRef).filter((i) => !images.includes(i));
        assert.deepEqual(missing, []);
        // and the recorded list is exactly the upstream one, deduplicated
        assert.deepEqual([...GITPOD_RELEASES[GITPOD_APP_VERSION].additionalImages], [...new Set(upstream)]);
    });

    it("contains the installer Job's image and every preflight collector's image", () => {
        const job = imagesIn(parse(read("gitpod-installer-job.yaml")));
        const preflight = imagesIn(parseAllDocuments(read("kots-preflight.yaml")).map((d) => d.toJS()));
        assert.deepEqual(job, ["eu.gcr.io/gitpod-core-dev/build/installer:release-2022.11.3"]);
        assert.equal(preflight.length, 6);
        for (const i of [...job, ...preflight]) assert.ok(images.includes(normalizeImageRef(i)), i);
    });

    it("contains the KOTS admin-console images for the pinned kots, with tags from kots' constants", () => {
        const release = GITPOD_RELEASES[GITPOD_APP_VERSION];
        assert.equal(release.kotsVersion, PINS.kots.version);
        const constants = read("kots-v1.102.0-pkg-image-constants.go.txt");
        const tag = (name: string): string => {
            const m = new RegExp(`\\b${name}\\s*=\\s*"[^":]+:([^"]+)"`).exec(constants);
            assert.ok(m, name);
            return m[1];
        };
        const expected = [
            "docker.io/kotsadm/kotsadm:v1.102.0",
            "docker.io/kotsadm/kotsadm-migrations:v1.102.0",
            `docker.io/minio/minio:${tag("Minio")}`,
            `docker.io/rqlite/rqlite:${tag("Rqlite")}`,
        ];
        assert.deepEqual(KOTS_IMAGES["1.102.0"].map(normalizeImageRef), expected);
        for (const i of expected) assert.ok(images.includes(i), i);
        assert.deepEqual(KOTS_OPTIONAL_IMAGES["1.102.0"], [`minio/mc:${tag("Mc")}`, `kotsadm/dex:${tag("Dex")}`]);
        for (const i of KOTS_OPTIONAL_IMAGES["1.102.0"]) assert.ok(!images.includes(normalizeImageRef(i)), i);
    });

    it("is fully qualified and deduplicated", () => {
        assert.equal(new Set(images).size, images.length);
        for (const i of images) assert.equal(normalizeImageRef(i), i);
        assert.ok(images.includes("docker.io/library/busybox:1"));
        assert.ok(images.includes("docker.io/alpine/semver:latest"));
        assert.ok(!images.includes("busybox:1"));
    });

    it("throws for an unknown release or kots version, naming the known ones", () => {
        assert.throws(() => gitpodImages("2022.12.0"), /unknown Gitpod release "2022\.12\.0".*known: 2022\.11\.3/);
        assert.throws(() => gitpodImages(GITPOD_APP_VERSION, "1.103.0"), /unknown KOTS version "1\.103\.0".*known: 1\.102\.0/);
        assert.throws(() => gitpodImages("constructor"), /unknown Gitpod release/);
    });

    it("marks only listed images as conditional", () => {
        for (const ref of Object.keys(CONDITIONAL_IMAGES)) assert.ok(images.includes(normalizeImageRef(ref)), ref);
        assert.match(imageCondition("b.gcr.io/cloudsql-docker/gce-proxy:1.11") ?? "", /Cloud SQL/);
        assert.equal(imageCondition("docker.io/bitnami/mysql:5.7.34-debian-10-r55"), undefined);
    });
});

describe("installerModeImages (gitpodInstaller: installer)", () => {
    it("the app's images and the installer, without the KOTS admin console and KOTS preflight collectors", () => {
        const images = installerModeImages("2022.11.3");
        assert.ok(images.includes("eu.gcr.io/gitpod-core-dev/build/installer:release-2022.11.3"));
        assert.ok(images.includes("eu.gcr.io/gitpod-core-dev/build/server:commit-6771283c3406586e352337675b79ff2ca50f191b"));
        assert.ok(images.includes("docker.io/library/registry:2.8.1"));
        for (const kotsOnly of [
            "docker.io/kotsadm/kotsadm:v1.102.0",
            "docker.io/rqlite/rqlite:7.21.4",
            "eu.gcr.io/gitpod-core-dev/build/installer:release-2022.11.2.16",
            "docker.io/alpine/semver:latest",
        ]) {
            assert.ok(gitpodImages("2022.11.3").includes(kotsOnly), `${kotsOnly} is in the kots list`);
            assert.ok(!images.includes(kotsOnly), `${kotsOnly} is not pulled in installer mode`);
        }
    });
});
