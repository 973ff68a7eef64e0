/**
 * ImagePreflight under mocks, behind a real K3sServer: the command names every image Gitpod
 * pulls with its mirror-first URLs, waits on k3s, and its triggers follow the check list.
 */
import { before, describe, it } from "node:test";
import * as assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import { ImagePreflight, requiredImages } from "../../components/imagePreflight";
import { CONDITIONAL_IMAGES, GITPOD_APP_VERSION, gitpodImages } from "../../lib/gitpodImages";
import { DEFAULT_REGISTRY_MIRRORS, manifestCandidates, RegistryMirrors } from "../../lib/registries";
import { scriptDigest } from "../../lib/scripts";
import { COMMAND, FAKE_PRIVATE_KEY, fakeTarget, setupComponentMocks, testK3sServer } from "../support/fixtures";
import { RecordedResource, Recording, valueOf } from "../../tools/mock/mocks";
import { dependsOnTransitively, one } from "../../tools/mock/program";

const GCR_MIRROR: RegistryMirrors = { ...DEFAULT_REGISTRY_MIRRORS, "eu.gcr.io": { endpoints: ["https://gcr-mirror.example.com"] } };

let run: Recording;
let preflight: ImagePreflight;
let again: ImagePreflight;
let mirrored: ImagePreflight;

before(async () => {
    run = setupComponentMocks();
    const target = fakeTarget();
    const k3s = testK3sServer("k3s", { target });
    preflight = new ImagePreflight("images", { target, k3sReady: k3s.ready, registryMirrors: DEFAULT_REGISTRY_MIRRORS });
    // The same inputs again (what a no-op up sees) and a changed mirror config.
    again = new ImagePreflight("imagesagain", { target, k3sReady: k3s.ready, registryMirrors: DEFAULT_REGISTRY_MIRRORS });
    mirrored = new ImagePreflight("imagesgcr", { target, k3sReady: k3s.ready, registryMirrors: GCR_MIRROR });
    await Promise.all([preflight, again, mirrored].map((p) => valueOf(p.ready.urn)));
    await pulumi.runtime.disconnect();
});

const check = (name: string): RecordedResource => one(run, COMMAND, `${name}-check`);

describe("ImagePreflight", () => {
    it("names every image Gitpod needs, each with its manifest URLs, mirror first", () => {
        const create: string = check("images").inputs.create;
        assert.match(create, /image-preflight\.sh/);
        const needed = requiredImages(GITPOD_APP_VERSION);
        assert.ok(needed.length > 50, `${needed.length} images`);
        for (const image of needed) {
            const line = [image, ...manifestCandidates(image, DEFAULT_REGISTRY_MIRRORS)].join(" ");
            assert.ok(create.includes(line), `checks ${image}`);
        }
        assert.ok(create.includes("docker.io/gitpod/workspace-full:latest https://mirror.ccs.tencentyun.com/v2/gitpod/workspace-full/manifests/latest https://registry-1.docker.io/"));
    });

    it("leaves out only the images this configuration never runs", () => {
        const create: string = check("images").inputs.create;
        const skipped = gitpodImages(GITPOD_APP_VERSION).filter((i) => !requiredImages(GITPOD_APP_VERSION).includes(i));
        assert.equal(skipped.length, Object.keys(CONDITIONAL_IMAGES).length);
        for (const image of skipped) assert.ok(!create.includes(`${image} `), `does not check ${image}`);
    });

    it("waits on k3s (so registries.yaml is in place)", () => {
        const c = check("images");
        assert.ok(c.dependencies.includes(one(run, COMMAND, "k3s-kubeconfig").urn));
        assert.ok(dependsOnTransitively(run, c, one(run, COMMAND, "k3s-install")));
        assert.ok(c.inputs.create.includes("export PREFLIGHT_TIMEOUT_SECONDS='\\''600'\\''"));
        assert.ok(c.inputs.create.includes("export PREFLIGHT_PARALLEL='\\''8'\\''"));
    });

    it("triggers: the digest of the checks and the cluster", () => {
        assert.deepEqual(check("images").inputs.triggers, [scriptDigest(preflight.checks), "k3s-kubeconfig-id"]);
    });

    it("the same inputs give the same command and triggers (a no-op up runs nothing)", () => {
        assert.equal(again.checks, preflight.checks);
        assert.deepEqual(check("imagesagain").inputs.triggers, check("images").inputs.triggers);
        assert.equal(check("imagesagain").inputs.create, check("images").inputs.create);
    });

    it("another mirror config changes the trigger (the check runs again)", () => {
        assert.notEqual(check("imagesgcr").inputs.triggers[0], check("images").inputs.triggers[0]);
        assert.ok(mirrored.checks.includes("https://gcr-mirror.example.com/v2/gitpod-core-dev/build/server/manifests/"));
    });

    it("is a child of the component and holds no secret in its command", () => {
        const c = check("images");
        assert.equal(c.parent, one(run, "gitpod-tencent:cluster:ImagePreflight", "images").urn);
        assert.ok(!c.inputs.create.includes(FAKE_PRIVATE_KEY));
        assert.equal(c.inputs.stdin, undefined);
    });
});
