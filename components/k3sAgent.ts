/**
 * K3sAgent: one VM joined to the cluster as a k3s agent, and its way out.
 *
 * Owns, in order:
 *   1. host prep    scripts/host-prep.sh   on the agent (reached through the server: SSH jump)
 *   2. k3s install  scripts/k3s-install.sh on the agent, GT_K3S_ROLE=agent: config.yaml with the
 *                   server's private address, its own node-ip, name and labels; the cluster token
 *                   on stdin; waits (bounded) until the agent has joined
 *   3. membership   on the server: create waits until every node is Ready and Calico Available
 *                   (scripts/wait-cluster.sh); delete drains the node and deletes the Node
 *                   (scripts/node-drain.sh, mode remove) before the VM it depends on is deleted;
 *                   skipped when the server goes too (`pulumi destroy`: nothing to drain into)
 * Waits for: the VM (target, instance id, boot disk), the firewall rules (`target.reachableAfter`),
 * the server's k3s (`serverReady`); the membership also waits on Calico (`clusterReady`).
 *
 * The Kubernetes node name is `<hostname>-<8 hex of the boot disk key>`: a new or re-imaged VM
 * (fresh disk, new node password) joins as a new Node while the old one is drained and deleted by
 * the old membership's delete, instead of being refused by k3s for a name whose node-password
 * Secret belongs to the old disk.
 */
import * as command from "@pulumi/command";
import * as pulumi from "@pulumi/pulumi";
import { renderK3sAgentConfig, WORKSPACE_NODE_LABELS } from "../lib/k3sConfig";
import { RegistryMirrors, renderRegistriesYaml } from "../lib/registries";
import { scriptDigest } from "../lib/scripts";
import { bootstrapNode, freshDiskTriggers, NodeBootstrap } from "./k3sServer";
import { remoteScript, SshTarget } from "./remote";

export interface K3sAgentArgs {
    /** The agent VM: its private address, reached through the server (`jump`), after the firewall rules. */
    target: SshTarget;
    /** The agent VM's instance id. */
    instanceId: pulumi.Input<string>;
    /** CvmNode's `bootDisk`: a fresh disk re-runs every step, and names the Node. */
    bootDisk: pulumi.Input<string>;
    /** The VM's host name; the Node is `<hostname>-<8 hex of bootDisk>`. */
    hostname: string;
    /** The agent's private IPv4 address (its `node-ip`). */
    privateIp: pulumi.Input<string>;
    /**
     * The server: SSH target (kubectl runs there), private address, cluster token (secret), and
     * its VM: when that is deleted too (`pulumi destroy`), the drain is skipped (`deletedWith`).
     */
    server: { target: SshTarget; privateIp: pulumi.Input<string>; token: pulumi.Input<string>; vm: pulumi.Resource };
    /** K3sServer's `ready`: the API the agent joins answers. */
    serverReady: pulumi.Resource;
    /** Calico's `ready`: the membership waits for the node to be Ready, which needs the CNI. */
    clusterReady: pulumi.Resource;
    /** k3s release, the server's. */
    version: string;
    /** Download k3s from the China mirror. */
    mirror: boolean;
    /** containerd registry mirrors, the server's. */
    registryMirrors: RegistryMirrors;
    /** Node labels; default the workspace labels. */
    nodeLabels?: Record<string, string>;
    /** Bound of the drain when the agent is removed, seconds; default 900. */
    drainTimeoutSeconds?: number;
}

export class K3sAgent extends pulumi.ComponentResource {
    /** The Kubernetes node name. */
    readonly nodeName: pulumi.Output<string>;
    /** Host prep and install on the agent. */
    readonly node: NodeBootstrap;
    /** The agent joined and every node is Ready; its delete drains the agent. */
    readonly ready: command.remote.Command;

    constructor(name: string, args: K3sAgentArgs, opts?: pulumi.ComponentResourceOptions) {
        super("gitpod-tencent:cluster:K3sAgent", name, {}, opts);
        this.nodeName = pulumi.output(args.bootDisk).apply((disk) => `${args.hostname}-${scriptDigest(disk).slice(0, 8)}`);
        const configYaml = pulumi.all([args.server.privateIp, args.privateIp, this.nodeName]).apply(([serverIp, nodeIp, nodeName]) =>
            renderK3sAgentConfig({ version: args.version, serverIp, nodeIp, nodeName, nodeLabels: { ...(args.nodeLabels ?? WORKSPACE_NODE_LABELS) } }),
        );
        this.node = bootstrapNode(
            name,
            {
                target: args.target,
                instanceId: args.instanceId,
                bootDisk: args.bootDisk,
                installParams: {
                    GT_K3S_VERSION: args.version,
                    GT_K3S_CONFIG_YAML: configYaml,
                    GT_K3S_REGISTRIES_YAML: renderRegistriesYaml(args.registryMirrors),
                    GT_K3S_MIRROR: args.mirror ? "cn" : "",
                    GT_K3S_ROLE: "agent",
                },
                token: args.server.token,
                after: [args.serverReady],
            },
            this,
        );
        this.ready = remoteScript(
            `${name}-membership`,
            {
                target: args.server.target,
                script: "wait-cluster",
                triggers: freshDiskTriggers(args),
                onDelete: {
                    script: "node-drain",
                    params: { NODE_NAME: this.nodeName, DRAIN_MODE: "remove", DRAIN_TIMEOUT_SECONDS: String(args.drainTimeoutSeconds ?? 900) },
                },
            },
            { parent: this, dependsOn: [this.node.install, args.clusterReady], deletedWith: args.server.vm },
        );
        this.registerOutputs({ nodeName: this.nodeName, ready: this.ready });
    }
}
