/**
 * TLS manifests and chart values: cert-manager v1.14.7, the imroc DNSPod DNS-01 webhook v1.3.0
 * (chart 1.4.4), the ClusterIssuer `gitpod-issuer` and the wildcard Certificate Gitpod serves.
 * Pure: plain objects, no Pulumi resources (components/tls.ts declares them).
 *
 * The objects are typed with the `@kubernetes-models` interfaces. Those packages are ES modules
 * only (their `exports` have just an `import` condition; @kubernetes-models/base wants Node >= 22)
 * while this program runs as CommonJS under Pulumi's ts-node, so only their *types* are imported
 * here; the tests validate every object with the packages' classes (`.validate()`) and with the
 * v1.14.7 CRD schemas.
 */
import type { ICertificate, IClusterIssuer } from "@kubernetes-models/cert-manager/cert-manager.io/v1";
import type { ISecret } from "kubernetes-models/v1";
import { ACME_SERVERS, AcmeServer } from "./config/tls";
import { gitpodNames } from "./dns";
import { PINS } from "./versions";

/** Where cert-manager and the webhook run; ClusterIssuer secrets are read from here too. */
export const CERT_MANAGER_NAMESPACE = "cert-manager";

/**
 * Helm release names, fixed (never auto-named): the chart fullname, and with it the controller's
 * ServiceAccount and the Deployment names the wait script's hints print, derive from them.
 */
export const CERT_MANAGER_RELEASE = "cert-manager";
export const DNSPOD_WEBHOOK_RELEASE = "cert-manager-webhook-dnspod";

/** The webhook chart: Docker Hub OCI is the only place chart 1.4.4 was published. */
export const DNSPOD_WEBHOOK_CHART = `${PINS.dnspodWebhook.chart!.repo}/${PINS.dnspodWebhook.chart!.chart}`;

/**
 * The API group the webhook serves (APIService `v1alpha1.<group>`) and the issuer's solver
 * names. Set once, here, for both sides. It is the v1.3.0 chart's own default, so upstream
 * examples and issues apply as written; setting it explicitly keeps the issuer working if the
 * chart is ever upgraded (1.5.0 changed the default to `acme.dnspod.com`).
 */
export const DNSPOD_GROUP_NAME = "acme.imroc.cc";

/** The solver name webhook v1.3.0 registers (main.go `Name()`). */
export const DNSPOD_SOLVER_NAME = "dnspod";

/** Where the issuer finds the SecretKey: webhook v1.3.0 expects the key `secret-key`. */
export const DNSPOD_CREDENTIALS = { name: "dnspod-credentials", key: "secret-key" } as const;

/** TXT record TTL the webhook asks DNSPod for; DNSPod's free plan accepts 600 and up. */
export const DNSPOD_TXT_TTL = 600;

/** The issuer Gitpod's KOTS config names by default (`cert_manager_issuer_name`). */
export const ISSUER_NAME = "gitpod-issuer";
export const ISSUER_KIND = "ClusterIssuer";
/** The ACME account key of the issuer (in the cert-manager namespace). */
export const ISSUER_ACCOUNT_KEY_SECRET = "gitpod-issuer-account-key";

/** Gitpod's Certificate and the Secret it fills (keys tls.crt, tls.key), as KOTS names them. */
export const CERTIFICATE_NAME = "https-certificates";
export const CERTIFICATE_SECRET_NAME = "https-certificates";

/** The licence's appSlug (Community licence): KOTS writes it into the secret's labels. */
export const KOTS_APP_SLUG = "gitpod";

/**
 * The TLS part of the KOTS ConfigValues for the Gitpod stage: cert-manager enabled, our
 * ClusterIssuer. With these, KOTS renders the same Certificate as `gitpodCertificate()`.
 */
export const KOTS_TLS_CONFIG_VALUES = {
    tls_self_signed_enabled: "0",
    cert_manager_enabled: "1",
    cert_manager_issuer_name: ISSUER_NAME,
    cert_manager_issuer: ISSUER_KIND,
} as const;

/**
 * The cert-manager chart fullname (templates/_helpers.tpl), which names the controller's
 * ServiceAccount: the release name when it contains "cert-manager", else `<release>-cert-manager`,
 * truncated to 63 characters without a trailing "-".
 */
export function certManagerFullname(release: string): string {
    const full = release.includes("cert-manager") ? release : `${release}-cert-manager`;
    return full.slice(0, 63).replace(/-$/, "");
}

/** `host:port` entries; the chart value is one comma-separated string. */
function checkNameservers(nameservers: readonly string[]): void {
    if (nameservers.length === 0) throw new Error("certManagerValues: at least one recursive nameserver is needed");
    for (const ns of nameservers) {
        if (!/^[^\s,]+:\d{1,5}$/.test(ns)) throw new Error(`certManagerValues: nameserver "${ns}" is not host:port`);
    }
}

/**
 * Values for cert-manager v1.14.7. CRDs come with the chart (`installCRDs`: the only switch at
 * this version). The DNS-01 self-check asks only `nameservers` (default DNSPod's public resolver
 * 119.29.29.29, which sees DNSPod changes first, and 1.1.1.1 as a second opinion): the local
 * resolver (CoreDNS -> the VM's resolver) may cache a missing TXT record for minutes. Set through
 * the chart's own values, not `extraArgs` as well: the flag is a string slice, twice appends.
 */
export function certManagerValues(opts: { nameservers: readonly string[] }): Record<string, unknown> {
    checkNameservers(opts.nameservers);
    return {
        installCRDs: true,
        dns01RecursiveNameservers: opts.nameservers.join(","),
        dns01RecursiveNameserversOnly: true,
        // Requests only (no limits): the scheduler accounts for them on the one 16 GB node
        // Gitpod's preflight measures; limits would risk OOM kills during issuance bursts.
        resources: { requests: { cpu: "10m", memory: "64Mi" } },
        webhook: { resources: { requests: { cpu: "10m", memory: "32Mi" } } },
        cainjector: { resources: { requests: { cpu: "10m", memory: "64Mi" } } },
    };
}

