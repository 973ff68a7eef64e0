/**
 * The CoreDNS "hairpin" fix as data: a `kube-system/coredns-custom` ConfigMap that makes pods
 * resolve the Gitpod names to the in-cluster `proxy` Service instead of the VM's public IP.
 *
 * Why: a Tencent CVM's public IP is NAT'd outside the VM, so a pod connecting to
 * `registry.<domain>` (server, image-builder, build pods) via the public address loops through
 * the provider edge and fails (gitpod-io/gitpod#13506). The Gitpod local preview answered
 * `<domain>`, `*.<domain>` and `*.ws.<domain>` with a CNAME to the proxy Service
 * (install/preview/manifests/coredns.yaml, PR #11242); this does the same with `rewrite`, which
 * matches the public records the DNS stage creates (@, *, *.ws all point at the VM, where the
 * proxy listens).
 *
 * Which k3s reads what (k3s manifests/coredns.yaml; fixture for v1.24.13 in test/fixtures/k8s):
 * - `*.server` keys are imported at the top level of the Corefile (own server blocks) since
 *   v1.23.1;
 * - `*.override` keys are imported inside the default `.:53` block only since v1.24.15,
 *   v1.25.11, v1.26.6 and v1.27.3 (the June 2023 batch; k3s #7712). The pinned v1.24.13 ignores
 *   them, so it gets a `.server` block.
 */
// Types only: kubernetes-models v5 is ESM-only (its exports have no `require` condition), and
// this CommonJS program cannot load it at run time. Tests validate the object with its
// ConfigMap model (`new ConfigMap(obj).validate()`).
import type { IConfigMap } from "kubernetes-models/v1";

export const COREDNS_CUSTOM_NAME = "coredns-custom";
export const COREDNS_CUSTOM_NAMESPACE = "kube-system";
/** Where k3s mounts the ConfigMap in the CoreDNS pod. */
export const COREDNS_CUSTOM_DIR = "/etc/coredns/custom";

export type CorednsImportKind = "server" | "override";

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
 * First patch of each 1.x line whose Corefile imports `*.override` (k3s release notes of the
 * June 2023 releases; lines from 1.28 on have it from their first release).
 */
export const OVERRIDE_SINCE: Readonly<Record<number, number>> = { 24: 15, 25: 11, 26: 6, 27: 3 };

/** Which coredns-custom import a k3s release has: the in-block `override` where available. */
export function corednsImportKind(k3sVersion: string): CorednsImportKind {
    const { major, minor, patch } = parseK3sVersion(k3sVersion);
    if (major !== 1 || minor < 22) {
        throw new Error(`k3s ${k3sVersion}: no coredns-custom import before v1.22 (the *.server import came in v1.23.1, backported to 1.22)`);
    }
    if (minor >= 28) return "override";
    const since = OVERRIDE_SINCE[minor];
    return since !== undefined && patch >= since ? "override" : "server";
}

/** The ConfigMap key: a name k3s' import glob (`*.server` / `*.override`) matches. */
export function corednsCustomKey(k3sVersion: string, base = "gitpod"): string {
    return `${base}.${corednsImportKind(k3sVersion)}`;
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

/**
 * RE2 pattern (CoreDNS matches it against the lower-cased, fully qualified query name) for the
 * domain itself and every host name below it (`registry.`, `*.ws.`, ...). Labels with `_`
 * (`_acme-challenge` TXT lookups) do not match, so they still get the public answer.
 */
export function gitpodNamesPattern(domain: string): string {
    return `^([a-z0-9-]+\\.)*${escapeRegex(domain)}\\.$`;
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
 * A server block of its own for the Gitpod zone (for `*.server`): it only sees queries for
 * names in `<domain>`, so it carries its own `kubernetes` plugin to answer the rewritten
 * Service name (a block without it could not resolve `proxy.<ns>.svc...`), and forwards
 * everything it does not rewrite (e.g. `_acme-challenge` TXT) upstream like the default block.
 * Plugin order is CoreDNS' compiled order (cache, rewrite, kubernetes, forward), not file order.
 */
export function hairpinServerBlock(input: HairpinInput): string {
    const clusterDomain = input.clusterDomain ?? "cluster.local";
    checkName("cluster domain", clusterDomain);
    return [
        `# Managed by gitpod-tencent: Gitpod names resolve to the in-cluster proxy Service (no hairpin via the public IP).`,
        `${input.domain}:53 {`,
        `    errors`,
        `    cache 30`,
        hairpinRewrite(input, "    "),
        `    kubernetes ${clusterDomain} {`,
        `        pods insecure`,
        `    }`,
        `    forward . /etc/resolv.conf`,
        `}`,
        ``,
    ].join("\n");
}

/** The `*.override` form: plugins pasted into the default `.:53` block, which has `kubernetes`. */
export function hairpinOverride(input: HairpinInput): string {
    return [`# Managed by gitpod-tencent: Gitpod names resolve to the in-cluster proxy Service.`, hairpinRewrite(input), ``].join("\n");
}

export interface CorednsCustomInput extends HairpinInput {
    /** The k3s release running the cluster: decides `.server` vs `.override`. */
    readonly k3sVersion: string;
}

/** The ConfigMap's data: one key, in the form the given k3s imports. */
export function corednsCustomData(input: CorednsCustomInput): Record<string, string> {
    const kind = corednsImportKind(input.k3sVersion);
    const body = kind === "server" ? hairpinServerBlock(input) : hairpinOverride(input);
    return { [corednsCustomKey(input.k3sVersion)]: body };
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
