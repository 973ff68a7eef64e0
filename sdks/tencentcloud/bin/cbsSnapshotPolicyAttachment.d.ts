import * as pulumi from "@pulumi/pulumi";
/**
 * Provides a CBS snapshot policy attachment resource.
 */
export declare class CbsSnapshotPolicyAttachment extends pulumi.CustomResource {
    /**
     * Looks up an existing CbsSnapshotPolicyAttachment by its provider ID and returns it with its current state.
     *
     * @param name Unique name of the resulting resource in this program.
     * @param id Provider ID of the resource to look up.
     * @param state Extra properties that qualify the lookup.
     * @param opts Resource options.
     */
    static get(name: string, id: pulumi.Input<pulumi.ID>, state?: CbsSnapshotPolicyAttachmentState, opts?: pulumi.CustomResourceOptions): CbsSnapshotPolicyAttachment;
    /**
     * Whether `obj` is a CbsSnapshotPolicyAttachment, also when several copies of this SDK are loaded in one process.
     */
    static isInstance(obj: any): obj is CbsSnapshotPolicyAttachment;
    readonly cbsSnapshotPolicyAttachmentId: pulumi.Output<string>;
    /**
     * ID of CBS snapshot policy.
     */
    readonly snapshotPolicyId: pulumi.Output<string>;
    /**
     * ID of CBS. Exactly one of storageId and storageIds.
     */
    readonly storageId: pulumi.Output<string | undefined>;
    /**
     * IDs of CBS (at least 2). Exactly one of storageId and storageIds.
     */
    readonly storageIds: pulumi.Output<string[] | undefined>;
    /**
     * Creates a CbsSnapshotPolicyAttachment with the given unique name, arguments and options.
     *
     * @param name Unique name of the resource in this program.
     * @param args The resource's arguments.
     * @param opts Resource options.
     */
    constructor(name: string, args: CbsSnapshotPolicyAttachmentArgs, opts?: pulumi.CustomResourceOptions);
}
/**
 * Input properties used for looking up and filtering CbsSnapshotPolicyAttachment resources.
 */
export interface CbsSnapshotPolicyAttachmentState {
    cbsSnapshotPolicyAttachmentId?: pulumi.Input<string | undefined>;
    /**
     * ID of CBS snapshot policy.
     */
    snapshotPolicyId?: pulumi.Input<string | undefined>;
    /**
     * ID of CBS. Exactly one of storageId and storageIds.
     */
    storageId?: pulumi.Input<string | undefined>;
    /**
     * IDs of CBS (at least 2). Exactly one of storageId and storageIds.
     */
    storageIds?: pulumi.Input<pulumi.Input<string>[] | undefined>;
}
/**
 * The set of arguments for constructing a CbsSnapshotPolicyAttachment resource.
 */
export interface CbsSnapshotPolicyAttachmentArgs {
    cbsSnapshotPolicyAttachmentId?: pulumi.Input<string | undefined>;
    /**
     * ID of CBS snapshot policy.
     */
    snapshotPolicyId: pulumi.Input<string>;
    /**
     * ID of CBS. Exactly one of storageId and storageIds.
     */
    storageId?: pulumi.Input<string | undefined>;
    /**
     * IDs of CBS (at least 2). Exactly one of storageId and storageIds.
     */
    storageIds?: pulumi.Input<pulumi.Input<string>[] | undefined>;
}
