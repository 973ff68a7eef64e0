import { describe, it } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import Ajv from "ajv";
import * as YAML from "yaml";
import { ACME_SERVERS } from "../../lib/config";
import {
    CERT_MANAGER_NAMESPACE,
    CERT_MANAGER_RELEASE,
    certManagerFullname,
    certManagerValues,
    CERTIFICATE_SECRET_NAME,
    clusterIssuer,
    ClusterIssuerOptions,
    DNSPOD_CREDENTIALS,
    DNSPOD_GROUP_NAME,
    DNSPOD_WEBHOOK_CHART,
    dnspodCredentialsSecret,
    gitpodCertificate,
    ISSUER_NAME,
    KOTS_APP_SLUG,
    KOTS_TLS_CONFIG_VALUES,
    webhookValues,
} from "../../lib/tls";
import { PINS } from "../../lib/versions";
import { renderKots } from "../support/kotsTemplate";

const FIXTURES = path.join(__dirname, "..", "fixtures");
const read = (rel: string) => fs.readFileSync(path.join(FIXTURES, rel), "utf8");
const parse = (rel: string) => YAML.parse(read(rel));

type Json = Record<string, unknown>;

const ISSUER_OPTS: ClusterIssuerOptions = {
    email: "ops@example.com",
    server: "production",
    groupName: DNSPOD_GROUP_NAME,
    secretId: "AKIDexample",
    secretRef: DNSPOD_CREDENTIALS,
};

const schemas = new Map<string, Json>();
/** The v1 openAPIV3Schema of a CRD fixture (only `spec` is read: its metadata holds Helm text). */
function crdSchema(rel: string): Json {
    if (!schemas.has(rel)) {
        const crd = parse(rel);
        const v1 = crd.spec.versions.find((v: { name: string }) => v.name === "v1");
        assert.ok(v1, `${rel}: no v1 version`);
        schemas.set(rel, v1.schema.openAPIV3Schema);
    }
    return schemas.get(rel)!;
}

const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
function validateCrd(rel: string, obj: unknown): void {
    const validate = ajv.getSchema(rel) ?? (ajv.addSchema(crdSchema(rel), rel), ajv.getSchema(rel)!);
    assert.ok(validate(obj), `${rel}: ${JSON.stringify(validate.errors, null, 1)}`);
}

/**
 * Fields the API server would prune silently (a typo validates, then vanishes): every key must
 * be declared by the schema, except below `x-kubernetes-preserve-unknown-fields` and `metadata`.
 */
function undeclaredFields(schema: Json, value: unknown, at = ""): string[] {
    if (schema["x-kubernetes-preserve-unknown-fields"] === true || value === null || typeof value !== "object") return [];
    if (Array.isArray(value)) {
        const items = schema.items as Json | undefined;
        return items ? value.flatMap((v, i) => undeclaredFields(items, v, `${at}[${i}]`)) : [];
    }
    const props = schema.properties as Record<string, Json> | undefined;
    const extra = schema.additionalProperties as Json | boolean | undefined;
    return Object.entries(value as Json).flatMap(([k, v]) => {
        const p = `${at}.${k}`;
        if (at === "" && k === "metadata") return [];
        if (props?.[k]) return undeclaredFields(props[k], v, p);
        if (typeof extra === "object") return undeclaredFields(extra, v, p);
        return [p];
    });
}

/**
 * `.validate()` of a kubernetes-models object. Under this project's `node10` module resolution
 * TypeScript cannot see the base class's types (ESM `exports` only), hence the cast.
 */
function validateModel(model: object): void {
    (model as { validate(): void }).validate();
}

async function certManagerModels() {
    return import("@kubernetes-models/cert-manager/cert-manager.io/v1");
}

/** Every leaf path of `ours` must exist in `upstream` (a map that is `{}` upstream is free-form). */
function missingKeys(ours: unknown, upstream: unknown, at = ""): string[] {
    if (ours === null || typeof ours !== "object" || Array.isArray(ours)) {
        const okType = upstream === undefined || upstream === null || typeof upstream === typeof ours;
        return okType ? [] : [`${at}: ${typeof ours} where upstream has ${typeof upstream}`];
    }
    if (upstream === null || typeof upstream !== "object") return [`${at}: not a map upstream`];
    const up = upstream as Json;
    if (Object.keys(up).length === 0) return [];
    return Object.entries(ours as Json).flatMap(([k, v]) =>
        k in up ? missingKeys(v, up[k], `${at}.${k}`) : [`${at}.${k}`],
    );
}

