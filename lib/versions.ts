/**
 * The one coherent version set. Gitpod 2022.11.3 (the last self-hosted release) was tested on
 * Kubernetes 1.22–1.24 with containerd 1.5/1.6, so every other pin must support the k3s minor.
 * Each fact carries its source; README renders this table.
 */

/** A Kubernetes minor range, inclusive: `["1.24", "1.28"]`. */
export type KubeRange = readonly [min: string, max: string];

export interface ComponentLine {
    /** Minor line of the component, e.g. "3.26" for Calico v3.26.x. */
    readonly line: string;
    /** Kubernetes minors the vendor tested or supports for that line. */
    readonly kubernetes: KubeRange;
    readonly source: string;
}

export interface ChartRef {
    readonly repo: string;
    readonly chart: string;
    readonly version: string;
}

export interface Pin {
    readonly component: string;
    readonly version: string;
    /** Known lines of this component and the Kubernetes minors each supports. */
    readonly lines: readonly ComponentLine[];
    readonly chart?: ChartRef;
    readonly note?: string;
}

export type PinName = "k3s" | "calico" | "certManager" | "dnspodWebhook" | "kots" | "gitpod";

const CALICO_DOCS = "tigera/docs calico_versioned_docs/version-<line>/getting-started/kubernetes/requirements.mdx";
const CERT_MANAGER_DOCS = "cert-manager/website content/docs/releases/README.md";
const KOTS_DOCS = "replicatedhq/replicated-docs docs/partials/install/_kubernetes-compatibility.mdx";

export const PINS: Readonly<Record<PinName, Pin>> = {
    gitpod: {
        component: "Gitpod (KOTS app)",
        version: "2022.11.3",
        lines: [{ line: "2022.11", kubernetes: ["1.22", "1.24"], source: "gitpod.io/docs/references/compatibility (gitpod-io/website compatibility-matrix.ts)" }],
        note: "last self-hosted release; containerd 1.5/1.6, kernel >= 5.4",
    },
    k3s: {
        component: "k3s",
        version: "v1.24.13+k3s1",
        lines: [
            { line: "1.22", kubernetes: ["1.22", "1.22"], source: "k3s-io/docs docs/release-notes/v1.22.X.md" },
            { line: "1.23", kubernetes: ["1.23", "1.23"], source: "k3s-io/docs docs/release-notes/v1.23.X.md" },
            { line: "1.24", kubernetes: ["1.24", "1.24"], source: "k3s-io/docs docs/release-notes/v1.24.X.md" },
            { line: "1.25", kubernetes: ["1.25", "1.25"], source: "k3s-io/docs docs/release-notes/v1.25.X.md" },
            { line: "1.30", kubernetes: ["1.30", "1.30"], source: "k3s-io/docs docs/release-notes/v1.30.X.md" },
        ],
        note: "last 1.24 patch on containerd 1.6 (1.6.19); coredns-custom imports *.server only (*.override from v1.24.15)",
    },
    calico: {
        component: "Calico (tigera-operator chart)",
        version: "v3.26.5",
        lines: [
            { line: "3.25", kubernetes: ["1.23", "1.28"], source: CALICO_DOCS },
            { line: "3.26", kubernetes: ["1.24", "1.28"], source: CALICO_DOCS },
            { line: "3.27", kubernetes: ["1.27", "1.29"], source: CALICO_DOCS },
            { line: "3.28", kubernetes: ["1.27", "1.30"], source: CALICO_DOCS },
            { line: "3.29", kubernetes: ["1.29", "1.32"], source: CALICO_DOCS },
        ],
        chart: { repo: "https://docs.tigera.io/calico/charts", chart: "tigera-operator", version: "v3.26.5" },
        note: "CRDs ship in the operator chart up to 3.31",
    },
    certManager: {
        component: "cert-manager",
        version: "v1.14.7",
        lines: [
            { line: "1.12", kubernetes: ["1.22", "1.32"], source: CERT_MANAGER_DOCS },
            { line: "1.14", kubernetes: ["1.24", "1.31"], source: CERT_MANAGER_DOCS },
            { line: "1.15", kubernetes: ["1.25", "1.32"], source: CERT_MANAGER_DOCS },
            { line: "1.16", kubernetes: ["1.25", "1.32"], source: CERT_MANAGER_DOCS },
            { line: "1.18", kubernetes: ["1.29", "1.33"], source: CERT_MANAGER_DOCS },
        ],
        chart: { repo: "https://charts.jetstack.io", chart: "cert-manager", version: "v1.14.7" },
        note: "CRDs through the chart's installCRDs (crds.enabled only from 1.15)",
    },
    dnspodWebhook: {
        component: "cert-manager-webhook-dnspod (imroc)",
        version: "1.3.0",
        lines: [{ line: "1.3", kubernetes: ["1.24", "1.31"], source: "imroc/cert-manager-webhook-dnspod v1.3.0 README (needs cert-manager >= 1.13) + go.mod k8s.io v0.28.1" }],
        chart: { repo: "oci://registry-1.docker.io/imroc", chart: "cert-manager-webhook-dnspod", version: "1.4.4" },
        note: "chart 1.4.4 names image tag v1.3.0 but images are tagged 1.3.0: image.tag is set",
    },
    kots: {
        component: "kots (kubectl plugin + admin console)",
        version: "1.102.0",
        lines: [
            { line: "1.100", kubernetes: ["1.24", "1.27"], source: KOTS_DOCS },
            { line: "1.101", kubernetes: ["1.24", "1.27"], source: KOTS_DOCS },
            { line: "1.102", kubernetes: ["1.24", "1.27"], source: KOTS_DOCS },
        ],
        note: "last KOTS release listing Kubernetes 1.24",
    },
};

