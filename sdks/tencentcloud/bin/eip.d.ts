import * as pulumi from "@pulumi/pulumi";
export declare class Eip extends pulumi.CustomResource {
    /**
     * Looks up an existing Eip by its provider ID and returns it with its current state.
     *
     * @param name Unique name of the resulting resource in this program.
     * @param id Provider ID of the resource to look up.
     * @param state Extra properties that qualify the lookup.
     * @param opts Resource options.
     */
    static get(name: string, id: pulumi.Input<pulumi.ID>, state?: EipState, opts?: pulumi.CustomResourceOptions): Eip;
    /**
     * Whether `obj` is a Eip, also when several copies of this SDK are loaded in one process.
     */
    static isInstance(obj: any): obj is Eip;
    /**
     * ID of anti DDos package, it must set when `type` is `AntiDDoSEIP`.
     */
    readonly antiDdosPackageId: pulumi.Output<string>;
    /**
     * The zone of anycast. Valid value: `ANYCAST_ZONE_GLOBAL` and `ANYCAST_ZONE_OVERSEAS`.
     */
    readonly anycastZone: pulumi.Output<string | undefined>;
    /**
     * Indicates whether the anycast eip can be associated to a CLB.
     * @deprecated Deprecated
     */
    readonly applicableForClb: pulumi.Output<boolean | undefined>;
    /**
     * Auto renew flag.  0 - default state (manual renew); 1 - automatic renew; 2 - explicit no automatic renew. NOTES: Only supported prepaid EIP.
     */
    readonly autoRenewFlag: pulumi.Output<number | undefined>;
    /**
     * ID of bandwidth package, it will set when `internet_charge_type` is `BANDWIDTH_PACKAGE`.
     */
    readonly bandwidthPackageId: pulumi.Output<string>;
    /**
     * CDC Unique ID.
     */
    readonly cdcId: pulumi.Output<string | undefined>;
    /**
     * Network egress. It defaults to `center_egress1`. If you want to try the egress feature, please [submit a ticket](https://console.cloud.tencent.com/workorder/category).
     */
    readonly egress: pulumi.Output<string>;
    readonly eipId: pulumi.Output<string>;
    /**
     * The charge type of eip. Valid values: `BANDWIDTH_PACKAGE`, `BANDWIDTH_POSTPAID_BY_HOUR`, `BANDWIDTH_PREPAID_BY_MONTH` and `TRAFFIC_POSTPAID_BY_HOUR`.
     */
    readonly internetChargeType: pulumi.Output<string>;
    /**
     * The bandwidth limit of EIP, unit is Mbps.
     */
    readonly internetMaxBandwidthOut: pulumi.Output<number>;
    /**
     * Internet service provider of eip. Valid value: `BGP`, `CMCC`, `CTCC` and `CUCC`.
     */
    readonly internetServiceProvider: pulumi.Output<string | undefined>;
    /**
     * The name of eip.
     */
    readonly name: pulumi.Output<string>;
    /**
     * Period of instance. Default value: `1`. Valid value: `1`, `2`, `3`, `4`, `6`, `7`, `8`, `9`, `12`, `24`, `36`. NOTES: must set when `internet_charge_type` is `BANDWIDTH_PREPAID_BY_MONTH`.
     */
    readonly prepaidPeriod: pulumi.Output<number | undefined>;
    /**
     * The elastic IP address.
     */
    readonly publicIp: pulumi.Output<string>;
    /**
     * The EIP current status.
     */
    readonly status: pulumi.Output<string>;
    /**
     * The tags of eip.
     */
    readonly tags: pulumi.Output<{
        [key: string]: string;
    } | undefined>;
    /**
     * The type of eip. Valid value:  `EIP` and `AnycastEIP` and `HighQualityEIP` and `AntiDDoSEIP` and `ResidentialEIP`. Default is `EIP`.
     */
    readonly type: pulumi.Output<string | undefined>;
    /**
     * Creates a Eip with the given unique name, arguments and options.
     *
     * @param name Unique name of the resource in this program.
     * @param args The resource's arguments.
     * @param opts Resource options.
     */
    constructor(name: string, args?: EipArgs, opts?: pulumi.CustomResourceOptions);
}
/**
 * Input properties used for looking up and filtering Eip resources.
 */
