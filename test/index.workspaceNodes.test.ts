/**
 * The whole program with `workspaceNodes: 2`, compared with the records of the same program
 * with the default 0, with an explicit 0, with 0 right after a scale-down (the last deployment
 * still listed workspace nodes), and paused.
 */
import { before, describe, it } from "node:test";
import * as assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import { RecordedResource } from "../tools/mock/mocks";
import { byType, defaultOutputs, dependsOnTransitively, one, ProgramRun, runProgram } from "../tools/mock/program";
import { valueOf } from "../tools/mock/mocks";
import { checkResourceInputs } from "./support/tencentcloudSchema";
import { buildPlan, DEFAULT_ESTIMATE } from "../lib/plan";

const INSTANCE = "tencentcloud:index/instance:Instance";
const RULE_SET = "tencentcloud:index/securityGroupRuleSet:SecurityGroupRuleSet";
const COMMAND = "command:remote:Command";
const TOKEN = "mock-random-password-0123456789";

/** Server 10.0.1.10 (EIP 43.156.0.10); workspace node n: 10.0.1.2n. */
const PRIVATE_IPS: Record<string, string> = { "gitpod-server-vm": "10.0.1.10", "workspace-ws-1-vm": "10.0.1.21", "workspace-ws-2-vm": "10.0.1.22" };
const outputs = (type: string, name: string, inputs: Record<string, unknown>) =>
    type === INSTANCE ? { ...defaultOutputs(type, name, inputs), privateIp: PRIVATE_IPS[name] } : defaultOutputs(type, name, inputs);
const TWO = { workspaceNodes: 2, workspaceInstanceType: "SA2.2XLARGE16", workspaceDiskSize: 300 };

let run: ProgramRun;
let unset: RecordedResource[];
let zero: RecordedResource[];
let scaledDown: RecordedResource[];
let paused: RecordedResource[];

before(async () => {
    unset = (await runProgram({ outputs })).resources;
    zero = (await runProgram({ plain: { workspaceNodes: 0 }, outputs })).resources;
    paused = (await runProgram({ plain: { ...TWO, running: false }, outputs })).resources;
    run = await runProgram({ plain: TWO, outputs });
    // The next `up` after `workspaceNodes: 0`: the last deployment's `nodes` output still lists them.
    const previousNodes = await valueOf(run.exports.nodes as pulumi.Output<unknown>);
    scaledDown = (await runProgram({ plain: { workspaceNodes: 0 }, outputs, previous: { nodes: previousNodes } })).resources;
});

const cmd = (suffix: string) => one(run, COMMAND, suffix);

/** URN -> record without the parts that only say where in the run it was recorded. */
function byUrn(resources: readonly RecordedResource[]): Map<string, string> {
    return new Map(resources.map((r) => [r.urn, JSON.stringify(r)]));
}

/** URNs whose record differs between two runs, and URNs only in the second. */
function diff(before: readonly RecordedResource[], after: readonly RecordedResource[]): { changed: string[]; added: string[]; removed: string[] } {
    const a = byUrn(before);
    const b = byUrn(after);
    return {
        changed: [...a.keys()].filter((u) => b.has(u) && a.get(u) !== b.get(u)).map(nameOf),
        added: [...b.keys()].filter((u) => !a.has(u)).map(nameOf),
        removed: [...a.keys()].filter((u) => !b.has(u)).map(nameOf),
    };
}

const nameOf = (urn: string) => urn.split("::").at(-1)!;

