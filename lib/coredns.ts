/**
 * The CoreDNS "hairpin" fix as data: a `kube-system/coredns-custom` ConfigMap that makes pods
 * resolve the Gitpod names to the in-cluster `proxy` Service instead of the VM's public IP.
 *
 * Why: a Tencent CVM's public IP is NAT'd outside the VM, so a pod connecting to
 * `registry.<domain>` (server, image-builder, build pods) via the public address loops through
 * the provider edge and fails (gitpod-io/gitpod#13506). The Gitpod local preview answered the
 * Gitpod names with the proxy Service (install/preview/manifests/coredns.yaml, PR #11242); this
 * does the same with `rewrite`, for the names the DNS stage publishes (@, *, *.ws).
 *
 * Only address lookups (A, AAAA) of those names are rewritten. Every other query for the zone
 * must get the public answer: with `domain` at the zone apex, cert-manager's DNSPod webhook
 * finds the zone by asking the pod's resolver for its SOA (imroc webhook v1.3.0
 * `getDomainAndID` -> cert-manager `util.FindZoneByFqdn`), and ACME DNS-01 checks TXT records.
 * So the block has a `view` (CoreDNS >= 1.10.0) that admits only those queries; CoreDNS 1.10.1
 * (what k3s v1.24.13 ships, fixture in test/fixtures/k8s) routes a query whose view does not
 * match on to the next shorter zone, finally the default `.:53` block, which forwards it
 * upstream (core/dnsserver/server.go `ServeDNS`: filter funcs checked per zone, loop over
 * `dns.NextLabel`, then the root zone).
 *
 * Which k3s reads it (k3s manifests/coredns.yaml; fixture for v1.24.13): `*.server` keys are
 * imported at the top level of the Corefile (own server blocks) since v1.23.1. The in-block
 * `*.override` import (k3s #7712, from v1.24.15) cannot hold a `view`: a view filters a whole
 * server block, so the hairpin always is a `.server` block.
 */
// Types only: kubernetes-models v5 is ESM-only (its exports have no `require` condition), and
// this CommonJS program cannot load it at run time. Tests validate the object with its
// ConfigMap model (`new ConfigMap(obj).validate()`).
import type { IConfigMap } from "kubernetes-models/v1";
import { GITPOD_RECORD_PREFIXES } from "./dns";

export const COREDNS_CUSTOM_NAME = "coredns-custom";
export const COREDNS_CUSTOM_NAMESPACE = "kube-system";
/** Where k3s mounts the ConfigMap in the CoreDNS pod. */
export const COREDNS_CUSTOM_DIR = "/etc/coredns/custom";
/** The ConfigMap key: k3s imports `*.server` files as server blocks of their own. */
export const COREDNS_CUSTOM_KEY = "gitpod.server";
/** The view's name (CoreDNS metrics and the `view/name` metadata show it). */
export const HAIRPIN_VIEW = "gitpod-hairpin";

export interface K3sVersionParts {
    readonly major: number;
    readonly minor: number;
    readonly patch: number;
}

/** `v1.24.13+k3s1` -> {1, 24, 13}. */
export function parseK3sVersion(version: string): K3sVersionParts {
    const m = /^v(\d+)\.(\d+)\.(\d+)(?:[-+]|$)/.exec(version);
    if (!m) throw new Error(`not a k3s version: ${JSON.stringify(version)} (expected e.g. v1.24.13+k3s1)`);
    return { major: Number(m[1]), minor: Number(m[2]), patch: Number(m[3]) };
}

/**
 * First patch of each k3s line shipping CoreDNS 1.10.1 (the April 2023 releases; k3s-io/docs
 * docs/release-notes/v1.24.X.md and v1.25.X.md list 1.9.4 before them; 1.26 and 1.27 are the
 * same batch). Lines from 1.28 on ship it from their first release.
 */
export const VIEW_PLUGIN_SINCE: Readonly<Record<number, number>> = { 24: 13, 25: 9, 26: 4, 27: 1 };

/** Throws unless the k3s release's CoreDNS has the `view` plugin the hairpin block needs. */
export function requireViewPlugin(k3sVersion: string): void {
    const { major, minor, patch } = parseK3sVersion(k3sVersion);
    const since = VIEW_PLUGIN_SINCE[minor];
    const ok = major === 1 && (minor >= 28 || (since !== undefined && patch >= since));
    if (!ok) {
        throw new Error(`k3s ${k3sVersion}: its CoreDNS predates 1.10 (no \`view\` plugin), which the Gitpod hairpin needs; use k3s v1.24.13+k3s1 or later`);
    }
}

export interface HairpinInput {
    /** The Gitpod domain, e.g. gitpod.example.com. */
    readonly domain: string;
    /** Namespace of Gitpod's `proxy` Service. */
    readonly namespace: string;
    /** The Service every Gitpod name goes to; Gitpod's is `proxy`. */
    readonly proxyService?: string;
    /** k3s' cluster domain (`--cluster-domain`, default cluster.local). */
    readonly clusterDomain?: string;
}

const DNS_NAME = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/;

function checkName(what: string, value: string): void {
    if (!DNS_NAME.test(value)) throw new Error(`${what}: ${JSON.stringify(value)} is not a lower-case DNS name`);
}

