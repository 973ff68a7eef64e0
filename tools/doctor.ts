/**
 * `npm run doctor [-- --stack <name>]`: before any VM exists, checks what a `pulumi up` will
 * need — Pulumi CLI and login, the stack, Tencent Cloud keys, the DNSPod zone, the KOTS
 * licence, and every image Gitpod will pull — one line each, PASS/WARN/FAIL with the fix; for a
 * deployed stack also how long its kubeconfig lasts (tools/doctorKubeconfig.ts).
 * Exit code 0 only when nothing FAILs. The checks live in tools/doctorChecks.ts.
 */
import { execFile } from "node:child_process";
import { resolve } from "node:path";
import { Exec, formatResult, runDoctor } from "./doctorChecks";

const PROJECT_DIR = resolve(__dirname, "..");

/** Runs a command in the project directory, stdin closed (no prompts), bounded in time. */
export const realExec: Exec = (cmd, args) =>
    new Promise((done) => {
        const child = execFile(cmd, [...args], { cwd: PROJECT_DIR, timeout: 60_000, maxBuffer: 4 * 1024 * 1024, encoding: "utf8" }, (err, stdout, stderr) => {
            const e = err as (NodeJS.ErrnoException & { code?: string | number }) | null;
            if (e && e.code === "ENOENT") return done({ code: null, stdout: "", stderr: "", notFound: true });
            done({ code: e ? (typeof e.code === "number" ? e.code : (child.exitCode ?? 1)) : 0, stdout, stderr });
        });
        child.stdin?.end();
    });

export function parseArgs(argv: readonly string[]): { stack?: string } {
    const i = argv.findIndex((a) => a === "--stack" || a === "-s");
    if (i >= 0 && argv[i + 1]) return { stack: argv[i + 1] };
    const eq = argv.find((a) => a.startsWith("--stack="));
    return eq ? { stack: eq.slice("--stack=".length) } : {};
}

export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<number> {
    const { stack } = parseArgs(argv);
    console.log(`gitpod-tencent doctor${stack ? ` (stack ${stack})` : ""}`);
    const { exitCode } = await runDoctor({
        exec: realExec,
        env: process.env,
        stack,
        onResult: (r) => formatResult(r).forEach((l) => console.log(l)),
    });
    console.log(exitCode === 0 ? "\nno failures: ready for `pulumi up`" : "\nfix the FAIL lines above before `pulumi up`");
    return exitCode;
}

if (require.main === module) {
    main().then(
        (code) => {
            process.exitCode = code;
        },
        (e: unknown) => {
            console.error(`doctor crashed: ${(e as Error).stack ?? String(e)}`);
            process.exitCode = 2;
        },
    );
}
