/** The doctor's Helm chart check, against fake chart repositories and a fake OCI registry. */
import { describe, it } from "node:test";
import * as assert from "node:assert/strict";
import { stringify } from "yaml";
import { chartIndexUrl, checkChartsDownloadable, ociChartRef, pinnedCharts } from "../../tools/chartChecks";

const TIGERA_INDEX = "https://docs.tigera.io/calico/charts/index.yaml";
const JETSTACK_INDEX = "https://charts.jetstack.io/index.yaml";
const WEBHOOK_MANIFEST = "https://registry-1.docker.io/v2/imroc/cert-manager-webhook-dnspod/manifests/1.4.4";

/** A chart repository index the way Helm writes one (`entries.<chart>[].version`). */
function index(chart: string, versions: string[]): string {
    return stringify({ apiVersion: "v1", entries: { [chart]: versions.map((version) => ({ name: chart, version, urls: [`${chart}-${version}.tgz`] })) } });
}

/** Answers the three places with what `over` says, else with the pinned versions present. */
function fakeNet(over: Record<string, () => Response> = {}): typeof fetch & { asked: string[] } {
    const asked: string[] = [];
    const fake = (async (url: string | URL | Request, init?: RequestInit) => {
        const u = String(url);
        asked.push(`${init?.method ?? "GET"} ${u}`);
        if (over[u]) return over[u]();
        if (u === TIGERA_INDEX) return new Response(index("tigera-operator", ["v3.26.4", "v3.26.5", "v3.27.0"]));
        if (u === JETSTACK_INDEX) return new Response(index("cert-manager", ["v1.14.6", "v1.14.7"]));
        if (u === WEBHOOK_MANIFEST) return new Response(null, { status: 200, headers: { "Content-Type": "application/vnd.oci.image.manifest.v1+json", "Docker-Content-Digest": "sha256:0" } });
        return new Response("not found", { status: 404 });
    }) as typeof fetch & { asked: string[] };
    fake.asked = asked;
    return fake;
}

describe("the pinned charts", () => {
    it("are the three the program installs, from where `pulumi up` pulls them", () => {
        assert.deepEqual(
            pinnedCharts().map((c) => `${c.repo} ${c.chart} ${c.version}`),
            [
                "https://docs.tigera.io/calico/charts tigera-operator v3.26.5",
                "https://charts.jetstack.io cert-manager v1.14.7",
                "oci://registry-1.docker.io/imroc cert-manager-webhook-dnspod 1.4.4",
            ],
        );
        assert.equal(chartIndexUrl(pinnedCharts()[1]), JETSTACK_INDEX);
        assert.equal(ociChartRef(pinnedCharts()[2]), "registry-1.docker.io/imroc/cert-manager-webhook-dnspod:1.4.4");
    });
});

describe("checkChartsDownloadable", () => {
    it("PASS when both indexes list the pinned versions and the OCI tag exists", async () => {
        const net = fakeNet();
        const r = await checkChartsDownloadable({ fetch: net });
        assert.equal(r.level, "PASS", JSON.stringify(r));
        assert.equal(r.message, "tigera-operator v3.26.5, cert-manager v1.14.7, cert-manager-webhook-dnspod 1.4.4 downloadable from here");
        assert.ok(net.asked.includes(`GET ${TIGERA_INDEX}`) && net.asked.includes(`GET ${JETSTACK_INDEX}`) && net.asked.includes(`HEAD ${WEBHOOK_MANIFEST}`), net.asked.join("\n"));
    });

    it("FAIL naming the chart when an index does not list the version", async () => {
        const r = await checkChartsDownloadable({ fetch: fakeNet({ [JETSTACK_INDEX]: () => new Response(index("cert-manager", ["v1.15.0"])) }) });
        assert.equal(r.level, "FAIL");
        assert.equal(r.message, "1 of 3 pinned charts cannot be downloaded from this machine");
        assert.deepEqual(r.details, [`cert-manager v1.14.7: not listed in ${JETSTACK_INDEX}`]);
        assert.match(r.fix ?? "", /HTTPS_PROXY/);
    });

    it("FAIL when the OCI tag is missing or a repository cannot be reached", async () => {
        const r = await checkChartsDownloadable({
            fetch: fakeNet({
                [WEBHOOK_MANIFEST]: () => new Response(null, { status: 404 }),
                [TIGERA_INDEX]: () => {
                    throw Object.assign(new TypeError("fetch failed"), { cause: { code: "ECONNREFUSED" } });
                },
            }),
        });
        assert.equal(r.level, "FAIL");
        assert.equal(r.details?.length, 2);
        assert.equal(r.details?.[0], `tigera-operator v3.26.5: ${TIGERA_INDEX}: ECONNREFUSED`);
        assert.match(r.details?.[1] ?? "", /^cert-manager-webhook-dnspod 1\.4\.4: missing at oci:\/\/registry-1\.docker\.io\/imroc/);
    });

    it("FAIL on an HTTP error from a repository", async () => {
        const r = await checkChartsDownloadable({ fetch: fakeNet({ [TIGERA_INDEX]: () => new Response("busy", { status: 503 }) }) });
        assert.deepEqual(r.details, [`tigera-operator v3.26.5: ${TIGERA_INDEX} answered HTTP 503`]);
    });
});
