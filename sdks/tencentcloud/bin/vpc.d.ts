import * as pulumi from "@pulumi/pulumi";
export declare class Vpc extends pulumi.CustomResource {
    /**
     * Looks up an existing Vpc by its provider ID and returns it with its current state.
     *
     * @param name Unique name of the resulting resource in this program.
     * @param id Provider ID of the resource to look up.
     * @param state Extra properties that qualify the lookup.
     * @param opts Resource options.
     */
    static get(name: string, id: pulumi.Input<pulumi.ID>, state?: VpcState, opts?: pulumi.CustomResourceOptions): Vpc;
    /**
     * Whether `obj` is a Vpc, also when several copies of this SDK are loaded in one process.
     */
    static isInstance(obj: any): obj is Vpc;
    /**
     * List of Assistant CIDR, NOTE: Only `NORMAL` typed CIDRs included, check the Docker CIDR by readonly `assistant_docker_cidrs`.
     */
    readonly assistantCidrs: pulumi.Output<string[]>;
    /**
     * A network address block which should be a subnet of the three internal network segments (10.0.0.0/16, 172.16.0.0/12 and 192.168.0.0/16).
     */
    readonly cidrBlock: pulumi.Output<string>;
    /**
     * Creation time of VPC.
     */
    readonly createTime: pulumi.Output<string>;
    /**
     * Default route table id, which created automatically after VPC create.
     */
    readonly defaultRouteTableId: pulumi.Output<string>;
    /**
     * The DNS server list of the VPC. And you can specify 0 to 5 servers to this list.
     */
    readonly dnsServers: pulumi.Output<string[]>;
    /**
     * List of Docker Assistant CIDR.
     */
    readonly dockerAssistantCidrs: pulumi.Output<string[]>;
    /**
     * Vpc association with CCN route publish policy. true: enables cidr route publishing. false: enables subnet route publishing. default is subnet route publishing when creating a vpc. to select cidr route publishing, submit a ticket for adding to allowlist.
     */
    readonly enableRouteVpcPublish: pulumi.Output<boolean>;
    /**
     * Vpc association with CCN IPV6 route publish policy. true: enables cidr route publishing. false: enables subnet route publishing. default is subnet route publishing when creating a vpc. to select cidr route publishing, submit a ticket for adding to allowlist.
     */
    readonly enableRouteVpcPublishIpv6: pulumi.Output<boolean>;
    /**
     * Indicates whether it is the default VPC for this region.
     */
    readonly isDefault: pulumi.Output<boolean>;
    /**
     * Indicates whether VPC multicast is enabled. The default value is `false`. Multicast are whitelist-restricted. We recommend disabling these features if they are not applicable to your environment.
     */
    readonly isMulticast: pulumi.Output<boolean>;
    /**
     * The name of the VPC.
     */
    readonly name: pulumi.Output<string>;
    /**
     * Tags of the VPC.
     */
    readonly tags: pulumi.Output<{
        [key: string]: string;
    } | undefined>;
    readonly vpcId: pulumi.Output<string>;
    /**
     * Creates a Vpc with the given unique name, arguments and options.
     *
     * @param name Unique name of the resource in this program.
     * @param args The resource's arguments.
     * @param opts Resource options.
     */
    constructor(name: string, args: VpcArgs, opts?: pulumi.CustomResourceOptions);
}
/**
 * Input properties used for looking up and filtering Vpc resources.
 */
