/**
 * The deployment plan `npm run plan` prints: the program's stages (its top-level
 * `gitpod-tencent:*` components, as the mock engine recorded them), what each waits on (derived
 * from the recorded dependencies and provider references of everything inside it), and a
 * modelled time to a usable Gitpod with its critical path. Stages are never listed by hand: a
 * new component shows up with the default estimate until it gets a row in STAGE_ESTIMATES.
 */

/** What the plan needs of a recorded resource (tools/mock/mocks.ts RecordedResource has it). */
export interface GraphResource {
    readonly type: string;
    readonly name: string;
    readonly urn: string;
    readonly parent: string;
    readonly custom: boolean;
    readonly dependencies: readonly string[];
    /** Provider reference `<urn>::<id>`, "" for the default provider. */
    readonly provider: string;
}

export interface Estimate {
    readonly seconds: number;
    /** Where the number comes from. */
    readonly source: string;
}

const ANCHORS = "shared notes anchors-gitpod.md section 5 (documented install durations)";

/**
 * Modelled wall-clock time of each stage on a fresh stack, keyed by component type. These are
 * estimates from documented durations and the stages' own waits, not measurements; `pulumi up`
 * prints the real ones.
 */
export const STAGE_ESTIMATES: Readonly<Record<string, Estimate>> = {
    "gitpod-tencent:cloud:Network": { seconds: 20, source: "VPC, subnet, security group: synchronous Tencent Cloud API calls (estimate)" },
    "gitpod-tencent:cloud:SshKey": { seconds: 5, source: "local key generation + one KeyPair API call (estimate)" },
    "gitpod-tencent:cloud:CvmNode": { seconds: 90, source: "image lookup, type preflight, RunInstances until RUNNING (Tencent Cloud: instances start within 1-2 min)" },
    "gitpod-tencent:cloud:PublicAddress": { seconds: 15, source: "EIP allocation and association: two Tencent Cloud API calls and their async tasks (estimate)" },
    "gitpod-tencent:cloud:DiskBackups": { seconds: 5, source: "snapshot policy and its attachment: two CBS API calls (estimate)" },
    "gitpod-tencent:dns:DnsRecords": { seconds: 10, source: "three DNSPod record API calls (estimate)" },
    "gitpod-tencent:cluster:K3sServer": { seconds: 180, source: `SSH dial while the VM boots, host prep, k3s install; k3s guide: "about 5 minutes" for cluster prep (${ANCHORS})` },
    "gitpod-tencent:cluster:Calico": { seconds: 120, source: "tigera-operator chart, Calico pods pulled and Ready (estimate; Calico images ~200 MB)" },
    "gitpod-tencent:cluster:CoreDnsHairpin": { seconds: 5, source: "one ConfigMap (estimate)" },
    "gitpod-tencent:cluster:ImagePreflight": { seconds: 60, source: "manifest HEAD of every Gitpod image from the VM (estimate)" },
    "gitpod-tencent:cluster:WorkspaceImagePrepull": { seconds: 5, source: "one SSH command that starts the pull in the background and returns (estimate)" },
    "gitpod-tencent:cluster:WorkspaceNodes": {
        seconds: 180,
        source: "after Calico: SSH through the server, host prep, k3s agent install and join, Node Ready; the agent VMs boot earlier, beside the server's stages (estimate, as K3sServer's install)",
    },
    "gitpod-tencent:tls:Tls": { seconds: 300, source: `cert-manager + webhook charts, DNS-01 for a wildcard: "2-10 min" (${ANCHORS})` },
    "gitpod-tencent:gitpod:Gitpod": { seconds: 900, source: `kots install + Gitpod's charts, image pulls from eu.gcr.io dominate: "5-15 min" (${ANCHORS}; Gitpod CI waits 11.3 min)` },
    "gitpod-tencent:gitpod:GitpodInstaller": { seconds: 840, source: `installer image pull + render, helm --wait of Gitpod's release: "5-15 min" (${ANCHORS}), no kotsadm` },
};

