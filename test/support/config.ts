/** Helpers for config validation tests. */
import assert from "node:assert/strict";
import { ConfigError, RawConfig, validateConfig } from "../../lib/config";

/** The problem lines `validateConfig` reports for `r` (none when it is valid). */
export function problemsOf(r: RawConfig): readonly string[] {
    try {
        validateConfig(r);
    } catch (e) {
        assert.ok(e instanceof ConfigError, String(e));
        return e.problems;
    }
    return [];
}
