/**
 * CoreDnsHairpin under mocks, behind a real K3sServer: one ConfigMap, on the k3s provider,
 * after k3s, with the key the given k3s release imports.
 */
import { before, describe, it } from "node:test";
import * as assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import { CoreDnsHairpin } from "../../components/coreDns";
import { PINS } from "../../lib/versions";
import { COMMAND, CONFIG_MAP, setupComponentMocks, testK3sServer } from "../support/fixtures";
import { RecordedResource, Recording, valueOf } from "../../tools/mock/mocks";
import { dependsOnTransitively, one } from "../../tools/mock/program";

let run: Recording;

before(async () => {
    run = setupComponentMocks();
    const k3s = testK3sServer();
    const common = { provider: k3s.provider, k3sReady: k3s.ready, domain: "gitpod.example.com", gitpodNamespace: "gitpod" };
    const pinned = new CoreDnsHairpin("coredns", { ...common, k3sVersion: PINS.k3s.version });
    // Gitpod at the zone apex.
    const apex = new CoreDnsHairpin("corednsapex", { ...common, domain: "example.com", k3sVersion: PINS.k3s.version });
    await Promise.all([valueOf(pinned.configMap.urn), valueOf(apex.configMap.urn)]);
    await pulumi.runtime.disconnect();
});

const configMap = (name: string): RecordedResource => one(run, CONFIG_MAP, name);

describe("CoreDnsHairpin", () => {
    it("is kube-system/coredns-custom with a .server block for the domain, A/AAAA only, to the proxy Service", () => {
        const cm = configMap("coredns-coredns-custom");
        assert.equal(cm.inputs.metadata.name, "coredns-custom");
        assert.equal(cm.inputs.metadata.namespace, "kube-system");
        assert.deepEqual(Object.keys(cm.inputs.data), ["gitpod.server"]);
        const block: string = cm.inputs.data["gitpod.server"];
        assert.match(block, /^gitpod\.example\.com:53 \{$/m);
        assert.ok(block.split("\n").includes("        expr type() in ['A', 'AAAA'] && name() matches '^([a-z0-9-]+\\\\.|[a-z0-9-]+\\\\.ws\\\\.)?gitpod\\\\.example\\\\.com\\\\.$'"), block);
        assert.match(block, /^ {8}name regex \S+ proxy\.gitpod\.svc\.cluster\.local$/m);
    });

    it("at the zone apex the block is for the zone itself", () => {
        const block: string = configMap("corednsapex-coredns-custom").inputs.data["gitpod.server"];
        assert.match(block, /^example\.com:53 \{$/m);
        assert.ok(block.includes(")?example\\\\.com\\\\.$'"), block);
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