export const DEFAULT_ESTIMATE: Estimate = { seconds: 60, source: "no estimate recorded for this component type: default" };

/** The stages a usable Gitpod is the end of (kots or installer mode); without one, the last stage to finish. */
export const GITPOD_STAGE_TYPES: readonly string[] = ["gitpod-tencent:gitpod:Gitpod", "gitpod-tencent:gitpod:GitpodInstaller"];

export interface PlannedStage {
    readonly urn: string;
    readonly name: string;
    readonly type: string;
    /** Stages this one waits on directly (implied ones left out), by URN. */
    readonly waitsOn: readonly string[];
    readonly estimate: Estimate;
    readonly start: number;
    readonly finish: number;
    /** On the longest chain to the target. */
    readonly critical: boolean;
    /** How much later it could finish without delaying the target; undefined when the target does not wait on it. */
    readonly slack?: number;
}

export interface Plan {
    /** In order of start time. */
    readonly stages: readonly PlannedStage[];
    /** URNs from the first stage to the target. */
    readonly criticalPath: readonly string[];
    readonly target: string;
    readonly totalSeconds: number;
}

const isStageType = (type: string) => type.startsWith("gitpod-tencent:");

/** Maps every resource's URN to the URN of the top-level component (stage) it belongs to. */
export function stageOf(resources: readonly GraphResource[]): Map<string, string> {
    const byUrn = new Map(resources.map((r) => [r.urn, r]));
    const result = new Map<string, string>();
    for (const r of resources) {
        let stage: string | undefined;
        for (let cur: GraphResource | undefined = r; cur; cur = byUrn.get(cur.parent)) {
            if (!cur.custom && isStageType(cur.type)) stage = cur.urn;
        }
        if (stage) result.set(r.urn, stage);
    }
    return result;
}

/** `<urn>::<id>` -> `<urn>` (URNs contain `::` themselves: the id is after the last one). */
function providerUrn(ref: string): string | undefined {
    const i = ref.lastIndexOf("::");
    return ref === "" || i < 0 ? undefined : ref.slice(0, i);
}

/** Direct stage-to-stage waits: any resource of A depending on (or using a provider of) anything in B. */
export function stageDependencies(resources: readonly GraphResource[]): Map<string, Set<string>> {
    const stages = stageOf(resources);
    const deps = new Map<string, Set<string>>([...new Set(stages.values())].map((s) => [s, new Set<string>()]));
    for (const r of resources) {
        const from = stages.get(r.urn);
        if (!from) continue;
        for (const target of [...r.dependencies, providerUrn(r.provider)]) {
            const to = target ? stages.get(target) : undefined;
            if (to && to !== from) deps.get(from)!.add(to);
        }
    }
    return deps;
}

function closure(deps: ReadonlyMap<string, ReadonlySet<string>>, from: string): Set<string> {
    const seen = new Set<string>();
    const todo = [...(deps.get(from) ?? [])];
    while (todo.length > 0) {
        const s = todo.pop()!;
        if (seen.has(s)) continue;
        seen.add(s);
        todo.push(...(deps.get(s) ?? []));
    }
    return seen;
}

/** Leaves out a wait already implied by another (A waits on B and C, C waits on B: A waits on C). */
function reduce(deps: ReadonlyMap<string, ReadonlySet<string>>, stage: string): string[] {
    const direct = [...(deps.get(stage) ?? [])];
    return direct.filter((d) => !direct.some((other) => other !== d && closure(deps, other).has(d)));
}

