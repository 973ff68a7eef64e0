/** lib/plan.ts on small hand-made graphs: stages, waits, modelled times, critical path, slack. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { buildPlan, formatDuration, GraphResource, stageDependencies, stageOf } from "../../lib/plan";

const urn = (type: string, name: string, parent?: string) => `urn:pulumi:dev::p::${parent ? `${parent}$` : ""}${type}::${name}`;

function component(type: string, name: string): GraphResource {
    return { type, name, urn: urn(type, name), parent: "", custom: false, dependencies: [], provider: "" };
}
function child(parent: GraphResource, type: string, name: string, extra: Partial<GraphResource> = {}): GraphResource {
    return { type, name, urn: urn(type, name, parent.type), parent: parent.urn, custom: true, dependencies: [], provider: "", ...extra };
}

// vm (60 s) <- k8s (100 s, through its provider) <- app (300 s); dns (10 s) waits on vm; prepull (500 s) waits on k8s.
const vm = component("gitpod-tencent:test:Vm", "vm");
const vmInstance = child(vm, "cloud:Instance", "vm-instance");
const k8s = component("gitpod-tencent:test:K8s", "k8s");
const install = child(k8s, "command:remote:Command", "k8s-install", { dependencies: [vmInstance.urn] });
const provider = child(k8s, "pulumi:providers:kubernetes", "k8s-provider", { dependencies: [install.urn] });
const app = component("gitpod-tencent:gitpod:Gitpod", "app");
const release = child(app, "kubernetes:helm.sh/v3:Release", "app-release", { provider: `${provider.urn}::provider-id`, dependencies: [vm.urn] });
const dns = component("gitpod-tencent:test:Dns", "dns");
const record = child(dns, "cloud:Record", "dns-a", { dependencies: [vmInstance.urn] });
const prepull = component("gitpod-tencent:test:Prepull", "prepull");
const pull = child(prepull, "command:remote:Command", "prepull-run", { dependencies: [install.urn] });
const GRAPH = [vm, vmInstance, k8s, install, provider, app, release, dns, record, prepull, pull];
const ESTIMATES = {
    "gitpod-tencent:test:Vm": { seconds: 60, source: "a" },
    "gitpod-tencent:test:K8s": { seconds: 100, source: "b" },
    "gitpod-tencent:gitpod:Gitpod": { seconds: 300, source: "c" },
    "gitpod-tencent:test:Dns": { seconds: 10, source: "d" },
    // Prepull has no row: the 60 s default applies.
};

describe("plan", () => {
    it("every resource belongs to its top-level component", () => {
        const stages = stageOf(GRAPH);
        assert.equal(stages.get(release.urn), app.urn);
        assert.equal(stages.get(provider.urn), k8s.urn);
        assert.equal(stages.get(vm.urn), vm.urn);
    });

    it("a stage waits on another through dependencies and provider references of its resources", () => {
        const deps = stageDependencies(GRAPH);
        assert.deepEqual([...deps.get(app.urn)!].sort(), [k8s.urn, vm.urn].sort());
        assert.deepEqual([...deps.get(k8s.urn)!], [vm.urn]);
        assert.deepEqual([...deps.get(vm.urn)!], []);
    });

    it("models start and end from the estimates, default for unknown types, and marks the critical path", () => {
        const plan = buildPlan(GRAPH, ESTIMATES);
        const row = (u: string) => plan.stages.find((s) => s.urn === u)!;
        assert.deepEqual(
            plan.stages.map((s) => [s.name, s.start, s.finish, s.critical]),
            [["vm", 0, 60, true], ["dns", 60, 70, false], ["k8s", 60, 160, true], ["prepull", 160, 220, false], ["app", 160, 460, true]],
        );
        assert.deepEqual(plan.criticalPath, [vm.urn, k8s.urn, app.urn]);
        assert.equal(plan.target, app.urn);
        assert.equal(plan.totalSeconds, 460);
        assert.equal(row(prepull.urn).estimate.source, "no estimate recorded for this component type: default");
    });

    it("lists only direct waits (app waits on k8s, which already waits on vm)", () => {
        const plan = buildPlan(GRAPH, ESTIMATES);
        assert.deepEqual(plan.stages.find((s) => s.urn === app.urn)!.waitsOn, [k8s.urn]);
    });

    it("slack: none on the critical path; stages Gitpod does not wait on have none defined", () => {
        const plan = buildPlan(GRAPH, ESTIMATES);
        const slack = Object.fromEntries(plan.stages.map((s) => [s.name, s.slack]));
        assert.deepEqual(slack, { vm: 0, dns: undefined, k8s: 0, prepull: undefined, app: 0 });
    });

    it("a faster path beside the critical one has slack", () => {
        const cert = component("gitpod-tencent:test:Cert", "cert");
        const order = child(cert, "cert:Order", "cert-order", { dependencies: [vmInstance.urn] });
        const app2 = { ...release, dependencies: [...release.dependencies, order.urn] };
        const plan = buildPlan([...GRAPH.filter((r) => r !== release), app2, cert, order], { ...ESTIMATES, "gitpod-tencent:test:Cert": { seconds: 40, source: "e" } });
        const c = plan.stages.find((s) => s.urn === cert.urn)!;
        assert.deepEqual([c.start, c.finish, c.slack, c.critical], [60, 100, 60, false]);
    });

    it("installer mode: the GitpodInstaller stage is the target, even when a stage beside it ends later", () => {
        const installer = { ...app, type: "gitpod-tencent:gitpod:GitpodInstaller", urn: urn("gitpod-tencent:gitpod:GitpodInstaller", "app") };
        const deploy = { ...release, parent: installer.urn, urn: urn("kubernetes:helm.sh/v3:Release", "app-release", installer.type) };
        const slow = { ...ESTIMATES, "gitpod-tencent:gitpod:GitpodInstaller": { seconds: 30, source: "f" }, "gitpod-tencent:test:Prepull": { seconds: 999, source: "g" } };
        const plan = buildPlan([...GRAPH.filter((r) => r !== app && r !== release), installer, deploy], slow);
        assert.equal(plan.target, installer.urn);
        assert.equal(plan.totalSeconds, 190);
        assert.deepEqual(plan.criticalPath, [vm.urn, k8s.urn, installer.urn]);
    });

    it("formats durations as m:ss", () => {
        assert.deepEqual([0, 5, 65, 710].map(formatDuration), ["0:00", "0:05", "1:05", "11:50"]);
    });
});