describe("ClusterIssuer gitpod-issuer", () => {
    for (const server of ["production", "staging"] as const) {
        it(`is valid for @kubernetes-models and the v1.14.7 CRD schema (${server})`, async () => {
            const obj = clusterIssuer({ ...ISSUER_OPTS, server });
            const { ClusterIssuer } = await certManagerModels();
            validateModel(new ClusterIssuer(obj));
            validateCrd("k8s/cert-manager-clusterissuer-crd-v1.14.7.yaml", obj);
            assert.deepEqual(undeclaredFields(crdSchema("k8s/cert-manager-clusterissuer-crd-v1.14.7.yaml"), obj), []);
        });
    }

    it("a broken issuer fails both validations (the checks can fail)", async () => {
        const obj = clusterIssuer(ISSUER_OPTS) as unknown as { spec: { acme: Json } };
        delete obj.spec.acme.privateKeySecretRef;
        const { ClusterIssuer } = await certManagerModels();
        assert.throws(() => validateModel(new ClusterIssuer(obj as never)));
        assert.throws(() => validateCrd("k8s/cert-manager-clusterissuer-crd-v1.14.7.yaml", obj));
    });

    it("is named gitpod-issuer, the name KOTS' cert_manager_issuer_name defaults to", () => {
        assert.equal(clusterIssuer(ISSUER_OPTS).metadata?.name, "gitpod-issuer");
        assert.equal(KOTS_TLS_CONFIG_VALUES.cert_manager_issuer_name, "gitpod-issuer");
        assert.equal(KOTS_TLS_CONFIG_VALUES.cert_manager_issuer, "ClusterIssuer");
    });

    it("uses the staging or the production Let's Encrypt server as configured, the same URLs as the webhook chart's issuer", () => {
        const template = read("k8s/dnspod-webhook-clusterissuer-template-v1.3.0.yaml");
        const urls = [...template.matchAll(/server: (\S+)/g)].map((m) => m[1]);
        const prod = clusterIssuer({ ...ISSUER_OPTS, server: "production" }).spec.acme!.server;
        const staging = clusterIssuer({ ...ISSUER_OPTS, server: "staging" }).spec.acme!.server;
        assert.equal(prod, "https://acme-v02.api.letsencrypt.org/directory");
        assert.equal(staging, "https://acme-staging-v02.api.letsencrypt.org/directory");
        assert.equal(prod, ACME_SERVERS.production);
        assert.deepEqual(urls.sort(), [prod, staging].sort());
    });

    it("takes the e-mail and keeps its ACME account key in its own secret", () => {
        const acme = clusterIssuer(ISSUER_OPTS).spec.acme!;
        assert.equal(acme.email, "ops@example.com");
        assert.equal(acme.privateKeySecretRef.name, "gitpod-issuer-account-key");
    });

    it("solves DNS-01 with the groupName the webhook chart is given, solver dnspod", () => {
        const webhook = clusterIssuer(ISSUER_OPTS).spec.acme!.solvers![0].dns01!.webhook!;
        assert.equal(webhook.groupName, DNSPOD_GROUP_NAME);
        assert.equal(webhookValues().groupName, webhook.groupName);
        assert.equal(webhook.solverName, "dnspod");
    });

    it("has the solver config shape of webhook v1.3.0: the chart's own issuer template has the same keys", () => {
        const template = read("k8s/dnspod-webhook-clusterissuer-template-v1.3.0.yaml");
        // The template's `config:` block, as the chart renders it (Go template lines included).
        const block = /\n( +)config:\n((?:\1 +.*\n)+)/.exec(template);
        assert.ok(block, "config block not found in the chart template");
        const lines = block[2].split("\n").filter((l) => l.trim() !== "");
        const depth = Math.min(...lines.map((l) => l.search(/\S/)));
        const templateKeys = lines.filter((l) => l.search(/\S/) === depth).map((l) => l.trim().split(":")[0]).sort();
        const refKey = /secretKeyRef:\n\s+key: (\S+)/.exec(block[2])?.[1];
        const templateSolver = /solverName: (\S+)/.exec(template)?.[1];

        const webhook = clusterIssuer(ISSUER_OPTS).spec.acme!.solvers![0].dns01!.webhook!;
        const config = webhook.config as { secretId: string; secretKeyRef: { name: string; key: string }; ttl: number };
        assert.deepEqual(Object.keys(config).sort(), templateKeys);
        assert.deepEqual(templateKeys, ["secretId", "secretKeyRef", "ttl"]);
        assert.equal(typeof config.secretId, "string", "v1.3.0 reads secretId as a plain string (no secretIdRef)");
        assert.equal(config.secretId, "AKIDexample");
        assert.equal(config.secretKeyRef.key, refKey);
        assert.equal(config.secretKeyRef.key, "secret-key");
        assert.equal(config.ttl, 600);
        assert.equal(webhook.solverName, templateSolver);
    });

    it("points at the credentials Secret, which holds the key under that name in the cert-manager namespace", () => {
        const config = clusterIssuer(ISSUER_OPTS).spec.acme!.solvers![0].dns01!.webhook!.config as { secretKeyRef: { name: string; key: string } };
        const secret = dnspodCredentialsSecret({ secretKey: "k" });
        assert.equal(secret.metadata?.name, config.secretKeyRef.name);
        assert.equal(secret.metadata?.namespace, CERT_MANAGER_NAMESPACE);
        assert.deepEqual(secret.stringData, { [config.secretKeyRef.key]: "k" });
    });
});

