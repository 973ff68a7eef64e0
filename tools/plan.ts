/**
 * `npm run plan [-- --stack <name>]`: with no cloud, no Pulumi CLI and no secrets, evaluates
 * index.ts under Pulumi's mock engine and prints the stages, what each waits on, and a modelled
 * time to a usable Gitpod with its critical path (lib/plan.ts). Fork pull requests get this
 * instead of a preview. With `--stack`, the plain values of `Pulumi.<stack>.yaml` are used over
 * the tests' sample configuration (encrypted values keep their samples).
 *
 * The mock engine is tools/mock/ (program.ts, mocks.ts): one engine for the tests, bench and plan.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import YAML from "yaml";
import { PROJECT } from "../lib/config/checker";
import { buildPlan, formatPlan, Plan } from "../lib/plan";
import { parseArgs, runAsMain } from "./cli";

/** The project's plain values of a stack file, without the `gitpod-tencent:` prefix. */
export function stackFileConfig(text: string): Record<string, unknown> {
    const config = (YAML.parse(text) as { config?: Record<string, unknown> } | null)?.config ?? {};
    const isSecure = (v: unknown) => typeof v === "object" && v !== null && "secure" in v;
    return Object.fromEntries(
        Object.entries(config)
            .filter(([k, v]) => k.startsWith(`${PROJECT}:`) && !isSecure(v))
            .map(([k, v]) => [k.slice(PROJECT.length + 1), v]),
    );
}

/** Evaluates the program under mocks and plans it; throws what the program threw. */
export async function planProgram(plain: Record<string, unknown> = {}): Promise<{ plan: Plan; resources: number }> {
    const { runProgram } = await import("./mock/program");
    const run = await runProgram({ plain });
    if (run.error) throw run.error;
    return { plan: buildPlan(run.resources), resources: run.resources.length };
}

export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<number> {
    const { stack } = parseArgs(argv);
    const file = stack ? path.join(__dirname, "..", `Pulumi.${stack}.yaml`) : undefined;
    const plain = file && fs.existsSync(file) ? stackFileConfig(fs.readFileSync(file, "utf8")) : {};
    const source = file && fs.existsSync(file) ? `the plain config of ${path.basename(file)}` : "the sample config";
    const { plan, resources } = await planProgram(plain);
    console.log(`gitpod-tencent plan: index.ts under Pulumi's mock engine with ${source} (no cloud, no CLI, no secrets); ${plan.stages.length} stages, ${resources} resources\n`);
    formatPlan(plan).forEach((l) => console.log(l));
    return 0;
}

runAsMain(module, "plan", () => main());
