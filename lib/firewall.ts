/** Inbound rules of a Gitpod node's security group, in evaluation order. */

/** The subnet every node lives in (components/network.ts), unless a caller gives another. */
export const DEFAULT_SUBNET_CIDR = "10.0.1.0/24";

export interface IngressRule {
    readonly action: "ACCEPT" | "DROP";
    readonly cidrBlock: string;
    readonly protocol: "TCP" | "UDP" | "ICMP" | "ALL";
    readonly port: string;
    readonly description: string;
}

/** Ports Gitpod serves to everyone: its proxy terminates TLS on 443 and redirects 80. */
export const PUBLIC_PORTS = ["80", "443"] as const;
/** Ports only admins reach: SSH (bootstrap, kots console tunnel) and the Kubernetes API. */
export const ADMIN_PORTS = ["22", "6443"] as const;

const DROP_REST: IngressRule = { action: "DROP", cidrBlock: "0.0.0.0/0", protocol: "ALL", port: "ALL", description: "nothing else inbound" };

/**
 * 80/443 from anywhere, 22/6443 from each admin CIDR, then `nodeRules` (workspace nodes
 * only), then an explicit DROP of everything else, so the group says what it means even if the
 * cloud's default changes. Rules between the VM and itself go over loopback and need no entry.
 */
export function ingressRules(adminCidrs: readonly string[], nodeRules: readonly IngressRule[] = []): IngressRule[] {
    const publicRules = PUBLIC_PORTS.map((port) => ({
        action: "ACCEPT" as const, cidrBlock: "0.0.0.0/0", protocol: "TCP" as const, port, description: `Gitpod ${port} from anywhere`,
    }));
    const adminRules = adminCidrs.flatMap((cidrBlock) =>
        ADMIN_PORTS.map((port) => ({
            action: "ACCEPT" as const, cidrBlock, protocol: "TCP" as const, port, description: `admin ${port} from ${cidrBlock}`,
        })),
    );
    return [...publicRules, ...adminRules, ...nodeRules, DROP_REST];
}

/**
 * What k3s v1.24 agents and the server exchange inside the subnet (k3s docs
 * `installation/requirements.md` "Inbound Rules"; Calico 3.26 requirements page): the k3s
 * supervisor and API on 6443 (agents -> server), the kubelet on 10250 (all <-> all, metrics-server
 * and logs/exec), Calico VXLAN on 4789/udp (the pool is VXLAN with BGP off: no 179, no IP-in-IP),
 * Typha on 5473 (hostNetwork, on whichever node the operator schedules it), and SSH for the
 * agents' bootstrap through the server (agents only). Calico sizes the VXLAN MTU itself, so no
 * ICMP rule is needed.
 * Flannel's 8472/51820 and etcd's 2379-2380 are unused here.
 */
export const NODE_PORTS = {
    server: [["TCP", "6443"], ["TCP", "10250"], ["UDP", "4789"], ["TCP", "5473"]],
    agent: [["TCP", "22"], ["TCP", "10250"], ["UDP", "4789"], ["TCP", "5473"]],
} as const;

/** The node-to-node rules for a `role`'s group: each port accepted from the subnet only. */
export function nodeRules(role: keyof typeof NODE_PORTS, subnetCidr: string): IngressRule[] {
    return NODE_PORTS[role].map(([protocol, port]) => ({
        action: "ACCEPT" as const, cidrBlock: subnetCidr, protocol, port, description: `cluster nodes ${protocol} ${port} from ${subnetCidr}`,
    }));
}

/** A workspace node's group: node-to-node traffic from the subnet, nothing else inbound. */
export function agentIngressRules(subnetCidr: string): IngressRule[] {
    return [...nodeRules("agent", subnetCidr), DROP_REST];
}