/** `v1.24.13+k3s1` -> `1.24`; `v3.26.5` -> `3.26`; `1.102.0` -> `1.102`. */
export function minorOf(version: string): string {
    const m = /^v?(\d+)\.(\d+)/.exec(version);
    if (!m) throw new Error(`not a version: ${version}`);
    return `${m[1]}.${m[2]}`;
}

function compareMinor(a: string, b: string): number {
    const [a1, a2] = a.split(".").map(Number);
    const [b1, b2] = b.split(".").map(Number);
    return a1 - b1 || a2 - b2;
}

export function inRange(minor: string, range: KubeRange): boolean {
    return compareMinor(minor, range[0]) >= 0 && compareMinor(minor, range[1]) <= 0;
}

export type VersionSet = Readonly<Record<PinName, string>>;

export const DEFAULT_VERSIONS: VersionSet = Object.fromEntries(
    Object.entries(PINS).map(([name, pin]) => [name, pin.version]),
) as Record<PinName, string>;

/** One conflict of a version set: the pin that does not fit, and why (naming both sides). */
export interface VersionConflict {
    readonly pin: PinName;
    readonly message: string;
}

/**
 * Problems with a version set: each pinned component's line must be known and support the
 * Kubernetes minor of k3s. One per problem, naming both sides.
 */
export function checkVersionSet(versions: VersionSet): VersionConflict[] {
    const kube = minorOf(versions.k3s);
    const problems: VersionConflict[] = [];
    for (const name of Object.keys(PINS) as PinName[]) {
        const pin = PINS[name];
        const version = versions[name];
        const line = pin.lines.find((l) => l.line === minorOf(version));
        if (!line) {
            const known = pin.lines.map((l) => l.line).join(", ");
            problems.push({ pin: name, message: `${pin.component} ${version}: unknown line ${minorOf(version)} (known: ${known}); its Kubernetes support cannot be checked` });
        } else if (!inRange(kube, line.kubernetes)) {
            problems.push({ pin: name, message: `${pin.component} ${version} supports Kubernetes ${line.kubernetes[0]}–${line.kubernetes[1]}, but k3s ${versions.k3s} is Kubernetes ${kube} (${line.source})` });
        }
    }
    return problems;
}
