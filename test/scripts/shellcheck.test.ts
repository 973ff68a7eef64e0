import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { COMMON_LIB_PATH, SCRIPTS_DIR } from "../../lib/scripts";

const scripts = fs
    .readdirSync(SCRIPTS_DIR)
    .filter((f) => f.endsWith(".sh"))
    .sort()
    .map((f) => path.join(SCRIPTS_DIR, f))
    .concat(COMMON_LIB_PATH, path.join(__dirname, "..", "..", "tools", "static-checks.sh"));

describe("shellcheck", () => {
    it("finds the scripts", () => {
        assert.ok(scripts.length >= 7, `only ${scripts.length} scripts in ${SCRIPTS_DIR}`);
        assert.ok(fs.existsSync(COMMON_LIB_PATH), `${COMMON_LIB_PATH} is missing`);
    });

    for (const file of scripts) {
        it(`${path.relative(SCRIPTS_DIR, file)} passes shellcheck -x -S style`, () => {
            const r = spawnSync("shellcheck", ["-x", "-S", "style", file], { encoding: "utf8", cwd: SCRIPTS_DIR });
            if (r.error && (r.error as NodeJS.ErrnoException).code === "ENOENT") {
                assert.fail("shellcheck is not installed, so the scripts were NOT checked: install it (apt-get install shellcheck) and re-run");
            }
            assert.equal(r.status, 0, `shellcheck findings:\n${r.stdout}${r.stderr}`);
        });
    }
});
