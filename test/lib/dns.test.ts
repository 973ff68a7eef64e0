import { describe, it } from "node:test";
import * as assert from "node:assert/strict";
import { gitpodNames, subDomainFor } from "../../lib/dns";

describe("DNSPod sub-domains", () => {
    it("at the zone apex: @, * and *.ws", () => {
        assert.deepEqual(["", "*", "*.ws"].map((p) => subDomainFor(p, "")), ["@", "*", "*.ws"]);
    });

    it("below the apex the names follow the domain", () => {
        assert.deepEqual(["", "*", "*.ws"].map((p) => subDomainFor(p, "gitpod")), ["gitpod", "*.gitpod", "*.ws.gitpod"]);
        assert.deepEqual(["", "*", "*.ws"].map((p) => subDomainFor(p, "gitpod.dev")), ["gitpod.dev", "*.gitpod.dev", "*.ws.gitpod.dev"]);
    });

    it("the certificate names are the domain, its wildcard and the workspace wildcard", () => {
        assert.deepEqual(gitpodNames("gitpod.example.com"), ["gitpod.example.com", "*.gitpod.example.com", "*.ws.gitpod.example.com"]);
    });
});
