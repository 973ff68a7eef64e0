/**
 * CoreDnsHairpin under mocks, behind a real K3sServer: one ConfigMap, on the k3s provider,
 * after k3s, with the key the given k3s release imports.
 */
import { before, describe, it } from "node:test";
import * as assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import { CoreDnsHairpin } from "../../components/coreDns";
import { hairpinOverride, hairpinServerBlock } from "../../lib/coredns";
import { PINS } from "../../lib/versions";
import { COMMAND, CONFIG_MAP, setupComponentMocks, testK3sServer } from "../support/fixtures";
import { RecordedResource, Recording, valueOf } from "../support/mocks";
import { dependsOnTransitively, one } from "../support/program";

let run: Recording;

before(async () => {
    run = setupComponentMocks();
    const k3s = testK3sServer();
    const common = { provider: k3s.provider, k3sReady: k3s.ready, domain: "gitpod.example.com", gitpodNamespace: "gitpod" };
    const pinned = new CoreDnsHairpin("coredns", { ...common, k3sVersion: PINS.k3s.version });
    // A newer k3s, only to see the key switch to `.override`.
    const newer = new CoreDnsHairpin("corednsnew", { ...common, k3sVersion: "v1.27.3+k3s1" });
    await Promise.all([valueOf(pinned.configMap.urn), valueOf(newer.configMap.urn)]);
    await pulumi.runtime.disconnect();
});

const configMap = (name: string): RecordedResource => one(run, CONFIG_MAP, name);

describe("CoreDnsHairpin", () => {
    it("is kube-system/coredns-custom with the .server block for the pinned k3s", () => {
        const cm = configMap("coredns-coredns-custom");
        assert.equal(cm.inputs.metadata.name, "coredns-custom");
        assert.equal(cm.inputs.metadata.namespace, "kube-system");
        assert.deepEqual(Object.keys(cm.inputs.data), ["gitpod.server"]);
        assert.equal(cm.inputs.data["gitpod.server"], hairpinServerBlock({ domain: "gitpod.example.com", namespace: "gitpod" }));
        assert.match(cm.inputs.data["gitpod.server"], /proxy\.gitpod\.svc\.cluster\.local/);
    });

    it("switches to .override for a k3s that imports it", () => {
        const cm = configMap("corednsnew-coredns-custom");
        assert.deepEqual(cm.inputs.data, { "gitpod.override": hairpinOverride({ domain: "gitpod.example.com", namespace: "gitpod" }) });
    });

    it("uses the k3s provider and waits on k3s", () => {
        const provider = one(run, "pulumi:providers:kubernetes", "k3s-provider");
        for (const r of run.resources.filter((x) => x.type.startsWith("kubernetes:"))) {
            assert.ok(r.provider.startsWith(`${provider.urn}::`), `${r.name} uses the k3s provider`);
        }
        const cm = configMap("coredns-coredns-custom");
        assert.ok(cm.dependencies.includes(one(run, COMMAND, "k3s-kubeconfig").urn));
        assert.ok(dependsOnTransitively(run, cm, one(run, COMMAND, "k3s-install")));
    });

    it("is a child of the component", () => {
        assert.equal(configMap("coredns-coredns-custom").parent, one(run, "gitpod-tencent:cluster:CoreDnsHairpin", "coredns").urn);
    });
});
