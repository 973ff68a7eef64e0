/** The DNS names Gitpod serves, relative to the DNSPod zone that holds them. */

/** Gitpod answers on its domain, every name below it, and every workspace name below `ws`. */
export const GITPOD_RECORD_PREFIXES = ["", "*", "*.ws"] as const;

/**
 * DNSPod sub-domain for a Gitpod name: `domainLabel` is the domain relative to the zone ("" at
 * the apex). Apex + "" -> "@"; "gitpod" + "*.ws" -> "*.ws.gitpod".
 */
export function subDomainFor(prefix: string, domainLabel: string): string {
    const parts = [prefix, domainLabel].filter((p) => p !== "");
    return parts.length === 0 ? "@" : parts.join(".");
}

/** The three fully qualified names Gitpod needs, in the order the certificate lists them. */
export function gitpodNames(domain: string): string[] {
    return GITPOD_RECORD_PREFIXES.map((p) => (p === "" ? domain : `${p}.${domain}`));
}
