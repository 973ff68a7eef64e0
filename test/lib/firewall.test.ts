import { describe, it } from "node:test";
import * as assert from "node:assert/strict";
import { ingressRules } from "../../lib/firewall";

describe("ingressRules", () => {
    const rules = ingressRules(["203.0.113.7/32", "198.51.100.0/24"]);

    it("opens 80 and 443 to everyone", () => {
        for (const port of ["80", "443"]) {
            assert.ok(rules.some((r) => r.port === port && r.cidrBlock === "0.0.0.0/0" && r.action === "ACCEPT" && r.protocol === "TCP"));
        }
    });

    it("opens 22 and 6443 only to each admin CIDR", () => {
        for (const port of ["22", "6443"]) {
            const open = rules.filter((r) => r.port === port && r.action === "ACCEPT").map((r) => r.cidrBlock);
            assert.deepEqual(open, ["203.0.113.7/32", "198.51.100.0/24"]);
        }
    });

    it("never opens anything else, and ends with a drop of the rest", () => {
        const accepted = new Set(rules.filter((r) => r.action === "ACCEPT").map((r) => r.port));
        assert.deepEqual([...accepted].sort(), ["22", "443", "6443", "80"]);
        assert.deepEqual(rules.at(-1), { action: "DROP", cidrBlock: "0.0.0.0/0", protocol: "ALL", port: "ALL", description: "nothing else inbound" });
    });

    it("opens SSH to the world only when the user listed 0.0.0.0/0 themselves", () => {
        assert.ok(!rules.some((r) => r.port === "22" && r.cidrBlock === "0.0.0.0/0" && r.action === "ACCEPT"));
        const open = ingressRules(["0.0.0.0/0"]);
        assert.ok(open.some((r) => r.port === "22" && r.cidrBlock === "0.0.0.0/0" && r.action === "ACCEPT"));
    });
});
