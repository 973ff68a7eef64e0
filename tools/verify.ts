/**
 * `npm run verify [-- --stack <name>] [--my-ip <address>]`: after `pulumi up`, from your machine,
 * checks the live install (tools/verifyChecks.ts), one line per check like the doctor.
 * Exit code 0 only when nothing FAILs.
 */
import { argValue, parseArgs, printResult, realExec, runAsMain } from "./cli";
import { runVerify } from "./verifyChecks";

export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<number> {
    const { stack } = parseArgs(argv);
    console.log(`gitpod-tencent verify${stack ? ` (stack ${stack})` : ""}`);
    const { exitCode } = await runVerify({ exec: realExec, stack, myIp: argValue(argv, "my-ip"), onResult: printResult });
    console.log(exitCode === 0 ? "\nno failures: Gitpod is up and only reachable as intended" : "\nfix the FAIL lines above");
    return exitCode;
}

runAsMain(module, "verify", main);
