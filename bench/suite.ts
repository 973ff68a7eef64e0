/**
 * Times `npm test` the way CI runs it, stage by stage, and names the slowest test files, so the
 * suite's budget (under 90 s on a 2-core machine) is watched by a number, not a timed test.
 * Usage: npm run bench:suite
 */
import { spawnSync } from "node:child_process";
import { performance } from "node:perf_hooks";

const ROOT = `${__dirname}/..`;

/** Runs one stage, returns its wall time in seconds and its stdout. */
function timed(command: string, args: string[]): { seconds: number; stdout: string } {
    const t0 = performance.now();
    const r = spawnSync(command, args, { cwd: ROOT, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
    if (r.status !== 0) throw new Error(`${command} ${args.join(" ")} failed:\n${r.stdout.slice(-3000)}${r.stderr.slice(-3000)}`);
    return { seconds: (performance.now() - t0) / 1000, stdout: r.stdout };
}

/** Top-level entries of node's TAP output (a file's suites) with their durations, slowest first. */
export function slowestSuites(tap: string, count: number): { name: string; ms: number }[] {
    const suites: { name: string; ms: number }[] = [];
    const lines = tap.split("\n");
    lines.forEach((line, i) => {
        const m = /^(?:not )?ok \d+ - (.*)$/.exec(line);
        const duration = m && /^\s+duration_ms: ([\d.]+)/.exec(lines[i + 2] ?? "");
        if (m && duration) suites.push({ name: m[1], ms: Number(duration[1]) });
    });
    return suites.sort((a, b) => b.ms - a.ms).slice(0, count);
}

function main(): void {
    const statics = timed("bash", ["tools/static-checks.sh"]);
    const unit = timed("npm", ["run", "-s", "test:unit"]); // TAP: stdout is not a terminal
    const total = statics.seconds + unit.seconds;
    console.log(`type check + lint:  ${statics.seconds.toFixed(1)} s`);
    console.log(`node test runner:   ${unit.seconds.toFixed(1)} s`);
    console.log(`npm test:           ${total.toFixed(1)} s (budget 90 s on 2 cores)`);
    console.log("slowest suites:");
    for (const s of slowestSuites(unit.stdout, 10)) console.log(`  ${(s.ms / 1000).toFixed(1).padStart(5)} s  ${s.name}`);
}

if (require.main === module) main();
