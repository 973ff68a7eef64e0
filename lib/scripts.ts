// Rendering of the shell scripts in scripts/ that run on the VM. Pure: reads the script files,
// never runs anything. A rendered script is the script text with `export KEY='value'` lines
// inserted after its header comment, and its `source .../lib/common.sh` line replaced by the body
// of scripts/lib/common.sh (the VM gets one self-contained text); it is sent as the command string
// of a remote.Command, so no parameter may be a secret (secrets reach the script on stdin only).
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";

export const SCRIPT_NAMES = [
    "host-prep",
    "k3s-install",
    "read-kubeconfig",
    "wait-cluster",
    "wait-certificate",
    "image-preflight",
    "gitpod-kots",
    "gitpod-wait",
    "workspace-prepull",
    "gitpod-mode-guard",
    "gitpod-auth-reload",
    "gitpod-installer",
    "restore-certificate",
    "read-certificate",
    "node-drain",
] as const;

export type ScriptName = (typeof SCRIPT_NAMES)[number];

/** Directory holding the script files (repo root /scripts). */
export const SCRIPTS_DIR = path.join(__dirname, "..", "scripts");

/** The prelude the scripts source (log, die, require_whole_numbers); inlined by renderScript. */
export const COMMON_LIB_PATH = path.join(SCRIPTS_DIR, "lib", "common.sh");

/**
 * The line with which a script sources lib/common.sh, with the shellcheck directive line right
 * before it (if any): renderScript replaces both with the body of lib/common.sh.
 */
const SOURCE_COMMON_RE = /^(?:# shellcheck [^\n]*\n)?source "\$\(dirname "\$\{BASH_SOURCE\[0\]\}"\)\/lib\/common\.sh"$/m;

/** A line that sources a file (`source x` or `. x`): none may remain in a rendered script. */
const SOURCE_LINE_RE = /^[ \t]*(?:source|\.)[ \t]+\S.*$/m;

/**
 * Linux limits one argv string to MAX_ARG_STRLEN = 32 pages = 131072 bytes (including the NUL).
 * The SSH server hands the whole command string to the login shell as one `-c` argument, so the
 * rendered command must stay below it. Keep a margin. The limit applies to the whole command,
 * i.e. with lib/common.sh inlined (about 1 KB) and the quoting of the text.
 */
export const MAX_COMMAND_BYTES = 120_000;

const KEY_RE = /^[A-Z][A-Z0-9_]*$/;

/** Names a parameter may not take: they change how bash or the dynamic linker behaves. */
const RESERVED_KEYS = new Set([
    "PATH",
    "IFS",
    "HOME",
    "SHELL",
    "ENV",
    "BASH_ENV",
    "SHELLOPTS",
    "BASHOPTS",
    "CDPATH",
    "GLOBIGNORE",
    "PS4",
    "LD_PRELOAD",
    "LD_LIBRARY_PATH",
    "TMPDIR",
    "LANG",
    "LC_ALL",
]);

/**
 * Prefixes the k3s installer reads from its environment: get.k3s.io's create_env_file() copies
 * every `K3S_*` and `CONTAINERD_*` variable into /etc/systemd/system/k3s.service.env (multi-line
 * values come out truncated), and `INSTALL_K3S_*` steer the installer itself. Parameters are
 * exported, so they must not use them (ours use `GT_`).
 */
const K3S_ENV_PREFIX_RE = /^(K3S_|CONTAINERD_|INSTALL_K3S_)/;

/** Key names that look like a secret: those belong on stdin, never in the command string. */
const SECRET_KEY_RE = /(SECRET|PASSWORD|PASSWD|TOKEN|PRIVATE|CREDENTIAL)/;

/**
 * Quote a string for POSIX shells: the result is one word whose value is exactly `s`.
 * Single quotes, with each embedded `'` written as `'\''`.
 */
export function shellQuote(s: string): string {
    if (s.includes("\0")) {
        throw new Error("shellQuote: a shell word cannot contain a NUL character");
    }
    return `'${s.replace(/'/g, `'\\''`)}'`;
}

/** Absolute path of a script file. */
export function scriptPath(name: ScriptName): string {
    if (!(SCRIPT_NAMES as readonly string[]).includes(name)) {
        throw new Error(`unknown script "${name}": expected one of ${SCRIPT_NAMES.join(", ")}`);
    }
    return path.join(SCRIPTS_DIR, `${name}.sh`);
}

/** Check parameter keys and values; returns one line per problem. */
export function validateScriptParams(params: Record<string, string>): string[] {
    const problems: string[] = [];
    for (const [key, value] of Object.entries(params)) {
        if (!KEY_RE.test(key)) {
            problems.push(`parameter "${key}": names must match ${KEY_RE.source}`);
        } else if (RESERVED_KEYS.has(key)) {
            problems.push(`parameter "${key}": reserved shell/linker variable, choose another name`);
        } else if (K3S_ENV_PREFIX_RE.test(key)) {
            problems.push(`parameter "${key}": the k3s installer reads K3S_*, CONTAINERD_* and INSTALL_K3S_* variables (and copies K3S_* into k3s's service environment); use a GT_ name`);
        } else if (SECRET_KEY_RE.test(key)) {
            problems.push(
                `parameter "${key}": looks like a secret; secrets must reach the script on stdin, not in the command`,
            );
        }
        if (typeof value !== "string") {
            problems.push(`parameter "${key}": value must be a string, got ${typeof value}`);
        } else if (value.includes("\0")) {
            problems.push(`parameter "${key}": value contains a NUL character`);
        }
    }
    return problems;
}

