/**
 * The output style the command-line tools share (`npm run doctor`, `npm run verify`): one line
 * per check, `PASS|WARN|FAIL  <name>  <message>`, indented details, and on WARN/FAIL the fix.
 * Exit code 0 only when nothing FAILs. Each check is a small function returning a CheckResult;
 * the tools print each result as soon as it is known.
 */
export type Level = "PASS" | "FAIL" | "WARN";

export interface CheckResult {
    readonly name: string;
    readonly level: Level;
    readonly message: string;
    /** Extra lines (e.g. one per missing image). */
    readonly details?: readonly string[];
    /** What to do, on FAIL or WARN. */
    readonly fix?: string;
}

export const pass = (name: string, message: string, details?: string[]): CheckResult => ({ name, level: "PASS", message, details });
export const fail = (name: string, message: string, fix: string, details?: string[]): CheckResult => ({ name, level: "FAIL", message, fix, details });
export const warn = (name: string, message: string, fix?: string, details?: string[]): CheckResult => ({ name, level: "WARN", message, fix, details });

/** `PASS  name  message`, then indented details and `fix:`. */
export function formatResult(r: CheckResult): string[] {
    const lines = [`${r.level.padEnd(4)}  ${r.name.padEnd(18)} ${r.message}`];
    for (const d of r.details ?? []) lines.push(`      ${d}`);
    if (r.fix && r.level !== "PASS") lines.push(`      fix: ${r.fix}`);
    return lines;
}

export function exitCodeOf(results: readonly CheckResult[]): number {
    return results.some((r) => r.level === "FAIL") ? 1 : 0;
}

/** Collects results in order and hands each to `onResult` (printing progress) as it comes. */
export function collector(onResult?: (r: CheckResult) => void): { results: CheckResult[]; add: (r: CheckResult) => void } {
    const results: CheckResult[] = [];
    return {
        results,
        add: (r) => {
            results.push(r);
            onResult?.(r);
        },
    };
}

export function firstLine(s: string): string {
    return s.trim().split("\n").find((l) => l.trim() !== "")?.trim() ?? "";
}

/** A short cause for a network error: the system code (ECONNREFUSED, ENOTFOUND...) when there is one. */
export function describeError(e: unknown): string {
    const err = e as { name?: string; code?: string; message?: string; cause?: { code?: string; message?: string } };
    if (err?.name === "TimeoutError") return "timed out";
    return err?.cause?.code ?? err?.code ?? err?.cause?.message ?? err?.message ?? String(e);
}
