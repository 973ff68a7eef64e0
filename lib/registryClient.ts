/**
 * Does an image exist? Asked the way a container runtime asks: an anonymous `HEAD` of
 * `/v2/<repository>/manifests/<tag-or-digest>` (distribution spec "Checking if content exists
 * in the registry"), answering the registry's `Bearer` challenge with an anonymous token
 * (distribution token auth: `GET <realm>?service=…&scope=repository:<repo>:pull`).
 *
 * `HEAD` downloads nothing and, on Docker Hub, does not count against the pull rate limit.
 * No credentials are ever sent: an image that needs them is reported `auth-required`.
 */
import { ImageRef, parseImageRef, registryBaseUrl } from "./imageRef";

/** What the check concluded about one image. */
export type ImageStatus = "present" | "missing" | "auth-required" | "error";

export interface ImageCheck {
    /** The fully-qualified reference that was checked (`docker.io/library/busybox:1`). */
    readonly image: string;
    readonly status: ImageStatus;
    /** One human-readable sentence per candidate tried, `; `-separated. */
    readonly detail: string;
    /** Manifest URLs asked, in order. */
    readonly tried: readonly string[];
}

export interface CheckImageOptions {
    /**
     * Where to ask, in order; the first `present` wins. Each entry is either a registry base
     * URL (`https://mirror.example.com`, `http://127.0.0.1:5000`, `https://host/prefix`), to
     * which `/v2/<repository>/manifests/<reference>` is appended (`/v2` is not doubled), or a
     * full manifest URL (its path contains `/v2/…/manifests/…`), used as is.
     * Default: the image's own registry (`https://registry-1.docker.io` for docker.io).
     */
    readonly candidates?: readonly string[];
    /** Bound on each HTTP request (manifest or token), default 10 s. */
    readonly timeoutMs?: number;
    readonly fetch?: typeof fetch;
    /** Aborts every request of this check (used by `checkImages`' overall bound). */
    readonly signal?: AbortSignal;
}

/** Manifest media types a runtime accepts: OCI index/manifest, Docker list/v2, and schema 1. */
export const MANIFEST_ACCEPT = [
    "application/vnd.oci.image.index.v1+json",
    "application/vnd.oci.image.manifest.v1+json",
    "application/vnd.docker.distribution.manifest.list.v2+json",
    "application/vnd.docker.distribution.manifest.v2+json",
    // Schema 1: a few very old tags (e.g. gce-proxy:1.11) may exist only in this form.
    "application/vnd.docker.distribution.manifest.v1+prettyjws",
].join(", ");

export const DEFAULT_TIMEOUT_MS = 10_000;

// ---------------------------------------------------------------------------------------------
// Manifest URLs

/** The path of a manifest URL, `…/v2/<repository>/manifests/<reference>`; group 1 is the repository. */
const MANIFEST_PATH = /\/v2\/(.+)\/manifests\/[^/]+$/;

/** The manifest URL for `ref` at a candidate (base URL or full manifest URL, see options). */
export function manifestUrl(candidate: string, ref: ImageRef): string {
    const url = new URL(candidate);
    if (url.protocol !== "https:" && url.protocol !== "http:") throw new Error(`unsupported registry URL ${candidate}: only http(s)`);
    if (MANIFEST_PATH.test(url.pathname)) return url.toString();
    let path = url.pathname.replace(/\/+$/, "");
    if (!path.endsWith("/v2")) path += "/v2";
    url.pathname = `${path}/${ref.repository}/manifests/${ref.reference}`;
    url.search = "";
    return url.toString();
}

// ---------------------------------------------------------------------------------------------
// The protocol

interface Outcome {
    readonly status: ImageStatus;
    readonly detail: string;
}

/** Parameters of a `WWW-Authenticate: Bearer k="v",…` challenge, or undefined if none. */
export function parseBearerChallenge(header: string | null): Record<string, string> | undefined {
    if (!header) return undefined;
    const m = /(?:^|,\s*)Bearer\s+(.*)$/i.exec(header);
    if (!m) return undefined;
    const params: Record<string, string> = {};
    for (const p of m[1].matchAll(/([A-Za-z_][\w-]*)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^,\s]*))/g)) {
        params[p[1].toLowerCase()] = p[2] !== undefined ? p[2].replace(/\\(.)/g, "$1") : p[3];
    }
    return params;
}

