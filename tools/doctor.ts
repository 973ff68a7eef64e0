/**
 * `npm run doctor [-- --stack <name>]`: before any VM exists, checks what a `pulumi up` will
 * need — Pulumi CLI and login, the stack, Tencent Cloud keys, the DNSPod zone, the instance
 * type (sold in the zone, list price as an estimate), the KOTS licence, and every image Gitpod
 * will pull — one line each, PASS/WARN/FAIL with the fix (tools/report.ts); for a deployed stack
 * also how long its kubeconfig lasts (tools/doctorKubeconfig.ts).
 * Exit code 0 only when nothing FAILs. The checks live in tools/doctorChecks.ts.
 */
import { parseArgs, printResult, realExec, runAsMain } from "./cli";
import { runDoctor } from "./doctorChecks";

export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<number> {
    const { stack } = parseArgs(argv);
    console.log(`gitpod-tencent doctor${stack ? ` (stack ${stack})` : ""}`);
    const { exitCode } = await runDoctor({ exec: realExec, env: process.env, stack, onResult: printResult });
    console.log(exitCode === 0 ? "\nno failures: ready for `pulumi up`" : "\nfix the FAIL lines above before `pulumi up`");
    return exitCode;
}

runAsMain(module, "doctor", main);
