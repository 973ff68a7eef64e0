/**
 * WorkspaceNodes under mocks with two agents: the VMs, how each agent is reached and joins,
 * what its removal runs, and the server's relabelling. One component set per file.
 */
import { before, describe, it } from "node:test";
import * as assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import { WorkspaceNodes } from "../../components/workspaceNodes";
import { FIRST_CONTACT_DIAL } from "../../components/remote";
import { DEFAULT_REGISTRY_MIRRORS } from "../../lib/registries";
import { PINS } from "../../lib/versions";
import { COMMAND, FAKE_HOST, FAKE_PRIVATE_KEY, fakeReady, fakeTarget } from "../support/fixtures";
import { RecordedResource, Recording, setupMocks, valueOf } from "../../tools/mock/mocks";
import { byType, defaultInvokes, defaultOutputs, dependsOnTransitively, one } from "../../tools/mock/program";

const INSTANCE = "tencentcloud:index/instance:Instance";
const RULE_SET = "tencentcloud:index/securityGroupRuleSet:SecurityGroupRuleSet";
const TOKEN = "cluster-token-0123456789";
let run: Recording;
let nodes: WorkspaceNodes;

before(async () => {
    run = setupMocks({
        project: "gitpod-tencent",
        stack: "dev",
        // The workspace type is sold where the default one is.
        invoke: (token, args) => {
            const answer = defaultInvokes(token, args);
            if (!token.endsWith("getInstanceTypes")) return answer;
            return { ...answer, instanceTypes: answer?.instanceTypes.map((t: object) => ({ ...t, instanceType: "SA3.4XLARGE32", memorySize: 32 })) };
        },
        // Each agent VM gets its own private address: 10.0.1.21, 10.0.1.22.
        outputs: (type, name, inputs) =>
            type === INSTANCE ? { publicIp: "", privateIp: `10.0.1.2${/ws-(\d+)/.exec(name)?.[1]}` } : defaultOutputs(type, name, inputs),
    });
    nodes = new WorkspaceNodes("workspace", {
        count: 2,
        stack: "dev",
        vm: {
            region: "ap-singapore",
            zone: "ap-singapore-1",
            instanceType: "SA3.4XLARGE32",
            ubuntuVersion: "20.04",
            systemDiskType: "CLOUD_SSD",
            systemDiskSize: 300,
            bandwidthOut: 50,
            vpcId: "vpc-1",
            subnetId: "subnet-1",
            keyId: "skey-1",
            allowReplacement: false,
        },
        subnetCidr: "10.0.1.0/24",
        serverFirewall: fakeReady("server-rules"),
        server: { target: fakeTarget(), privateIp: "10.0.1.10", nodeName: "gitpod-dev-server", token: pulumi.secret(TOKEN), vm: fakeReady("server-vm") },
        serverReady: fakeReady("k3s-ready"),
        clusterReady: fakeReady("calico-ready"),
        k3sVersion: PINS.k3s.version,
        k3sMirror: false,
        registryMirrors: DEFAULT_REGISTRY_MIRRORS,
        tags: { "gitpod-tencent": "dev" },
    });
    await valueOf(nodes.list);
    await pulumi.runtime.disconnect();
});

const cmd = (suffix: string): RecordedResource => one(run, COMMAND, suffix);
const vm = (role: string): RecordedResource => one(run, INSTANCE, `workspace-${role}-vm`);
const ready = (name: string): RecordedResource => one(run, "command:local:Command", name);

