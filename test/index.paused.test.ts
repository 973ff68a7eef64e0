/**
 * `running: false` under mocks, next to the running program: pausing stops the VM without
 * compute billing and changes nothing else. Every remote command and in-cluster object keeps
 * exactly the inputs of the running program (nothing runs on the VM, nothing reaches the
 * cluster, nothing is deleted), the Kubernetes provider skips the unreachable cluster, and DNS
 * still points at the EIP.
 */
import { before, describe, it } from "node:test";
import * as assert from "node:assert/strict";
import { byType, one, ProgramRun, runProgram } from "../tools/mock/program";
import { RecordedResource } from "../tools/mock/mocks";

const INSTANCE = "tencentcloud:index/instance:Instance";
let running: ProgramRun;
let paused: ProgramRun;
let pausedPreview: ProgramRun;
let runningInstaller: ProgramRun;
let pausedInstaller: ProgramRun;

before(async () => {
    running = await runProgram();
    paused = await runProgram({ plain: { running: false } });
    pausedPreview = await runProgram({ plain: { running: false }, preview: true });
    runningInstaller = await runProgram({ plain: { gitpodInstaller: "installer" } });
    pausedInstaller = await runProgram({ plain: { gitpodInstaller: "installer", running: false } });
});

/** Remote commands and in-cluster objects: what would reach the VM or the cluster. */
function reachesVmOrCluster(r: RecordedResource): boolean {
    return r.custom && (r.type.startsWith("command:remote:") || (r.type.startsWith("kubernetes:") && !r.type.startsWith("pulumi:providers:")));
}

function inputsByUrn(run: ProgramRun, filter: (r: RecordedResource) => boolean): Record<string, unknown> {
    return Object.fromEntries(run.resources.filter(filter).map((r) => [r.urn, r.inputs]));
}

describe("a paused stack", () => {
    it("evaluates without error, in `pulumi up` and in `pulumi preview`", () => {
        assert.equal(running.error, undefined, String(running.error));
        assert.equal(paused.error, undefined, String(paused.error));
        assert.equal(pausedPreview.error, undefined, String(pausedPreview.error));
        assert.deepEqual(pausedPreview.resources.map((r) => r.urn).sort(), paused.resources.map((r) => r.urn).sort());
    });

    it("stops the VM in STOP_CHARGING mode", () => {
        assert.equal(one(running, INSTANCE).inputs.runningFlag, true);
        const vm = one(paused, INSTANCE);
        assert.equal(vm.inputs.runningFlag, false);
        assert.equal(vm.inputs.stoppedMode, "STOP_CHARGING");
    });

    it("declares every remote command and in-cluster object with exactly the running program's inputs", () => {
        const before = inputsByUrn(running, reachesVmOrCluster);
        assert.ok(Object.keys(before).length >= 10, `only ${Object.keys(before).length} remote commands and in-cluster objects`);
        assert.ok(Object.keys(before).some((u) => u.includes("command:remote:Command")));
        assert.ok(Object.keys(before).some((u) => u.includes("kubernetes:helm.sh/v3:Release")));
        assert.deepEqual(inputsByUrn(paused, reachesVmOrCluster), before);
    });

    it("the same holds with Gitpod's own installer instead of kots", () => {
        assert.equal(pausedInstaller.error, undefined, String(pausedInstaller.error));
        const before = inputsByUrn(runningInstaller, reachesVmOrCluster);
        assert.ok(Object.keys(before).some((u) => u.includes("gitpod-tencent:gitpod:GitpodInstaller")), "installer mode was not declared");
        assert.deepEqual(inputsByUrn(pausedInstaller, reachesVmOrCluster), before);
    });

    it("deletes nothing: the same resources, and only the VM and the Kubernetes provider change", () => {
        assert.deepEqual(paused.resources.map((r) => r.urn).sort(), running.resources.map((r) => r.urn).sort());
        const changed = paused.resources
            .filter((r) => JSON.stringify(r.inputs) !== JSON.stringify(running.resources.find((x) => x.urn === r.urn)?.inputs))
            .map((r) => r.type)
            .sort();
        assert.deepEqual(changed, ["pulumi:providers:kubernetes", INSTANCE]);
    });

    it("lets the Kubernetes provider skip the unreachable cluster (no Kubernetes call, no failure)", () => {
        const on = (r: RecordedResource, key: string) => r.inputs[key] === true || r.inputs[key] === "true";
        const provider = one(paused, "pulumi:providers:kubernetes");
        // Skips, never drops: a refresh while paused keeps the in-cluster resources in state.
        assert.ok(on(provider, "skipUpdateUnreachable") && provider.inputs.deleteUnreachable === undefined);
        const live = one(running, "pulumi:providers:kubernetes");
        assert.ok(!on(live, "skipUpdateUnreachable") && !on(live, "deleteUnreachable"));
        assert.equal(provider.inputs.kubeconfig, live.inputs.kubeconfig, "the same cluster: the provider is updated, not replaced");
    });

    it("keeps DNS on the EIP", () => {
        const records = byType(paused, "tencentcloud:index/dnspodRecord:DnspodRecord");
        assert.equal(records.length, 3);
        for (const r of records) assert.equal(r.inputs.value, "43.156.0.10");
    });

    it("says so in its outputs", () => {
        assert.equal(running.exports.vmState, "running");
        assert.match(String(paused.exports.vmState), /^paused: stopped without compute billing \(disks and the EIP still bill\); `pulumi config set running true && pulumi up` starts it$/);
    });
});
