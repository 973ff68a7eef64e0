import * as pulumi from "@pulumi/pulumi";
import * as inputs from "./types/input";
import * as outputs from "./types/output";
export declare class SecurityGroupRule extends pulumi.CustomResource {
    /**
     * Looks up an existing SecurityGroupRule by its provider ID and returns it with its current state.
     *
     * @param name Unique name of the resulting resource in this program.
     * @param id Provider ID of the resource to look up.
     * @param state Extra properties that qualify the lookup.
     * @param opts Resource options.
     */
    static get(name: string, id: pulumi.Input<pulumi.ID>, state?: SecurityGroupRuleState, opts?: pulumi.CustomResourceOptions): SecurityGroupRule;
    /**
     * Whether `obj` is a SecurityGroupRule, also when several copies of this SDK are loaded in one process.
     */
    static isInstance(obj: any): obj is SecurityGroupRule;
    /**
     * ID of the address template, and confilicts with `source_sgid` and `cidr_ip`.
     */
    readonly addressTemplate: pulumi.Output<outputs.SecurityGroupRuleAddressTemplate | undefined>;
    /**
     * An IP address network or segment, and conflict with `source_sgid` and `address_template`.
     */
    readonly cidrIp: pulumi.Output<string | undefined>;
    /**
     * Description of the security group rule.
     */
    readonly description: pulumi.Output<string>;
    /**
     * Type of IP protocol. Valid values: `TCP`, `UDP`, `ICMP`, `ICMPv6` and `ALL`. Default to all types protocol, and conflicts with `protocol_template`.
     */
    readonly ipProtocol: pulumi.Output<string>;
    /**
     * Rule policy of security group. Valid values: `ACCEPT` and `DROP`.
     */
    readonly policy: pulumi.Output<string>;
    /**
     * The security group rule index number, the value of which dynamically changes as the security group rule changes.
     */
    readonly policyIndex: pulumi.Output<number | undefined>;
    /**
     * Range of the port. The available value can be one, multiple or one segment. E.g. `80`, `80,90` and `80-90`. Default to all ports, and confilicts with `protocol_template`.
     */
    readonly portRange: pulumi.Output<string>;
    /**
     * ID of the address template, and conflict with `ip_protocol`, `port_range`.
     */
    readonly protocolTemplate: pulumi.Output<outputs.SecurityGroupRuleProtocolTemplate | undefined>;
    /**
     * ID of the security group to be queried.
     */
    readonly securityGroupId: pulumi.Output<string>;
    readonly securityGroupRuleId: pulumi.Output<string>;
    /**
     * ID of the nested security group, and conflicts with `cidr_ip` and `address_template`.
     */
    readonly sourceSgid: pulumi.Output<string>;
    /**
     * Type of the security group rule. Valid values: `ingress` and `egress`.
     */
    readonly type: pulumi.Output<string>;
    /**
     * Creates a SecurityGroupRule with the given unique name, arguments and options.
     *
     * @param name Unique name of the resource in this program.
     * @param args The resource's arguments.
     * @param opts Resource options.
     */
    constructor(name: string, args: SecurityGroupRuleArgs, opts?: pulumi.CustomResourceOptions);
}
/**
 * Input properties used for looking up and filtering SecurityGroupRule resources.
 */
export interface SecurityGroupRuleState {
    /**
     * ID of the address template, and confilicts with `source_sgid` and `cidr_ip`.
     */
    addressTemplate?: pulumi.Input<inputs.SecurityGroupRuleAddressTemplate | undefined>;
    /**
     * An IP address network or segment, and conflict with `source_sgid` and `address_template`.
     */
    cidrIp?: pulumi.Input<string | undefined>;
    /**
     * Description of the security group rule.
     */
    description?: pulumi.Input<string | undefined>;
    /**
     * Type of IP protocol. Valid values: `TCP`, `UDP`, `ICMP`, `ICMPv6` and `ALL`. Default to all types protocol, and conflicts with `protocol_template`.
     */
    ipProtocol?: pulumi.Input<string | undefined>;
    /**
     * Rule policy of security group. Valid values: `ACCEPT` and `DROP`.
     */
    policy?: pulumi.Input<string | undefined>;
    /**
     * The security group rule index number, the value of which dynamically changes as the security group rule changes.
     */
    policyIndex?: pulumi.Input<number | undefined>;
    /**
     * Range of the port. The available value can be one, multiple or one segment. E.g. `80`, `80,90` and `80-90`. Default to all ports, and confilicts with `protocol_template`.
     */
    portRange?: pulumi.Input<string | undefined>;
    /**
     * ID of the address template, and conflict with `ip_protocol`, `port_range`.
     */
    protocolTemplate?: pulumi.Input<inputs.SecurityGroupRuleProtocolTemplate | undefined>;
    /**
     * ID of the security group to be queried.
     */
    securityGroupId?: pulumi.Input<string | undefined>;
    securityGroupRuleId?: pulumi.Input<string | undefined>;
    /**
     * ID of the nested security group, and conflicts with `cidr_ip` and `address_template`.
     */
    sourceSgid?: pulumi.Input<string | undefined>;
    /**
     * Type of the security group rule. Valid values: `ingress` and `egress`.
     */
    type?: pulumi.Input<string | undefined>;
}
/**
 * The set of arguments for constructing a SecurityGroupRule resource.
 */
export interface SecurityGroupRuleArgs {
    /**
     * ID of the address template, and confilicts with `source_sgid` and `cidr_ip`.
     */
    addressTemplate?: pulumi.Input<inputs.SecurityGroupRuleAddressTemplate | undefined>;
    /**
     * An IP address network or segment, and conflict with `source_sgid` and `address_template`.
     */
    cidrIp?: pulumi.Input<string | undefined>;
    /**
     * Description of the security group rule.
     */
    description?: pulumi.Input<string | undefined>;
    /**
     * Type of IP protocol. Valid values: `TCP`, `UDP`, `ICMP`, `ICMPv6` and `ALL`. Default to all types protocol, and conflicts with `protocol_template`.
     */
    ipProtocol?: pulumi.Input<string | undefined>;
    /**
     * Rule policy of security group. Valid values: `ACCEPT` and `DROP`.
     */
    policy: pulumi.Input<string>;
    /**
     * The security group rule index number, the value of which dynamically changes as the security group rule changes.
     */
    policyIndex?: pulumi.Input<number | undefined>;
    /**
     * Range of the port. The available value can be one, multiple or one segment. E.g. `80`, `80,90` and `80-90`. Default to all ports, and confilicts with `protocol_template`.
     */
    portRange?: pulumi.Input<string | undefined>;
    /**
     * ID of the address template, and conflict with `ip_protocol`, `port_range`.
     */
    protocolTemplate?: pulumi.Input<inputs.SecurityGroupRuleProtocolTemplate | undefined>;
    /**
     * ID of the security group to be queried.
     */
    securityGroupId: pulumi.Input<string>;
    securityGroupRuleId?: pulumi.Input<string | undefined>;
    /**
     * ID of the nested security group, and conflicts with `cidr_ip` and `address_template`.
     */
    sourceSgid?: pulumi.Input<string | undefined>;
    /**
     * Type of the security group rule. Valid values: `ingress` and `egress`.
     */
    type: pulumi.Input<string>;
}
