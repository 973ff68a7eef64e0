import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import {
    COMMON_LIB_PATH,
    SCRIPT_NAMES,
    MAX_COMMAND_BYTES,
    commonLibBody,
    remoteScriptCommand,
    renderScript,
    renderScriptText,
    scriptDigest,
    scriptPath,
    shellQuote,
    validateScriptParams,
} from "../../lib/scripts";
import { makeStubDir } from "../support/stubs";

function bash(args: string[], env: Record<string, string> = {}, input = ""): { status: number | null; stdout: string; stderr: string } {
    const r = spawnSync("bash", args, { env: { PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: os.tmpdir(), ...env }, input, encoding: "utf8" });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The two lines with which a script sources lib/common.sh (renderScript replaces them). */
const SOURCE_DIRECTIVE = "# shellcheck source-path=SCRIPTDIR source=lib/common.sh";
const SOURCE_LINE = 'source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"';

const NASTY = [
    "",
    "plain",
    "with space",
    "it's",
    "''",
    "'; rm -rf / #",
    '"double" $HOME `id` $(id) \\ backslash',
    "multi\nline\n\ntext\n",
    "trailing newline\n",
    "*.example.com ?[a]",
    "tab\there",
    "unicode: 镜像 ✓",
    "!history !! ${x:-y}",
];

describe("shellQuote", () => {
    for (const s of NASTY) {
        it(`round-trips ${JSON.stringify(s)} through bash`, () => {
            const r = bash(["-c", `X=${shellQuote(s)}; printf %s "$X"`]);
            assert.equal(r.status, 0, r.stderr);
            assert.equal(r.stdout, s);
        });
    }

    it("produces one word, also when passed as an argument", () => {
        const r = bash(["-c", `set -- ${shellQuote("a b' c")}; printf '%s|' "$#" "$1"`]);
        assert.equal(r.stdout, "1|a b' c|");
    });

    it("rejects NUL", () => {
        assert.throws(() => shellQuote("a\0b"), /NUL/);
    });
});

describe("validateScriptParams", () => {
    it("accepts upper-case keys", () => {
        assert.deepEqual(validateScriptParams({ GT_K3S_VERSION: "v1", A: "", B_2: "x" }), []);
    });

    it("names each bad key", () => {
        const problems = validateScriptParams({
            lower: "x",
            "1ABC": "x",
            "A-B": "x",
            PATH: "x",
            GT_K3S_TOKEN: "x",
            DNSPOD_SECRET: "x",
            K3S_CONFIG_YAML: "x",
            CONTAINERD_ADDRESS: "x",
        });
        assert.equal(problems.length, 8, problems.join("\n"));
        for (const k of ["lower", "1ABC", "A-B", "PATH", "GT_K3S_TOKEN", "DNSPOD_SECRET", "K3S_CONFIG_YAML", "CONTAINERD_ADDRESS"]) {
            assert.ok(problems.some((p) => p.includes(`"${k}"`)), `no problem names ${k}`);
        }
        assert.match(problems.find((p) => p.includes("GT_K3S_TOKEN"))!, /stdin/);
        assert.match(problems.find((p) => p.includes("K3S_CONFIG_YAML"))!, /copies K3S_\* into k3s's service environment\); use a GT_ name/);
    });
});

describe("renderScript", () => {
    it("every script file exists, is executable, starts with the bash shebang and set -euo pipefail", () => {
        for (const name of SCRIPT_NAMES) {
            const p = scriptPath(name);
            const text = fs.readFileSync(p, "utf8");
            assert.ok(text.startsWith("#!/usr/bin/env bash\n"), `${name}: shebang`);
            assert.match(text, /^set -euo pipefail$/m, `${name}: strict mode`);
            assert.ok((fs.statSync(p).mode & 0o111) !== 0, `${name}: executable bit`);
        }
    });

    it("lists exactly the .sh files in scripts/", () => {
        const files = fs.readdirSync(path.dirname(scriptPath("host-prep"))).filter((f) => f.endsWith(".sh"));
        assert.deepEqual(files.map((f) => f.replace(/\.sh$/, "")).sort(), [...SCRIPT_NAMES].sort());
    });

    it("inserts sorted exports right after the header comment", () => {
        const text = renderScript("read-kubeconfig", { ZED: "z", GT_K3S_PUBLIC_HOST: "1.2.3.4", ALPHA: "a'b" });
        const lines = text.split("\n");
        assert.equal(lines[0], "#!/usr/bin/env bash");
        const first = lines.findIndex((l) => l.startsWith("export "));
        // Every line before the block is part of the header comment.
        for (const l of lines.slice(1, first)) assert.ok(l.startsWith("#"), `non-comment before exports: ${l}`);
        assert.deepEqual(lines.slice(first, first + 3), [
            "export ALPHA='a'\\''b'",
            "export GT_K3S_PUBLIC_HOST='1.2.3.4'",
            "export ZED='z'",
        ]);
        // The original body follows unchanged, but for the source line, which becomes lib/common.sh.
        const original = fs.readFileSync(scriptPath("read-kubeconfig"), "utf8");
        const body = original.slice(original.indexOf("\nset -euo pipefail"));
        const [beforeSource, afterSource] = body.split(`${SOURCE_DIRECTIVE}\n${SOURCE_LINE}`);
        assert.ok(afterSource !== undefined, "read-kubeconfig.sh has no source line for lib/common.sh");
        assert.ok(text.endsWith(afterSource));
        assert.ok(text.includes(`${beforeSource}# --- lib/common.sh (inlined by lib/scripts.ts) ---\n${commonLibBody()}\n`));
    });

    it("every script sources lib/common.sh; the rendered text has no source line and defines the common functions once", () => {
        const common = fs.readFileSync(COMMON_LIB_PATH, "utf8");
        assert.ok(common.startsWith("#!/usr/bin/env bash\n"), "lib/common.sh: shebang");
        for (const name of SCRIPT_NAMES) {
            const original = fs.readFileSync(scriptPath(name), "utf8");
            assert.ok(original.includes(`\nSCRIPT_NAME="${name}"\n${SOURCE_DIRECTIVE}\n${SOURCE_LINE}\n`), `${name}: prelude`);
            const text = renderScript(name, { SOME_PARAM: "x" });
            assert.doesNotMatch(text, /^\s*(source|\.)\s/m, `${name}: a source line is left`);
            assert.ok(!text.includes("lib/common.sh\""), `${name}: the source line is left`);
            for (const fn of ["log", "die", "require_whole_numbers"]) {
                const defs = text.match(new RegExp(`^${fn}\\(\\) \\{`, "gm")) ?? [];
                assert.equal(defs.length, 1, `${name}: ${fn}() defined ${defs.length} times`);
            }
            // SCRIPT_NAME is set before the prelude that reads it, the exports stay before both.
            assert.ok(text.indexOf("export SOME_PARAM=") < text.indexOf(`SCRIPT_NAME="${name}"`), name);
            assert.ok(text.indexOf(`SCRIPT_NAME="${name}"`) < text.indexOf("log() {"), name);
            assert.ok(!text.includes(common.split("\n").slice(0, 3).join("\n")), `${name}: common.sh header inlined`);
        }
    });

    it("the inlined prelude prints `gitpod-tencent: <name>: ...` and rejects non-whole numbers with exit 2", () => {
        const r = bash(["-c", renderScript("wait-cluster", { WAIT_TIMEOUT_SECONDS: "10m" }), "wait-cluster"]);
        assert.equal(r.status, 2, r.stderr);
        assert.equal(r.stderr, "gitpod-tencent: wait-cluster: ERROR: WAIT_TIMEOUT_SECONDS must be a whole number of seconds, got '10m'\n");
        const p = bash(["-c", renderScript("image-preflight", { PREFLIGHT_PARALLEL: "a" }), "image-preflight"]);
        assert.equal(p.status, 2, p.stderr);
        assert.equal(p.stderr, "gitpod-tencent: image-preflight: ERROR: PREFLIGHT_PARALLEL must be a whole number, got 'a'\n");
    });

    it("a script without the source line still renders (exports after the header, body unchanged)", () => {
        const script = "#!/usr/bin/env bash\n# plain.sh: no prelude.\nset -euo pipefail\necho \"x=$X\"\n";
        const text = renderScriptText("plain", script, { X: "1 2" });
        assert.equal(
            text,
            "#!/usr/bin/env bash\n# plain.sh: no prelude.\n# Parameters (rendered by lib/scripts.ts):\nexport X='1 2'\nset -euo pipefail\necho \"x=$X\"\n",
        );
        const r = bash(["-c", text, "plain"]);
        assert.equal(r.status, 0, r.stderr);
        assert.equal(r.stdout, "x=1 2\n");
    });

    it("refuses a script that sources anything else (the VM has no script files)", () => {
        for (const line of ['source "$(dirname "$0")/other.sh"', ". /etc/os-release"]) {
            assert.throws(
                () => renderScriptText("other", `#!/usr/bin/env bash\n# h\nset -eu\n${line}\n`, {}),
                /scripts\/other\.sh: .*self-contained/,
            );
        }
    });

    it("the exports are seen by the script body (multi-line value intact)", () => {
        const stubs = makeStubDir();
        try {
            const root = stubs.root;
            fs.mkdirSync(path.join(root, "etc/rancher/k3s"), { recursive: true });
            fs.writeFileSync(
                path.join(root, "etc/rancher/k3s/k3s.yaml"),
                "clusters:\n- cluster:\n    server: https://127.0.0.1:6443\n",
            );
            const script = renderScript("read-kubeconfig", { GT_K3S_PUBLIC_HOST: "203.0.113.7" });
            const r = bash(["-c", script, "read-kubeconfig"], { GT_ROOT: root });
            assert.equal(r.status, 0, r.stderr);
            assert.match(r.stdout, /server: https:\/\/203\.0\.113\.7:6443/);
        } finally {
            stubs.cleanup();
        }
    });

    it("rejects bad parameter names and unknown scripts", () => {
        assert.throws(() => renderScript("host-prep", { bad: "x" }), /"bad"/);
        assert.throws(() => renderScript("nope" as never, {}), /unknown script "nope"/);
    });
});

describe("remoteScriptCommand", () => {
    it("is `sudo bash -c <script> <name>` and runs the rendered script with stdin passed through", () => {
        const stubs = makeStubDir({ sudo: 'exec "$@"' });
        try {
            const cmd = remoteScriptCommand("k3s-install", { GT_K3S_VERSION: "not a version", GT_K3S_CONFIG_YAML: "x", GT_K3S_REGISTRIES_YAML: "" });
            assert.ok(cmd.startsWith("sudo bash -c '#!/usr/bin/env bash\n"));
            assert.ok(cmd.endsWith("' k3s-install"));
            const r = bash(["-c", cmd], stubs.env, "tok\n");
            // The script ran (through the sudo stub) and rejected the version: proof the exports arrived.
            assert.equal(r.status, 2, r.stderr);
            assert.match(r.stderr, /GT_K3S_VERSION 'not a version' is not a k3s release name/);
            const calls = stubs.calls();
            assert.ok(calls[0].startsWith("sudo bash -c #!/usr/bin/env bash"), calls[0]);
            assert.equal(calls.filter((l) => l.startsWith("sudo ")).length, 1);
        } finally {
            stubs.cleanup();
        }
    });

    it("passes stdin through to the script", () => {
        const stubs = makeStubDir({ sudo: 'exec "$@"' });
        try {
            // Empty stdin: k3s-install must complain about the token, i.e. it read stdin.
            const cmd = remoteScriptCommand("k3s-install", {
                GT_K3S_VERSION: "v1.24.13+k3s1",
                GT_K3S_CONFIG_YAML: "a: b\n",
                GT_K3S_REGISTRIES_YAML: "",
            });
            const r = bash(["-c", cmd], { ...stubs.env, GT_ROOT: stubs.root }, "");
            assert.equal(r.status, 2);
            assert.match(r.stderr, /no cluster token on stdin/);
        } finally {
            stubs.cleanup();
        }
    });

    it("refuses commands over the argv limit", () => {
        assert.throws(
            () => remoteScriptCommand("image-preflight", { IMAGE_CHECKS: "x".repeat(MAX_COMMAND_BYTES) }),
            /over the 120000-byte limit/,
        );
    });
});

describe("scriptDigest", () => {
    it("is the sha256 hex of the text and changes with it", () => {
        const t = renderScript("wait-cluster", { WAIT_TIMEOUT_SECONDS: "600" });
        assert.equal(scriptDigest(t), createHash("sha256").update(t).digest("hex"));
        assert.match(scriptDigest(t), /^[0-9a-f]{64}$/);
        assert.notEqual(scriptDigest(t), scriptDigest(renderScript("wait-cluster", { WAIT_TIMEOUT_SECONDS: "601" })));
    });
});