function describeFailure(e: unknown, timeoutMs: number): string {
    const err = e as { name?: string; message?: string; cause?: { code?: string; message?: string } };
    if (err?.name === "TimeoutError") return `timed out after ${timeoutMs} ms`;
    if (err?.name === "AbortError") return "aborted (overall time bound reached)";
    const cause = err?.cause;
    if (cause?.code) return `${cause.code}${cause.message ? ` (${cause.message})` : ""}`;
    return cause?.message ?? err?.message ?? String(e);
}

function repositoryOfUrl(manifest: string): string | undefined {
    return MANIFEST_PATH.exec(new URL(manifest).pathname)?.[1];
}

class Prober {
    constructor(
        private readonly fetchFn: typeof fetch,
        private readonly timeoutMs: number,
        private readonly signal: AbortSignal | undefined,
    ) {}

    private request(url: string, init: RequestInit): Promise<Response> {
        const timeout = AbortSignal.timeout(this.timeoutMs);
        const signal = this.signal ? AbortSignal.any([timeout, this.signal]) : timeout;
        return this.fetchFn(url, { ...init, signal, redirect: "follow" });
    }

    private async head(url: string, token?: string): Promise<Response> {
        const headers: Record<string, string> = { Accept: MANIFEST_ACCEPT };
        if (token) headers.Authorization = `Bearer ${token}`;
        let res = await this.request(url, { method: "HEAD", headers });
        // A few registries refuse HEAD on manifests; GET answers the same question.
        if (res.status === 405 || res.status === 501) {
            res = await this.request(url, { method: "GET", headers });
            await res.body?.cancel();
        }
        return res;
    }

    private async token(challenge: Record<string, string>, manifest: string): Promise<{ token?: string; outcome?: Outcome }> {
        const realm = challenge.realm;
        if (!realm) return { outcome: { status: "error", detail: "401 with a Bearer challenge that names no realm" } };
        let tokenUrl: URL;
        try {
            tokenUrl = new URL(realm);
        } catch {
            return { outcome: { status: "error", detail: `401 with an unusable token realm ${JSON.stringify(realm)}` } };
        }
        if (challenge.service) tokenUrl.searchParams.set("service", challenge.service);
        const repo = repositoryOfUrl(manifest);
        const scopes = challenge.scope ? challenge.scope.split(" ") : repo ? [`repository:${repo}:pull`] : [];
        for (const s of scopes) tokenUrl.searchParams.append("scope", s);
        const res = await this.request(tokenUrl.toString(), { method: "GET", headers: { Accept: "application/json" } });
        if (res.status === 401 || res.status === 403) {
            await res.body?.cancel();
            return { outcome: { status: "auth-required", detail: `anonymous token refused by ${tokenUrl.origin}${tokenUrl.pathname} (HTTP ${res.status})` } };
        }
        if (!res.ok) {
            await res.body?.cancel();
            return { outcome: { status: "error", detail: `token endpoint ${tokenUrl.origin}${tokenUrl.pathname} answered HTTP ${res.status}` } };
        }
        let body: { token?: unknown; access_token?: unknown };
        try {
            body = (await res.json()) as typeof body;
        } catch {
            return { outcome: { status: "error", detail: `token endpoint ${tokenUrl.origin}${tokenUrl.pathname} answered something other than JSON` } };
        }
        const token = typeof body.token === "string" ? body.token : typeof body.access_token === "string" ? body.access_token : undefined;
        if (!token) return { outcome: { status: "error", detail: `token endpoint ${tokenUrl.origin}${tokenUrl.pathname} answered no token` } };
        return { token };
    }

    private static fromStatus(res: Response, afterToken: boolean): Outcome | undefined {
        if (res.ok) {
            const digest = res.headers.get("docker-content-digest");
            return { status: "present", detail: `present${digest ? ` (${digest})` : ""}` };
        }
        if (res.status === 404) return { status: "missing", detail: "manifest unknown (HTTP 404)" };
        if (res.status === 403) return { status: "auth-required", detail: "access denied (HTTP 403)" };
        if (res.status === 401 && afterToken) {
            return { status: "auth-required", detail: "HTTP 401 even with an anonymous token: the repository is private or does not exist (Docker Hub answers 401 for both)" };
        }
        if (res.status === 401) return undefined;
        if (res.status === 429) return { status: "error", detail: "rate limited (HTTP 429)" };
        return { status: "error", detail: `unexpected HTTP ${res.status}` };
    }

