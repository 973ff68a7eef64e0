import * as command from "@pulumi/command";
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { AcmeServer } from "../lib/config";
import {
    CERT_MANAGER_NAMESPACE,
    CERT_MANAGER_RELEASE,
    certManagerValues,
    CERTIFICATE_NAME,
    clusterIssuer,
    DNSPOD_CREDENTIALS,
    DNSPOD_GROUP_NAME,
    DNSPOD_WEBHOOK_CHART,
    DNSPOD_WEBHOOK_RELEASE,
    dnspodCredentialsSecret,
    gitpodCertificate,
    ISSUER_NAME,
    webhookValues,
} from "../lib/tls";
import { PINS } from "../lib/versions";
import { keepCertificate, restoreCertificate } from "./certificateKeeper";
import { remoteScript, SshTarget } from "./remote";

/** Helm waits this long for each release's Deployments (and cert-manager's startupapicheck Job). */
export const RELEASE_TIMEOUT_SECONDS = 600;

/**
 * How long `pulumi up` waits for the certificate. DNS-01 for a wildcard usually takes 2-10
 * minutes (TXT propagation, then Let's Encrypt's own lookups); past 15 something is wrong and
 * the wait script prints why.
 */
export const CERTIFICATE_WAIT_SECONDS = 900;

export interface TlsArgs {
    /** The cluster's provider (from K3sServer): every in-cluster resource goes through it. */
    readonly provider: k8s.Provider;
    /**
     * The cluster can run pods (Calico's `ready`): cert-manager's webhook needs pod networking.
     * Passed to the children that reach the cluster first (Pulumi does not make children wait
     * on their parent's `dependsOn`); everything else follows them.
     */
    readonly clusterReady: pulumi.Resource;
    /** The VM, for the bounded certificate wait (run with the node's own kubectl). */
    readonly target: SshTarget;
    /** Gitpod's domain; the certificate covers it, `*.domain` and `*.ws.domain`. */
    readonly domain: string;
    /** Namespace Gitpod (KOTS) installs into; created here, reused by the Gitpod stage. */
    readonly gitpodNamespace: string;
    /** Let's Encrypt account e-mail. */
    readonly acmeEmail: string;
    /** `staging` while trying things out (untrusted certificates, generous limits), then `production`. */
    readonly acmeServer: AcmeServer;
    /** Recursive nameservers (`host:port`) cert-manager's DNS-01 self-check asks. */
    readonly dns01Nameservers: readonly string[];
    /** Tencent Cloud API SecretId allowed to edit DNSPod records (kept secret in state). */
    readonly dnspodSecretId: pulumi.Input<string>;
    /** Its SecretKey (secret). */
    readonly dnspodSecretKey: pulumi.Input<string>;
    /**
     * A kept `https-certificates` Secret manifest (secret JSON) to put into a new cluster before
     * the Certificate, or "" (see lib/keptCertificate.ts `certificateToRestore`). Default "".
     */
    readonly restoreCertificate?: pulumi.Input<string>;
    /** Read count of the issued Secret (components/certificateKeeper.ts). Default 0. */
    readonly certificateReads?: pulumi.Input<number>;
}

/**
 * TLS for Gitpod. Owns cert-manager (Helm, CRDs included), the DNSPod DNS-01 webhook (Helm),
 * the Secret with the DNSPod API key, the Gitpod namespace, ClusterIssuer `gitpod-issuer` and
 * Certificate `https-certificates` (the same one KOTS applies later, see lib/tls.ts).
 *
 * Waits for: Helm to report both releases ready (Deployments available, cert-manager's API
 * check passed) before any issuer or certificate is applied, then for the Certificate to be
 * Ready on the node (bounded, with diagnostics on failure): `certificateReady`.
 * Waits for `clusterReady` (Calico Ready) before anything reaches the cluster.
 * Keeps the certificate across rebuilds (components/certificateKeeper.ts): a kept Secret is
 * restored before the Certificate is applied, and the issued one is read back once Ready.
 */
