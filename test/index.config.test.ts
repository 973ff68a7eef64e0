/** A stack with bad configuration: every problem reported at once, and nothing declared. */
import { before, describe, it } from "node:test";
import * as assert from "node:assert/strict";
import { ConfigError } from "../lib/config";
import { ProgramRun, runProgram } from "../tools/mock/program";

let run: ProgramRun;

before(async () => {
    run = await runProgram({
        plain: { domain: "https://Gitpod.example.com/", acmeEmail: "nobody", adminCidrs: ["0.0.0.0/33"], systemDiskSize: 20, acmeServer: "prod", region: "ap-hongkong", gitpodInstaller: "installer" },
        // Encrypted by the CLI (`pulumi config set --secret`): installer mode would put it in a command.
        secrets: { dnspodSecretKey: undefined, gitpodConfigPatch: JSON.stringify({ database: { external: false } }) },
    });
});

describe("the program with bad configuration", () => {
    it("fails with every problem, one line each naming the key", () => {
        assert.ok(run.error instanceof ConfigError, `expected a ConfigError, got ${String(run.error)}`);
        const keys = run.error.problems.map((p) => p.split(":")[1]);
        assert.deepEqual(keys.sort(), ["acmeEmail", "acmeServer", "adminCidrs[0]", "dnspodSecretKey", "domain", "gitpodConfigPatch", "region", "systemDiskSize"]);
    });

    it("a tencentcloud:region other than region is one of them", () => {
        assert.ok(run.error instanceof ConfigError);
        assert.ok(run.error.problems.some((p) => p.startsWith('tencentcloud:region: got "ap-singapore"; expected ap-hongkong')), run.error.problems.join("\n"));
    });

    it("declares no resource at all", () => {
        assert.deepEqual(run.resources.map((r) => `${r.type} ${r.name}`), []);
        assert.deepEqual(run.invokes, []);
    });

    it("never shows a secret's value", () => {
        assert.ok(!String(run.error).includes("AKIDexample"));
    });
});