describe("credentials Secret", () => {
    it("is a valid kubernetes-models v1.Secret", async () => {
        const { Secret } = await import("kubernetes-models/v1");
        validateModel(new Secret(dnspodCredentialsSecret({ secretKey: "k" })));
    });
});

describe("Certificate https-certificates", () => {
    const cert = gitpodCertificate({ domain: "gitpod.example.com", namespace: "gitpod" });

    it("is valid for @kubernetes-models and the v1.14.7 CRD schema, with no field the API server would prune", async () => {
        const { Certificate } = await certManagerModels();
        validateModel(new Certificate(cert));
        validateCrd("k8s/cert-manager-certificate-crd-v1.14.7.yaml", cert);
        assert.deepEqual(undeclaredFields(crdSchema("k8s/cert-manager-certificate-crd-v1.14.7.yaml"), cert), []);
        assert.deepEqual(undeclaredFields(crdSchema("k8s/cert-manager-certificate-crd-v1.14.7.yaml"), { spec: { secretTemplates: {} } }), [".spec.secretTemplates"]);
    });

    it("covers exactly the domain, *.domain and *.ws.domain, following a domain below the zone apex", () => {
        assert.deepEqual(cert.spec.dnsNames, ["gitpod.example.com", "*.gitpod.example.com", "*.ws.gitpod.example.com"]);
        const apex = gitpodCertificate({ domain: "example.com", namespace: "gitpod" });
        assert.deepEqual(apex.spec.dnsNames, ["example.com", "*.example.com", "*.ws.example.com"]);
    });

    it("fills Secret https-certificates in the Gitpod namespace from ClusterIssuer gitpod-issuer", () => {
        assert.equal(cert.metadata?.name, "https-certificates");
        assert.equal(cert.metadata?.namespace, "gitpod");
        assert.equal(cert.spec.secretName, CERTIFICATE_SECRET_NAME);
        assert.equal(cert.spec.secretName, "https-certificates");
        assert.deepEqual(cert.spec.issuerRef, { name: ISSUER_NAME, kind: "ClusterIssuer" });
    });

    it("is the same object on every call (nothing random: a re-run orders no new certificate)", () => {
        assert.deepEqual(gitpodCertificate({ domain: "gitpod.example.com", namespace: "gitpod" }), cert);
    });
});

