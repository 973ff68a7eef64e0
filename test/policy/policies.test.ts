/** The policy pack's policies, each with resources that pass and resources that fail. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { acmeEmailSet, noSecretsInPlainInputs, noWorldOpenAdminPorts, payAsYouGo, POLICIES, portSpecIncludes, TYPES } from "../../policy/policies";
import { ingressRules } from "../../lib/firewall";
import { violations } from "../support/policy";

describe("no-world-open-admin-ports", () => {
    it("the program's own rule set passes (22/6443 from adminCidrs, 80/443 from anywhere, DROP the rest)", async () => {
        assert.deepEqual(await violations(noWorldOpenAdminPorts, TYPES.ruleSet, { ingresses: ingressRules(["203.0.113.7/32"]) }), []);
    });

    it("22, 6443 or 8800 open to 0.0.0.0/0 or ::/0 in a rule set fails, naming each port", async () => {
        const ingresses = [
            { action: "ACCEPT", cidrBlock: "0.0.0.0/0", protocol: "TCP", port: "22" },
            { action: "ACCEPT", ipv6CidrBlock: "::/0", protocol: "TCP", port: "8000-9000" },
            ...ingressRules([]),
        ];
        assert.deepEqual(await violations(noWorldOpenAdminPorts, TYPES.ruleSet, { ingresses }), [
            "port 22 (SSH) is open to the whole internet: allow it from adminCidrs only",
            "port 8800 (the admin console) is open to the whole internet: allow it from adminCidrs only",
        ]);
    });

    it("ACCEPT ALL from anywhere fails for all three; after a DROP of everything it is unreachable and passes", async () => {
        const acceptAll = { action: "ACCEPT", cidrBlock: "0.0.0.0/0", protocol: "ALL", port: "ALL" };
        const dropAll = { action: "DROP", cidrBlock: "0.0.0.0/0", protocol: "ALL", port: "ALL" };
        assert.equal((await violations(noWorldOpenAdminPorts, TYPES.ruleSet, { ingresses: [acceptAll] })).length, 3);
        assert.deepEqual(await violations(noWorldOpenAdminPorts, TYPES.ruleSet, { ingresses: [dropAll, acceptAll] }), []);
        assert.deepEqual(await violations(noWorldOpenAdminPorts, TYPES.ruleSet, { ingresses: [{ ...acceptAll, protocol: "UDP" }] }), []);
    });

    it("single rules and lite rules are checked too", async () => {
        assert.deepEqual(await violations(noWorldOpenAdminPorts, TYPES.rule, { type: "ingress", policy: "accept", cidrIp: "0.0.0.0/0", ipProtocol: "tcp", portRange: "6443" }), [
            "port 6443 (the Kubernetes API) is open to the whole internet: allow it from adminCidrs only",
        ]);
        assert.deepEqual(await violations(noWorldOpenAdminPorts, TYPES.rule, { type: "egress", policy: "accept", cidrIp: "0.0.0.0/0", portRange: "ALL" }), []);
        assert.deepEqual(await violations(noWorldOpenAdminPorts, TYPES.liteRule, { ingresses: ["ACCEPT#0.0.0.0/0#22,443#TCP"] }), ["port 22 (SSH) is open to the whole internet: allow it from adminCidrs only"]);
        assert.deepEqual(await violations(noWorldOpenAdminPorts, TYPES.liteRule, { ingresses: ["ACCEPT#203.0.113.7/32#22#TCP"] }), []);
    });

    it("port specs: ALL, lists and ranges", () => {
        assert.equal(portSpecIncludes("ALL", 22), true);
        assert.equal(portSpecIncludes("80,443", 22), false);
        assert.equal(portSpecIncludes("1-1024", 22), true);
        assert.equal(portSpecIncludes("6000-6442", 6443), false);
    });
});

describe("pay-as-you-go-instances", () => {
    it("POSTPAID_BY_HOUR (or the provider's default) passes; PREPAID fails unless the config allows it", async () => {
        assert.deepEqual(await violations(payAsYouGo, TYPES.instance, { instanceChargeType: "POSTPAID_BY_HOUR" }, { allowedChargeTypes: ["POSTPAID_BY_HOUR"] }), []);
        assert.deepEqual(await violations(payAsYouGo, TYPES.instance, {}, { allowedChargeTypes: ["POSTPAID_BY_HOUR"] }), []);
        assert.deepEqual(await violations(payAsYouGo, TYPES.instance, { instanceChargeType: "PREPAID" }, { allowedChargeTypes: ["POSTPAID_BY_HOUR"] }), [
            "instance charge type PREPAID is not allowed (allowed: POSTPAID_BY_HOUR); set allowedChargeTypes in the policy config to permit it",
        ]);
        assert.deepEqual(await violations(payAsYouGo, TYPES.instance, { instanceChargeType: "PREPAID" }, { allowedChargeTypes: ["POSTPAID_BY_HOUR", "PREPAID"] }), []);
    });
});

describe("acme-email-set", () => {
    const issuer = (email?: string) => ({ spec: { acme: { server: "https://acme-v02.api.letsencrypt.org/directory", ...(email === undefined ? {} : { email }) } } });

    it("an ACME ClusterIssuer with an e-mail passes; without one, or a malformed one, fails", async () => {
        assert.deepEqual(await violations(acmeEmailSet, TYPES.clusterIssuer, issuer("ops@example.com")), []);
        assert.deepEqual(await violations(acmeEmailSet, TYPES.clusterIssuer, issuer()), ["ClusterIssuer has no valid ACME e-mail (spec.acme.email null): set acmeEmail"]);
        assert.deepEqual(await violations(acmeEmailSet, TYPES.clusterIssuer, issuer("ops")), ['ClusterIssuer has no valid ACME e-mail (spec.acme.email "ops"): set acmeEmail']);
    });

    it("a non-ACME issuer is none of its business", async () => {
        assert.deepEqual(await violations(acmeEmailSet, TYPES.clusterIssuer, { spec: { selfSigned: {} } }), []);
    });
});

describe("no-secrets-in-plain-inputs", () => {
    it("a command reading its secret from stdin passes; one with the secret in its command line fails", async () => {
        assert.deepEqual(await violations(noSecretsInPlainInputs, TYPES.command, { create: 'token="$(cat)"; k3s install --token "$token"', stdin: "s3cr3t-token-value" }), []);
        assert.deepEqual(await violations(noSecretsInPlainInputs, TYPES.command, { create: "kubectl kots install --shared-password=hunter2hunter2" }), [
            "create holds a password/secret/token assignment: pass secrets on stdin or as Pulumi secrets, never in plain inputs",
        ]);
        assert.deepEqual(await violations(noSecretsInPlainInputs, TYPES.command, { environment: { KEY: "-----BEGIN OPENSSH PRIVATE KEY-----\nabc" } }), [
            "environment.KEY holds a private key: pass secrets on stdin or as Pulumi secrets, never in plain inputs",
        ]);
    });

    it("credentials in a URL in chart values or a ConfigMap fail; in a Kubernetes Secret they are where they belong", async () => {
        assert.deepEqual(await violations(noSecretsInPlainInputs, TYPES.helmRelease, { values: { proxy: "https://user:pa55word@proxy.example.com" } }), [
            "values.proxy holds credentials in a URL: pass secrets on stdin or as Pulumi secrets, never in plain inputs",
        ]);
        assert.equal((await violations(noSecretsInPlainInputs, TYPES.configMap, { data: { "api.conf": "api_key: abcdefghijkl" } })).length, 1);
        assert.deepEqual(await violations(noSecretsInPlainInputs, "kubernetes:core/v1:Secret", { stringData: { password: "password=abcdefghijkl" } }), []);
    });

    it("tags are plain on every resource", async () => {
        assert.equal((await violations(noSecretsInPlainInputs, TYPES.instance, { tags: { note: "secret=abcdefghijklmnop" } })).length, 1);
    });
});

describe("the pack", () => {
    it("holds the four policies, all mandatory", () => {
        assert.deepEqual(POLICIES.map((p) => `${p.name}:${p.enforcementLevel}`), [
            "no-world-open-admin-ports:mandatory",
            "pay-as-you-go-instances:mandatory",
            "acme-email-set:mandatory",
            "no-secrets-in-plain-inputs:mandatory",
        ]);
    });
});
