/**
 * Which test files get a process of their own. Files that run Pulumi's mocks need one: the
 * runtime (mock monitor, config store, registered resources) is process-global. Every other
 * file is loaded into one shared process (test/shared.test.ts), which saves a Node + tsx start
 * per file, most of the suite's time on a 2-core machine. The shared files form two groups, so
 * the two cores stay busy: `scripts` (they mostly wait on bash subprocesses) and `other`.
 *
 * `node --import tsx test/support/suites.ts` prints the isolated files for `npm run test:unit`.
 */
import * as fs from "node:fs";
import * as path from "node:path";

const TEST_DIR = path.join(__dirname, "..");
/** test/shared.<group>.test.ts load the shared files of their group. */
const SHARED_ENTRY = /^shared\.[a-z]+\.test\.ts$/;
const USES_PULUMI_RUNTIME = /\b(setMocks|setupMocks|setupComponentMocks|runProgram)\(/;

function allTestFiles(dir: string): string[] {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
        const full = path.join(dir, e.name);
        if (e.isDirectory()) return e.name === "fixtures" ? [] : allTestFiles(full);
        return e.name.endsWith(".test.ts") && !SHARED_ENTRY.test(e.name) ? [full] : [];
    });
}

export type SharedGroup = "scripts" | "other";

export function testFiles(): { isolated: string[]; shared: Record<SharedGroup, string[]> } {
    const files = allTestFiles(TEST_DIR).sort();
    const isolated = files.filter((f) => USES_PULUMI_RUNTIME.test(fs.readFileSync(f, "utf8")));
    const shared = files.filter((f) => !isolated.includes(f));
    const inScripts = (f: string) => f.startsWith(path.join(TEST_DIR, "scripts") + path.sep);
    return { isolated, shared: { scripts: shared.filter(inScripts), other: shared.filter((f) => !inScripts(f)) } };
}

if (require.main === module) {
    console.log(testFiles().isolated.map((f) => path.relative(process.cwd(), f)).join("\n"));
}
