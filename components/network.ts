import * as pulumi from "@pulumi/pulumi";
import * as tencentcloud from "@pulumi/tencentcloud";
import { DEFAULT_SUBNET_CIDR, ingressRules, nodeRules } from "../lib/firewall";

export interface NetworkArgs {
    /** Availability zone of the subnet (every node of the cluster lives in it). */
    readonly zone: string;
    /** Who may reach SSH (22) and the Kubernetes API (6443): never opened wider than this. */
    readonly adminCidrs: readonly string[];
    /** VPC range. Defaults to 10.0.0.0/16. */
    readonly vpcCidr?: string;
    /** Subnet range inside the VPC. Defaults to 10.0.1.0/24. */
    readonly subnetCidr?: string;
    /**
     * Let cluster nodes reach the server from inside the subnet (k3s, kubelet, Calico VXLAN and
     * Typha ports; lib/firewall.ts nodeRules): on while workspace nodes are configured, and for
     * the one run that drains the last of them (lib/workspaceNodes.ts nodeTrafficOpen).
     */
    readonly nodeTraffic?: pulumi.Input<boolean>;
    readonly tags?: Record<string, string>;
}

/**
 * The private network the Gitpod nodes live in: a VPC, one subnet in the zone, and a security
 * group whose ordered rule set lets web traffic (80, 443) in from anywhere, SSH and the
 * Kubernetes API only from `adminCidrs`, and drops everything else inbound. The kots admin
 * console is never exposed: it is reached through an SSH tunnel. Waits on nothing.
 */
export class Network extends pulumi.ComponentResource {
    readonly vpcId: pulumi.Output<string>;
    readonly subnetId: pulumi.Output<string>;
    readonly securityGroupId: pulumi.Output<string>;
    readonly subnetCidr: string;
    /** The ingress/egress rule set: SSH steps wait on it (`SshTarget.reachableAfter`), and so do joining nodes. */
    readonly firewall: tencentcloud.SecurityGroupRuleSet;

    constructor(name: string, args: NetworkArgs, opts?: pulumi.ComponentResourceOptions) {
        super("gitpod-tencent:cloud:Network", name, {}, opts);
        const tags = args.tags ?? {};
        this.subnetCidr = args.subnetCidr ?? DEFAULT_SUBNET_CIDR;
        const vpc = new tencentcloud.Vpc(`${name}-vpc`, { cidrBlock: args.vpcCidr ?? "10.0.0.0/16", tags }, { parent: this });
        const subnet = new tencentcloud.Subnet(
            `${name}-subnet`,
            { vpcId: vpc.id, availabilityZone: args.zone, cidrBlock: this.subnetCidr, tags },
            { parent: this },
        );
        const group = new tencentcloud.SecurityGroup(
            `${name}-sg`,
            { description: "Gitpod node: web from anywhere, SSH and Kubernetes API from admin CIDRs only", tags },
            { parent: this },
        );
        this.firewall = new tencentcloud.SecurityGroupRuleSet(
            `${name}-rules`,
            {
                securityGroupId: group.id,
                ingresses: pulumi.output(args.nodeTraffic ?? false).apply((open) => ingressRules(args.adminCidrs, open ? nodeRules("server", this.subnetCidr) : [])),
                egresses: [{ action: "ACCEPT", cidrBlock: "0.0.0.0/0", protocol: "ALL", port: "ALL", description: "all outbound" }],
            },
            { parent: this },
        );
        this.vpcId = vpc.id;
        this.subnetId = subnet.id;
        this.securityGroupId = group.id;
        this.registerOutputs({ vpcId: this.vpcId, subnetId: this.subnetId, securityGroupId: this.securityGroupId, firewall: this.firewall });
    }
}
