// Registry mirrors for k3s's containerd (/etc/rancher/k3s/registries.yaml) and the manifest
// URLs containerd would try for an image, used by the image preflight (pure).
//
// How k3s uses `mirrors` (docs.k3s.io/installation/private-registry; k3s v1.24 renders them into
// containerd 1.6's CRI `registry.mirrors`, newer k3s into hosts.toml):
//   - endpoints are tried in order, then the upstream "default endpoint" (for docker.io
//     registry-1.docker.io, otherwise the host itself), which gets no rewrites;
//   - `rewrite` maps regex -> replacement on the repository path (not the tag), Go RE2 syntax,
//     applied to mirror endpoints only;
//   - endpoint path: containerd 1.6 (k3s 1.24) appends /v2 only when the path is EMPTY and uses any
//     other path verbatim (so `https://host/` would lose /v2); newer k3s treats "", "/" and "/v2"
//     as /v2 and any other path as `override_path`. This module accepts "", "/", "/v2", "/v2/"
//     and renders the endpoint without a path, which means /v2 on every k3s version; other
//     paths are rejected.
import YAML from "yaml";
import { DOCKER_HUB_ALIASES, isRegistryHost, parseImageRef, registryBaseUrl } from "./imageRef";

export type RegistryMirrors = Record<
    string /* upstream host, e.g. docker.io, eu.gcr.io */,
    { endpoints: string[]; rewrites?: Record<string /* regex */, string /* replacement */> }
>;

/** Tencent Cloud's Docker Hub pull-through mirror, reachable from its VMs without login. */
export const DEFAULT_REGISTRY_MIRRORS: RegistryMirrors = {
    "docker.io": { endpoints: ["https://mirror.ccs.tencentyun.com"] },
};

function isObject(v: unknown): v is Record<string, unknown> {
    return typeof v === "object" && v !== null && !Array.isArray(v);
}

/**
 * Translate a Go RE2 pattern into a JS RegExp, or return why it cannot be used.
 * Rejects what RE2 does not have (lookaround, backreferences) and what JS cannot check the same
 * way; translates `(?P<name>` to `(?<name>` and a leading `(?flags)` group into RegExp flags.
 */
