/**
 * Pure decisions about workspace nodes (k3s agents): their names, whether the subnet has room
 * for them, whether an instance type has the memory Gitpod's preflight asks of workspace nodes,
 * and the node list the stack outputs.
 */
import { nodeHostname } from "./cvm";

/** Gitpod's KOTS preflight fails a workspace_regular/headless node with less than 16 GiB (kots-preflight.yaml @ 2022.11.3). */
export const WORKSPACE_MIN_MEMORY_GIB = 16;

/**
 * Addresses of a subnet no VM can take: the network address, the VPC router (the first host) and
 * the broadcast address, plus one more as a margin: the Tencent Cloud sources found do not list
 * the reservation, so this counts one address more than the usual rule.
 */
export const SUBNET_RESERVED_ADDRESSES = 4;

/** The role (and host-name suffix) of workspace node `index` (1-based): ws-1, ws-2, ... */
export function agentRole(index: number): string {
    return `ws-${index}`;
}

/** Host and Kubernetes node name of workspace node `index` of `stack`: gitpod-<stack>-ws-<index>. */
export function agentHostname(stack: string, index: number): string {
    return nodeHostname(stack, agentRole(index));
}

/** How many VMs an IPv4 subnet holds (`10.0.1.0/24` -> 252). */
export function subnetCapacity(cidr: string): number {
    const prefix = Number(cidr.split("/")[1]);
    return Math.max(0, 2 ** (32 - prefix) - SUBNET_RESERVED_ADDRESSES);
}

/**
 * Memory in GiB of a Tencent Cloud instance type, read from its name: `<family>.<size><GiB>`
 * (SA2.2XLARGE16 = 8 vCPU / 16 GiB, S5.LARGE8 = 4 vCPU / 8 GiB). undefined when the name does not
 * follow that scheme.
 */
export function instanceTypeMemoryGib(instanceType: string): number | undefined {
    const m = /^[A-Z0-9]+[a-z]?\.[0-9]*[A-Z]+(\d+)$/.exec(instanceType);
    return m ? Number(m[1]) : undefined;
}

export type NodeRole = "server" | "workspace";

/** One row of the `nodes` stack output. */
export interface ClusterNode {
    readonly name: string;
    readonly privateIp: string;
    readonly role: NodeRole;
}

/**
 * Whether the server's group admits node traffic from the subnet: while workspace nodes are
 * configured, and in the run after the last deployment still had some. Pulumi applies updates
 * before it deletes what left the program, so closing the ports in the run that removes the last
 * agents would cut them off before their drain (no backup of their workspaces); the next run
 * closes them.
 */
export function nodeTrafficOpen(workspaceNodes: number, previousNodes: readonly ClusterNode[] | undefined): boolean {
    return workspaceNodes > 0 || (previousNodes ?? []).some((n) => n.role === "workspace");
}
