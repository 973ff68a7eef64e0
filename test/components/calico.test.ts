/**
 * Calico under mocks, behind a real K3sServer: the release waits on k3s, uses the k3s provider
 * and the pinned chart; the wait runs after the release and re-runs only when it should.
 */
import { before, describe, it } from "node:test";
import * as assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import { Calico } from "../../components/calico";
import { calicoValues } from "../../lib/calico";
import { scriptDigest } from "../../lib/scripts";
import { PINS } from "../../lib/versions";
import { COMMAND, FAKE_HOST, fakeTarget, RELEASE, setupComponentMocks, testK3sServer } from "../support/fixtures";
import { RecordedResource, Recording, valueOf } from "../../tools/mock/mocks";
import { byType, dependsOnTransitively, one } from "../../tools/mock/program";

const CLUSTER_CIDR = "10.52.0.0/16";
const target = fakeTarget(pulumi.output(FAKE_HOST));

let run: Recording;
let calico: Calico;

before(async () => {
    run = setupComponentMocks();
    const k3s = testK3sServer("k3s", { target, clusterCidr: CLUSTER_CIDR, serviceCidr: "10.53.0.0/16" });
    calico = new Calico("calico", { provider: k3s.provider, target, k3sReady: k3s.ready, clusterCidr: CLUSTER_CIDR });
    await valueOf(calico.ready.urn);
    await pulumi.runtime.disconnect();
});

const release = (): RecordedResource => one(run, RELEASE, "calico-tigera-operator");
const wait = (): RecordedResource => one(run, COMMAND, "calico-wait");

describe("Calico: the tigera-operator release", () => {
    it("is the pinned chart from the pinned repository", () => {
        const r = release();
        assert.equal(r.inputs.chart, "tigera-operator");
        assert.equal(r.inputs.version, PINS.calico.chart?.version);
        assert.equal(r.inputs.version, "v3.26.5");
        assert.equal(r.inputs.repositoryOpts.repo, "https://docs.tigera.io/calico/charts");
        assert.equal(r.inputs.namespace, "tigera-operator");
        assert.equal(r.inputs.createNamespace, true);
    });

    it("renders IP forwarding and the cluster CIDR into the Installation", () => {
        const values = release().inputs.values;
        // What a user would see in the release's values (literal, not lib/calico.ts' own output).
        assert.deepEqual(values.installation.calicoNetwork, {
            bgp: "Disabled",
            containerIPForwarding: "Enabled",
            ipPools: [{ cidr: "10.52.0.0/16", encapsulation: "VXLAN", natOutgoing: "Enabled", nodeSelector: "all()", blockSize: 26 }],
        });
        assert.equal(values.apiServer.enabled, false);
    });

    it("waits on k3s (install and kubeconfig)", () => {
        const r = release();
        assert.ok(r.dependencies.includes(one(run, COMMAND, "k3s-kubeconfig").urn));
        assert.ok(dependsOnTransitively(run, r, one(run, COMMAND, "k3s-install")));
        assert.ok(dependsOnTransitively(run, r, one(run, COMMAND, "k3s-host-prep")));
    });

    it("every kubernetes resource uses the k3s provider", () => {
        const provider = one(run, "pulumi:providers:kubernetes", "k3s-provider");
        const k8sResources = run.resources.filter((r) => r.type.startsWith("kubernetes:"));
        assert.ok(k8sResources.length >= 1);
        for (const r of k8sResources) {
            assert.ok(r.provider.startsWith(`${provider.urn}::`), `${r.type} ${r.name} uses ${r.provider}`);
        }
    });
});

describe("Calico: the wait on the VM", () => {
    it("runs wait-cluster.sh after the release, bounded", () => {
        const w = wait();
        assert.ok(w.dependencies.includes(release().urn));
        assert.match(w.inputs.create, /wait-cluster\.sh/);
        assert.ok(w.inputs.create.includes("export WAIT_TIMEOUT_SECONDS='\\''900'\\''"));
        assert.equal(w.inputs.connection.host, "43.156.0.10");
    });

    it("re-waits only for a new cluster, another chart version or other values", () => {
        const digest = scriptDigest(JSON.stringify(calicoValues({ clusterCidr: CLUSTER_CIDR })));
        assert.deepEqual(wait().inputs.triggers, ["k3s-kubeconfig-id", "v3.26.5", digest]);
        assert.notEqual(scriptDigest(JSON.stringify(calicoValues({ clusterCidr: "10.60.0.0/16" }))), digest);
    });

    it("`ready` is the wait and the children belong to the component", async () => {
        assert.equal(await valueOf(calico.ready.urn), wait().urn);
        const component = one(run, "gitpod-tencent:cluster:Calico", "calico");
        assert.equal(release().parent, component.urn);
        assert.equal(wait().parent, component.urn);
        assert.equal(byType(run, COMMAND).filter((c) => c.parent === component.urn).length, 1);
    });
});