export interface EipState {
    /**
     * ID of anti DDos package, it must set when `type` is `AntiDDoSEIP`.
     */
    antiDdosPackageId?: pulumi.Input<string | undefined>;
    /**
     * The zone of anycast. Valid value: `ANYCAST_ZONE_GLOBAL` and `ANYCAST_ZONE_OVERSEAS`.
     */
    anycastZone?: pulumi.Input<string | undefined>;
    /**
     * Indicates whether the anycast eip can be associated to a CLB.
     * @deprecated Deprecated
     */
    applicableForClb?: pulumi.Input<boolean | undefined>;
    /**
     * Auto renew flag.  0 - default state (manual renew); 1 - automatic renew; 2 - explicit no automatic renew. NOTES: Only supported prepaid EIP.
     */
    autoRenewFlag?: pulumi.Input<number | undefined>;
    /**
     * ID of bandwidth package, it will set when `internet_charge_type` is `BANDWIDTH_PACKAGE`.
     */
    bandwidthPackageId?: pulumi.Input<string | undefined>;
    /**
     * CDC Unique ID.
     */
    cdcId?: pulumi.Input<string | undefined>;
    /**
     * Network egress. It defaults to `center_egress1`. If you want to try the egress feature, please [submit a ticket](https://console.cloud.tencent.com/workorder/category).
     */
    egress?: pulumi.Input<string | undefined>;
    eipId?: pulumi.Input<string | undefined>;
    /**
     * The charge type of eip. Valid values: `BANDWIDTH_PACKAGE`, `BANDWIDTH_POSTPAID_BY_HOUR`, `BANDWIDTH_PREPAID_BY_MONTH` and `TRAFFIC_POSTPAID_BY_HOUR`.
     */
    internetChargeType?: pulumi.Input<string | undefined>;
    /**
     * The bandwidth limit of EIP, unit is Mbps.
     */
    internetMaxBandwidthOut?: pulumi.Input<number | undefined>;
    /**
     * Internet service provider of eip. Valid value: `BGP`, `CMCC`, `CTCC` and `CUCC`.
     */
    internetServiceProvider?: pulumi.Input<string | undefined>;
    /**
     * The name of eip.
     */
    name?: pulumi.Input<string | undefined>;
    /**
     * Period of instance. Default value: `1`. Valid value: `1`, `2`, `3`, `4`, `6`, `7`, `8`, `9`, `12`, `24`, `36`. NOTES: must set when `internet_charge_type` is `BANDWIDTH_PREPAID_BY_MONTH`.
     */
    prepaidPeriod?: pulumi.Input<number | undefined>;
    /**
     * The elastic IP address.
     */
    publicIp?: pulumi.Input<string | undefined>;
    /**
     * The EIP current status.
     */
    status?: pulumi.Input<string | undefined>;
    /**
     * The tags of eip.
     */
    tags?: pulumi.Input<{
        [key: string]: pulumi.Input<string>;
    } | undefined>;
    /**
     * The type of eip. Valid value:  `EIP` and `AnycastEIP` and `HighQualityEIP` and `AntiDDoSEIP` and `ResidentialEIP`. Default is `EIP`.
     */
    type?: pulumi.Input<string | undefined>;
}
/**
 * The set of arguments for constructing a Eip resource.
 */
export interface EipArgs {
    /**
     * ID of anti DDos package, it must set when `type` is `AntiDDoSEIP`.
     */
    antiDdosPackageId?: pulumi.Input<string | undefined>;
    /**
     * The zone of anycast. Valid value: `ANYCAST_ZONE_GLOBAL` and `ANYCAST_ZONE_OVERSEAS`.
     */
    anycastZone?: pulumi.Input<string | undefined>;
    /**
     * Indicates whether the anycast eip can be associated to a CLB.
     * @deprecated Deprecated
     */
    applicableForClb?: pulumi.Input<boolean | undefined>;
    /**
     * Auto renew flag.  0 - default state (manual renew); 1 - automatic renew; 2 - explicit no automatic renew. NOTES: Only supported prepaid EIP.
     */
    autoRenewFlag?: pulumi.Input<number | undefined>;
    /**
     * ID of bandwidth package, it will set when `internet_charge_type` is `BANDWIDTH_PACKAGE`.
     */
    bandwidthPackageId?: pulumi.Input<string | undefined>;
    /**
     * CDC Unique ID.
     */
    cdcId?: pulumi.Input<string | undefined>;
    /**
     * Network egress. It defaults to `center_egress1`. If you want to try the egress feature, please [submit a ticket](https://console.cloud.tencent.com/workorder/category).
     */
    egress?: pulumi.Input<string | undefined>;
    eipId?: pulumi.Input<string | undefined>;
    /**
     * The charge type of eip. Valid values: `BANDWIDTH_PACKAGE`, `BANDWIDTH_POSTPAID_BY_HOUR`, `BANDWIDTH_PREPAID_BY_MONTH` and `TRAFFIC_POSTPAID_BY_HOUR`.
     */
    internetChargeType?: pulumi.Input<string | undefined>;
    /**
     * The bandwidth limit of EIP, unit is Mbps.
     */
    internetMaxBandwidthOut?: pulumi.Input<number | undefined>;
    /**
     * Internet service provider of eip. Valid value: `BGP`, `CMCC`, `CTCC` and `CUCC`.
     */
    internetServiceProvider?: pulumi.Input<string | undefined>;
    /**
     * The name of eip.
     */
    name?: pulumi.Input<string | undefined>;
    /**
     * Period of instance. Default value: `1`. Valid value: `1`, `2`, `3`, `4`, `6`, `7`, `8`, `9`, `12`, `24`, `36`. NOTES: must set when `internet_charge_type` is `BANDWIDTH_PREPAID_BY_MONTH`.
     */
    prepaidPeriod?: pulumi.Input<number | undefined>;
    /**
     * The tags of eip.
     */
    tags?: pulumi.Input<{
        [key: string]: pulumi.Input<string>;
    } | undefined>;
    /**
     * The type of eip. Valid value:  `EIP` and `AnycastEIP` and `HighQualityEIP` and `AntiDDoSEIP` and `ResidentialEIP`. Default is `EIP`.
     */
    type?: pulumi.Input<string | undefined>;
}