describe("workspaceNodes: 2", () => {
    it("runs without error: three instances, the agents in the server's subnet", () => {
        assert.equal(run.error, undefined, String(run.error));
        const vms = byType(run, INSTANCE);
        assert.deepEqual(vms.map((v) => v.inputs.hostname).sort(), ["gitpod-dev-server", "gitpod-dev-ws-1", "gitpod-dev-ws-2"]);
        for (const v of vms) assert.equal(v.inputs.subnetId, one(run, "tencentcloud:index/subnet:Subnet").name + "-id");
        assert.equal(one(run, INSTANCE, "workspace-ws-1-vm").inputs.systemDiskSize, 300);
    });

    it("the agents' VMs, group and lookups go through the one Tencent Cloud provider, and match its schema", () => {
        const ref = `${one(run, "pulumi:providers:tencentcloud").urn}::`;
        const mine = run.resources.filter((r) => r.custom && r.type.startsWith("tencentcloud:") && r.name.startsWith("workspace"));
        assert.equal(mine.length, 4, mine.map((r) => r.name).join(", "));
        for (const r of mine) {
            assert.ok(r.provider.startsWith(ref), `${r.name} uses ${r.provider || "the default provider"}`);
            assert.deepEqual(checkResourceInputs(r.type, r.inputs), [], r.name);
        }
        const lookups = run.invokes.filter((i) => i.token.startsWith("tencentcloud:"));
        assert.ok(lookups.length >= 3 * 3, "image and type lookups for each of the three VMs");
        for (const i of lookups) assert.ok(i.provider.startsWith(ref), `${i.token} uses ${i.provider || "the default provider"}`);
    });

    it("each agent joins the server's private address with the pinned version, its own node-ip and the workspace labels; the token on stdin as a secret", () => {
        for (const [n, ip] of [["1", "10.0.1.21"], ["2", "10.0.1.22"]]) {
            const install = cmd(`workspace-ws-${n}-k3s-install`);
            for (const expected of ["export GT_K3S_ROLE='\\''agent'\\''", "export GT_K3S_VERSION='\\''v1.24.13+k3s1'\\''", "server: https://10.0.1.10:6443", `node-ip: ${ip}`, "- gitpod.io/workload_workspace_regular=true"]) {
                assert.ok(install.inputs.create.includes(expected), `ws-${n} install: ${expected}`);
            }
            assert.equal(install.inputs.stdin, TOKEN);
            assert.ok(install.secretPaths.includes("stdin"));
            assert.equal(install.inputs.connection.host, ip);
            assert.equal(install.inputs.connection.proxy.host, "43.156.0.10");
        }
    });

    it("the server loses the workspace labels: in its config.yaml, and live once the agents are Ready", () => {
        const server = run.resources.find((r) => r.name === "k3s-install")!.inputs.create as string;
        assert.ok(server.includes("gitpod.io/workload_meta=true") && server.includes("gitpod.io/workload_workspace_services=true"));
        assert.ok(!server.includes("gitpod.io/workload_workspace_regular"));
        assert.ok(server.includes("svccontroller.k3s.cattle.io/enablelb=true"), "ServiceLB's hostPorts 80/443 stay on the server");
        const relabel = cmd("workspace-server-labels");
        assert.ok(relabel.inputs.create.includes("export NODE_NAME='\\''gitpod-dev-server'\\''"));
        for (const n of ["1", "2"]) assert.ok(dependsOnTransitively(run, relabel, cmd(`workspace-ws-${n}-k3s-membership`)));
    });

    it("opens the node ports inside the subnet only: nothing new to the world or to adminCidrs", () => {
        const before = unset.find((r) => r.type === RULE_SET)!.inputs.ingresses as { action: string; cidrBlock: string; port: string; protocol: string }[];
        const server = one(run, RULE_SET, "gitpod-rules").inputs.ingresses as typeof before;
        const added = server.filter((r) => !before.some((b) => JSON.stringify(b) === JSON.stringify(r)));
        assert.deepEqual(added.map((r) => `${r.action} ${r.protocol} ${r.port} ${r.cidrBlock}`), ["ACCEPT TCP 6443 10.0.1.0/24", "ACCEPT TCP 10250 10.0.1.0/24", "ACCEPT UDP 4789 10.0.1.0/24", "ACCEPT TCP 5473 10.0.1.0/24"]);
        const agents = one(run, RULE_SET, "workspace-rules").inputs.ingresses as typeof before;
        for (const r of agents.filter((x) => x.action === "ACCEPT")) assert.equal(r.cidrBlock, "10.0.1.0/24");
        assert.equal(agents.at(-1)?.action, "DROP");
    });

    it("Calico's pool stays VXLAN with BGP off, which is what the node rules (4789/udp, no 179) carry", () => {
        const network = one(run, "kubernetes:helm.sh/v3:Release", "calico-tigera-operator").inputs.values.installation.calicoNetwork;
        assert.equal(network.bgp, "Disabled");
        assert.deepEqual(network.ipPools.map((p: { encapsulation: string }) => p.encapsulation), ["VXLAN"]);
    });

    it("each agent is drained and deleted from the cluster before its VM goes", () => {
        for (const n of ["1", "2"]) {
            const m = cmd(`workspace-ws-${n}-k3s-membership`);
            assert.match(m.inputs.delete, /node-drain\.sh/);
            assert.ok(m.inputs.delete.includes("export DRAIN_MODE='\\''remove'\\''"));
            assert.ok(dependsOnTransitively(run, m, one(run, INSTANCE, `workspace-ws-${n}-vm`)));
        }
    });

    it("the image preflight and the workspace-image pre-pull run on every node", () => {
        const on = (pattern: RegExp) => byType(run, COMMAND).filter((c) => pattern.test(c.name)).map((c) => c.inputs.connection.host).sort();
        assert.deepEqual(on(/^images.*-check$/), ["10.0.1.21", "10.0.1.22", "43.156.0.10"]);
        assert.deepEqual(on(/^workspace-image.*-start$/), ["10.0.1.21", "10.0.1.22", "43.156.0.10"]);
    });

    it("Gitpod installs once the agents are Ready, the server relabelled and every node's images checked", () => {
        const install = one(run, COMMAND, "gitpod-mode-guard");
        for (const dep of [cmd("workspace-server-labels"), cmd("images-ws-1-check"), cmd("images-ws-2-check")]) {
            assert.ok(install.dependencies.includes(dep.urn), `waits on ${dep.name}`);
        }
    });

    it("lists the nodes with name, private IP and role", async () => {
        const nodes = await valueOf(run.exports.nodes as pulumi.Output<unknown>);
        assert.deepEqual(nodes, [
            { name: "gitpod-dev-server", privateIp: "10.0.1.10", role: "server" },
            { name: "gitpod-dev-ws-1-65e1eaf6", privateIp: "10.0.1.21", role: "workspace" },
            { name: "gitpod-dev-ws-2-0dc60e07", privateIp: "10.0.1.22", role: "workspace" },
        ]);
    });
});

