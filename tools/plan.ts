/**
 * `npm run plan`: with no cloud, no Pulumi CLI and no secrets, evaluates index.ts under Pulumi's
 * mock engine with the tests' sample configuration and prints the stages, what each waits on,
 * and a modelled time to a usable Gitpod with its critical path (lib/plan.ts). Fork pull
 * requests get this instead of a preview.
 *
 * The mock harness is the tests' own (test/support/program.ts, as bench/program.ts uses it):
 * one engine for tests, bench and plan.
 */
import { buildPlan, formatPlan, Plan } from "../lib/plan";
import { runAsMain } from "./cli";

/** Evaluates the program under mocks and plans it; throws what the program threw. */
export async function planProgram(): Promise<{ plan: Plan; resources: number }> {
    const { runProgram } = await import("../test/support/program");
    const run = await runProgram();
    if (run.error) throw run.error;
    return { plan: buildPlan(run.resources), resources: run.resources.length };
}

export async function main(): Promise<number> {
    const { plan, resources } = await planProgram();
    console.log(`gitpod-tencent plan: index.ts under Pulumi's mock engine, sample config (no cloud, no CLI, no secrets); ${plan.stages.length} stages, ${resources} resources\n`);
    formatPlan(plan).forEach((l) => console.log(l));
    return 0;
}

runAsMain(module, "plan", main);