/**
 * Split a script into its header (shebang + the comment lines right after it) and the body.
 * The header ends at the first line that is not a comment.
 */
function splitHeader(text: string, name: string): { header: string; body: string } {
    const lines = text.split("\n");
    if (!lines[0].startsWith("#!")) {
        throw new Error(`scripts/${name}.sh: first line must be a shebang`);
    }
    let i = 1;
    while (i < lines.length && lines[i].startsWith("#")) i++;
    return { header: lines.slice(0, i).join("\n"), body: lines.slice(i).join("\n") };
}

/** The export block for `params`, keys sorted. */
export function renderParamExports(params: Record<string, string>): string {
    const problems = validateScriptParams(params);
    if (problems.length > 0) {
        throw new Error(`invalid script parameters:\n  ${problems.join("\n  ")}`);
    }
    return Object.keys(params)
        .sort()
        .map((k) => `export ${k}=${shellQuote(params[k])}`)
        .join("\n");
}

/** The body of scripts/lib/common.sh: the file without its shebang + comment header, trimmed of blank lines. */
export function commonLibBody(): string {
    const { body } = splitHeader(fs.readFileSync(COMMON_LIB_PATH, "utf8"), "lib/common");
    const trimmed = body.replace(/^\n+/, "").replace(/\n+$/, "");
    if (SOURCE_LINE_RE.test(trimmed)) {
        throw new Error("scripts/lib/common.sh: must not source other files (it is inlined as is)");
    }
    return trimmed;
}

/**
 * Render the text of script `name`: `export KEY='value'` lines (sorted by key) inserted right after
 * its shebang + comment header, and its `source .../lib/common.sh` line (if it has one) replaced by
 * the body of lib/common.sh. Any other `source`/`.` line is refused: the VM has no script files.
 */
export function renderScriptText(name: string, text: string, params: Record<string, string>): string {
    const { header, body } = splitHeader(text, name);
    const exports = renderParamExports(params);
    const block = exports === "" ? "# (no parameters)" : `# Parameters (rendered by lib/scripts.ts):\n${exports}`;
    // A function replacement, so that `$` in common.sh is not read as a replacement pattern.
    const inlined = body.replace(
        SOURCE_COMMON_RE,
        () => `# --- lib/common.sh (inlined by lib/scripts.ts) ---\n${commonLibBody()}\n# --- end of lib/common.sh ---`,
    );
    const stray = SOURCE_LINE_RE.exec(inlined);
    if (stray) {
        throw new Error(
            `scripts/${name}.sh: "${stray[0].trim()}": the rendered script must be self-contained; only ` +
                `the one line 'source "$(dirname "\${BASH_SOURCE[0]}")/lib/common.sh"' is inlined`,
        );
    }
    return `${header}\n${block}\n${inlined}`;
}

/** The script `scripts/<name>.sh` rendered by renderScriptText. */
export function renderScript(name: ScriptName, params: Record<string, string>): string {
    return renderScriptText(name, fs.readFileSync(scriptPath(name), "utf8"), params);
}

/**
 * The command a remote.Command runs: `sudo bash -c '<rendered script>' <name>`. The script text
 * is the command (it holds no secret); stdin passes through sudo to the script.
 */
export function remoteScriptCommand(name: ScriptName, params: Record<string, string>): string {
    const command = `sudo bash -c ${shellQuote(renderScript(name, params))} ${name}`;
    const bytes = Buffer.byteLength(command, "utf8");
    if (bytes > MAX_COMMAND_BYTES) {
        throw new Error(
            `scripts/${name}.sh rendered to ${bytes} bytes, over the ${MAX_COMMAND_BYTES}-byte limit for one ` +
                `command line (Linux MAX_ARG_STRLEN is 131072): pass fewer/shorter parameters`,
        );
    }
    return command;
}

/** sha256 hex of a text (for remote.Command `triggers`). */
export function scriptDigest(text: string): string {
    return createHash("sha256").update(text, "utf8").digest("hex");
}
