/**
 * CoreDnsHairpin under mocks, behind a real K3sServer: one ConfigMap, on the k3s provider,
 * after k3s, with the key the given k3s release imports.
 */
import { before, describe, it } from "node:test";
import * as assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import { CoreDnsHairpin } from "../../components/coreDns";
import { K3sServer } from "../../components/k3sServer";
import { hairpinOverride, hairpinServerBlock } from "../../lib/coredns";
import { DEFAULT_REGISTRY_MIRRORS } from "../../lib/registries";
import { PINS } from "../../lib/versions";
import { RecordedResource, Recording, setupMocks, valueOf } from "../support/mocks";
import { defaultOutputs, dependsOnTransitively, one } from "../support/program";

let run: Recording;

before(async () => {
    run = setupMocks({ project: "gitpod-tencent", stack: "dev", outputs: defaultOutputs });
    const k3s = new K3sServer("k3s", {
        target: { host: "43.156.0.10", privateKey: pulumi.secret("private-key") },
        instanceId: "ins-0001",
        version: PINS.k3s.version,
        mirror: false,
        clusterCidr: "10.42.0.0/16",
        serviceCidr: "10.43.0.0/16",
        registryMirrors: DEFAULT_REGISTRY_MIRRORS,
    });
    const common = { provider: k3s.provider, k3sReady: k3s.ready, domain: "gitpod.example.com", gitpodNamespace: "gitpod" };
    const pinned = new CoreDnsHairpin("coredns", { ...common, k3sVersion: PINS.k3s.version });
    // A newer k3s, only to see the key switch to `.override`.
    const newer = new CoreDnsHairpin("corednsnew", { ...common, k3sVersion: "v1.27.3+k3s1" });
    await Promise.all([valueOf(pinned.configMap.urn), valueOf(newer.configMap.urn)]);
    await pulumi.runtime.disconnect();
});

const configMap = (name: string): RecordedResource => one(run, "kubernetes:core/v1:ConfigMap", name);

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
        assert.ok(cm.dependencies.includes(one(run, "command:remote:Command", "k3s-kubeconfig").urn));
        assert.ok(dependsOnTransitively(run, cm, one(run, "command:remote:Command", "k3s-install")));
    });

    it("is a child of the component", () => {
        assert.equal(configMap("coredns-coredns-custom").parent, one(run, "gitpod-tencent:cluster:CoreDnsHairpin", "coredns").urn);
    });
});
