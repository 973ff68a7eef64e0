/**
 * Secure by default: with neither authProviders nor allowedEmailDomains (and no openSignup),
 * `pulumi up` refuses before anything exists, with one line naming the keys.
 */
import { before, describe, it } from "node:test";
import * as assert from "node:assert/strict";
import { ProgramRun, runProgram } from "../tools/mock/program";

let run: ProgramRun;

before(async () => {
    run = await runProgram({ plain: { allowedEmailDomains: undefined } });
});

describe("a config that lets strangers claim Gitpod", () => {
    it("fails the program with the reason, naming the keys", () => {
        assert.match(String(run.error), /gitpod-tencent:authProviders\/allowedEmailDomains: got nothing; expected your OAuth app in authProviders and\/or the e-mail domains allowed to sign up in allowedEmailDomains, so that no stranger can claim the new Gitpod \(or openSignup: true to accept that\)/);
    });

    it("registers no resource at all", () => {
        assert.deepEqual(run.resources.map((r) => `${r.type} ${r.name}`), []);
    });
});
