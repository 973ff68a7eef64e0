import * as pulumi from "@pulumi/pulumi";
export declare class EipAssociation extends pulumi.CustomResource {
    /**
     * Looks up an existing EipAssociation by its provider ID and returns it with its current state.
     *
     * @param name Unique name of the resulting resource in this program.
     * @param id Provider ID of the resource to look up.
     * @param state Extra properties that qualify the lookup.
     * @param opts Resource options.
     */
    static get(name: string, id: pulumi.Input<pulumi.ID>, state?: EipAssociationState, opts?: pulumi.CustomResourceOptions): EipAssociation;
    /**
     * Whether `obj` is a EipAssociation, also when several copies of this SDK are loaded in one process.
     */
    static isInstance(obj: any): obj is EipAssociation;
    /**
     * ID of the dedicated cluster.
     */
    readonly cdcId: pulumi.Output<string>;
    readonly eipAssociationId: pulumi.Output<string>;
    /**
     * The ID of EIP.
     */
    readonly eipId: pulumi.Output<string>;
    /**
     * The ID of the target resource to associate with the Elastic IP (EIP). Supported targets include a CVM instance, SaaS WAF instance, CLB instance, or a VPC endpoint.
     * Limitation (GWLB VPC endpoint): Only an EIP in the bound state can be associated with a GWLB-type VPC endpoint through this field, enabling more advanced networking scenarios.
     * Mutual exclusivity: This field conflicts with `network_interface_id` and `private_ip`. Only one association target can be specified per request.
     */
    readonly instanceId: pulumi.Output<string>;
    /**
     * Indicates the network interface id like `eni-xxxxxx`. This field is conflict with `instance_id`.
     */
    readonly networkInterfaceId: pulumi.Output<string>;
    /**
     * Indicates an IP belongs to the `network_interface_id`. This field is conflict with `instance_id`.
     */
    readonly privateIp: pulumi.Output<string>;
    /**
     * Creates a EipAssociation with the given unique name, arguments and options.
     *
     * @param name Unique name of the resource in this program.
     * @param args The resource's arguments.
     * @param opts Resource options.
     */
    constructor(name: string, args: EipAssociationArgs, opts?: pulumi.CustomResourceOptions);
}
/**
 * Input properties used for looking up and filtering EipAssociation resources.
 */
export interface EipAssociationState {
    /**
     * ID of the dedicated cluster.
     */
    cdcId?: pulumi.Input<string | undefined>;
    eipAssociationId?: pulumi.Input<string | undefined>;
    /**
     * The ID of EIP.
     */
    eipId?: pulumi.Input<string | undefined>;
    /**
     * The ID of the target resource to associate with the Elastic IP (EIP). Supported targets include a CVM instance, SaaS WAF instance, CLB instance, or a VPC endpoint.
     * Limitation (GWLB VPC endpoint): Only an EIP in the bound state can be associated with a GWLB-type VPC endpoint through this field, enabling more advanced networking scenarios.
     * Mutual exclusivity: This field conflicts with `network_interface_id` and `private_ip`. Only one association target can be specified per request.
     */
    instanceId?: pulumi.Input<string | undefined>;
    /**
     * Indicates the network interface id like `eni-xxxxxx`. This field is conflict with `instance_id`.
     */
    networkInterfaceId?: pulumi.Input<string | undefined>;
    /**
     * Indicates an IP belongs to the `network_interface_id`. This field is conflict with `instance_id`.
     */
    privateIp?: pulumi.Input<string | undefined>;
}
/**
 * The set of arguments for constructing a EipAssociation resource.
 */
export interface EipAssociationArgs {
    eipAssociationId?: pulumi.Input<string | undefined>;
    /**
     * The ID of EIP.
     */
    eipId: pulumi.Input<string>;
    /**
     * The ID of the target resource to associate with the Elastic IP (EIP). Supported targets include a CVM instance, SaaS WAF instance, CLB instance, or a VPC endpoint.
     * Limitation (GWLB VPC endpoint): Only an EIP in the bound state can be associated with a GWLB-type VPC endpoint through this field, enabling more advanced networking scenarios.
     * Mutual exclusivity: This field conflicts with `network_interface_id` and `private_ip`. Only one association target can be specified per request.
     */
    instanceId?: pulumi.Input<string | undefined>;
    /**
     * Indicates the network interface id like `eni-xxxxxx`. This field is conflict with `instance_id`.
     */
    networkInterfaceId?: pulumi.Input<string | undefined>;
    /**
     * Indicates an IP belongs to the `network_interface_id`. This field is conflict with `instance_id`.
     */
    privateIp?: pulumi.Input<string | undefined>;
}