function escapeRegex(s: string): string {
    return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The proxy Service's cluster name, e.g. proxy.gitpod.svc.cluster.local. */
export function proxyServiceName(input: HairpinInput): string {
    return `${input.proxyService ?? "proxy"}.${input.namespace}.svc.${input.clusterDomain ?? "cluster.local"}`;
}

/** One record prefix as a pattern: `*` is one label, anything else itself. */
function prefixPattern(prefix: string): string {
    return prefix
        .split(".")
        .map((label) => (label === "*" ? "[a-z0-9-]+" : escapeRegex(label)))
        .map((label) => `${label}\\.`)
        .join("");
}

/**
 * RE2 pattern (CoreDNS matches it against the lower-cased, fully qualified query name) for the
 * names the DNS stage publishes (GITPOD_RECORD_PREFIXES: the domain, one label below it, one
 * label below `ws.`), and nothing deeper: two labels below the domain (`a.b.<domain>`) keep
 * their public answers, and labels with `_` (`_acme-challenge`) never match. With the domain
 * at the zone apex, "one label below it" also covers the zone's other hosts (`www.`, `mail.`):
 * in-cluster they resolve to the proxy like the public wildcard would (README "Hairpin").
 */
export function gitpodNamesPattern(domain: string): string {
    const alternatives = GITPOD_RECORD_PREFIXES.filter((p) => p !== "").map(prefixPattern);
    return `^(${alternatives.join("|")})?${escapeRegex(domain)}\\.$`;
}

/**
 * The view expression: A or AAAA, for a Gitpod name. Inside the expression's single-quoted
 * string literal a backslash is written twice (antonmedv/expr v1.12.0 string escapes; CoreDNS
 * 1.10.1's test/view_test.go writes `'^one\\..*\\.split-name\\.$'` the same way). The
 * Corefile tokenizer (coredns/caddy v1.1.1 caddyfile/lexer.go) keeps backslashes outside double
 * quotes, splits on spaces (`view` joins the words again) and starts a comment at any `#`: the
 * expression holds none.
 */
export function hairpinViewExpr(domain: string): string {
    return `type() in ['A', 'AAAA'] && name() matches '${gitpodNamesPattern(domain).replace(/\\/g, "\\\\")}'`;
}

/**
 * The rewrite stanza: the question is rewritten to the proxy Service name and, with
 * `answer auto`, the answer's owner name back to the name asked (clients reject answers for a
 * different name). `answer auto` and regex name rules exist in CoreDNS >= 1.8.4 (k3s 1.24.13
 * ships 1.10.1).
 */
export function hairpinRewrite(input: HairpinInput, indent = ""): string {
    checkName("domain", input.domain);
    checkName("namespace", input.namespace);
    const target = proxyServiceName(input);
    checkName("proxy service name", target);
    return [
        `${indent}rewrite stop {`,
        `${indent}    name regex ${gitpodNamesPattern(input.domain)} ${target}`,
        `${indent}    answer auto`,
        `${indent}}`,
    ].join("\n");
}

/**
 * The server block for the Gitpod zone (a `*.server` import). Its `view` admits only A/AAAA
 * queries for Gitpod names; CoreDNS hands every other query, `<domain>` SOA and
 * `_acme-challenge` TXT included, to the default `.:53` block, which resolves it upstream as
 * outside the cluster. What it admits is rewritten to the proxy Service and answered by the
 * block's own `kubernetes` plugin (it cannot use the one in `.:53`), so it needs no `forward`.
 * Plugin order is CoreDNS' compiled order (view, errors, cache, rewrite, kubernetes), not file
 * order (plugin.cfg at v1.10.1).
 */
export function hairpinServerBlock(input: HairpinInput): string {
    const clusterDomain = input.clusterDomain ?? "cluster.local";
    checkName("cluster domain", clusterDomain);
    const rewrite = hairpinRewrite(input, "    ");
    return [
        `# Managed by gitpod-tencent: address lookups of the Gitpod names resolve to the in-cluster proxy Service (no hairpin via the public IP).`,
        `${input.domain}:53 {`,
        `    view ${HAIRPIN_VIEW} {`,
        `        expr ${hairpinViewExpr(input.domain)}`,
        `    }`,
        `    errors`,
        `    cache 30`,
        rewrite,
        `    kubernetes ${clusterDomain} {`,
        `        pods insecure`,
        `    }`,
        `}`,
        ``,
    ].join("\n");
}

export interface CorednsCustomInput extends HairpinInput {
    /** The k3s release running the cluster: its CoreDNS must have the `view` plugin. */
    readonly k3sVersion: string;
}

/** The ConfigMap's data: the one `.server` key. */
export function corednsCustomData(input: CorednsCustomInput): Record<string, string> {
    requireViewPlugin(input.k3sVersion);
    return { [COREDNS_CUSTOM_KEY]: hairpinServerBlock(input) };
}

const CONFIGMAP_KEY = /^[-._a-zA-Z0-9]+$/;

/**
 * The `kube-system/coredns-custom` ConfigMap, typed by kubernetes-models' `IConfigMap` (the
 * tests validate it against the model's schema).
 */
export function corednsCustomConfigMap(input: CorednsCustomInput): IConfigMap {
    const data = corednsCustomData(input);
    for (const key of Object.keys(data)) {
        if (!CONFIGMAP_KEY.test(key)) throw new Error(`ConfigMap key ${JSON.stringify(key)} is not valid`);
    }
    return {
        apiVersion: "v1",
        kind: "ConfigMap",
        metadata: {
            name: COREDNS_CUSTOM_NAME,
            namespace: COREDNS_CUSTOM_NAMESPACE,
            labels: { "app.kubernetes.io/managed-by": "pulumi", "app.kubernetes.io/part-of": "gitpod-tencent" },
        },
        data,
    };
}
