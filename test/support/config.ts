/**
 * Shared pieces of the config tests (test/lib/config*.ts): the secrets and values of a minimal
 * valid stack, a RawConfig built from them, and the problems `validateConfig` reports.
 */
import * as assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import { ConfigError, RawConfig, validateConfig } from "../../lib/config";

/** The secret keys every stack sets (the DNSPod key of the TLS stage). */
export const TEST_SECRETS = { dnspodSecretId: pulumi.secret("AKIDx"), dnspodSecretKey: pulumi.secret("key") };

/** The plain values of a minimal valid stack, as the CLI hands them over (JSON for lists). */
export const MINIMAL_VALUES = {
    domain: "gitpod.example.com",
    acmeEmail: "ops@example.com",
    adminCidrs: JSON.stringify(["203.0.113.7/32"]),
    allowedEmailDomains: JSON.stringify(["example.com"]),
};

/** MINIMAL_VALUES with `values` over them, TEST_SECRETS, cloud credentials present; `overrides` last. */
export function rawConfig(values: Record<string, string | undefined>, overrides: Partial<RawConfig> = {}): RawConfig {
    return { values: { ...MINIMAL_VALUES, ...values }, secrets: TEST_SECRETS, cloudCredentials: true, ...overrides };
}

/** The problems `validateConfig` throws for `r` (as a ConfigError), or none. */
export function problemsOf(r: RawConfig): readonly string[] {
    try {
        validateConfig(r);
    } catch (e) {
        assert.ok(e instanceof ConfigError, `expected ConfigError, got ${String(e)}`);
        return e.problems;
    }
    return [];
}
