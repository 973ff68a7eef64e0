// Stub commands for running the VM scripts locally: a temp dir with a bin/ of executable bash
// stubs put first on PATH, a log file every stub appends its invocation to, a state dir stubs
// may use to remember things between calls, and a root dir for GT_ROOT.
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { renderScript, type ScriptName } from "../../lib/scripts";

/**
 * Commands that must never reach the real system from a test. Unless a test gives its own stub,
 * each of these gets one that logs the call and fails with "unexpected call".
 */
export const GUARDED_COMMANDS = [
    "k3s",
    "kubectl",
    "curl",
    "systemctl",
    "cloud-init",
    "apt-get",
    "dpkg",
    "sysctl",
    "sudo",
] as const;

export interface StubDir {
    /** The temp dir holding everything below. */
    dir: string;
    /** Stub executables, first on PATH. */
    bin: string;
    /** Every stub appends one line `<name> <args joined by spaces>` here. */
    logFile: string;
    /** Scratch dir for stubs' state (env STUB_STATE). */
    state: string;
    /** Use as GT_ROOT. */
    root: string;
    /** Environment for running a script: PATH, STUB_LOG, STUB_STATE, TMPDIR, HOME, LC_ALL. */
    env: Record<string, string>;
    /** Lines logged so far. */
    calls(): string[];
    /** Forget logged lines. */
    clearCalls(): void;
    /** Add or replace a stub. */
    stub(name: string, body: string): void;
    /** Write a file under `state`. */
    writeState(name: string, content: string): void;
    /** Remove the temp dir. */
    cleanup(): void;
}

/**
 * Make a stub dir. `stubs` maps a command name to the bash body run after the logging prelude
 * (`$@` holds the arguments; `$STUB_STATE` and `$STUB_LOG` are set).
 */
export function makeStubDir(stubs: Record<string, string> = {}): StubDir {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gt-stubs-"));
    const bin = path.join(dir, "bin");
    const state = path.join(dir, "state");
    const root = path.join(dir, "root");
    const tmp = path.join(dir, "tmp");
    for (const d of [bin, state, root, tmp]) fs.mkdirSync(d);
    const logFile = path.join(dir, "calls.log");
    fs.writeFileSync(logFile, "");

    const stub = (name: string, body: string): void => {
        const text = `#!/usr/bin/env bash\nprintf '%s\\n' "${name} $*" >>"$STUB_LOG"\n${body}\n`;
        fs.writeFileSync(path.join(bin, name), text, { mode: 0o755 });
    };
    for (const name of GUARDED_COMMANDS) {
        stub(name, `echo "stub ${name}: unexpected call: $*" >&2\nexit 127`);
    }
    for (const [name, body] of Object.entries(stubs)) stub(name, body);

    return {
        dir,
        bin,
        logFile,
        state,
        root,
        env: {
            PATH: `${bin}:${process.env.PATH ?? "/usr/bin:/bin"}`,
            STUB_LOG: logFile,
            STUB_STATE: state,
            TMPDIR: tmp,
            HOME: dir,
            LC_ALL: "C",
        },
        calls: () =>
            fs
                .readFileSync(logFile, "utf8")
                .split("\n")
                .filter((l) => l !== ""),
        clearCalls: () => fs.writeFileSync(logFile, ""),
        stub,
        writeState: (name, content) => fs.writeFileSync(path.join(state, name), content),
        cleanup: () => fs.rmSync(dir, { recursive: true, force: true }),
    };
}

export interface ScriptRun {
    status: number | null;
    stdout: string;
    stderr: string;
}

/**
 * Run the RENDERED script (`renderScript(name, params)`) as the VM would, `bash -c <script> <name>`,
 * with the stub environment plus `extraEnv`, `input` on stdin.
 */
export function runRendered(
    stubs: StubDir,
    name: ScriptName,
    params: Record<string, string>,
    opts: { input?: string; extraEnv?: Record<string, string>; timeoutMs?: number } = {},
): ScriptRun {
    const script = renderScript(name, params);
    // stdin from a file, not a pipe: a script that exits before reading it (bad parameters)
    // would otherwise race the write and fail the run with EPIPE.
    const inputFile = path.join(stubs.dir, `stdin-${process.hrtime.bigint()}`);
    fs.writeFileSync(inputFile, opts.input ?? "");
    const stdin = fs.openSync(inputFile, "r");
    try {
        const r = spawnSync("bash", ["-c", script, name], {
            env: { ...stubs.env, ...(opts.extraEnv ?? {}) },
            stdio: [stdin, "pipe", "pipe"],
            encoding: "utf8",
            timeout: opts.timeoutMs ?? 20_000,
        });
        if (r.error) throw r.error;
        return { status: r.status, stdout: r.stdout, stderr: r.stderr };
    } finally {
        fs.closeSync(stdin);
    }
}
