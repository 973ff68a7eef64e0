import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { checkPulumiCli, checkPulumiLogin, checkStack, ConfigValue, pulumiConfigGet } from "../../tools/pulumiCli";
import { CheckResult, formatResult } from "../../tools/report";
import { fakeExec } from "../support/fakeExec";

const set = (value: string): ConfigValue => ({ kind: "set", value });
const unset: ConfigValue = { kind: "unset" };
const text = (r: CheckResult): string => formatResult(r).join("\n");

describe("pulumi checks", () => {
    it("CLI present: PASS with the version", async () => {
        const r = await checkPulumiCli(fakeExec({ "pulumi version": { stdout: "v3.130.0\n" } }));
        assert.equal(r.level, "PASS");
        assert.equal(r.message, "v3.130.0");
    });

    it("CLI absent: FAIL with the install command", async () => {
        const r = await checkPulumiCli(fakeExec({}, { notFound: true }));
        assert.equal(r.level, "FAIL");
        assert.match(text(r), /^FAIL  pulumi CLI .*not on PATH\n {6}fix: install the Pulumi CLI: curl -fsSL https:\/\/get\.pulumi\.com \| sh/);
    });

    it("logged in: PASS naming the user; not logged in: FAIL with `pulumi login`", async () => {
        const ok = await checkPulumiLogin(fakeExec({ "pulumi whoami": { stdout: "alice\n" } }));
        assert.equal(ok.level, "PASS");
        assert.equal(ok.message, "logged in as alice");
        const ko = await checkPulumiLogin(fakeExec({ "pulumi whoami": { code: 255, stderr: "error: PULUMI_ACCESS_TOKEN must be set for login during non-interactive CLI sessions\n" } }));
        assert.equal(ko.level, "FAIL");
        assert.match(ko.message, /PULUMI_ACCESS_TOKEN/);
        assert.match(ko.fix ?? "", /pulumi login/);
    });

    it("stack: selected → PASS; none → FAIL with `pulumi stack select`; --stack is passed on", async () => {
        const ok = await checkStack(fakeExec({ "pulumi stack --show-name": { stdout: "dev\n" } }));
        assert.equal(ok.level, "PASS");
        assert.equal(ok.stack, "dev");
        const ko = await checkStack(fakeExec({ "pulumi stack --show-name": { code: 255, stderr: "error: no stack selected\n" } }));
        assert.equal(ko.level, "FAIL");
        assert.match(ko.fix ?? "", /pulumi stack select/);
        const exec = fakeExec({ "pulumi stack --show-name --stack prod": { stdout: "prod\n" } });
        assert.equal((await checkStack(exec, "prod")).level, "PASS");
        assert.deepEqual(exec.calls, ["pulumi stack --show-name --stack prod"]);
    });

    it("config get: set, unset (not found) and unreadable", async () => {
        const exec = fakeExec({
            "pulumi config get domain --stack dev": { stdout: "gitpod.example.com\n" },
            "pulumi config get tencentcloud:secretKey --stack dev": { code: 255, stderr: "error: passphrase must be set with PULUMI_CONFIG_PASSPHRASE\n" },
        });
        assert.deepEqual(await pulumiConfigGet(exec, "domain", "dev"), set("gitpod.example.com"));
        assert.deepEqual(await pulumiConfigGet(exec, "dnsZone", "dev"), unset);
        const e = await pulumiConfigGet(exec, "tencentcloud:secretKey", "dev");
        assert.equal(e.kind, "error");
    });
});
