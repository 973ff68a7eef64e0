/** Test helper: renders the few KOTS template functions Gitpod's manifests use (no Pulumi). */
import assert from "node:assert/strict";

/**
 * Renders the KOTS template the way KOTS does for the few functions gitpod-certificate.yaml
 * uses; anything else is left in place and fails the test.
 */
export function renderKots(text: string, config: Record<string, string>, license: Record<string, string>): string {
    const option = (k: string) => {
        assert.ok(k in config, `ConfigOption "${k}" not given`);
        return config[k];
    };
    return text
        .replace(
            /\{\{repl if \(ConfigOptionEquals "([^"]+)" "([^"]*)" ?\) \}\}(.*?)\{\{repl else \}\}(.*?)\{\{repl end \}\}/g,
            (_m, k: string, v: string, then: string, otherwise: string) => (option(k) === v ? then : otherwise),
        )
        .replace(
            /\{\{repl or \(ConfigOptionEquals "([^"]+)" "([^"]*)"\) \(ConfigOptionEquals "([^"]+)" "([^"]*)"\) \}\}/g,
            (_m, k1: string, v1: string, k2: string, v2: string) => String(option(k1) === v1 || option(k2) === v2),
        )
        .replace(/\{\{repl ConfigOption "([^"]+)" \}\}/g, (_m, k: string) => option(k))
        .replace(/\{\{repl LicenseFieldValue "([^"]+)" \}\}/g, (_m, k: string) => {
            assert.ok(k in license, `LicenseFieldValue "${k}" not given`);
            return license[k];
        });
}
