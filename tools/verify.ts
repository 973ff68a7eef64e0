/**
 * `npm run verify [-- --stack <name>] [--my-ip <address>] [--wait <seconds>]`: after `pulumi up`,
 * from your machine, checks the live install (tools/verifyChecks.ts), one line per check like the
 * doctor. `--wait` retries the HTTPS checks while they fail, for pods still starting (CI after a resume).
 * Exit code 0 only when nothing FAILs.
 */
import { argValue, parseArgs, printResult, realExec, runAsMain } from "./cli";
import { runVerify } from "./verifyChecks";

export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<number> {
    const { stack } = parseArgs(argv);
    const wait = argValue(argv, "wait") ?? "0";
    if (!/^\d+$/.test(wait)) {
        console.error(`--wait takes a whole number of seconds, not ${JSON.stringify(wait)}`);
        return 2;
    }
    console.log(`gitpod-tencent verify${stack ? ` (stack ${stack})` : ""}`);
    const { exitCode } = await runVerify({ exec: realExec, stack, myIp: argValue(argv, "my-ip"), waitSeconds: Number(wait), onResult: printResult });
    console.log(exitCode === 0 ? "\nno failures: Gitpod is up and only reachable as intended" : "\nfix the FAIL lines above");
    return exitCode;
}

runAsMain(module, "verify", main);
