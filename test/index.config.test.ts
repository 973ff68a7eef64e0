/** A stack with bad configuration: every problem reported at once, and nothing declared. */
import { before, describe, it } from "node:test";
import * as assert from "node:assert/strict";
import { ConfigError } from "../lib/config";
import { ProgramRun, runProgram } from "./support/program";

let run: ProgramRun;

before(async () => {
    run = await runProgram({
        plain: { domain: "https://Gitpod.example.com/", acmeEmail: "nobody", adminCidrs: ["0.0.0.0/33"], systemDiskSize: 20, acmeServer: "prod" },
        secrets: { dnspodSecretKey: undefined },
    });
});

describe("the program with bad configuration", () => {
    it("fails with every problem, one line each naming the key", () => {
        assert.ok(run.error instanceof ConfigError, `expected a ConfigError, got ${String(run.error)}`);
        const keys = run.error.problems.map((p) => p.split(":")[1]);
        assert.deepEqual(keys.sort(), ["acmeEmail", "acmeServer", "adminCidrs[0]", "dnspodSecretKey", "domain", "systemDiskSize"]);
    });

    it("declares no resource at all", () => {
        assert.deepEqual(run.resources.map((r) => `${r.type} ${r.name}`), []);
        assert.deepEqual(run.invokes, []);
    });

    it("never shows a secret's value", () => {
        assert.ok(!String(run.error).includes("AKIDexample"));
    });
});
