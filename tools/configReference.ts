/**
 * The README's configuration reference against Pulumi.yaml: every declared key has one row
 * whose type and default cells are derived from its declaration, and every other row names a
 * key the program reads but Pulumi.yaml does not declare (objects, optional secrets). `npm run docs:config` prints
 * the problems and the rows to paste; test/readme.test.ts keeps the list empty.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import YAML from "yaml";
import { PLAIN_KEYS, SECRET_JSON_KEYS, SECRET_KEYS } from "../lib/config";
import { runAsMain } from "./cli";

export interface KeySpec {
    readonly type?: string;
    readonly items?: { readonly type?: string };
    readonly default?: unknown;
    readonly secret?: boolean;
    readonly description?: string;
}

export interface ReferenceRow {
    readonly key: string;
    readonly type: string;
    readonly default: string;
    readonly meaning: string;
}

/** `string`, `integer`, `boolean`, `array of string`; `, secret` for secrets. */
export function typeCell(spec: KeySpec): string {
    const base = spec.type === "array" ? `array of ${spec.items?.type ?? "?"}` : (spec.type ?? "?");
    return spec.secret ? `${base}, secret` : base;
}

/**
 * The literal the default cell starts with, in backticks; undefined when Pulumi.yaml has none
 * (or ""), in which case the cell explains in parentheses: `(required)`, `(computed: …)`.
 */
export function defaultLiteral(spec: KeySpec): string | undefined {
    if (spec.default === undefined || spec.default === "") return undefined;
    return `\`${typeof spec.default === "string" ? spec.default : JSON.stringify(spec.default)}\``;
}

const HEADER = "| key | type | default | meaning |";

/** The rows of the table under the reference header. */
export function referenceRows(readme: string): ReferenceRow[] {
    const start = readme.indexOf(HEADER);
    if (start < 0) return [];
    const lines = readme.slice(start).split("\n").slice(2);
    const rows: ReferenceRow[] = [];
    for (const line of lines) {
        if (!line.startsWith("|")) break;
        const [key, type, dflt, ...meaning] = line.slice(1, -1).split(" | ").map((c) => c.trim());
        rows.push({ key: key.replace(/`/g, ""), type, default: dflt, meaning: meaning.join(" | ") });
    }
    return rows;
}

/** The row to paste for a declared key. */
export function suggestedRow(key: string, spec: KeySpec): string {
    return `| \`${key}\` | ${typeCell(spec)} | ${defaultLiteral(spec) ?? "(required)"} | ${spec.description ?? ""} |`;
}

/**
 * Undeclared keys: objects (Pulumi.yaml cannot type them) and optional secrets (a declared key
 * without a default is required, and a secret takes no default).
 */
const UNDECLARED_TYPE = /^(object|string, secret)/;

/** Differences between the README's reference and Pulumi.yaml, one line each ([] when equal). */
export function referenceProblems(readme: string, declared: Readonly<Record<string, KeySpec>>, undeclared: readonly string[]): string[] {
    const rows = referenceRows(readme);
    if (rows.length === 0) return [`README has no table headed "${HEADER}"`];
    const problems: string[] = [];
    const seen = new Set<string>();
    for (const row of rows) {
        if (seen.has(row.key)) problems.push(`${row.key}: more than one row`);
        seen.add(row.key);
        const spec = declared[row.key];
        if (!spec) {
            if (!undeclared.includes(row.key)) problems.push(`${row.key}: not a key of Pulumi.yaml`);
            else if (!UNDECLARED_TYPE.test(row.type)) problems.push(`${row.key}: type "${row.type}", expected "object…" or "string, secret…" (not declared in Pulumi.yaml)`);
            continue;
        }
        if (row.type !== typeCell(spec)) problems.push(`${row.key}: type "${row.type}", Pulumi.yaml says "${typeCell(spec)}"`);
        const literal = defaultLiteral(spec);
        if (literal === undefined ? !row.default.startsWith("(") : !row.default.startsWith(literal)) {
            problems.push(`${row.key}: default "${row.default}", Pulumi.yaml says ${literal ?? "none (explain in parentheses)"}`);
        }
    }
    for (const [key, spec] of Object.entries(declared)) if (!seen.has(key)) problems.push(`${key}: no row; add ${suggestedRow(key, spec)}`);
    for (const key of undeclared) if (!seen.has(key)) problems.push(`${key}: no row (type "object…" or "string, secret…")`);
    return problems;
}

/** Keys the program reads (lib/config) that Pulumi.yaml does not declare: objects, and optional secrets. */
export function undeclaredKeys(declared: Readonly<Record<string, KeySpec>>): string[] {
    return [...PLAIN_KEYS, ...SECRET_KEYS, ...SECRET_JSON_KEYS].filter((k) => !(k in declared));
}

export function main(): Promise<number> {
    const root = path.join(__dirname, "..");
    const declared = (YAML.parse(fs.readFileSync(path.join(root, "Pulumi.yaml"), "utf8")) as { config: Record<string, KeySpec> }).config;
    const problems = referenceProblems(fs.readFileSync(path.join(root, "README.md"), "utf8"), declared, undeclaredKeys(declared));
    problems.forEach((p) => console.log(p));
    console.log(problems.length === 0 ? "README configuration reference matches Pulumi.yaml" : `\n${problems.length} difference(s)`);
    return Promise.resolve(problems.length === 0 ? 0 : 1);
}

runAsMain(module, "docs:config", main);
