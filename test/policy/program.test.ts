/** The program as it stands passes its own policy pack (resources recorded under mocks). */
import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { POLICIES, TYPES } from "../../policy/policies";
import { assertRecordedAtLeast, byType, ProgramRun, runProgram } from "../../tools/mock/program";
import { violations } from "../support/policy";

describe("the program under its policy pack", () => {
    let run: ProgramRun;
    before(async () => {
        run = await runProgram();
        assert.equal(run.error, undefined);
    });

    it("no policy reports anything for any resource", async () => {
        assertRecordedAtLeast(run, 20);
        const found: string[] = [];
        for (const r of run.resources) {
            for (const policy of POLICIES) found.push(...(await violations(policy, r.type, r.inputs)).map((m) => `${r.type} ${r.name}: ${policy.name}: ${m}`));
        }
        assert.deepEqual(found, []);
    });

    it("the policies had something to look at: the rule set, the instance, the ClusterIssuer, remote commands", () => {
        for (const type of [TYPES.ruleSet, TYPES.instance, TYPES.clusterIssuer, TYPES.command]) assert.ok(byType(run, type).length > 0, type);
    });
});
