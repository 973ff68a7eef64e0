/** Inbound rules of a Gitpod node's security group, in evaluation order. */

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

/**
 * 80/443 from anywhere, 22/6443 from each admin CIDR, then an explicit DROP of everything
 * else, so the group says what it means even if the cloud's default changes. Rules between
 * the VM and itself go over loopback and need no entry.
 */
export function ingressRules(adminCidrs: readonly string[]): IngressRule[] {
    const publicRules = PUBLIC_PORTS.map((port) => ({
        action: "ACCEPT" as const, cidrBlock: "0.0.0.0/0", protocol: "TCP" as const, port, description: `Gitpod ${port} from anywhere`,
    }));
    const adminRules = adminCidrs.flatMap((cidrBlock) =>
        ADMIN_PORTS.map((port) => ({
            action: "ACCEPT" as const, cidrBlock, protocol: "TCP" as const, port, description: `admin ${port} from ${cidrBlock}`,
        })),
    );
    const dropRest: IngressRule = { action: "DROP", cidrBlock: "0.0.0.0/0", protocol: "ALL", port: "ALL", description: "nothing else inbound" };
    return [...publicRules, ...adminRules, dropRest];
}
