import { Exec, ExecResult } from "../../tools/cli";

/** A fake command runner: answers from a table keyed by "cmd arg arg", records calls. */
export function fakeExec(table: Record<string, Partial<ExecResult>>, opts: { notFound?: boolean } = {}): Exec & { calls: string[] } {
    const calls: string[] = [];
    const exec = (async (cmd: string, args: readonly string[]) => {
        const key = [cmd, ...args].join(" ");
        calls.push(key);
        if (opts.notFound) return { code: null, stdout: "", stderr: "", notFound: true };
        const r = table[key];
        if (!r) {
            const m = /^pulumi config get (\S+)/.exec(key);
            return { code: 255, stdout: "", stderr: m ? `error: configuration key '${m[1]}' not found for stack 'dev'` : `unexpected ${key}` };
        }
        return { code: 0, stdout: "", stderr: "", ...r };
    }) as Exec & { calls: string[] };
    exec.calls = calls;
    return exec;
}