    async probe(manifest: string): Promise<Outcome> {
        try {
            const first = await this.head(manifest);
            const direct = Prober.fromStatus(first, false);
            if (direct) return direct;
            const header = first.headers.get("www-authenticate");
            const bearer = parseBearerChallenge(header);
            if (!bearer) {
                const scheme = header ? header.trim().split(/\s+/)[0] : "none";
                return { status: "auth-required", detail: `HTTP 401 with a ${scheme} challenge: credentials needed` };
            }
            const { token, outcome } = await this.token(bearer, manifest);
            if (outcome) return outcome;
            const second = await this.head(manifest, token);
            return Prober.fromStatus(second, true) as Outcome;
        } catch (e) {
            return { status: "error", detail: describeFailure(e, this.timeoutMs) };
        }
    }
}

/** Best-first order of what several candidates said: the best answer wins. */
const PRECEDENCE: readonly ImageStatus[] = ["present", "auth-required", "missing", "error"];

/**
 * Checks one image against its candidates in order, stopping at the first `present`.
 * Otherwise the result is `auth-required` if any candidate asked for credentials (the image
 * may be there), else `missing` if any said 404, else `error`. Never throws: a reference that
 * does not parse is an `error`.
 */
export async function checkImage(ref: string, opts: CheckImageOptions = {}): Promise<ImageCheck> {
    let parsed: ImageRef;
    try {
        parsed = parseImageRef(ref);
    } catch (e) {
        return { image: ref, status: "error", detail: (e as Error).message, tried: [] };
    }
    const candidates = opts.candidates && opts.candidates.length > 0 ? opts.candidates : [registryBaseUrl(parsed.registry)];
    const prober = new Prober(opts.fetch ?? globalThis.fetch, opts.timeoutMs ?? DEFAULT_TIMEOUT_MS, opts.signal);
    const tried: string[] = [];
    const outcomes: Outcome[] = [];
    for (const candidate of candidates) {
        let url: string;
        try {
            url = manifestUrl(candidate, parsed);
        } catch (e) {
            outcomes.push({ status: "error", detail: `${candidate}: ${(e as Error).message}` });
            continue;
        }
        tried.push(url);
        const outcome = await prober.probe(url);
        outcomes.push({ status: outcome.status, detail: `${url}: ${outcome.detail}` });
        if (outcome.status === "present") break;
    }
    const status = PRECEDENCE.find((s) => outcomes.some((o) => o.status === s)) ?? "error";
    const detail = status === "present" ? outcomes[outcomes.length - 1].detail : outcomes.map((o) => o.detail).join("; ");
    return { image: parsed.canonical, status, detail, tried };
}

export interface CheckImagesOptions extends Omit<CheckImageOptions, "candidates" | "signal"> {
    /** Images checked at once, default 8. */
    readonly concurrency?: number;
    /** Bound on the whole run, default 60 s: what has not finished by then is an `error`. */
    readonly deadlineMs?: number;
    /** Candidates per image (mirrors first, upstream last); undefined means the default. */
    readonly candidatesFor?: (image: string) => readonly string[] | undefined;
}

/** Checks every image with bounded concurrency and an overall time bound; results in input order. */
export async function checkImages(refs: readonly string[], opts: CheckImagesOptions = {}): Promise<ImageCheck[]> {
    const concurrency = Math.max(1, Math.floor(opts.concurrency ?? 8));
    const deadlineMs = opts.deadlineMs ?? 60_000;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), deadlineMs);
    const results: (ImageCheck | undefined)[] = refs.map(() => undefined);
    let next = 0;
    const worker = async (): Promise<void> => {
        while (!controller.signal.aborted && next < refs.length) {
            const i = next++;
            let candidates: readonly string[] | undefined;
            try {
                candidates = opts.candidatesFor?.(refs[i]);
            } catch (e) {
                results[i] = { image: refs[i], status: "error", detail: `no candidates: ${(e as Error).message}`, tried: [] };
                continue;
            }
            results[i] = await checkImage(refs[i], { ...opts, candidates, signal: controller.signal });
        }
    };
    try {
        await Promise.all(Array.from({ length: Math.min(concurrency, refs.length) }, worker));
    } finally {
        clearTimeout(timer);
    }
    return results.map(
        (r, i) => r ?? { image: refs[i], status: "error", detail: `not checked: overall time bound of ${deadlineMs} ms reached`, tried: [] },
    );
}