describe("npm run plan with workspaceNodes: 2", () => {
    it("every stage has a recorded estimate; the agents join after Calico, beside the certificate, and Gitpod waits on them", () => {
        const plan = buildPlan(run.resources);
        assert.deepEqual(plan.stages.filter((s) => s.estimate === DEFAULT_ESTIMATE).map((s) => s.type), []);
        const label = (urn: string) => {
            const s = plan.stages.find((x) => x.urn === urn)!;
            return `${s.type.split(":").pop()}(${s.name})`;
        };
        const stage = (wanted: string) => plan.stages.find((s) => label(s.urn) === wanted)!;
        assert.deepEqual(stage("WorkspaceNodes(workspace)").waitsOn.map(label), ["Calico(calico)"]);
        // Gitpod waits on the agents through their image preflights; the certificate takes longer.
        assert.ok(stage("Gitpod(gitpod)").waitsOn.map(label).includes("ImagePreflight(images-ws-1)"));
        assert.equal(stage("WorkspaceNodes(workspace)").critical, false);
        assert.equal(stage("WorkspaceNodes(workspace)").slack, 60);
        assert.equal(plan.totalSeconds, 27 * 60 + 5);
    });
});

describe("the records compared", () => {
    it("unset (the default) declares none of it: 2 nodes add the workspace stage, change the server's rules and config.yaml, and make Gitpod wait", () => {
        const d = diff(unset, run.resources);
        assert.deepEqual(d.removed, []);
        assert.deepEqual(d.changed.sort(), ["gitpod-kots", "gitpod-mode-guard", "gitpod-rules", "k3s-install"]);
        assert.deepEqual(d.added.filter((n) => !n.startsWith("workspace") && !n.startsWith("images-ws-")), []);
        // Only what they wait on changes (the mode guard also re-runs once: its triggers hold it).
        const before = (name: string) => unset.find((r) => r.name === name)!;
        const kots = one(run, COMMAND, "gitpod-kots");
        assert.deepEqual({ ...kots, dependencies: before("gitpod-kots").dependencies }, before("gitpod-kots"));
        const guard = one(run, COMMAND, "gitpod-mode-guard");
        const waited = ["workspace-server-labels-id", "images-ws-1-check-id", "images-ws-2-check-id"];
        assert.deepEqual(guard.inputs.triggers, [...before("gitpod-mode-guard").inputs.triggers, ...waited]);
        const same = { ...guard, dependencies: before("gitpod-mode-guard").dependencies, inputs: { ...guard.inputs, triggers: before("gitpod-mode-guard").inputs.triggers } };
        assert.deepEqual(same, before("gitpod-mode-guard"));
        assert.ok(!unset.some((r) => /(^workspace$|^workspace-(ws|sg|rules|server))|-ws-\d/.test(r.name)));
        assert.ok(!unset.some((r) => r.type === "gitpod-tencent:cluster:WorkspaceNodes" || r.type === INSTANCE && r.name !== "gitpod-server-vm"));
    });

    it("an explicit 0 declares exactly the default's record", () => {
        assert.deepEqual(diff(unset, zero), { changed: [], added: [], removed: [] });
    });

    it("0 right after a scale-down keeps the node ports for that run (the agents are drained after the updates), nothing else", () => {
        assert.deepEqual(diff(unset, scaledDown), { changed: ["gitpod-rules"], added: [], removed: [] });
        const rules = scaledDown.find((r) => r.name === "gitpod-rules")!.inputs.ingresses as { action: string; protocol: string; port: string; cidrBlock: string }[];
        assert.deepEqual(
            rules.filter((r) => r.cidrBlock === "10.0.1.0/24").map((r) => `${r.protocol} ${r.port}`),
            ["TCP 6443", "TCP 10250", "UDP 4789", "TCP 5473"],
        );
        const server = scaledDown.find((r) => r.name === "k3s-install")!.inputs.create as string;
        assert.ok(server.includes("gitpod.io/workload_workspace_regular=true"), "a single node carries every label again");
    });

    it("paused, the agents stop too and no remote step changes (nothing reaches a VM)", () => {
        const agents = paused.filter((r) => r.type === INSTANCE && r.name.startsWith("workspace"));
        assert.equal(agents.length, 2);
        for (const a of agents) assert.deepEqual([a.inputs.runningFlag, a.inputs.stoppedMode], [false, "STOP_CHARGING"]);
        const commands = (rs: readonly RecordedResource[]) => Object.fromEntries(rs.filter((r) => r.type === COMMAND).map((r) => [r.urn, r.inputs]));
        assert.deepEqual(commands(paused), commands(run.resources));
    });
});