export function goRegexToJs(pattern: string): { re: RegExp } | { error: string } {
    if (/\(\?<?[=!]/.test(pattern)) {
        return { error: "lookahead/lookbehind ((?=, (?!, (?<=, (?<!) is not supported by Go's RE2, which k3s uses" };
    }
    if (/(^|[^\\])(\\\\)*\\([1-9]|k<)/.test(pattern)) {
        return { error: "backreferences (\\1, \\k<name>) are not supported by Go's RE2, which k3s uses" };
    }
    let body = pattern;
    let flags = "";
    const lead = /^\(\?([a-zA-Z]+)\)/.exec(body);
    if (lead) {
        for (const f of lead[1]) {
            if (f === "i" || f === "s" || f === "m") {
                if (!flags.includes(f)) flags += f;
            } else {
                return { error: `inline flag "${f}" is not supported here (use i, s or m)` };
            }
        }
        body = body.slice(lead[0].length);
    }
    if (/\(\?[a-zA-Z-]+[:)]/.test(body)) {
        return { error: "inline flag groups are only supported at the very start, as (?i), (?s) or (?m)" };
    }
    body = body.replace(/\(\?P</g, "(?<");
    try {
        return { re: new RegExp(body, flags + "g") };
    } catch (e) {
        return { error: `does not compile: ${(e as Error).message}` };
    }
}

/** Go regexp.Expand semantics for a replacement template ($1, ${1}, $name, ${name}, $$). */
export function expandGoTemplate(template: string, match: RegExpExecArray): string {
    let out = "";
    for (let i = 0; i < template.length; i++) {
        const c = template[i];
        if (c !== "$" || i + 1 >= template.length) {
            out += c;
            continue;
        }
        const next = template[i + 1];
        if (next === "$") {
            out += "$";
            i++;
            continue;
        }
        let name: string | undefined;
        let consumed = 0;
        if (next === "{") {
            const close = template.indexOf("}", i + 2);
            const inner = close >= 0 ? template.slice(i + 2, close) : "";
            if (close >= 0 && /^\w+$/.test(inner)) {
                name = inner;
                consumed = close - i;
            }
        } else {
            const m = /^\w+/.exec(template.slice(i + 1));
            if (m) {
                name = m[0];
                consumed = m[0].length;
            }
        }
        if (name === undefined) {
            out += c; // malformed: Go copies the "$" literally
            continue;
        }
        i += consumed;
        if (/^\d+$/.test(name)) {
            out += match[Number(name)] ?? "";
        } else {
            out += match.groups?.[name] ?? "";
        }
    }
    return out;
}

/** Go's regexp.ReplaceAllString(s, template). */
function goReplaceAll(re: RegExp, s: string, template: string): string {
    const global = new RegExp(re.source, re.flags.includes("g") ? re.flags : re.flags + "g");
    let out = "";
    let last = 0;
    let m: RegExpExecArray | null;
    while ((m = global.exec(s)) !== null) {
        out += s.slice(last, m.index) + expandGoTemplate(template, m);
        last = m.index + m[0].length;
        if (m[0].length === 0) global.lastIndex++;
    }
    return out + s.slice(last);
}

function endpointProblem(where: string, value: unknown): string | undefined {
    if (typeof value !== "string") return `${where}: expected a URL string, got ${JSON.stringify(value)}`;
    let u: URL;
    try {
        u = new URL(value);
    } catch {
        return `${where}: "${value}" is not a URL (expected e.g. https://mirror.example.com or http://10.0.0.5:5000)`;
    }
    if (u.protocol !== "https:" && u.protocol !== "http:") {
        return `${where}: "${value}" must start with https:// or http://`;
    }
    if (u.username !== "" || u.password !== "") {
        return `${where}: "${value}" contains credentials; registry credentials are not supported in endpoints`;
    }
    if (u.search !== "" || u.hash !== "" || value.includes("?") || value.includes("#")) {
        return `${where}: "${value}" must not have a query or fragment`;
    }
    if (!["/", "/v2", "/v2/"].includes(u.pathname)) {
        return (
            `${where}: "${value}" has the path "${u.pathname}": only the registry root is supported ` +
            `(containerd uses any other path verbatim without adding /v2); write e.g. ${u.protocol}//${u.host}`
        );
    }
    return undefined;
}

/**
 * Problems with a `registryMirrors` value, one line each, naming the key path
 * (`registryMirrors["docker.io"].endpoints[0]`) and what is expected. Empty when valid.
 */
export function validateRegistryMirrors(value: unknown): string[] {
    const problems: string[] = [];
    if (!isObject(value)) {
        return [`registryMirrors: expected an object mapping upstream registry hosts to {endpoints, rewrites}`];
    }
    for (const [host, entry] of Object.entries(value)) {
        const at = `registryMirrors[${JSON.stringify(host)}]`;
        if (host === "*") {
            problems.push(`${at}: the "*" wildcard is not supported here; list each upstream registry host`);
        } else if (DOCKER_HUB_ALIASES.includes(host)) {
            problems.push(`${at}: containerd names Docker Hub "docker.io"; use the key "docker.io"`);
        } else if (!isRegistryHost(host)) {
            problems.push(`${at}: expected a registry host name with optional :port (e.g. docker.io, eu.gcr.io, quay.io)`);
        }
        if (!isObject(entry)) {
            problems.push(`${at}: expected an object {endpoints: [...], rewrites?: {...}}`);
            continue;
        }
        for (const k of Object.keys(entry)) {
            if (k !== "endpoints" && k !== "rewrites") {
                problems.push(`${at}.${k}: unknown key (allowed: endpoints, rewrites)`);
            }
        }
        const endpoints = entry.endpoints;
        if (!Array.isArray(endpoints) || endpoints.length === 0) {
            problems.push(`${at}.endpoints: expected a non-empty list of http(s) URLs`);
        } else {
            const seen = new Set<string>();
            endpoints.forEach((e, i) => {
                const p = endpointProblem(`${at}.endpoints[${i}]`, e);
                if (p) {
                    problems.push(p);
                    return;
                }
                const norm = normalizeEndpoint(e as string);
                if (seen.has(norm)) problems.push(`${at}.endpoints[${i}]: "${e}" is listed twice`);
                seen.add(norm);
            });
        }
        if (entry.rewrites !== undefined) {
            if (!isObject(entry.rewrites)) {
                problems.push(`${at}.rewrites: expected an object mapping a regex to a replacement`);
            } else {
                for (const [pattern, replacement] of Object.entries(entry.rewrites)) {
                    const rat = `${at}.rewrites[${JSON.stringify(pattern)}]`;
                    const r = goRegexToJs(pattern);
                    if ("error" in r) problems.push(`${rat}: ${r.error}`);
                    if (typeof replacement !== "string") {
                        problems.push(`${rat}: the replacement must be a string (e.g. "mirror/$1")`);
                    }
                }
            }
        }
    }
    return problems;
}

/** An endpoint as written to registries.yaml: scheme://host[:port], no path (= /v2). */
function normalizeEndpoint(endpoint: string): string {
    const u = new URL(endpoint);
    return `${u.protocol}//${u.host}`;
}

function assertValid(mirrors: RegistryMirrors): void {
    const problems = validateRegistryMirrors(mirrors);
    if (problems.length > 0) {
        throw new Error(`invalid registryMirrors:\n  ${problems.join("\n  ")}`);
    }
}

/** k3s registries.yaml: `mirrors: {<host>: {endpoint: [...], rewrite: {...}}}`. */
export function renderRegistriesYaml(mirrors: RegistryMirrors): string {
    assertValid(mirrors);
    const out: Record<string, { endpoint: string[]; rewrite?: Record<string, string> }> = {};
    for (const host of Object.keys(mirrors).sort()) {
        const m = mirrors[host];
        out[host] = { endpoint: m.endpoints.map(normalizeEndpoint) };
        if (m.rewrites && Object.keys(m.rewrites).length > 0) out[host].rewrite = { ...m.rewrites };
    }
    return YAML.stringify({ mirrors: out });
}

/**
 * Apply a mirror's rewrites to a repository like k3s's containerd: the first pattern (here in
 * sorted order; k3s iterates a Go map, so keep patterns non-overlapping) whose replacement
 * changes the repository wins.
 */
export function rewriteRepository(repository: string, rewrites: Record<string, string> | undefined): string {
    if (!rewrites) return repository;
    for (const pattern of Object.keys(rewrites).sort()) {
        const r = goRegexToJs(pattern);
        if ("error" in r) continue;
        const out = goReplaceAll(r.re, repository, rewrites[pattern]);
        if (out !== repository) return out;
    }
    return repository;
}

/**
 * Manifest URLs for `image` in the order containerd tries them: each mirror endpoint of the
 * image's registry (rewrites applied to the repository), then the upstream default endpoint
 * (registry-1.docker.io for docker.io, the registry host otherwise), without duplicates.
 * The reference is the digest when there is one, else the tag.
 */
export function manifestCandidates(image: string, mirrors: RegistryMirrors): string[] {
    const ref = parseImageRef(image);
    const urls: string[] = [];
    const mirror = mirrors[ref.registry];
    if (mirror) {
        assertValid({ [ref.registry]: mirror });
        const repo = rewriteRepository(ref.repository, mirror.rewrites);
        for (const e of mirror.endpoints) {
            urls.push(`${normalizeEndpoint(e)}/v2/${repo}/manifests/${ref.reference}`);
        }
    }
    const upstream = registryBaseUrl(ref.registry);
    // A registry on the VM itself answers plain HTTP.
    const base = /^(localhost|127\.0\.0\.1)(:\d+)?$/.test(ref.registry) ? upstream.replace(/^https:/, "http:") : upstream;
    urls.push(`${base}/v2/${ref.repository}/manifests/${ref.reference}`);
    return [...new Set(urls)];
}

/** One IMAGE_CHECKS line per image for scripts/image-preflight.sh. */
export function renderImageChecks(images: string[], mirrors: RegistryMirrors): string {
    return [...new Set(images)].map((img) => [img, ...manifestCandidates(img, mirrors)].join(" ")).join("\n");
}
