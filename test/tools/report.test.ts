import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { exitCodeOf, formatResult } from "../../tools/report";

describe("formatResult", () => {
    it("prints the level, the name, the message, details, and the fix only when not PASS", () => {
        assert.deepEqual(formatResult({ name: "x", level: "FAIL", message: "broken", details: ["a"], fix: "do y" }), [
            "FAIL  x                  broken",
            "      a",
            "      fix: do y",
        ]);
        assert.deepEqual(formatResult({ name: "x", level: "PASS", message: "ok", fix: "unused" }), ["PASS  x                  ok"]);
    });
});

describe("exitCodeOf", () => {
    it("is 1 when any check FAILs, 0 with only PASS and WARN", () => {
        assert.equal(exitCodeOf([{ name: "a", level: "PASS", message: "" }, { name: "b", level: "WARN", message: "" }]), 0);
        assert.equal(exitCodeOf([{ name: "a", level: "PASS", message: "" }, { name: "b", level: "FAIL", message: "", fix: "" }]), 1);
    });
});
