/**
 * The Tls component under mocks: what it declares, in which order, through which provider, and
 * where the DNSPod credentials go. One component set for the whole file (Pulumi's runtime is
 * process-global).
 */
import { before, describe, it } from "node:test";
import assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import { CERTIFICATE, COMMAND, fakeProvider, fakeReady, fakeTarget, ISSUER, NAMESPACE, RELEASE, SECRET } from "../support/fixtures";
import { RecordedResource, setupMocks, valueOf } from "../../tools/mock/mocks";
import { byType, dependsOnTransitively, one } from "../../tools/mock/program";
import { Recording } from "../../tools/mock/mocks";
import { CERTIFICATE_WAIT_SECONDS, Tls } from "../../components/tls";
import { ACME_SERVERS, AcmeServer } from "../../lib/config";
import { PINS } from "../../lib/versions";

const SECRET_ID = "AKIDtlsTestSecretId0123456789";
const SECRET_KEY = "tlsTestSecretKeyValue0123456789";
const CERT_UID = "3f1c7a52-cert-uid";

let run: Recording;
let providerUrn: string;
let tls: Tls;
let clusterReadyUrn: string;

before(async () => {
    run = setupMocks({
        project: "gitpod-tencent",
        stack: "test",
        // The live Certificate has a uid; the wait's triggers follow it.
        outputs: (type, _name, inputs) =>
            type === CERTIFICATE ? { metadata: { ...(inputs.metadata ?? {}), uid: CERT_UID } } : {},
    });
    const provider = fakeProvider();
    // Stands for Calico's readiness.
    const clusterReady = fakeReady("calico-ready");
    tls = new Tls("tls", {
        clusterReady,
        provider,
        target: fakeTarget("203.0.113.10", "-----BEGIN OPENSSH PRIVATE KEY-----\nfake\n"),
        domain: "gitpod.example.com",
        gitpodNamespace: "gitpod",
        acmeEmail: "ops@example.com",
        acmeServer: "staging",
        dns01Nameservers: ["119.29.29.29:53", "1.1.1.1:53"],
        dnspodSecretId: pulumi.secret(SECRET_ID),
        dnspodSecretKey: pulumi.secret(SECRET_KEY),
    });
    providerUrn = await valueOf(provider.urn);
    clusterReadyUrn = await valueOf(clusterReady.urn);
    await Promise.all([valueOf(tls.issuerName), valueOf(tls.certificateReady.id), valueOf(tls.namespace)]);
});

const release = (suffix: string) => one(run, RELEASE, suffix);

