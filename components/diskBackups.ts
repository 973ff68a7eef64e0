import * as pulumi from "@pulumi/pulumi";
import * as tencentcloud from "@pulumi/tencentcloud";

/** Every day of the week, in the policy's numbering (0 = Sunday ... 6 = Saturday). */
export const EVERY_WEEKDAY = [0, 1, 2, 3, 4, 5, 6] as const;

export interface DiskBackupsArgs {
    /** The disk to snapshot: the VM's system disk (`disk-...`), which holds all of Gitpod's data. */
    readonly diskId: pulumi.Input<string>;
    /** Snapshot policy name (2-60 characters). */
    readonly policyName: string;
    /** Hours of the day (0-23) a snapshot is taken, every day. */
    readonly hours: readonly number[];
    /** Days each snapshot is kept; Tencent Cloud deletes older ones itself. */
    readonly retentionDays: number;
}

/**
 * Nightly snapshots of the VM's system disk: a CBS automatic snapshot policy
 * (`CbsSnapshotPolicy`, updated in place) attached to the disk (`CbsSnapshotPolicyAttachment`,
 * replaced with a new disk, i.e. a new VM). Removing the policy (destroy, or
 * `snapshotsEnabled: false`) stops new snapshots; the snapshots taken stay until their
 * retention ends or they are deleted (README "Backups"). Waits on the disk id.
 * Facts: terraform-provider-tencentcloud v1.83.25, services/cbs/resource_tc_cbs_snapshot_policy*.go.
 */
export class DiskBackups extends pulumi.ComponentResource {
    readonly policyId: pulumi.Output<string>;

    constructor(name: string, args: DiskBackupsArgs, opts?: pulumi.ComponentResourceOptions) {
        super("gitpod-tencent:cloud:DiskBackups", name, {}, opts);
        const policy = new tencentcloud.CbsSnapshotPolicy(
            `${name}-policy`,
            {
                snapshotPolicyName: args.policyName,
                repeatWeekdays: [...EVERY_WEEKDAY],
                repeatHours: [...args.hours],
                retentionDays: args.retentionDays,
            },
            { parent: this },
        );
        // One disk: `storageId` (`storageIds` wants at least two).
        new tencentcloud.CbsSnapshotPolicyAttachment(`${name}-attachment`, { storageId: args.diskId, snapshotPolicyId: policy.id }, { parent: this });
        this.policyId = policy.id;
        this.registerOutputs({ policyId: this.policyId });
    }
}
