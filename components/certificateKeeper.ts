/**
 * The two steps of the Tls stage that keep the issued certificate across rebuilds
 * (lib/keptCertificate.ts says why): one puts a kept Secret back into a new cluster before the
 * Certificate is applied, the other reads the issued Secret so the stack keeps a copy.
 */
import * as command from "@pulumi/command";
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { keptSecret } from "../lib/keptCertificate";
import { CERTIFICATE_NAME, gitpodCertificate } from "../lib/tls";
import { remoteScript, SshTarget } from "./remote";

export interface CertificateKeeperArgs {
    readonly target: SshTarget;
    readonly domain: string;
    readonly gitpodNamespace: string;
    readonly acmeServer: string;
    /**
     * Read count of the issued Secret (lib/keptCertificate.ts `nextCertificateRead`): a new count
     * reads it again, to keep the copy cert-manager renewed. Default 0.
     */
    readonly certificateReads?: pulumi.Input<number>;
}

/**
 * Creates the Secret from `manifest` (secret, "" for none) unless it exists. Runs once per
 * cluster: its trigger is the Gitpod namespace's uid, which a new cluster changes. The manifest
 * travels on stdin; the caller keeps it unchanged for the same VM (lib/keptCertificate.ts).
 */
export function restoreCertificate(
    name: string,
    args: CertificateKeeperArgs,
    manifest: pulumi.Input<string>,
    namespace: k8s.core.v1.Namespace,
    opts: pulumi.CustomResourceOptions,
): command.remote.Command {
    return remoteScript(
        `${name}-restore-certificate`,
        {
            target: args.target,
            script: "restore-certificate",
            params: { CERT_NAMESPACE: args.gitpodNamespace, TLS_NAME: certificateSecretName(args) },
            stdin: pulumi.secret(manifest),
            triggers: [namespace.metadata.apply((m) => m?.uid ?? "")],
        },
        pulumi.mergeOptions(opts, { dependsOn: [namespace] }),
    );
}

/**
 * Reads the issued Secret once the certificate is Ready: again whenever the certificate may
 * have been issued anew (a new Certificate object, other names, the other ACME server) and
 * when the kept copy nears its expiry (`certificateReads`: cert-manager renewed it). The
 * result is the stack's `tlsCertificate` output (secret): the kept copy.
 */
export function keepCertificate(
    name: string,
    args: CertificateKeeperArgs,
    certificate: k8s.apiextensions.CustomResource,
    opts: pulumi.CustomResourceOptions,
): pulumi.Output<string> {
    const read = remoteScript(
        `${name}-keep-certificate`,
        {
            target: args.target,
            script: "read-certificate",
            params: { CERT_NAMESPACE: args.gitpodNamespace, TLS_NAME: certificateSecretName(args) },
            triggers: [certificate.metadata.apply((m) => m?.uid ?? ""), args.domain, args.acmeServer, args.certificateReads ?? 0],
            secretStdout: true,
        },
        opts,
    );
    return pulumi.secret(read.stdout.apply(keptSecret));
}

function certificateSecretName(args: CertificateKeeperArgs): string {
    return gitpodCertificate({ domain: args.domain, namespace: args.gitpodNamespace }).spec?.secretName ?? CERTIFICATE_NAME;
}