describe("WorkspaceNodes: the VMs", () => {
    it("two pay-as-you-go VMs of the workspace type and disk, in the server's subnet, in their own group", () => {
        assert.equal(byType(run, INSTANCE).length, 2);
        const group = one(run, "tencentcloud:index/securityGroup:SecurityGroup", "workspace-sg");
        for (const [role, host] of [["ws-1", "gitpod-dev-ws-1"], ["ws-2", "gitpod-dev-ws-2"]]) {
            const i = vm(role).inputs;
            assert.equal(i.instanceType, "SA3.4XLARGE32");
            assert.equal(i.systemDiskSize, 300);
            assert.equal(i.subnetId, "subnet-1");
            assert.equal(i.vpcId, "vpc-1");
            assert.equal(i.availabilityZone, "ap-singapore-1");
            assert.equal(i.hostname, host);
            assert.equal(i.instanceChargeType, "POSTPAID_BY_HOUR");
            assert.deepEqual(i.orderlySecurityGroups, [`${group.name}-id`]);
            assert.equal(i.allocatePublicIp, true, "egress for image pulls");
            assert.deepEqual(i.tags, { "gitpod-tencent": "dev", "gitpod-tencent-role": "workspace" });
        }
    });

    it("the agents' group admits cluster traffic from the subnet only and drops everything else", () => {
        const rules = one(run, RULE_SET, "workspace-rules").inputs.ingresses as { action: string; cidrBlock: string; port: string; protocol: string }[];
        assert.deepEqual(
            rules.map((r) => `${r.action} ${r.protocol} ${r.port} ${r.cidrBlock}`),
            ["ACCEPT TCP 22 10.0.1.0/24", "ACCEPT TCP 10250 10.0.1.0/24", "ACCEPT UDP 4789 10.0.1.0/24", "ACCEPT TCP 5473 10.0.1.0/24", "DROP ALL ALL 0.0.0.0/0"],
        );
    });

    it("lists each node with name, private IP and role", async () => {
        assert.deepEqual(await valueOf(nodes.list), [
            { name: "gitpod-dev-ws-1-65e1eaf6", privateIp: "10.0.1.21", role: "workspace" },
            { name: "gitpod-dev-ws-2-0dc60e07", privateIp: "10.0.1.22", role: "workspace" },
        ]);
    });
});

describe("WorkspaceNodes: joining", () => {
    it("each agent is reached on its private address through the server (jump host), first contact with long retries", () => {
        const prep = cmd("workspace-ws-1-k3s-host-prep");
        const c = prep.inputs.connection;
        assert.equal(c.host, "10.0.1.21");
        assert.equal(c.user, "ubuntu");
        assert.equal(c.privateKey, FAKE_PRIVATE_KEY);
        assert.equal(c.dialErrorLimit, FIRST_CONTACT_DIAL.dialErrorLimit);
        assert.deepEqual({ host: c.proxy.host, user: c.proxy.user, privateKey: c.proxy.privateKey }, { host: FAKE_HOST, user: "ubuntu", privateKey: FAKE_PRIVATE_KEY });
        assert.ok(prep.secretPaths.includes("connection"));
    });

    it("the install joins the server's private address as an agent of the pinned version, with its own node-ip, name and the workspace labels", () => {
        const create: string = cmd("workspace-ws-2-k3s-install").inputs.create;
        for (const expected of [
            `export GT_K3S_VERSION='\\''${PINS.k3s.version}'\\''`,
            "export GT_K3S_ROLE='\\''agent'\\''",
            "server: https://10.0.1.10:6443",
            "token-file: /etc/rancher/k3s/cluster-token",
            "node-ip: 10.0.1.22",
            "node-name: gitpod-dev-ws-2-0dc60e07",
            "- gitpod.io/workload_workspace_headless=true",
            "- gitpod.io/workload_workspace_regular=true",
        ]) {
            assert.ok(create.includes(expected), `install command contains ${expected}`);
        }
        assert.ok(!create.includes("gitpod.io/workload_meta"), "agents run no Gitpod services");
    });

    it("the token reaches the agent on stdin only, as a secret", () => {
        const install = cmd("workspace-ws-1-k3s-install");
        assert.equal(install.inputs.stdin, TOKEN);
        assert.ok(install.secretPaths.includes("stdin"));
        for (const c of byType(run, COMMAND)) {
            for (const field of ["create", "update", "delete"]) assert.ok(!String(c.inputs[field] ?? "").includes(TOKEN), `${c.name}.${field}`);
        }
    });

    it("bootstrap waits on the VM, the server's k3s and both groups' rules; membership also on Calico", () => {
        const prep = cmd("workspace-ws-1-k3s-host-prep");
        for (const dep of [vm("ws-1"), ready("k3s-ready"), ready("server-rules"), one(run, RULE_SET, "workspace-rules")]) {
            assert.ok(dependsOnTransitively(run, prep, dep), `host prep waits on ${dep.name}`);
        }
        const membership = cmd("workspace-ws-1-k3s-membership");
        assert.ok(membership.dependencies.includes(cmd("workspace-ws-1-k3s-install").urn));
        assert.ok(membership.dependencies.includes(ready("calico-ready").urn));
    });
});

