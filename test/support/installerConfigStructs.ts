/**
 * The Gitpod installer's v1 config structs, read from the copy of gitpod-io/gitpod 2022.11.3
 * install/installer/pkg/config/v1/config.go in test/fixtures/gitpod/ (see its README): struct
 * name -> JSON field name -> Go type and whether `validate:"required"` is set. Tests check
 * installer-config documents against it the way the installer's strict parse does.
 */
import * as fs from "node:fs";
import * as path from "node:path";

export const INSTALLER_CONFIG_GO = path.join(__dirname, "..", "fixtures", "gitpod", "installer-config-v1-2022.11.3.go.txt");

export interface GoField {
    /** The Go type as written (`*ObjectRef`, `[]string`, `corev1.ResourceList`). */
    readonly type: string;
    readonly required: boolean;
}

let cache: Map<string, Map<string, GoField>> | undefined;

/** Every struct of the fixture with its JSON fields (embedded `json:",inline"` fields are left out). */
export function goStructs(): Map<string, Map<string, GoField>> {
    if (cache) return cache;
    const src = fs.readFileSync(INSTALLER_CONFIG_GO, "utf8");
    cache = new Map();
    for (const m of src.matchAll(/^type (\w+) struct \{\n([\s\S]*?)^\}/gm)) {
        const fields = new Map<string, GoField>();
        for (const f of m[2].matchAll(/^\s+(?:\w+\s+)?([\w.*[\]]+)\s+`json:"([^,"]*)[^"]*"(?:\s+validate:"([^"]*)")?/gm)) {
            if (f[2] !== "") fields.set(f[2], { type: f[1], required: (f[3] ?? "").split(",").includes("required") });
        }
        cache.set(m[1], fields);
    }
    return cache;
}

/** Keys of `value` that are no field of Go type `goType` (local structs only; other types are opaque). */
export function unknownKeys(value: unknown, goType: string, at = ""): string[] {
    const base = goType.replace(/^\*|^\[\]\*?/, "");
    if (goType.startsWith("[]")) {
        return Array.isArray(value) ? value.flatMap((v, i) => unknownKeys(v, base, `${at}[${i}]`)) : [];
    }
    const fields = goStructs().get(base);
    if (!fields || typeof value !== "object" || value === null) return [];
    return Object.entries(value).flatMap(([k, v]) => {
        const field = fields.get(k);
        const where = at === "" ? k : `${at}.${k}`;
        return field === undefined ? [where] : unknownKeys(v, field.type, where);
    });
}

/**
 * What the installer's strict parse rejects in a config file: pkg/config/loader.go `Load` reads
 * `apiVersion`, deletes it (`yq del(.apiVersion)`), then unmarshals the rest strictly into Config
 * (cmd/root.go `--strict-parse` defaults to true).
 */
export function strictParseProblems(cfg: Record<string, unknown>): string[] {
    const { apiVersion, ...rest } = cfg;
    return [...(apiVersion === "v1" ? [] : [`apiVersion: ${String(apiVersion)} (want v1)`]), ...unknownKeys(rest, "Config")];
}
