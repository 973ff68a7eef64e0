import { describe, it } from "node:test";
import assert from "node:assert/strict";
import YAML from "yaml";
import { checkInstanceTypeOffered } from "../../lib/cvm";
import { agentIngressRules, ingressRules, nodeRules } from "../../lib/firewall";
import { GITPOD_NODE_LABELS, renderK3sAgentConfig, serverNodeLabels, type K3sAgentConfigOptions } from "../../lib/k3sConfig";
import { agentHostname, instanceTypeMemoryGib, nodeTrafficOpen, subnetCapacity } from "../../lib/workspaceNodes";

const agent: K3sAgentConfigOptions = {
    version: "v1.24.13+k3s1",
    serverIp: "10.0.1.10",
    nodeIp: "10.0.1.11",
    nodeName: "gitpod-dev-ws-1-ins-0001",
    nodeLabels: { "gitpod.io/workload_workspace_regular": "true", "gitpod.io/workload_workspace_headless": "true" },
};

describe("workspace node labels", () => {
    it("a single node carries every Gitpod label", () => {
        assert.deepEqual(serverNodeLabels(0), GITPOD_NODE_LABELS);
    });

    it("with workspace nodes the server keeps meta, ide and (workspace) services, and alone serves the LoadBalancer", () => {
        assert.deepEqual(serverNodeLabels(2), {
            "gitpod.io/workload_meta": "true",
            "gitpod.io/workload_ide": "true",
            "gitpod.io/workload_services": "true",
            "gitpod.io/workload_workspace_services": "true",
            "svccontroller.k3s.cattle.io/enablelb": "true",
        });
    });
});