describe("Tls component", () => {
    it("declares cert-manager, the webhook, the credentials Secret, the namespace, issuer, certificate and the wait", () => {
        assert.equal(byType(run, RELEASE).length, 2);
        one(run, SECRET, "dnspod-credentials");
        one(run, NAMESPACE, "gitpod-namespace");
        one(run, ISSUER, "cluster-issuer");
        one(run, CERTIFICATE, "certificate");
        one(run, COMMAND, "wait-certificate");
        const component = one(run, "gitpod-tencent:tls:Tls", "tls");
        const own = run.resources.filter((r) => r.type !== "gitpod-tencent:tls:Tls" && !r.type.startsWith("pulumi:providers:") && r.name !== "calico-ready");
        for (const r of own) {
            assert.equal(r.parent, component.urn, `${r.name} is a child of the component`);
        }
    });

    it("touches the cluster only once it is ready: every child waits on clusterReady", () => {
        const ready = run.resources.find((r) => r.urn === clusterReadyUrn)!;
        assert.ok(release("cert-manager").dependencies.includes(clusterReadyUrn));
        assert.ok(one(run, NAMESPACE, "gitpod-namespace").dependencies.includes(clusterReadyUrn));
        for (const r of run.resources.filter((r) => r.parent === one(run, "gitpod-tencent:tls:Tls", "tls").urn)) {
            assert.ok(dependsOnTransitively(run, r, ready), `${r.type} ${r.name} does not wait for the cluster`);
        }
    });

    it("installs the pinned cert-manager chart with fixed release names, waiting with a timeout", () => {
        const cm = release("cert-manager");
        assert.equal(cm.inputs.chart, PINS.certManager.chart!.chart);
        assert.equal(cm.inputs.version, PINS.certManager.chart!.version);
        assert.equal(cm.inputs.version, "v1.14.7");
        assert.deepEqual(cm.inputs.repositoryOpts, { repo: PINS.certManager.chart!.repo });
        assert.equal(cm.inputs.name, "cert-manager");
        assert.equal(cm.inputs.namespace, "cert-manager");
        assert.equal(cm.inputs.createNamespace, true);
        assert.equal(cm.inputs.skipAwait, false);
        assert.ok(cm.inputs.timeout > 0);
        assert.equal(cm.inputs.values.installCRDs, true);
        assert.equal(cm.inputs.values.dns01RecursiveNameservers, "119.29.29.29:53,1.1.1.1:53");
        assert.equal(cm.inputs.values.dns01RecursiveNameserversOnly, true);
    });

    it("installs webhook chart 1.4.4 from OCI (no repositoryOpts) after cert-manager", () => {
        const wh = release("dnspod-webhook");
        assert.equal(wh.inputs.chart, "oci://registry-1.docker.io/imroc/cert-manager-webhook-dnspod");
        assert.equal(wh.inputs.version, PINS.dnspodWebhook.chart!.version);
        assert.equal(wh.inputs.version, "1.4.4");
        assert.equal(wh.inputs.repositoryOpts, undefined);
        assert.equal(wh.inputs.name, "cert-manager-webhook-dnspod");
        assert.equal(wh.inputs.namespace, "cert-manager");
        assert.equal(wh.inputs.skipAwait, false);
        assert.deepEqual(wh.inputs.values, {
            groupName: "acme.imroc.cc",
            certManager: { namespace: "cert-manager", serviceAccountName: "cert-manager" },
            image: { tag: "1.3.0", pullPolicy: "IfNotPresent" },
            clusterIssuer: { enabled: false },
            namespace: "cert-manager",
        });
        assert.ok(dependsOnTransitively(run, wh, release("cert-manager")));
    });

    it("applies the issuer and the certificate only after both releases (and the issuer after the Secret)", () => {
        const issuer = one(run, ISSUER, "cluster-issuer");
        const cert = one(run, CERTIFICATE, "certificate");
        for (const r of [issuer, cert]) {
            assert.ok(r.dependencies.includes(release("cert-manager").urn), `${r.name} waits on cert-manager`);
            assert.ok(r.dependencies.includes(release("dnspod-webhook").urn), `${r.name} waits on the webhook`);
        }
        assert.ok(issuer.dependencies.includes(one(run, SECRET, "dnspod-credentials").urn));
        assert.ok(dependsOnTransitively(run, cert, issuer));
        assert.ok(dependsOnTransitively(run, cert, one(run, NAMESPACE, "gitpod-namespace")));
        assert.ok(dependsOnTransitively(run, one(run, SECRET, "dnspod-credentials"), release("cert-manager")), "its namespace comes with the release");
    });

    it("sends every Kubernetes resource through the given provider", () => {
        const k8sResources = run.resources.filter((r) => r.type.startsWith("kubernetes:"));
        assert.equal(k8sResources.length, 6);
        for (const r of k8sResources) {
            assert.ok(r.provider.startsWith(`${providerUrn}::`), `${r.type} ${r.name} uses ${r.provider || "the default provider"}`);
        }
    });

    it("creates the Gitpod namespace and exports it (name and resource)", async () => {
        const ns = one(run, NAMESPACE, "gitpod-namespace");
        assert.equal(ns.inputs.metadata.name, "gitpod");
        assert.equal(await valueOf(tls.namespace), "gitpod");
        assert.equal(await valueOf(tls.namespaceResource.urn), ns.urn);
        assert.equal(await valueOf(tls.issuerName), "gitpod-issuer");
    });

    it("is gitpod/https-certificates for the three Gitpod names from gitpod-issuer, never retained on delete", () => {
        const cert = one(run, CERTIFICATE, "certificate");
        assert.equal(cert.inputs.metadata.name, "https-certificates");
        assert.equal(cert.inputs.metadata.namespace, "gitpod");
        assert.equal(cert.inputs.spec.secretName, "https-certificates");
        assert.deepEqual(cert.inputs.spec.issuerRef, { name: "gitpod-issuer", kind: "ClusterIssuer" });
        assert.deepEqual(cert.inputs.spec.dnsNames, ["gitpod.example.com", "*.gitpod.example.com", "*.ws.gitpod.example.com"]);
        assert.equal(cert.protect, false);
    });

    it("issues from Let's Encrypt staging when configured so", () => {
        const issuer = one(run, ISSUER, "cluster-issuer");
        assert.equal(issuer.inputs.metadata.name, "gitpod-issuer");
        assert.equal(issuer.inputs.spec.acme.server, "https://acme-staging-v02.api.letsencrypt.org/directory");
        assert.equal(issuer.inputs.spec.acme.email, "ops@example.com");
    });
});

/** Dotted paths of every string in `value` that contains `needle`. */
function pathsContaining(value: unknown, needle: string, at = ""): string[] {
    if (typeof value === "string") return value.includes(needle) ? [at || "<root>"] : [];
    if (Array.isArray(value)) return value.flatMap((v, i) => pathsContaining(v, needle, `${at}[${i}]`));
    if (value && typeof value === "object") {
        return Object.entries(value).flatMap(([k, v]) => pathsContaining(v, needle, at ? `${at}.${k.replace(/\./g, "\\.")}` : k));
    }
    return [];
}

function coveredBySecret(r: RecordedResource, p: string): boolean {
    return r.secretPaths.some((s) => s === "<root>" || p === s || p.startsWith(`${s}.`) || p.startsWith(`${s}[`));
}

