import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { stackFileConfig } from "../../tools/plan";

describe("npm run plan --stack", () => {
    it("takes the project's plain values of the stack file, not encrypted ones or other namespaces", () => {
        const text = [
            "config:",
            "  tencentcloud:region: ap-hongkong",
            "  gitpod-tencent:domain: gitpod.corp.example",
            "  gitpod-tencent:adminCidrs:",
            "    - 198.51.100.0/24",
            "  gitpod-tencent:dnspodSecretKey:",
            "    secure: v1:abc",
        ].join("\n");
        assert.deepEqual(stackFileConfig(text), { domain: "gitpod.corp.example", adminCidrs: ["198.51.100.0/24"] });
        assert.deepEqual(stackFileConfig(""), {});
    });
});
