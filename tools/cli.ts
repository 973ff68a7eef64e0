/**
 * What the command-line tools share besides the output style (tools/report.ts): running the
 * Pulumi CLI, the `--stack` argument, and the entry point that prints and sets the exit code.
 */
import { execFile } from "node:child_process";
import { resolve } from "node:path";
import { CheckResult, formatResult } from "./report";

export interface ExecResult {
    readonly code: number | null;
    readonly stdout: string;
    readonly stderr: string;
    /** The program is not installed (ENOENT). */
    readonly notFound?: boolean;
}

export type Exec = (cmd: string, args: readonly string[]) => Promise<ExecResult>;
export type Env = Readonly<Record<string, string | undefined>>;

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

/** The value of `--<name> <v>` or `--<name>=<v>` (`--stack` also as `-s`). */
export function argValue(argv: readonly string[], name: string, short?: string): string | undefined {
    const i = argv.findIndex((a) => a === `--${name}` || (short !== undefined && a === `-${short}`));
    if (i >= 0 && argv[i + 1]) return argv[i + 1];
    return argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
}

export function parseArgs(argv: readonly string[]): { stack?: string } {
    const stack = argValue(argv, "stack", "s");
    return stack ? { stack } : {};
}

/** `--stack <name>` when the user chose one, else nothing (the selected stack). */
export function stackArgs(stack: string | undefined): string[] {
    return stack ? ["--stack", stack] : [];
}

/** Prints each result as the shared style wants it. */
export function printResult(r: CheckResult): void {
    formatResult(r).forEach((l) => console.log(l));
}

/** Runs a tool's main when its file is the entry point: exit code from main, 2 when it crashed. */
export function runAsMain(mod: NodeModule, tool: string, main: () => Promise<number>): void {
    if (require.main !== mod) return;
    main().then(
        (code) => {
            process.exitCode = code;
        },
        (e: unknown) => {
            console.error(`${tool} crashed: ${(e as Error).stack ?? String(e)}`);
            process.exitCode = 2;
        },
    );
}
