/**
 * Container image references, normalised the way containerd and docker do
 * (github.com/distribution/reference): `busybox` is `docker.io/library/busybox:latest`.
 * Used by the image preflight (lib/registries.ts), the registry client and the doctor.
 */

/** Docker Hub as containerd names it (and as registries.yaml keys it). */
export const DOCKER_HUB = "docker.io";
/** Docker Hub's v2 API host ("default endpoint"). */
export const DOCKER_HUB_DEFAULT_HOST = "registry-1.docker.io";
/** Other names of Docker Hub, normalised to `docker.io`. */
export const DOCKER_HUB_ALIASES: readonly string[] = ["index.docker.io", DOCKER_HUB_DEFAULT_HOST];

export interface ImageRef {
    /** Registry host[:port]; Docker Hub is `docker.io`. */
    readonly registry: string;
    /** Repository path, e.g. `library/busybox`, `gitpod-core-dev/build/server`; Docker Hub official images get `library/`. */
    readonly repository: string;
    readonly tag?: string;
    readonly digest?: string;
    /** What goes in the manifest URL: the digest if any, else the tag. */
    readonly reference: string;
    /** `registry/repository[:tag][@digest]`. */
    readonly canonical: string;
}

const HOST_LABEL = "[A-Za-z0-9]([-A-Za-z0-9]{0,61}[A-Za-z0-9])?";
const REGISTRY_HOST_RE = new RegExp(`^(${HOST_LABEL})(\\.${HOST_LABEL})*(:\\d{1,5})?$`);
const PATH_COMPONENT_RE = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG_RE = /^[\w][\w.-]{0,127}$/;
const DIGEST_RE = /^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[0-9a-fA-F]{32,}$/;

/** host or host:port, labels of 1-63 characters, port 1-65535. */
export function isRegistryHost(host: string): boolean {
    if (!REGISTRY_HOST_RE.test(host)) return false;
    const port = /:(\d+)$/.exec(host);
    return port === null || (Number(port[1]) >= 1 && Number(port[1]) <= 65535);
}

/**
 * Parses `busybox`, `bitnami/mysql:5.7`, `eu.gcr.io/p/x:tag`, `localhost:5000/x@sha256:…`.
 * The first component is a registry when it contains "." or ":" or is "localhost"; otherwise
 * docker.io, with "library/" for a single component; index.docker.io and registry-1.docker.io
 * are docker.io; tag "latest" when there is neither tag nor digest.
 * Throws, naming the reference, on anything a runtime would refuse (upper case in the path,
 * bad tag, bad digest, bad registry host).
 */
export function parseImageRef(ref: string): ImageRef {
    const bad = (why: string) => new Error(`invalid image reference ${JSON.stringify(ref)}: ${why}`);
    let name = ref.trim();
    if (name === "" || /\s/.test(name)) throw bad("empty or contains spaces");
    let digest: string | undefined;
    const at = name.indexOf("@");
    if (at >= 0) {
        digest = name.slice(at + 1);
        name = name.slice(0, at);
        if (!DIGEST_RE.test(digest)) throw bad(`bad digest ${JSON.stringify(digest)} (expected algorithm:hex)`);
    }
    let tag: string | undefined;
    const colon = name.lastIndexOf(":");
    if (colon > name.lastIndexOf("/")) {
        tag = name.slice(colon + 1);
        name = name.slice(0, colon);
        if (!TAG_RE.test(tag)) throw bad(`bad tag ${JSON.stringify(tag)}`);
    }
    const parts = name.split("/");
    let registry = DOCKER_HUB;
    if (parts.length > 1 && (parts[0].includes(".") || parts[0].includes(":") || parts[0] === "localhost")) {
        registry = parts.shift()!;
        if (!isRegistryHost(registry)) throw bad(`bad registry host ${JSON.stringify(registry)}`);
    }
    if (DOCKER_HUB_ALIASES.includes(registry)) registry = DOCKER_HUB;
    if (registry === DOCKER_HUB && parts.length === 1) parts.unshift("library");
    const repository = parts.join("/");
    if (!parts.every((p) => PATH_COMPONENT_RE.test(p))) {
        throw bad(`repository ${JSON.stringify(repository)} must be lower-case path components (alphanumerics separated by ., _, __ or -)`);
    }
    if (tag === undefined && digest === undefined) tag = "latest";
    const canonical = `${registry}/${repository}${tag !== undefined ? `:${tag}` : ""}${digest !== undefined ? `@${digest}` : ""}`;
    return { registry, repository, tag, digest, reference: digest ?? (tag as string), canonical };
}

/** `docker.io/library/busybox:latest` for `busybox`; throws like `parseImageRef`. */
export function normalizeImageRef(ref: string): string {
    return parseImageRef(ref).canonical;
}

/** The v2 API base of a registry host: Docker Hub's is `registry-1.docker.io`. */
export function registryBaseUrl(registry: string): string {
    return `https://${registry === DOCKER_HUB ? DOCKER_HUB_DEFAULT_HOST : registry}`;
}
