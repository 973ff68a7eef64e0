/**
 * Config of running the stack for months: pause (`running`), nightly disk snapshots, and a
 * TLS certificate handed back after `pulumi destroy` (see README "Operations").
 */
import * as pulumi from "@pulumi/pulumi";
import { Checker, StageKeys } from "./checker";

export interface OperationsConfig {
    /** false: the VM is stopped in STOP_CHARGING mode and nothing reaches it or the cluster. */
    readonly running: boolean;
    readonly snapshotsEnabled: boolean;
    /** Hours of the day (0-23) the system disk is snapshotted, every day of the week. */
    readonly snapshotHours: readonly number[];
    readonly snapshotRetentionDays: number;
    /**
     * `pulumi stack output tlsCertificate` of an earlier stack (JSON, secret), restored into a
     * new cluster when it fits the domain and ACME server. Undefined when not set.
     */
    readonly tlsCertificate?: pulumi.Output<string>;
}

export const OPERATIONS_KEYS: StageKeys = {
    plain: ["running", "snapshotsEnabled", "snapshotHours", "snapshotRetentionDays"],
    secrets: ["tlsCertificate"],
    defaults: {
        running: "true",
        snapshotsEnabled: "true",
        snapshotHours: JSON.stringify([3]),
        snapshotRetentionDays: "7",
    },
};

const HOURS_EXPECTED = "a non-empty list of distinct hours 0-23, e.g. [3]";

/** Hours as integers 0-23, each at most once (the snapshot policy's `repeatHours`). */
function snapshotHours(c: Checker): number[] {
    const hours = c.json<unknown>("snapshotHours", HOURS_EXPECTED);
    const valid =
        Array.isArray(hours) &&
        hours.length > 0 &&
        hours.every((h) => Number.isInteger(h) && h >= 0 && h <= 23) &&
        new Set(hours).size === hours.length;
    if (hours !== undefined && !valid) c.fail("snapshotHours", c.value("snapshotHours"), HOURS_EXPECTED);
    return valid ? (hours as number[]) : [];
}

export function checkOperations(c: Checker): OperationsConfig {
    return {
        running: c.boolean("running"),
        snapshotsEnabled: c.boolean("snapshotsEnabled"),
        snapshotHours: snapshotHours(c),
        snapshotRetentionDays: c.integer("snapshotRetentionDays", 1, 65535, " days (how long each nightly snapshot is kept)"),
        tlsCertificate: c.raw.secrets["tlsCertificate"],
    };
}
