import { describe, it } from "node:test";
import * as assert from "node:assert/strict";
import { selfStackReferenceName } from "../../lib/previous";

describe("the stack's reference to itself", () => {
    it("on a DIY backend is the bare stack name (a legacy file/S3 store rejects `/` in it)", () => {
        assert.equal(selfStackReferenceName("organization", "gitpod-tencent", "dev"), "dev");
    });
    it("on Pulumi Cloud names the organization and project (a bare name means the default organization)", () => {
        assert.equal(selfStackReferenceName("acme", "gitpod-tencent", "dev"), "acme/gitpod-tencent/dev");
    });
});
