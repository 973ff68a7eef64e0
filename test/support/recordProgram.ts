/**
 * Prints, as JSON on stdout, what index.ts declares under mocks with the plain config given as
 * a JSON object in argv[2] (merged over the valid defaults). Lets one test compare the records
 * of two configurations: Pulumi's runtime is process-global, so each run needs a process.
 *   node --import tsx test/support/recordProgram.ts '{"workspaceNodes":"2"}'
 */
import { runProgram } from "./program";

async function main(): Promise<void> {
    const run = await runProgram({ plain: JSON.parse(process.argv[2] ?? "{}") });
    process.stdout.write(JSON.stringify({ resources: run.resources, error: run.error === undefined ? undefined : String(run.error) }));
}

void main();