export class Tls extends pulumi.ComponentResource {
    /** The bounded wait for Certificate `https-certificates` to be Ready. Depend on this. */
    readonly certificateReady: command.remote.Command;
    /**
     * The Gitpod namespace's name, resolved once the Namespace exists: a resource taking it as an
     * input waits for the namespace (the Gitpod stage installs into it).
     */
    readonly namespace: pulumi.Output<string>;
    /** The Namespace itself, for `dependsOn`. */
    readonly namespaceResource: k8s.core.v1.Namespace;
    /** Name of the ClusterIssuer, for KOTS' `cert_manager_issuer_name`. */
    readonly issuerName: pulumi.Output<string>;
    /** The issued Secret as kept by the stack (secret JSON manifest, "" before issuance). */
    readonly keptCertificate: pulumi.Output<string>;

    constructor(name: string, args: TlsArgs, opts?: pulumi.ComponentResourceOptions) {
        super("gitpod-tencent:tls:Tls", name, {}, opts);
        const k8sOpts = { parent: this, provider: args.provider };
        const clusterReady = [args.clusterReady];

        const certManager = certManagerRelease(name, args, { ...k8sOpts, dependsOn: clusterReady });
        const webhook = webhookRelease(name, { ...k8sOpts, dependsOn: [certManager] });
        const credentials = credentialsSecret(name, args, { ...k8sOpts, dependsOn: [certManager] });
        this.namespaceResource = new k8s.core.v1.Namespace(`${name}-gitpod-namespace`, { metadata: { name: args.gitpodNamespace } }, {
            ...k8sOpts,
            dependsOn: clusterReady,
        });
        this.namespace = this.namespaceResource.metadata.name;

        const issuer = issuerResource(name, args, { ...k8sOpts, dependsOn: [certManager, webhook, credentials] });
        const restored = restoreCertificate(name, args, args.restoreCertificate ?? "", this.namespaceResource, { parent: this });
        const certificate = certificateResource(name, args, { ...k8sOpts, dependsOn: [certManager, webhook, issuer, this.namespaceResource, restored] });
        this.certificateReady = waitForCertificate(name, args, certificate, { parent: this, dependsOn: [certificate] });
        this.keptCertificate = keepCertificate(name, args, certificate, { parent: this, dependsOn: [this.certificateReady] });
        this.issuerName = issuer.metadata.apply((m) => m?.name ?? ISSUER_NAME);

        this.registerOutputs({
            certificateReady: this.certificateReady.id,
            namespace: this.namespace,
            issuerName: this.issuerName,
        });
    }
}

type K8sOpts = pulumi.CustomResourceOptions & { provider: k8s.Provider };

/** cert-manager with its CRDs. Helm waits for its Deployments and the startupapicheck Job. */
function certManagerRelease(name: string, args: TlsArgs, opts: K8sOpts): k8s.helm.v3.Release {
    const chart = PINS.certManager.chart!;
    return new k8s.helm.v3.Release(
        `${name}-cert-manager`,
        {
            name: CERT_MANAGER_RELEASE,
            chart: chart.chart,
            version: chart.version,
            repositoryOpts: { repo: chart.repo },
            namespace: CERT_MANAGER_NAMESPACE,
            createNamespace: true,
            values: certManagerValues({ nameservers: args.dns01Nameservers }),
            // The issuer must not be applied before cert-manager's admission webhook answers.
            skipAwait: false,
            timeout: RELEASE_TIMEOUT_SECONDS,
        },
        opts,
    );
}

/** The DNSPod webhook, from Docker Hub OCI (no Helm repository carries chart 1.4.4). */
function webhookRelease(name: string, opts: K8sOpts): k8s.helm.v3.Release {
    return new k8s.helm.v3.Release(
        `${name}-dnspod-webhook`,
        {
            name: DNSPOD_WEBHOOK_RELEASE,
            // OCI: the full reference is the chart, no repositoryOpts.
            chart: DNSPOD_WEBHOOK_CHART,
            version: PINS.dnspodWebhook.chart!.version,
            namespace: CERT_MANAGER_NAMESPACE,
            values: webhookValues(),
            skipAwait: false,
            timeout: RELEASE_TIMEOUT_SECONDS,
        },
        opts,
    );
}