export function buildPlan(resources: readonly GraphResource[], estimates: Readonly<Record<string, Estimate>> = STAGE_ESTIMATES): Plan {
    const deps = stageDependencies(resources);
    const byUrn = new Map(resources.map((r) => [r.urn, r]));
    const estimateOf = (urn: string) => estimates[byUrn.get(urn)!.type] ?? DEFAULT_ESTIMATE;
    // Earliest finish, in recording order (Pulumi registers a resource after what it depends on).
    const finish = new Map<string, number>();
    const finishOf = (urn: string): number => {
        if (!finish.has(urn)) finish.set(urn, Math.max(0, ...[...deps.get(urn)!].map(finishOf)) + estimateOf(urn).seconds);
        return finish.get(urn)!;
    };
    const urns = [...deps.keys()];
    urns.forEach(finishOf);
    const gitpod = urns.find((u) => GITPOD_STAGE_TYPES.includes(byUrn.get(u)!.type));
    const target = gitpod ?? urns.reduce((a, b) => (finishOf(b) > finishOf(a) ? b : a));
    const path = [target];
    for (let cur = target; (deps.get(cur)?.size ?? 0) > 0; ) {
        cur = [...deps.get(cur)!].reduce((a, b) => (finishOf(b) > finishOf(a) ? b : a));
        path.unshift(cur);
    }
    // Latest finish that does not delay the target, for the stages it waits on.
    const latest = new Map<string, number>([[target, finishOf(target)]]);
    const needed = closure(deps, target);
    const latestOf = (urn: string): number => {
        if (!latest.has(urn)) {
            const waiters = urns.filter((u) => (u === target || needed.has(u)) && deps.get(u)!.has(urn));
            latest.set(urn, Math.min(...waiters.map((w) => latestOf(w) - estimateOf(w).seconds)));
        }
        return latest.get(urn)!;
    };
    const stages = urns
        .map((urn): PlannedStage => {
            const r = byUrn.get(urn)!;
            const est = estimateOf(urn);
            return {
                urn,
                name: r.name,
                type: r.type,
                waitsOn: reduce(deps, urn),
                estimate: est,
                start: finishOf(urn) - est.seconds,
                finish: finishOf(urn),
                critical: path.includes(urn),
                slack: urn === target || needed.has(urn) ? latestOf(urn) - finishOf(urn) : undefined,
            };
        })
        .sort((a, b) => a.start - b.start || a.finish - b.finish);
    return { stages, criticalPath: path, target, totalSeconds: finishOf(target) };
}

export function formatDuration(seconds: number): string {
    return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}

/** `Network`, from `gitpod-tencent:cloud:Network`. */
const kind = (type: string) => type.split(":").pop() ?? type;

export function formatPlan(plan: Plan): string[] {
    const label = (urn: string) => {
        const s = plan.stages.find((x) => x.urn === urn)!;
        return `${kind(s.type)}(${s.name})`;
    };
    const rows = plan.stages.map((s) => {
        const mark = s.critical ? "*" : " ";
        const beside = s.critical ? "critical path" : s.slack === undefined ? "beside: nothing usable waits on it" : `beside: slack ${formatDuration(s.slack)}`;
        return `${mark} ${label(s.urn).padEnd(40)} ${formatDuration(s.start).padStart(6)} → ${formatDuration(s.finish).padEnd(6)} ${beside.padEnd(36)} waits on: ${s.waitsOn.map(label).join(", ") || "-"}`;
    });
    const target = plan.stages.find((s) => s.urn === plan.target)!;
    return [
        `  ${"stage".padEnd(40)} ${"start".padStart(6)} → end`,
        ...rows,
        "",
        `modelled time to a usable Gitpod: ${formatDuration(plan.totalSeconds)} (min:s) at the end of ${label(target.urn)}${GITPOD_STAGE_TYPES.includes(target.type) ? "" : " (no Gitpod stage in the program yet)"}`,
        `critical path (*): ${plan.criticalPath.map(label).join(" → ")}`,
        "",
        "estimates per stage (modelled, not measured):",
        ...plan.stages.map((s) => `  ${label(s.urn).padEnd(40)} ${formatDuration(s.estimate.seconds).padStart(6)}  ${s.estimate.source}`),
    ];
}
