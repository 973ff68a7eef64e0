import * as pulumi from "@pulumi/pulumi";
import * as inputs from "./types/input";
import * as outputs from "./types/output";
export declare class SecurityGroupRuleSet extends pulumi.CustomResource {
    /**
     * Looks up an existing SecurityGroupRuleSet by its provider ID and returns it with its current state.
     *
     * @param name Unique name of the resulting resource in this program.
     * @param id Provider ID of the resource to look up.
     * @param state Extra properties that qualify the lookup.
     * @param opts Resource options.
     */
    static get(name: string, id: pulumi.Input<pulumi.ID>, state?: SecurityGroupRuleSetState, opts?: pulumi.CustomResourceOptions): SecurityGroupRuleSet;
    /**
     * Whether `obj` is a SecurityGroupRuleSet, also when several copies of this SDK are loaded in one process.
     */
    static isInstance(obj: any): obj is SecurityGroupRuleSet;
    /**
     * List of egress rule. NOTE: this block is ordered, the first rule has the highest priority.
     */
    readonly egresses: pulumi.Output<outputs.SecurityGroupRuleSetEgress[] | undefined>;
    /**
     * List of ingress rule. NOTE: this block is ordered, the first rule has the highest priority.
     */
    readonly ingresses: pulumi.Output<outputs.SecurityGroupRuleSetIngress[] | undefined>;
    /**
     * ID of the security group to be queried.
     */
    readonly securityGroupId: pulumi.Output<string>;
    readonly securityGroupRuleSetId: pulumi.Output<string>;
    /**
     * Security policies version, auto increment for every update.
     */
    readonly version: pulumi.Output<string>;
    /**
     * Creates a SecurityGroupRuleSet with the given unique name, arguments and options.
     *
     * @param name Unique name of the resource in this program.
     * @param args The resource's arguments.
     * @param opts Resource options.
     */
    constructor(name: string, args: SecurityGroupRuleSetArgs, opts?: pulumi.CustomResourceOptions);
}
/**
 * Input properties used for looking up and filtering SecurityGroupRuleSet resources.
 */
export interface SecurityGroupRuleSetState {
    /**
     * List of egress rule. NOTE: this block is ordered, the first rule has the highest priority.
     */
    egresses?: pulumi.Input<pulumi.Input<inputs.SecurityGroupRuleSetEgress>[] | undefined>;
    /**
     * List of ingress rule. NOTE: this block is ordered, the first rule has the highest priority.
     */
    ingresses?: pulumi.Input<pulumi.Input<inputs.SecurityGroupRuleSetIngress>[] | undefined>;
    /**
     * ID of the security group to be queried.
     */
    securityGroupId?: pulumi.Input<string | undefined>;
    securityGroupRuleSetId?: pulumi.Input<string | undefined>;
    /**
     * Security policies version, auto increment for every update.
     */
    version?: pulumi.Input<string | undefined>;
}
/**
 * The set of arguments for constructing a SecurityGroupRuleSet resource.
 */
export interface SecurityGroupRuleSetArgs {
    /**
     * List of egress rule. NOTE: this block is ordered, the first rule has the highest priority.
     */
    egresses?: pulumi.Input<pulumi.Input<inputs.SecurityGroupRuleSetEgress>[] | undefined>;
    /**
     * List of ingress rule. NOTE: this block is ordered, the first rule has the highest priority.
     */
    ingresses?: pulumi.Input<pulumi.Input<inputs.SecurityGroupRuleSetIngress>[] | undefined>;
    /**
     * ID of the security group to be queried.
     */
    securityGroupId: pulumi.Input<string>;
    securityGroupRuleSetId?: pulumi.Input<string | undefined>;
}