/** The SecretKey reaches the cluster only through this Secret, as a secret input. */
function credentialsSecret(name: string, args: TlsArgs, opts: K8sOpts): k8s.core.v1.Secret {
    const manifest = pulumi.secret(args.dnspodSecretKey).apply((secretKey) => dnspodCredentialsSecret({ secretKey }));
    return new k8s.core.v1.Secret(
        `${name}-dnspod-credentials`,
        {
            metadata: { name: DNSPOD_CREDENTIALS.name, namespace: CERT_MANAGER_NAMESPACE },
            type: "Opaque",
            stringData: manifest.apply((m) => m.stringData ?? {}),
        },
        // @pulumi/kubernetes itself marks a Secret's data and stringData outputs secret.
        opts,
    );
}

/**
 * ClusterIssuer `gitpod-issuer`. Its spec carries the SecretId, so the whole spec is a secret
 * in state (previews show it as [secret]).
 */
function issuerResource(name: string, args: TlsArgs, opts: K8sOpts): k8s.apiextensions.CustomResource {
    const render = (secretId: string) =>
        clusterIssuer({ email: args.acmeEmail, server: args.acmeServer, groupName: DNSPOD_GROUP_NAME, secretId, secretRef: DNSPOD_CREDENTIALS });
    // apiVersion, kind and metadata do not depend on the SecretId: they stay plain.
    const { apiVersion, kind, metadata } = render("");
    const spec = pulumi.secret(args.dnspodSecretId).apply((secretId) => render(secretId).spec);
    return new k8s.apiextensions.CustomResource(
        `${name}-cluster-issuer`,
        { apiVersion, kind, metadata, spec },
        { ...opts, additionalSecretOutputs: ["spec"] },
    );
}

/**
 * Certificate `https-certificates` in the Gitpod namespace. Every input is derived from config
 * alone (no random names, no timestamps), so a no-op `pulumi up` changes nothing and
 * cert-manager orders nothing new. Not retained on delete: `pulumi destroy` removes the VM anyway.
 */
function certificateResource(name: string, args: TlsArgs, opts: K8sOpts): k8s.apiextensions.CustomResource {
    const manifest = gitpodCertificate({ domain: args.domain, namespace: args.gitpodNamespace });
    return new k8s.apiextensions.CustomResource(
        `${name}-certificate`,
        { apiVersion: manifest.apiVersion, kind: manifest.kind, metadata: manifest.metadata, spec: manifest.spec },
        opts,
    );
}

/**
 * Bounded wait on the node for the Certificate to be Ready, with a certificate from the
 * issuer's Let's Encrypt environment: a certificate left from the other one (e.g. staging after
 * switching to production) is deleted first, so cert-manager issues a new one (it does not
 * re-issue a valid certificate when only the issuer's server changes).
 * Runs again when the certificate's spec changes or the Certificate object is recreated
 * (triggers: its uid, stable across no-op runs, changes with a rebuilt cluster) and, in place
 * (an `update`, see remote.ts), when `acmeServer` changes: ACME_ENVIRONMENT is part of the
 * command string. A no-op `pulumi up` runs nothing.
 */
function waitForCertificate(
    name: string,
    args: TlsArgs,
    certificate: k8s.apiextensions.CustomResource,
    opts: pulumi.CustomResourceOptions,
): command.remote.Command {
    const manifest = gitpodCertificate({ domain: args.domain, namespace: args.gitpodNamespace });
    const uid = certificate.metadata.apply((m) => m?.uid ?? "");
    return remoteScript(
        `${name}-wait-certificate`,
        {
            target: args.target,
            script: "wait-certificate",
            params: {
                CERT_NAMESPACE: args.gitpodNamespace,
                CERT_NAME: CERTIFICATE_NAME,
                // production | staging: the environment the Secret's certificate must come from.
                ACME_ENVIRONMENT: args.acmeServer,
                WAIT_TIMEOUT_SECONDS: String(CERTIFICATE_WAIT_SECONDS),
            },
            triggers: [JSON.stringify(manifest.spec), uid],
        },
        opts,
    );
}
