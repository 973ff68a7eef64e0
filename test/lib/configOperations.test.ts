/** Config of operations: pause, nightly snapshots, a certificate handed back after destroy. */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import { validateConfig } from "../../lib/config";
import { problemsOf, rawConfig, TEST_SECRETS } from "../support/config";

const raw = (values: Record<string, string>, secrets: Record<string, pulumi.Output<string>> = {}) => rawConfig(values, { secrets: { ...TEST_SECRETS, ...secrets } });

describe("operations config", () => {
    it("defaults: running, daily snapshots at 3 kept 7 days, no certificate handed back", () => {
        const c = validateConfig(raw({}));
        assert.equal(c.running, true);
        assert.equal(c.snapshotsEnabled, true);
        assert.deepEqual(c.snapshotHours, [3]);
        assert.equal(c.snapshotRetentionDays, 7);
        assert.equal(c.tlsCertificate, undefined);
    });

    it("reads a pause, other hours and retention, and the handed-back certificate", () => {
        const handed = pulumi.secret("{}");
        const c = validateConfig(raw({ running: "false", snapshotHours: "[1, 13]", snapshotRetentionDays: "30", snapshotsEnabled: "false" }, { tlsCertificate: handed }));
        assert.equal(c.running, false);
        assert.equal(c.snapshotsEnabled, false);
        assert.deepEqual(c.snapshotHours, [1, 13]);
        assert.equal(c.snapshotRetentionDays, 30);
        assert.equal(c.tlsCertificate, handed);
    });

    it("reports every bad value at once, one line each naming the key", () => {
        assert.deepEqual(problemsOf(raw({ running: "no", snapshotHours: "[3, 24, 3]", snapshotRetentionDays: "0" })), [
            'gitpod-tencent:running: got "no"; expected true or false',
            'gitpod-tencent:snapshotHours: got "[3, 24, 3]"; expected a non-empty list of distinct hours 0-23, e.g. [3]',
            'gitpod-tencent:snapshotRetentionDays: got "0"; expected an integer from 1 to 65535 days (how long each nightly snapshot is kept)',
        ]);
        assert.deepEqual(problemsOf(raw({ snapshotHours: "[]" })), ['gitpod-tencent:snapshotHours: got "[]"; expected a non-empty list of distinct hours 0-23, e.g. [3]']);
        assert.deepEqual(problemsOf(raw({ snapshotHours: "3" })), ['gitpod-tencent:snapshotHours: got "3"; expected a non-empty list of distinct hours 0-23, e.g. [3]']);
    });
});
