import * as pulumi from "@pulumi/pulumi";
export declare class DnspodRecord extends pulumi.CustomResource {
    /**
     * Looks up an existing DnspodRecord by its provider ID and returns it with its current state.
     *
     * @param name Unique name of the resulting resource in this program.
     * @param id Provider ID of the resource to look up.
     * @param state Extra properties that qualify the lookup.
     * @param opts Resource options.
     */
    static get(name: string, id: pulumi.Input<pulumi.ID>, state?: DnspodRecordState, opts?: pulumi.CustomResourceOptions): DnspodRecord;
    /**
     * Whether `obj` is a DnspodRecord, also when several copies of this SDK are loaded in one process.
     */
    static isInstance(obj: any): obj is DnspodRecord;
    readonly dnspodRecordId: pulumi.Output<string>;
    /**
     * The Domain.
     */
    readonly domain: pulumi.Output<string>;
    /**
     * The monitoring status of the record.
     */
    readonly monitorStatus: pulumi.Output<string>;
    /**
     * MX priority, valid when the record type is MX, range 1-20. Note: must set when record type equal MX.
     */
    readonly mx: pulumi.Output<number | undefined>;
    /**
     * ID of the record.
     */
    readonly recordId: pulumi.Output<string>;
    /**
     * The record line.
     */
    readonly recordLine: pulumi.Output<string>;
    /**
     * The record type.
     */
    readonly recordType: pulumi.Output<string>;
    /**
     * The Remark of record.
     */
    readonly remark: pulumi.Output<string | undefined>;
    /**
     * Records the initial state, with values ranging from ENABLE and DISABLE. The default is ENABLE, and if DISABLE is passed in, resolution will not take effect and the limits of load balancing will not be verified.
     */
    readonly status: pulumi.Output<string | undefined>;
    /**
     * The host records, default value is `@`.
     */
    readonly subDomain: pulumi.Output<string | undefined>;
    /**
     * TTL, the range is 1-604800, and the minimum value of different levels of domain names is different. Default is 600.
     */
    readonly ttl: pulumi.Output<number | undefined>;
    /**
     * Last update time of the record.
     */
    readonly updatedOn: pulumi.Output<string>;
    /**
     * The record value.
     */
    readonly value: pulumi.Output<string>;
    /**
     * Weight information. An integer from 1 to 100. Only enterprise VIP domain names are available, does not pass this parameter, means that the weight information is not set.
     */
    readonly weight: pulumi.Output<number | undefined>;
    /**
     * Creates a DnspodRecord with the given unique name, arguments and options.
     *
     * @param name Unique name of the resource in this program.
     * @param args The resource's arguments.
     * @param opts Resource options.
     */
    constructor(name: string, args: DnspodRecordArgs, opts?: pulumi.CustomResourceOptions);
}
/**
 * Input properties used for looking up and filtering DnspodRecord resources.
 */
export interface DnspodRecordState {
    dnspodRecordId?: pulumi.Input<string | undefined>;
    /**
     * The Domain.
     */
    domain?: pulumi.Input<string | undefined>;
    /**
     * The monitoring status of the record.
     */
    monitorStatus?: pulumi.Input<string | undefined>;
    /**
     * MX priority, valid when the record type is MX, range 1-20. Note: must set when record type equal MX.
     */
    mx?: pulumi.Input<number | undefined>;
    /**
     * ID of the record.
     */
    recordId?: pulumi.Input<string | undefined>;
    /**
     * The record line.
     */
    recordLine?: pulumi.Input<string | undefined>;
    /**
     * The record type.
     */
    recordType?: pulumi.Input<string | undefined>;
    /**
     * The Remark of record.
     */
    remark?: pulumi.Input<string | undefined>;
    /**
     * Records the initial state, with values ranging from ENABLE and DISABLE. The default is ENABLE, and if DISABLE is passed in, resolution will not take effect and the limits of load balancing will not be verified.
     */
    status?: pulumi.Input<string | undefined>;
    /**
     * The host records, default value is `@`.
     */
    subDomain?: pulumi.Input<string | undefined>;
    /**
     * TTL, the range is 1-604800, and the minimum value of different levels of domain names is different. Default is 600.
     */
    ttl?: pulumi.Input<number | undefined>;
    /**
     * Last update time of the record.
     */
    updatedOn?: pulumi.Input<string | undefined>;
    /**
     * The record value.
     */
    value?: pulumi.Input<string | undefined>;
    /**
     * Weight information. An integer from 1 to 100. Only enterprise VIP domain names are available, does not pass this parameter, means that the weight information is not set.
     */
    weight?: pulumi.Input<number | undefined>;
}
/**
 * The set of arguments for constructing a DnspodRecord resource.
 */
export interface DnspodRecordArgs {
    dnspodRecordId?: pulumi.Input<string | undefined>;
    /**
     * The Domain.
     */
    domain: pulumi.Input<string>;
    /**
     * MX priority, valid when the record type is MX, range 1-20. Note: must set when record type equal MX.
     */
    mx?: pulumi.Input<number | undefined>;
    /**
     * The record line.
     */
    recordLine: pulumi.Input<string>;
    /**
     * The record type.
     */
    recordType: pulumi.Input<string>;
    /**
     * The Remark of record.
     */
    remark?: pulumi.Input<string | undefined>;
    /**
     * Records the initial state, with values ranging from ENABLE and DISABLE. The default is ENABLE, and if DISABLE is passed in, resolution will not take effect and the limits of load balancing will not be verified.
     */
    status?: pulumi.Input<string | undefined>;
    /**
     * The host records, default value is `@`.
     */
    subDomain?: pulumi.Input<string | undefined>;
    /**
     * TTL, the range is 1-604800, and the minimum value of different levels of domain names is different. Default is 600.
     */
    ttl?: pulumi.Input<number | undefined>;
    /**
     * The record value.
     */
    value: pulumi.Input<string>;
    /**
     * Weight information. An integer from 1 to 100. Only enterprise VIP domain names are available, does not pass this parameter, means that the weight information is not set.
     */
    weight?: pulumi.Input<number | undefined>;
}