/**
 * Values for the DNSPod webhook chart 1.4.4 (app v1.3.0).
 * - `image.tag: "1.3.0"`: the chart names `v1.3.0`, a tag the image workflow never published
 *   (it tags `1.3.0`/`1.3`); `IfNotPresent` since the tag is pinned (no Docker Hub pull per restart).
 * - `clusterIssuer.enabled: false`: we render our own issuer; the chart's would need the
 *   credentials in the (plain) release values.
 * - `certManager.*` must name cert-manager's controller ServiceAccount (the RBAC subject that
 *   may call the solver API).
 */
export function webhookValues(): Record<string, unknown> {
    return {
        groupName: DNSPOD_GROUP_NAME,
        certManager: {
            namespace: CERT_MANAGER_NAMESPACE,
            serviceAccountName: certManagerFullname(CERT_MANAGER_RELEASE),
        },
        image: { tag: PINS.dnspodWebhook.version, pullPolicy: "IfNotPresent" },
        clusterIssuer: { enabled: false },
        namespace: CERT_MANAGER_NAMESPACE,
    };
}

/**
 * The Secret holding the Tencent Cloud API SecretKey for the webhook. It lives in the
 * cert-manager namespace: for a ClusterIssuer, cert-manager and the webhook read referenced
 * secrets from the cluster resource namespace (cert-manager's own by default).
 */
export function dnspodCredentialsSecret(opts: { secretKey: string; namespace?: string }): ISecret {
    return {
        apiVersion: "v1",
        kind: "Secret",
        metadata: { name: DNSPOD_CREDENTIALS.name, namespace: opts.namespace ?? CERT_MANAGER_NAMESPACE },
        type: "Opaque",
        stringData: { [DNSPOD_CREDENTIALS.key]: opts.secretKey },
    };
}

export interface ClusterIssuerOptions {
    /** Let's Encrypt account e-mail (expiry notices). */
    readonly email: string;
    readonly server: AcmeServer;
    readonly groupName: string;
    /**
     * Tencent Cloud API SecretId. Webhook v1.3.0 reads it as a plain string from the issuer
     * config (a `secretIdRef` exists only from 1.5.0). It identifies the key, it is not the key,
     * but callers keep it `pulumi.secret` in state all the same.
     */
    readonly secretId: string;
    /** The Secret and key holding the SecretKey. */
    readonly secretRef: { readonly name: string; readonly key: string };
}

/** ClusterIssuer `gitpod-issuer`: Let's Encrypt ACME with DNS-01 through the DNSPod webhook. */
export function clusterIssuer(opts: ClusterIssuerOptions): IClusterIssuer {
    return {
        apiVersion: "cert-manager.io/v1",
        kind: "ClusterIssuer",
        metadata: { name: ISSUER_NAME },
        spec: {
            acme: {
                server: ACME_SERVERS[opts.server],
                email: opts.email,
                privateKeySecretRef: { name: ISSUER_ACCOUNT_KEY_SECRET },
                solvers: [
                    {
                        dns01: {
                            webhook: {
                                groupName: opts.groupName,
                                solverName: DNSPOD_SOLVER_NAME,
                                config: {
                                    secretId: opts.secretId,
                                    secretKeyRef: { name: opts.secretRef.name, key: opts.secretRef.key },
                                    ttl: DNSPOD_TXT_TTL,
                                },
                            },
                        },
                    },
                ],
            },
        },
    };
}

/** A Certificate whose spec is always there (the model's type has it optional). */
export type CertificateManifest = ICertificate & { spec: NonNullable<ICertificate["spec"]> };

/** The labels KOTS puts on Gitpod's Certificate (gitpod-certificate.yaml, metadata.labels). */
export const GITPOD_CERTIFICATE_LABELS = { app: "gitpod", component: "gitpod-installer" } as const;

/**
 * The Certificate Gitpod serves: `domain`, `*.domain`, `*.ws.domain` into Secret
 * `https-certificates`, from ClusterIssuer `gitpod-issuer`.
 *
 * Ownership: KOTS (with `cert_manager_enabled=1`, the default) applies this same Certificate from
 * gitpod-certificate.yaml. We create it first, so issuance is verified before the long KOTS
 * install and the Gitpod stage can wait on it. The spec and labels here are exactly what KOTS
 * renders for `KOTS_TLS_CONFIG_VALUES` (same issuerRef, same dnsNames order, same secretTemplate
 * labels, same metadata labels; a test renders the KOTS template and compares), so two managers
 * apply equal values: no apply conflict, and cert-manager never sees a spec change, hence no
 * re-issue and no extra order against Let's Encrypt's duplicate-certificate limit.
 */
export function gitpodCertificate(opts: { domain: string; namespace: string }): CertificateManifest {
    return {
        apiVersion: "cert-manager.io/v1",
        kind: "Certificate",
        metadata: { name: CERTIFICATE_NAME, namespace: opts.namespace, labels: { ...GITPOD_CERTIFICATE_LABELS } },
        spec: {
            secretName: CERTIFICATE_SECRET_NAME,
            issuerRef: { name: ISSUER_NAME, kind: ISSUER_KIND },
            dnsNames: gitpodNames(opts.domain),
            secretTemplate: {
                labels: {
                    ...GITPOD_CERTIFICATE_LABELS,
                    "kots.io/app-slug": KOTS_APP_SLUG,
                    "kots.io/backup": "velero",
                },
            },
        },
    };
}
