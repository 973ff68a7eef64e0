/**
 * WorkspaceNodes: `count` more VMs in the server's subnet that run Gitpod's workspaces as k3s
 * agents, so a growing team adds room without rebuilding.
 *
 * Owns:
 *   - the agents' security group: node-to-node ports from the subnet only (lib/firewall.ts
 *     agentIngressRules), everything else inbound dropped. Agents keep their own public IP for
 *     image pulls (egress), with no inbound rule from outside the subnet;
 *   - per agent (ws-1 .. ws-<count>): a CvmNode and a K3sAgent (bootstrap through the server as
 *     SSH jump host; drained and deleted from the cluster before its VM goes);
 *   - on the server, once every agent is Ready: workspace pods still on the server are drained
 *     (their grace period lets ws-daemon back them up) and the workspace labels are taken off it
 *     (scripts/node-drain.sh, mode workspaces). The server's config.yaml loses those labels too
 *     (index.ts passes serverNodeLabels to K3sServer): k3s re-adds config labels on every start.
 * Waits for: the network (and the server group's rules, which must admit the agents), the
 * server's k3s (`serverReady`), Calico (`clusterReady`).
 */
import * as command from "@pulumi/command";
import * as pulumi from "@pulumi/pulumi";
import * as tencentcloud from "@pulumi/tencentcloud";
import { agentIngressRules } from "../lib/firewall";
import { WORKSPACE_NODE_LABELS } from "../lib/k3sConfig";
import { RegistryMirrors } from "../lib/registries";
import { agentHostname, agentRole, ClusterNode } from "../lib/workspaceNodes";
import { CvmNode, CvmNodeArgs } from "./cvmNode";
import { K3sAgent } from "./k3sAgent";
import { remoteScript, SshTarget } from "./remote";

export interface WorkspaceNodesArgs {
    /** How many agents (config `workspaceNodes`, at least 1: with 0 there is no such stage). */
    readonly count: number;
    /** Stack name: host names are gitpod-<stack>-ws-<n>. */
    readonly stack: string;
    /**
     * Each agent's VM: the server's settings with `workspaceInstanceType` (at least 16 GiB, Gitpod's
     * preflight) and `workspaceDiskSize` (workspaces, their images and backups in flight live there).
     */
    readonly vm: Omit<CvmNodeArgs, "securityGroupId" | "hostname" | "tags">;
    /** The subnet's range: the only source the agents' group admits. */
    readonly subnetCidr: string;
    /** The server group's rules (Network's `firewall`, which admits the agents): agent steps wait on them. */
    readonly serverFirewall: pulumi.Resource;
    /** The server: SSH target (public), private address, Kubernetes node name, cluster token, VM. */
    readonly server: { target: SshTarget; privateIp: pulumi.Input<string>; nodeName: string; token: pulumi.Input<string>; vm: pulumi.Resource };
    /** K3sServer's `ready`. */
    readonly serverReady: pulumi.Resource;
    /** Calico's `ready`. */
    readonly clusterReady: pulumi.Resource;
    readonly k3sVersion: string;
    readonly k3sMirror: boolean;
    readonly registryMirrors: RegistryMirrors;
    readonly tags?: Record<string, string>;
}

/** One agent, for the stages that run something on every node (image preflight, pre-pull). */
export interface WorkspaceNode {
    readonly role: string;
    readonly target: SshTarget;
    readonly privateIp: pulumi.Output<string>;
    readonly nodeName: pulumi.Output<string>;
    /** The agent's k3s install (its containerd and registries.yaml are in place). */
    readonly installed: command.remote.Command;
}

export class WorkspaceNodes extends pulumi.ComponentResource {
    readonly nodes: readonly WorkspaceNode[];
    /** Every agent Ready and the server free of workspaces: the Gitpod install waits on this. */
    readonly ready: command.remote.Command;
    /** name, private IP and role of each agent. */
    readonly list: pulumi.Output<ClusterNode[]>;

    constructor(name: string, args: WorkspaceNodesArgs, opts?: pulumi.ComponentResourceOptions) {
        super("gitpod-tencent:cluster:WorkspaceNodes", name, {}, opts);
        const group = this.agentSecurityGroup(name, args);
        const agents = Array.from({ length: args.count }, (_, i) => this.agent(name, i + 1, args, group));
        this.nodes = agents;
        this.ready = remoteScript(
            `${name}-server-labels`,
            {
                target: args.server.target,
                script: "node-drain",
                params: {
                    NODE_NAME: args.server.nodeName,
                    DRAIN_MODE: "workspaces",
                    REMOVE_LABELS: Object.keys(WORKSPACE_NODE_LABELS).join("\n"),
                },
            },
            { parent: this, dependsOn: agents.map((a) => a.membership) },
        );
        this.list = pulumi.all(agents.map((a) => pulumi.all([a.nodeName, a.privateIp]))).apply((rows) =>
            rows.map(([nodeName, privateIp]) => ({ name: nodeName, privateIp, role: "workspace" as const })),
        );
        this.registerOutputs({ ready: this.ready, list: this.list });
    }

    /** The agents' group: node traffic from the subnet, SSH only from the server's subnet, nothing else in. */
    private agentSecurityGroup(name: string, args: WorkspaceNodesArgs): { id: pulumi.Output<string>; rules: tencentcloud.SecurityGroupRuleSet } {
        const tags = args.tags ?? {};
        const group = new tencentcloud.SecurityGroup(
            `${name}-sg`,
            { description: "Gitpod workspace nodes: cluster traffic from the subnet only, nothing from outside", tags },
            { parent: this },
        );
        const rules = new tencentcloud.SecurityGroupRuleSet(
            `${name}-rules`,
            {
                securityGroupId: group.id,
                ingresses: agentIngressRules(args.subnetCidr),
                egresses: [{ action: "ACCEPT", cidrBlock: "0.0.0.0/0", protocol: "ALL", port: "ALL", description: "all outbound (image pulls)" }],
            },
            { parent: this },
        );
        return { id: group.id, rules };
    }

    private agent(name: string, index: number, args: WorkspaceNodesArgs, group: { id: pulumi.Output<string>; rules: tencentcloud.SecurityGroupRuleSet }): WorkspaceNode & { membership: command.remote.Command } {
        const role = agentRole(index);
        const hostname = agentHostname(args.stack, index);
        const vm = new CvmNode(
            `${name}-${role}`,
            { ...args.vm, securityGroupId: group.id, hostname, tags: { ...args.tags, "gitpod-tencent-role": "workspace" } },
            { parent: this },
        );
        const target: SshTarget = {
            host: vm.privateIp,
            privateKey: args.server.target.privateKey,
            jump: args.server.target,
            reachableAfter: [args.serverFirewall, group.rules],
        };
        const agent = new K3sAgent(
            `${name}-${role}-k3s`,
            {
                target,
                instanceId: vm.instanceId,
                bootDisk: vm.bootDisk,
                hostname,
                privateIp: vm.privateIp,
                server: args.server,
                serverReady: args.serverReady,
                clusterReady: args.clusterReady,
                version: args.k3sVersion,
                mirror: args.k3sMirror,
                registryMirrors: args.registryMirrors,
            },
            { parent: this },
        );
        return { role, target, privateIp: vm.privateIp, nodeName: agent.nodeName, installed: agent.node.install, membership: agent.ready };
    }
}
