/**
 * The doctor's Helm chart check: `pulumi up` downloads the three pinned charts on the machine it
 * runs on (not on the VM), so the doctor asks, from that machine, whether each pinned version
 * is there:
 * - a chart repository (https): its `index.yaml` lists the chart at that version (the file
 *   Helm itself reads to resolve a version, Helm "The Chart Repository Guide");
 * - an OCI registry (`oci://`): the manifest of `<chart>:<version>` exists, asked the way a
 *   registry client asks for an image (lib/registryClient.ts: an anonymous HEAD; a Helm chart
 *   is an OCI image manifest with a Helm config).
 * One line for all three; a chart that cannot be fetched is a FAIL naming it and where.
 */
import { parse } from "yaml";
import { checkImage, ImageCheck } from "../lib/registryClient";
import { ChartRef, PINS } from "../lib/versions";
import type { CheckResult } from "./report";

/** Every chart the program installs, from the pinned version set. */
export function pinnedCharts(): ChartRef[] {
    return Object.values(PINS).flatMap((pin) => (pin.chart ? [pin.chart] : []));
}

export interface ChartCheckDeps {
    readonly fetch?: typeof fetch;
    /** Bound on each request, default 20 s (a chart index can be several MB). */
    readonly timeoutMs?: number;
    /** The charts to check; default `pinnedCharts()`. */
    readonly charts?: readonly ChartRef[];
}

/** `v1.14.7` and `1.14.7` name the same chart version in an index. */
function sameVersion(a: string, b: string): boolean {
    return a.replace(/^v/, "") === b.replace(/^v/, "");
}

/** Where Helm pulls an OCI chart from: `oci://registry-1.docker.io/imroc` + chart -> an image reference. */
export function ociChartRef(chart: ChartRef): string {
    return `${chart.repo.replace(/^oci:\/\//, "").replace(/\/+$/, "")}/${chart.chart}:${chart.version}`;
}

/** The chart repository's index URL. */
export function chartIndexUrl(chart: ChartRef): string {
    return `${chart.repo.replace(/\/+$/, "")}/index.yaml`;
}

/** Whether a parsed index lists the chart at the version. */
export function indexLists(index: unknown, chart: ChartRef): boolean {
    const entries = (index as { entries?: Record<string, { version?: string }[]> } | null)?.entries?.[chart.chart];
    return Array.isArray(entries) && entries.some((e) => typeof e?.version === "string" && sameVersion(e.version, chart.version));
}

/** One chart: undefined when it can be downloaded, else the problem in one line. */
export async function chartProblem(chart: ChartRef, deps: ChartCheckDeps = {}): Promise<string | undefined> {
    const timeoutMs = deps.timeoutMs ?? 20_000;
    const fetchFn = deps.fetch ?? globalThis.fetch;
    if (chart.repo.startsWith("oci://")) {
        const found: ImageCheck = await checkImage(ociChartRef(chart), { fetch: fetchFn, timeoutMs });
        return found.status === "present" ? undefined : `${chart.chart} ${chart.version}: ${found.status} at ${chart.repo} (${found.detail})`;
    }
    const url = chartIndexUrl(chart);
    try {
        const res = await fetchFn(url, { signal: AbortSignal.timeout(timeoutMs) });
        if (!res.ok) {
            await res.body?.cancel();
            return `${chart.chart} ${chart.version}: ${url} answered HTTP ${res.status}`;
        }
        return indexLists(parse(await res.text()), chart) ? undefined : `${chart.chart} ${chart.version}: not listed in ${url}`;
    } catch (e) {
        const err = e as { name?: string; message?: string; cause?: { code?: string } };
        return `${chart.chart} ${chart.version}: ${url}: ${err.name === "TimeoutError" ? "timed out" : (err.cause?.code ?? err.message ?? String(e))}`;
    }
}

/** The doctor line: PASS when every pinned chart can be downloaded from here. */
export async function checkChartsDownloadable(deps: ChartCheckDeps = {}): Promise<CheckResult> {
    const charts = deps.charts ?? pinnedCharts();
    const problems = (await Promise.all(charts.map((c) => chartProblem(c, deps)))).filter((p): p is string => p !== undefined);
    const name = "Helm charts";
    if (problems.length === 0) {
        return { name, level: "PASS", message: `${charts.map((c) => `${c.chart} ${c.version}`).join(", ")} downloadable from here` };
    }
    return {
        name,
        level: "FAIL",
        message: `${problems.length} of ${charts.length} pinned charts cannot be downloaded from this machine`,
        details: problems,
        fix: "`pulumi up` downloads the charts from where it runs: check this machine's HTTPS access to the chart repositories (a proxy via HTTPS_PROXY in mainland China), or whether the pinned version was withdrawn",
    };
}
