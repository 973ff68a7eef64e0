/** The key pair name: Tencent Cloud's rules, and never the same for two stacks. */
import { describe, it } from "node:test";
import * as assert from "node:assert/strict";
import { keyPairName } from "../../components/sshKey";

const VALID = /^[A-Za-z0-9_]{1,25}$/;

describe("keyPairName", () => {
    it("is the readable project_stack when that fits", () => {
        assert.equal(keyPairName("gitpod-tencent", "dev"), "gitpod_tencent_dev");
        assert.equal(keyPairName("gitpod-tencent", "staging_2"), "gitpod_tencent_staging_2");
    });

    it("stays unique when the stack name is truncated or rewritten", () => {
        const names = ["production-eu-1", "production-eu-2", "production_eu_1", "prod-1", "prod_1", "prod.1"].map((s) => keyPairName("gitpod-tencent", s));
        assert.equal(new Set(names).size, names.length, names.join(", "));
        for (const n of names) assert.match(n, VALID);
        assert.match(keyPairName("gitpod-tencent", "production-eu-1"), /^gitpod_tencent_pro_[0-9a-f]{6}$/);
    });

    it("is the same name on every run of a stack", () => {
        assert.equal(keyPairName("gitpod-tencent", "production-eu-1"), keyPairName("gitpod-tencent", "production-eu-1"));
    });
});