describe("agreement with the Certificate KOTS applies (gitpod-certificate.yaml, Gitpod 2022.11.3)", () => {
    const domain = "gitpod.example.com";
    const template = read("gitpod/gitpod-certificate.yaml");
    const rendered = renderKots(template, { ...KOTS_TLS_CONFIG_VALUES, domain }, { appSlug: KOTS_APP_SLUG });
    const kots = YAML.parse(rendered);
    const ours = gitpodCertificate({ domain, namespace: "gitpod" });

    it("renders completely", () => {
        assert.doesNotMatch(rendered, /\{\{repl/);
    });

    it("is deployed by KOTS with our config values (so both of us apply it)", () => {
        assert.equal(kots.metadata.annotations["kots.io/when"], "true");
    });

    it("has the same name, metadata labels and an identical spec", () => {
        assert.equal(kots.metadata.name, ours.metadata?.name);
        assert.deepEqual(kots.metadata.labels, ours.metadata?.labels);
        assert.deepEqual(kots.spec, ours.spec);
    });

    it("would differ (and the test fail) with another issuer name", () => {
        const other = YAML.parse(renderKots(template, { ...KOTS_TLS_CONFIG_VALUES, cert_manager_issuer_name: "dnspod", domain }, { appSlug: KOTS_APP_SLUG }));
        assert.notDeepEqual(other.spec, ours.spec);
    });
});

describe("cert-manager v1.14.7 values", () => {
    const upstream = parse("k8s/cert-manager-values-v1.14.7.yaml");
    const values = certManagerValues({ nameservers: ["119.29.29.29:53", "1.1.1.1:53"] });

    it("every key exists in the chart's values.yaml with the same type", () => {
        assert.deepEqual(missingKeys(values, upstream), []);
        assert.deepEqual(missingKeys({ crds: { enabled: true } }, upstream), [".crds"], "crds.enabled only exists from 1.15");
    });

    it("installs the CRDs and sets the DNS-01 recursive nameservers one way only", () => {
        assert.equal(values.installCRDs, true);
        assert.equal(values.dns01RecursiveNameservers, "119.29.29.29:53,1.1.1.1:53");
        assert.equal(values.dns01RecursiveNameserversOnly, true);
        assert.equal(values.extraArgs, undefined);
        assert.doesNotMatch(JSON.stringify(values), /--dns01/);
    });

    it("rejects an empty or malformed nameserver list", () => {
        assert.throws(() => certManagerValues({ nameservers: [] }), /at least one/);
        assert.throws(() => certManagerValues({ nameservers: ["1.1.1.1"] }), /host:port/);
        assert.throws(() => certManagerValues({ nameservers: ["1.1.1.1:53,8.8.8.8:53"] }), /host:port/);
    });

    it("chart is the pin", () => {
        assert.deepEqual(PINS.certManager.chart, { repo: "https://charts.jetstack.io", chart: "cert-manager", version: "v1.14.7" });
    });
});

describe("DNSPod webhook chart 1.4.4 (v1.3.0) values", () => {
    const upstream = parse("k8s/dnspod-webhook-values-v1.3.0.yaml");
    const chart = parse("k8s/dnspod-webhook-Chart-v1.3.0.yaml");
    const values = webhookValues() as { image: { tag: string }; certManager: { namespace: string; serviceAccountName: string }; clusterIssuer: { enabled: boolean } };

    it("every key exists in the chart's values.yaml with the same type", () => {
        assert.deepEqual(missingKeys(values, upstream), []);
        assert.deepEqual(missingKeys({ clusterIssuer: { secretIdRef: {} } }, upstream), [".clusterIssuer.secretIdRef"]);
    });

    it("the pin is chart 1.4.4 / app 1.3.0 from Docker Hub OCI", () => {
        assert.equal(PINS.dnspodWebhook.chart!.version, chart.version);
        assert.equal(PINS.dnspodWebhook.version, chart.appVersion);
        assert.equal(DNSPOD_WEBHOOK_CHART, "oci://registry-1.docker.io/imroc/cert-manager-webhook-dnspod");
    });

    it("overrides the chart's unpublished image tag v1.3.0 with 1.3.0", () => {
        assert.equal(upstream.image.tag, "v1.3.0");
        assert.equal(values.image.tag, "1.3.0");
        assert.equal(values.image.tag, chart.appVersion);
    });

    it("renders no ClusterIssuer of its own (it would need the credentials in values)", () => {
        assert.equal(values.clusterIssuer.enabled, false);
        assert.doesNotMatch(JSON.stringify(values), /secretId|secretKey/);
    });

    it("grants the solver API to cert-manager's controller ServiceAccount", () => {
        assert.equal(values.certManager.namespace, CERT_MANAGER_NAMESPACE);
        assert.equal(values.certManager.serviceAccountName, certManagerFullname(CERT_MANAGER_RELEASE));
        assert.equal(values.certManager.serviceAccountName, "cert-manager");
    });

    it("applies cert-manager's fullname rule for the ServiceAccount", () => {
        assert.equal(certManagerFullname("cert-manager"), "cert-manager");
        assert.equal(certManagerFullname("tls-cert-manager"), "tls-cert-manager");
        assert.equal(certManagerFullname("tls"), "tls-cert-manager");
        assert.equal(certManagerFullname(`${"a".repeat(60)}-x`), `${"a".repeat(60)}-x`);
    });
});
