import * as pulumi from "@pulumi/pulumi";
/**
 * Provides a snapshot policy resource (automatic CBS snapshots).
 */
export declare class CbsSnapshotPolicy extends pulumi.CustomResource {
    /**
     * Looks up an existing CbsSnapshotPolicy by its provider ID and returns it with its current state.
     *
     * @param name Unique name of the resulting resource in this program.
     * @param id Provider ID of the resource to look up.
     * @param state Extra properties that qualify the lookup.
     * @param opts Resource options.
     */
    static get(name: string, id: pulumi.Input<pulumi.ID>, state?: CbsSnapshotPolicyState, opts?: pulumi.CustomResourceOptions): CbsSnapshotPolicy;
    /**
     * Whether `obj` is a CbsSnapshotPolicy, also when several copies of this SDK are loaded in one process.
     */
    static isInstance(obj: any): obj is CbsSnapshotPolicy;
    readonly cbsSnapshotPolicyId: pulumi.Output<string>;
    /**
     * Trigger times of periodic snapshot, the available values are 0 to 23. The 0 means 00:00, and so on.
     */
    readonly repeatHours: pulumi.Output<number[]>;
    /**
     * Periodic snapshot is enabled, the available values are [0, 1, 2, 3, 4, 5, 6]. 0 means Sunday, 1-6 means Monday to Saturday.
     */
    readonly repeatWeekdays: pulumi.Output<number[]>;
    /**
     * Retention days of the snapshot, and the default value is 7.
     */
    readonly retentionDays: pulumi.Output<number | undefined>;
    /**
     * Name of snapshot policy. The maximum length can not exceed 60 bytes.
     */
    readonly snapshotPolicyName: pulumi.Output<string>;
    /**
     * Creates a CbsSnapshotPolicy with the given unique name, arguments and options.
     *
     * @param name Unique name of the resource in this program.
     * @param args The resource's arguments.
     * @param opts Resource options.
     */
    constructor(name: string, args: CbsSnapshotPolicyArgs, opts?: pulumi.CustomResourceOptions);
}
/**
 * Input properties used for looking up and filtering CbsSnapshotPolicy resources.
 */
export interface CbsSnapshotPolicyState {
    cbsSnapshotPolicyId?: pulumi.Input<string | undefined>;
    /**
     * Trigger times of periodic snapshot, the available values are 0 to 23. The 0 means 00:00, and so on.
     */
    repeatHours?: pulumi.Input<pulumi.Input<number>[] | undefined>;
    /**
     * Periodic snapshot is enabled, the available values are [0, 1, 2, 3, 4, 5, 6]. 0 means Sunday, 1-6 means Monday to Saturday.
     */
    repeatWeekdays?: pulumi.Input<pulumi.Input<number>[] | undefined>;
    /**
     * Retention days of the snapshot, and the default value is 7.
     */
    retentionDays?: pulumi.Input<number | undefined>;
    /**
     * Name of snapshot policy. The maximum length can not exceed 60 bytes.
     */
    snapshotPolicyName?: pulumi.Input<string | undefined>;
}
/**
 * The set of arguments for constructing a CbsSnapshotPolicy resource.
 */
export interface CbsSnapshotPolicyArgs {
    cbsSnapshotPolicyId?: pulumi.Input<string | undefined>;
    /**
     * Trigger times of periodic snapshot, the available values are 0 to 23. The 0 means 00:00, and so on.
     */
    repeatHours: pulumi.Input<pulumi.Input<number>[]>;
    /**
     * Periodic snapshot is enabled, the available values are [0, 1, 2, 3, 4, 5, 6]. 0 means Sunday, 1-6 means Monday to Saturday.
     */
    repeatWeekdays: pulumi.Input<pulumi.Input<number>[]>;
    /**
     * Retention days of the snapshot, and the default value is 7.
     */
    retentionDays?: pulumi.Input<number | undefined>;
    /**
     * Name of snapshot policy. The maximum length can not exceed 60 bytes.
     */
    snapshotPolicyName: pulumi.Input<string>;
}