describe("renderK3sAgentConfig", () => {
    it("joins the server's private address with the token file, its own node-ip, name and the workspace labels", () => {
        const doc = YAML.parse(renderK3sAgentConfig(agent));
        assert.deepEqual(doc, {
            server: "https://10.0.1.10:6443",
            "token-file": "/etc/rancher/k3s/cluster-token",
            "node-ip": "10.0.1.11",
            "node-name": "gitpod-dev-ws-1-ins-0001",
            "node-label": ["gitpod.io/workload_workspace_headless=true", "gitpod.io/workload_workspace_regular=true"],
        });
    });

    it("holds no server-only setting (flannel, CIDRs, tls-san are the server's)", () => {
        const text = renderK3sAgentConfig(agent);
        for (const key of ["flannel-backend", "cluster-cidr", "service-cidr", "tls-san", "disable", "token:"]) {
            assert.ok(!text.includes(key), key);
        }
        assert.match(text, /^# Written by gitpod-tencent for the k3s v1\.24\.13\+k3s1 agent/);
    });

    it("refuses bad addresses, names and labels, all at once", () => {
        assert.throws(
            () => renderK3sAgentConfig({ ...agent, serverIp: "gitpod.example.com", nodeIp: "10.0.1", nodeName: "WS_1", nodeLabels: { "bad key!": "true" } }),
            (e: Error) =>
                /serverIp: "gitpod\.example\.com" is not an IPv4 address/.test(e.message) &&
                /nodeIp: "10\.0\.1" is not an IPv4 address/.test(e.message) &&
                /nodeName: "WS_1" is not a lower-case DNS name/.test(e.message) &&
                /key "bad key!"/.test(e.message),
        );
    });
});

describe("node-to-node firewall rules", () => {
    it("the server admits the k3s API/supervisor, kubelet, VXLAN and Typha from the subnet only", () => {
        assert.deepEqual(
            nodeRules("server", "10.0.1.0/24").map((r) => `${r.action} ${r.protocol} ${r.port} ${r.cidrBlock}`),
            ["ACCEPT TCP 6443 10.0.1.0/24", "ACCEPT TCP 10250 10.0.1.0/24", "ACCEPT UDP 4789 10.0.1.0/24", "ACCEPT TCP 5473 10.0.1.0/24"],
        );
    });

    it("they go before the final DROP, after today's rules, which stay as they were", () => {
        const today = ingressRules(["203.0.113.7/32"]);
        const withNodes = ingressRules(["203.0.113.7/32"], nodeRules("server", "10.0.1.0/24"));
        assert.deepEqual(withNodes.slice(0, today.length - 1), today.slice(0, -1));
        assert.deepEqual(withNodes.at(-1), today.at(-1));
        assert.equal(withNodes.length, today.length + 4);
    });

    it("an agent admits SSH (through the server), kubelet, VXLAN and Typha from the subnet, and drops the rest: no web, no admin CIDR", () => {
        const rules = agentIngressRules("10.0.1.0/24");
        assert.deepEqual(
            rules.map((r) => `${r.action} ${r.protocol} ${r.port} ${r.cidrBlock}`),
            ["ACCEPT TCP 22 10.0.1.0/24", "ACCEPT TCP 10250 10.0.1.0/24", "ACCEPT UDP 4789 10.0.1.0/24", "ACCEPT TCP 5473 10.0.1.0/24", "DROP ALL ALL 0.0.0.0/0"],
        );
    });

    it("no node rule speaks BGP (179) or IP-in-IP: the Calico pool is VXLAN with BGP off", () => {
        for (const r of [...nodeRules("server", "10.0.1.0/24"), ...nodeRules("agent", "10.0.1.0/24")]) {
            assert.notEqual(r.port, "179");
            assert.notEqual(r.protocol, "ALL");
        }
    });
});

describe("workspace node names and limits", () => {
    it("host names follow the server's scheme, numbered from 1", () => {
        assert.equal(agentHostname("dev", 1), "gitpod-dev-ws-1");
        assert.equal(agentHostname("Prod_EU", 12), "gitpod-prod-eu-ws-12");
    });

    it("a subnet's room for VMs leaves out the reserved addresses", () => {
        assert.equal(subnetCapacity("10.0.1.0/24"), 252);
        assert.equal(subnetCapacity("10.0.1.0/28"), 12);
        assert.equal(subnetCapacity("10.0.1.0/30"), 0);
    });

    it("reads an instance type's memory from its name", () => {
        assert.equal(instanceTypeMemoryGib("SA2.2XLARGE16"), 16);
        assert.equal(instanceTypeMemoryGib("S5.LARGE8"), 8);
        assert.equal(instanceTypeMemoryGib("SA3.4XLARGE32"), 32);
        assert.equal(instanceTypeMemoryGib("S5.MEDIUM4"), 4);
        assert.equal(instanceTypeMemoryGib("GN7.5XLARGE80"), 80);
        assert.equal(instanceTypeMemoryGib("big-one"), undefined);
    });
});

describe("a workspace node's type that is not sold", () => {
    it("names the key that chose it, workspaceInstanceType", () => {
        assert.deepEqual(checkInstanceTypeOffered("SA3.4XLARGE32", "ap-singapore-2", [], [], "workspaceInstanceType"), {
            problem: "gitpod-tencent:workspaceInstanceType: SA3.4XLARGE32 is not available pay-as-you-go in ap-singapore-2 (sold out or not offered); it is sold nowhere in this region now: pick another workspaceInstanceType or region",
        });
    });
});

describe("the server's node ports", () => {
    const server = { name: "gitpod-dev-server", privateIp: "10.0.1.10", role: "server" as const };
    const agent = { name: "gitpod-dev-ws-1-65e1eaf6", privateIp: "10.0.1.21", role: "workspace" as const };

    it("are open while workspace nodes are configured", () => {
        assert.equal(nodeTrafficOpen(2, undefined), true);
        assert.equal(nodeTrafficOpen(1, [server]), true);
    });

    it("stay open in the run that removes the last agents (they are drained after the updates), then close", () => {
        assert.equal(nodeTrafficOpen(0, [server, agent]), true);
        assert.equal(nodeTrafficOpen(0, [server]), false);
    });

    it("stay closed on a stack that never had workspace nodes, new or from before the nodes output", () => {
        assert.equal(nodeTrafficOpen(0, undefined), false);
        assert.equal(nodeTrafficOpen(0, []), false);
    });
});
