import * as pulumi from "@pulumi/pulumi";
export declare class SecurityGroupLiteRule extends pulumi.CustomResource {
    /**
     * Looks up an existing SecurityGroupLiteRule by its provider ID and returns it with its current state.
     *
     * @param name Unique name of the resulting resource in this program.
     * @param id Provider ID of the resource to look up.
     * @param state Extra properties that qualify the lookup.
     * @param opts Resource options.
     */
    static get(name: string, id: pulumi.Input<pulumi.ID>, state?: SecurityGroupLiteRuleState, opts?: pulumi.CustomResourceOptions): SecurityGroupLiteRule;
    /**
     * Whether `obj` is a SecurityGroupLiteRule, also when several copies of this SDK are loaded in one process.
     */
    static isInstance(obj: any): obj is SecurityGroupLiteRule;
    /**
     * Egress rules set. A rule must match the following format: [action]#[source]#[port]#[protocol]. The available value of 'action' is `ACCEPT` and `DROP`. The 'source' can be an IP address network, segment, security group ID and Address Template ID. The 'port' valid format is `80`, `80,443`, `80-90` or `ALL`. The available value of 'protocol' is `TCP`, `UDP`, `ICMP`, `ALL` and `ppm(g?)-xxxxxxxx`. When 'protocol' is `ICMP` or `ALL`, the 'port' must be `ALL`.
     */
    readonly egresses: pulumi.Output<string[] | undefined>;
    /**
     * Ingress rules set. A rule must match the following format: [action]#[source]#[port]#[protocol]. The available value of 'action' is `ACCEPT` and `DROP`. The 'source' can be an IP address network, segment, security group ID and Address Template ID. The 'port' valid format is `80`, `80,443`, `80-90` or `ALL`. The available value of 'protocol' is `TCP`, `UDP`, `ICMP`, `ALL` and `ppm(g?)-xxxxxxxx`. When 'protocol' is `ICMP` or `ALL`, the 'port' must be `ALL`.
     */
    readonly ingresses: pulumi.Output<string[] | undefined>;
    /**
     * ID of the security group.
     */
    readonly securityGroupId: pulumi.Output<string>;
    readonly securityGroupLiteRuleId: pulumi.Output<string>;
    /**
     * Creates a SecurityGroupLiteRule with the given unique name, arguments and options.
     *
     * @param name Unique name of the resource in this program.
     * @param args The resource's arguments.
     * @param opts Resource options.
     */
    constructor(name: string, args: SecurityGroupLiteRuleArgs, opts?: pulumi.CustomResourceOptions);
}
/**
 * Input properties used for looking up and filtering SecurityGroupLiteRule resources.
 */
export interface SecurityGroupLiteRuleState {
    /**
     * Egress rules set. A rule must match the following format: [action]#[source]#[port]#[protocol]. The available value of 'action' is `ACCEPT` and `DROP`. The 'source' can be an IP address network, segment, security group ID and Address Template ID. The 'port' valid format is `80`, `80,443`, `80-90` or `ALL`. The available value of 'protocol' is `TCP`, `UDP`, `ICMP`, `ALL` and `ppm(g?)-xxxxxxxx`. When 'protocol' is `ICMP` or `ALL`, the 'port' must be `ALL`.
     */
    egresses?: pulumi.Input<pulumi.Input<string>[] | undefined>;
    /**
     * Ingress rules set. A rule must match the following format: [action]#[source]#[port]#[protocol]. The available value of 'action' is `ACCEPT` and `DROP`. The 'source' can be an IP address network, segment, security group ID and Address Template ID. The 'port' valid format is `80`, `80,443`, `80-90` or `ALL`. The available value of 'protocol' is `TCP`, `UDP`, `ICMP`, `ALL` and `ppm(g?)-xxxxxxxx`. When 'protocol' is `ICMP` or `ALL`, the 'port' must be `ALL`.
     */
    ingresses?: pulumi.Input<pulumi.Input<string>[] | undefined>;
    /**
     * ID of the security group.
     */
    securityGroupId?: pulumi.Input<string | undefined>;
    securityGroupLiteRuleId?: pulumi.Input<string | undefined>;
}
/**
 * The set of arguments for constructing a SecurityGroupLiteRule resource.
 */
export interface SecurityGroupLiteRuleArgs {
    /**
     * Egress rules set. A rule must match the following format: [action]#[source]#[port]#[protocol]. The available value of 'action' is `ACCEPT` and `DROP`. The 'source' can be an IP address network, segment, security group ID and Address Template ID. The 'port' valid format is `80`, `80,443`, `80-90` or `ALL`. The available value of 'protocol' is `TCP`, `UDP`, `ICMP`, `ALL` and `ppm(g?)-xxxxxxxx`. When 'protocol' is `ICMP` or `ALL`, the 'port' must be `ALL`.
     */
    egresses?: pulumi.Input<pulumi.Input<string>[] | undefined>;
    /**
     * Ingress rules set. A rule must match the following format: [action]#[source]#[port]#[protocol]. The available value of 'action' is `ACCEPT` and `DROP`. The 'source' can be an IP address network, segment, security group ID and Address Template ID. The 'port' valid format is `80`, `80,443`, `80-90` or `ALL`. The available value of 'protocol' is `TCP`, `UDP`, `ICMP`, `ALL` and `ppm(g?)-xxxxxxxx`. When 'protocol' is `ICMP` or `ALL`, the 'port' must be `ALL`.
     */
    ingresses?: pulumi.Input<pulumi.Input<string>[] | undefined>;
    /**
     * ID of the security group.
     */
    securityGroupId: pulumi.Input<string>;
    securityGroupLiteRuleId?: pulumi.Input<string | undefined>;
}
