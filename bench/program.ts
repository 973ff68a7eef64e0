/**
 * Prints how long evaluating the whole program under Pulumi's mocks takes (module load
 * included), so a slow change shows up as a number rather than a flaky timed test.
 * Usage: npm run bench
 */
import { performance } from "node:perf_hooks";

async function main(): Promise<void> {
    const t0 = performance.now();
    const { runProgram } = await import("../tools/mock/program");
    const t1 = performance.now();
    const run = await runProgram();
    const t2 = performance.now();
    if (run.error) throw run.error;
    console.log(`load harness + @pulumi/pulumi: ${(t1 - t0).toFixed(0)} ms`);
    console.log(`evaluate program under mocks:   ${(t2 - t1).toFixed(0)} ms (${run.resources.length} resources, ${run.invokes.length} invokes)`);
}

main().catch((e) => {
    console.error(e);
    process.exit(1);
});