describe("WorkspaceNodes: leaving", () => {
    it("each membership runs on the server: create waits for Ready nodes, delete drains and deletes the Node", () => {
        const m = cmd("workspace-ws-2-k3s-membership");
        assert.equal(m.inputs.connection.host, FAKE_HOST);
        assert.equal(m.inputs.connection.proxy, undefined);
        assert.match(m.inputs.create, /wait-cluster\.sh/);
        const del: string = m.inputs.delete;
        assert.match(del, /node-drain\.sh/);
        assert.ok(del.includes("export DRAIN_MODE='\\''remove'\\''"));
        assert.ok(del.includes("export NODE_NAME='\\''gitpod-dev-ws-2-0dc60e07'\\''"));
        assert.ok(del.includes("export DRAIN_TIMEOUT_SECONDS='\\''900'\\''"));
        // A new or re-imaged VM (fresh disk) replaces it: the old one's delete drains the old Node.
        assert.deepEqual(m.inputs.triggers, ["workspace-ws-2-vm-id", '["workspace-ws-2-vm-id","img-ubuntu2004-new",null,null,null,null]']);
    });

    it("the membership depends on the VM, so Pulumi drains before it deletes the VM", () => {
        assert.ok(dependsOnTransitively(run, cmd("workspace-ws-2-k3s-membership"), vm("ws-2")));
        assert.ok(!dependsOnTransitively(run, vm("ws-2"), cmd("workspace-ws-2-k3s-membership")));
    });

    it("no drain when the server goes too (pulumi destroy): the membership is deleted with the server's VM", () => {
        for (const n of ["1", "2"]) assert.equal(cmd(`workspace-ws-${n}-k3s-membership`).deletedWith, ready("server-vm").urn);
        for (const r of run.resources.filter((x) => x.type === INSTANCE || x.type.includes("securityGroup"))) {
            assert.equal(r.deletedWith, "", `${r.name} is deleted on its own: it bills`);
        }
    });

    it("no other step undoes anything on delete", () => {
        const withDelete = byType(run, COMMAND).filter((c) => c.inputs.delete !== undefined).map((c) => c.name).sort();
        assert.deepEqual(withDelete, ["workspace-ws-1-k3s-membership", "workspace-ws-2-k3s-membership"]);
    });
});

describe("WorkspaceNodes: the server", () => {
    it("once every agent is Ready, workspaces leave the server and it loses the workspace labels", () => {
        const labels = cmd("workspace-server-labels");
        assert.equal(labels.inputs.connection.host, FAKE_HOST);
        assert.ok(labels.inputs.create.includes("export DRAIN_MODE='\\''workspaces'\\''"));
        assert.ok(labels.inputs.create.includes("export NODE_NAME='\\''gitpod-dev-server'\\''"));
        assert.ok(labels.inputs.create.includes("export REMOVE_LABELS='\\''gitpod.io/workload_workspace_regular\ngitpod.io/workload_workspace_headless'\\''"));
        assert.deepEqual([...labels.dependencies].sort(), [cmd("workspace-ws-1-k3s-membership").urn, cmd("workspace-ws-2-k3s-membership").urn].sort());
        assert.equal(labels.inputs.delete, undefined, "scaling to 0 gives the labels back through the server's config.yaml");
    });
});