export interface VpcState {
    /**
     * List of Assistant CIDR, NOTE: Only `NORMAL` typed CIDRs included, check the Docker CIDR by readonly `assistant_docker_cidrs`.
     */
    assistantCidrs?: pulumi.Input<pulumi.Input<string>[] | undefined>;
    /**
     * A network address block which should be a subnet of the three internal network segments (10.0.0.0/16, 172.16.0.0/12 and 192.168.0.0/16).
     */
    cidrBlock?: pulumi.Input<string | undefined>;
    /**
     * Creation time of VPC.
     */
    createTime?: pulumi.Input<string | undefined>;
    /**
     * Default route table id, which created automatically after VPC create.
     */
    defaultRouteTableId?: pulumi.Input<string | undefined>;
    /**
     * The DNS server list of the VPC. And you can specify 0 to 5 servers to this list.
     */
    dnsServers?: pulumi.Input<pulumi.Input<string>[] | undefined>;
    /**
     * List of Docker Assistant CIDR.
     */
    dockerAssistantCidrs?: pulumi.Input<pulumi.Input<string>[] | undefined>;
    /**
     * Vpc association with CCN route publish policy. true: enables cidr route publishing. false: enables subnet route publishing. default is subnet route publishing when creating a vpc. to select cidr route publishing, submit a ticket for adding to allowlist.
     */
    enableRouteVpcPublish?: pulumi.Input<boolean | undefined>;
    /**
     * Vpc association with CCN IPV6 route publish policy. true: enables cidr route publishing. false: enables subnet route publishing. default is subnet route publishing when creating a vpc. to select cidr route publishing, submit a ticket for adding to allowlist.
     */
    enableRouteVpcPublishIpv6?: pulumi.Input<boolean | undefined>;
    /**
     * Indicates whether it is the default VPC for this region.
     */
    isDefault?: pulumi.Input<boolean | undefined>;
    /**
     * Indicates whether VPC multicast is enabled. The default value is `false`. Multicast are whitelist-restricted. We recommend disabling these features if they are not applicable to your environment.
     */
    isMulticast?: pulumi.Input<boolean | undefined>;
    /**
     * The name of the VPC.
     */
    name?: pulumi.Input<string | undefined>;
    /**
     * Tags of the VPC.
     */
    tags?: pulumi.Input<{
        [key: string]: pulumi.Input<string>;
    } | undefined>;
    vpcId?: pulumi.Input<string | undefined>;
}
/**
 * The set of arguments for constructing a Vpc resource.
 */
export interface VpcArgs {
    /**
     * List of Assistant CIDR, NOTE: Only `NORMAL` typed CIDRs included, check the Docker CIDR by readonly `assistant_docker_cidrs`.
     */
    assistantCidrs?: pulumi.Input<pulumi.Input<string>[] | undefined>;
    /**
     * A network address block which should be a subnet of the three internal network segments (10.0.0.0/16, 172.16.0.0/12 and 192.168.0.0/16).
     */
    cidrBlock: pulumi.Input<string>;
    /**
     * The DNS server list of the VPC. And you can specify 0 to 5 servers to this list.
     */
    dnsServers?: pulumi.Input<pulumi.Input<string>[] | undefined>;
    /**
     * Vpc association with CCN route publish policy. true: enables cidr route publishing. false: enables subnet route publishing. default is subnet route publishing when creating a vpc. to select cidr route publishing, submit a ticket for adding to allowlist.
     */
    enableRouteVpcPublish?: pulumi.Input<boolean | undefined>;
    /**
     * Vpc association with CCN IPV6 route publish policy. true: enables cidr route publishing. false: enables subnet route publishing. default is subnet route publishing when creating a vpc. to select cidr route publishing, submit a ticket for adding to allowlist.
     */
    enableRouteVpcPublishIpv6?: pulumi.Input<boolean | undefined>;
    /**
     * Indicates whether VPC multicast is enabled. The default value is `false`. Multicast are whitelist-restricted. We recommend disabling these features if they are not applicable to your environment.
     */
    isMulticast?: pulumi.Input<boolean | undefined>;
    /**
     * The name of the VPC.
     */
    name?: pulumi.Input<string | undefined>;
    /**
     * Tags of the VPC.
     */
    tags?: pulumi.Input<{
        [key: string]: pulumi.Input<string>;
    } | undefined>;
    vpcId?: pulumi.Input<string | undefined>;
}
