import * as pulumi from "@pulumi/pulumi";
import * as inputs from "./types/input";
import * as outputs from "./types/output";
export declare class SecurityGroup extends pulumi.CustomResource {
    /**
     * Looks up an existing SecurityGroup by its provider ID and returns it with its current state.
     *
     * @param name Unique name of the resulting resource in this program.
     * @param id Provider ID of the resource to look up.
     * @param state Extra properties that qualify the lookup.
     * @param opts Resource options.
     */
    static get(name: string, id: pulumi.Input<pulumi.ID>, state?: SecurityGroupState, opts?: pulumi.CustomResourceOptions): SecurityGroup;
    /**
     * Whether `obj` is a SecurityGroup, also when several copies of this SDK are loaded in one process.
     */
    static isInstance(obj: any): obj is SecurityGroup;
    /**
     * Description of the security group.
     */
    readonly description: pulumi.Output<string | undefined>;
    /**
     * Name of the security group to be queried.
     */
    readonly name: pulumi.Output<string>;
    /**
     * Project ID of the security group.
     */
    readonly projectId: pulumi.Output<number>;
    readonly securityGroupId: pulumi.Output<string>;
    /**
     * Tags of the security group.
     */
    readonly tags: pulumi.Output<{
        [key: string]: string;
    } | undefined>;
    readonly timeouts: pulumi.Output<outputs.SecurityGroupTimeouts | undefined>;
    /**
     * Creates a SecurityGroup with the given unique name, arguments and options.
     *
     * @param name Unique name of the resource in this program.
     * @param args The resource's arguments.
     * @param opts Resource options.
     */
    constructor(name: string, args?: SecurityGroupArgs, opts?: pulumi.CustomResourceOptions);
}
/**
 * Input properties used for looking up and filtering SecurityGroup resources.
 */
export interface SecurityGroupState {
    /**
     * Description of the security group.
     */
    description?: pulumi.Input<string | undefined>;
    /**
     * Name of the security group to be queried.
     */
    name?: pulumi.Input<string | undefined>;
    /**
     * Project ID of the security group.
     */
    projectId?: pulumi.Input<number | undefined>;
    securityGroupId?: pulumi.Input<string | undefined>;
    /**
     * Tags of the security group.
     */
    tags?: pulumi.Input<{
        [key: string]: pulumi.Input<string>;
    } | undefined>;
    timeouts?: pulumi.Input<inputs.SecurityGroupTimeouts | undefined>;
}
/**
 * The set of arguments for constructing a SecurityGroup resource.
 */
export interface SecurityGroupArgs {
    /**
     * Description of the security group.
     */
    description?: pulumi.Input<string | undefined>;
    /**
     * Name of the security group to be queried.
     */
    name?: pulumi.Input<string | undefined>;
    /**
     * Project ID of the security group.
     */
    projectId?: pulumi.Input<number | undefined>;
    securityGroupId?: pulumi.Input<string | undefined>;
    /**
     * Tags of the security group.
     */
    tags?: pulumi.Input<{
        [key: string]: pulumi.Input<string>;
    } | undefined>;
    timeouts?: pulumi.Input<inputs.SecurityGroupTimeouts | undefined>;
}