describe("DNSPod credentials", () => {
    it("the SecretKey reaches the cluster only as the Secret's stringData, a secret input", () => {
        const secret = one(run, SECRET, "dnspod-credentials");
        assert.deepEqual(secret.inputs.stringData, { "secret-key": SECRET_KEY });
        assert.deepEqual(secret.inputs.metadata, { name: "dnspod-credentials", namespace: "cert-manager" });
        assert.ok(coveredBySecret(secret, "stringData.secret-key"), `secret paths: ${secret.secretPaths.join(", ")}`);
    });

    it("the SecretId reaches the cluster only in the issuer's solver config, a secret input", () => {
        const issuer = one(run, ISSUER, "cluster-issuer");
        const config = issuer.inputs.spec.acme.solvers[0].dns01.webhook.config;
        assert.equal(config.secretId, SECRET_ID);
        assert.deepEqual(config.secretKeyRef, { name: "dnspod-credentials", key: "secret-key" });
        assert.ok(coveredBySecret(issuer, "spec.acme.solvers[0].dns01.webhook.config.secretId"), `secret paths: ${issuer.secretPaths.join(", ")}`);
    });

    it("no credential value sits in any plain input of any resource", () => {
        for (const needle of [SECRET_ID, SECRET_KEY]) {
            const found = run.resources.flatMap((r) => pathsContaining(r.inputs, needle).filter((p) => !coveredBySecret(r, p)).map((p) => `${r.type} ${r.name}: ${p}`));
            assert.deepEqual(found, []);
        }
        // And the check itself finds the values where they are (so it can fail).
        assert.ok(pathsContaining(one(run, SECRET, "dnspod-credentials").inputs, SECRET_KEY).length > 0);
    });

    it("no credential value in chart values or in the remote command", () => {
        const texts = [...byType(run, RELEASE).map((r) => JSON.stringify(r.inputs)), ...byType(run, COMMAND).map((r) => `${r.inputs.create}\n${r.inputs.update}\n${JSON.stringify(r.inputs.triggers)}`)];
        for (const text of texts) {
            assert.ok(!text.includes(SECRET_ID) && !text.includes(SECRET_KEY));
        }
    });
});

describe("certificate wait", () => {
    it("runs wait-certificate.sh for https-certificates in the Gitpod namespace, bounded", () => {
        const wait = one(run, COMMAND, "wait-certificate");
        // The command is `sudo bash -c '<script>' name`: undo the quoting of embedded quotes.
        const create = (wait.inputs.create as string).replace(/'\\''/g, "'");
        assert.match(create, /wait-certificate/);
        assert.match(create, /export CERT_NAME='https-certificates'/);
        assert.match(create, /export CERT_NAMESPACE='gitpod'/);
        assert.match(create, new RegExp(`export WAIT_TIMEOUT_SECONDS='${CERTIFICATE_WAIT_SECONDS}'`));
        // It waits on the Certificate object (kubectl wait on certificate/<name>), not on its Secret.
        assert.match(create, /ref="certificate\/\$CERT_NAME"/);
        assert.match(create, /wait --for=condition=Ready "\$ref"/);
        assert.ok(CERTIFICATE_WAIT_SECONDS > 0 && CERTIFICATE_WAIT_SECONDS <= 1800);
    });

    it("carries ACME_ENVIRONMENT = acmeServer, the environment the issuer uses", () => {
        const wait = one(run, COMMAND, "wait-certificate");
        // Undo the quoting of embedded quotes, as above.
        const create = (wait.inputs.create as string).replace(/'\\''/g, "'");
        const envs = [...create.matchAll(/^export ACME_ENVIRONMENT='([^']*)'$/gm)].map((m) => m[1]);
        assert.deepEqual(envs, ["staging"], "exactly one ACME_ENVIRONMENT, the configured acmeServer");
        // ... and it names the environment the ClusterIssuer's server belongs to.
        const issuer = one(run, ISSUER, "cluster-issuer");
        assert.equal(ACME_SERVERS[envs[0] as AcmeServer], issuer.inputs.spec.acme.server);
    });

    it("a changed acmeServer re-runs the wait in place: it is in the command (update = create), not in the triggers", () => {
        const wait = one(run, COMMAND, "wait-certificate");
        assert.equal(wait.inputs.update, wait.inputs.create);
        assert.ok(!JSON.stringify(wait.inputs.triggers).includes("staging"), "acmeServer would replace the command, not update it");
    });

    it("waits on the Certificate", () => {
        const wait = one(run, COMMAND, "wait-certificate");
        assert.ok(wait.dependencies.includes(one(run, CERTIFICATE, "certificate").urn));
    });

    it("re-runs only when the certificate's spec or the object itself changes (stable triggers, no randomness)", () => {
        const wait = one(run, COMMAND, "wait-certificate");
        const cert = one(run, CERTIFICATE, "certificate");
        assert.equal(wait.inputs.triggers.length, 2);
        assert.deepEqual(JSON.parse(wait.inputs.triggers[0]), cert.inputs.spec);
        assert.equal(wait.inputs.triggers[1], CERT_UID);
        assert.deepEqual(JSON.parse(wait.inputs.triggers[0]).dnsNames, ["gitpod.example.com", "*.gitpod.example.com", "*.ws.gitpod.example.com"]);
    });

    it("is the component's certificateReady output", async () => {
        const wait = one(run, COMMAND, "wait-certificate");
        assert.equal(await valueOf(tls.certificateReady.urn), wait.urn);
    });
});
