import * as pulumi from "@pulumi/pulumi";
export declare class Subnet extends pulumi.CustomResource {
    /**
     * Looks up an existing Subnet by its provider ID and returns it with its current state.
     *
     * @param name Unique name of the resulting resource in this program.
     * @param id Provider ID of the resource to look up.
     * @param state Extra properties that qualify the lookup.
     * @param opts Resource options.
     */
    static get(name: string, id: pulumi.Input<pulumi.ID>, state?: SubnetState, opts?: pulumi.CustomResourceOptions): Subnet;
    /**
     * Whether `obj` is a Subnet, also when several copies of this SDK are loaded in one process.
     */
    static isInstance(obj: any): obj is Subnet;
    /**
     * The availability zone within which the subnet should be created.
     */
    readonly availabilityZone: pulumi.Output<string>;
    /**
     * The number of available IPs.
     */
    readonly availableIpCount: pulumi.Output<number>;
    /**
     * ID of CDC instance.
     */
    readonly cdcId: pulumi.Output<string | undefined>;
    /**
     * A network address block of the subnet.
     */
    readonly cidrBlock: pulumi.Output<string>;
    /**
     * Creation time of subnet resource.
     */
    readonly createTime: pulumi.Output<string>;
    /**
     * Indicates whether it is the default VPC for this region.
     */
    readonly isDefault: pulumi.Output<boolean>;
    /**
     * Indicates whether multicast is enabled. The default value is `false`. We recommend disabling these features if they are not applicable to your environment.
     */
    readonly isMulticast: pulumi.Output<boolean>;
    /**
     * The name of subnet to be created.
     */
    readonly name: pulumi.Output<string>;
    /**
     * ID of a routing table to which the subnet should be associated.
     */
    readonly routeTableId: pulumi.Output<string>;
    readonly subnetId: pulumi.Output<string>;
    /**
     * Tags of the subnet.
     */
    readonly tags: pulumi.Output<{
        [key: string]: string;
    } | undefined>;
    /**
     * ID of the VPC to be associated.
     */
    readonly vpcId: pulumi.Output<string>;
    /**
     * Creates a Subnet with the given unique name, arguments and options.
     *
     * @param name Unique name of the resource in this program.
     * @param args The resource's arguments.
     * @param opts Resource options.
     */
    constructor(name: string, args: SubnetArgs, opts?: pulumi.CustomResourceOptions);
}
/**
 * Input properties used for looking up and filtering Subnet resources.
 */
export interface SubnetState {
    /**
     * The availability zone within which the subnet should be created.
     */
    availabilityZone?: pulumi.Input<string | undefined>;
    /**
     * The number of available IPs.
     */
    availableIpCount?: pulumi.Input<number | undefined>;
    /**
     * ID of CDC instance.
     */
    cdcId?: pulumi.Input<string | undefined>;
    /**
     * A network address block of the subnet.
     */
    cidrBlock?: pulumi.Input<string | undefined>;
    /**
     * Creation time of subnet resource.
     */
    createTime?: pulumi.Input<string | undefined>;
    /**
     * Indicates whether it is the default VPC for this region.
     */
    isDefault?: pulumi.Input<boolean | undefined>;
    /**
     * Indicates whether multicast is enabled. The default value is `false`. We recommend disabling these features if they are not applicable to your environment.
     */
    isMulticast?: pulumi.Input<boolean | undefined>;
    /**
     * The name of subnet to be created.
     */
    name?: pulumi.Input<string | undefined>;
    /**
     * ID of a routing table to which the subnet should be associated.
     */
    routeTableId?: pulumi.Input<string | undefined>;
    subnetId?: pulumi.Input<string | undefined>;
    /**
     * Tags of the subnet.
     */
    tags?: pulumi.Input<{
        [key: string]: pulumi.Input<string>;
    } | undefined>;
    /**
     * ID of the VPC to be associated.
     */
    vpcId?: pulumi.Input<string | undefined>;
}
/**
 * The set of arguments for constructing a Subnet resource.
 */
export interface SubnetArgs {
    /**
     * The availability zone within which the subnet should be created.
     */
    availabilityZone: pulumi.Input<string>;
    /**
     * ID of CDC instance.
     */
    cdcId?: pulumi.Input<string | undefined>;
    /**
     * A network address block of the subnet.
     */
    cidrBlock: pulumi.Input<string>;
    /**
     * Indicates whether multicast is enabled. The default value is `false`. We recommend disabling these features if they are not applicable to your environment.
     */
    isMulticast?: pulumi.Input<boolean | undefined>;
    /**
     * The name of subnet to be created.
     */
    name?: pulumi.Input<string | undefined>;
    /**
     * ID of a routing table to which the subnet should be associated.
     */
    routeTableId?: pulumi.Input<string | undefined>;
    subnetId?: pulumi.Input<string | undefined>;
    /**
     * Tags of the subnet.
     */
    tags?: pulumi.Input<{
        [key: string]: pulumi.Input<string>;
    } | undefined>;
    /**
     * ID of the VPC to be associated.
     */
    vpcId: pulumi.Input<string>;
}
