/**
 * The TLS certificate kept in the stack across rebuilds. Let's Encrypt issues at most 5
 * certificates a week for the same set of names (https://letsencrypt.org/docs/rate-limits/),
 * so a rebuilt cluster gets the issued `https-certificates` Secret back before its Certificate
 * is applied, and cert-manager adopts it: with no CertificateRequest in the new cluster it
 * compares the Certificate's spec with the certificate itself, and re-issues only when the
 * Secret's issuer annotations, key or names do not match or renewal is due
 * (cert-manager internal/controller/certificates/policies: NewTriggerPolicyChain).
 * A certificate for other names, from the other Let's Encrypt environment, or expired is never
 * restored.
 */
import { X509Certificate } from "node:crypto";
import type { ISecret } from "kubernetes-models/v1";
import type { AcmeServer } from "./config";
import { gitpodNames } from "./dns";
import type { PreviousDeployment } from "./previous";

/** Annotation and label prefixes cert-manager reads on an issued Secret (issuer, names). */
const CERT_MANAGER_METADATA = ["cert-manager.io/", "controller.cert-manager.io/"];

/** What a certificate must be to be restored. */
export interface CertificateWanted {
    readonly domain: string;
    readonly acmeServer: AcmeServer;
    readonly namespace: string;
    readonly secretName: string;
    readonly now: Date;
}

function certManagerOnly(entries: Record<string, string> | undefined): Record<string, string> {
    return Object.fromEntries(Object.entries(entries ?? {}).filter(([k]) => CERT_MANAGER_METADATA.some((p) => k.startsWith(p))));
}

/**
 * The issued Secret (`kubectl get secret -o json`) reduced to what a new cluster needs: its
 * data and cert-manager's annotations and labels, no uid, owner or managedFields. "" for no
 * Secret or one without a certificate.
 */
export function keptSecret(secretJson: string | undefined): string {
    if (!secretJson?.trim()) return "";
    const secret = JSON.parse(secretJson) as ISecret;
    if (!secret.data?.["tls.crt"] || !secret.data["tls.key"]) return "";
    const kept: ISecret = {
        apiVersion: "v1",
        kind: "Secret",
        type: "kubernetes.io/tls",
        metadata: {
            name: secret.metadata?.name,
            namespace: secret.metadata?.namespace,
            annotations: certManagerOnly(secret.metadata?.annotations),
            labels: certManagerOnly(secret.metadata?.labels),
        },
        data: secret.data,
    };
    return JSON.stringify(kept);
}

/** The Let's Encrypt environment that issued `cert`: staging issuers' names start with "(STAGING)". */
function acmeEnvironmentOf(cert: X509Certificate): AcmeServer {
    return /^(CN|O)=\(STAGING\)/m.test(cert.issuer) ? "staging" : "production";
}

function dnsNamesOf(cert: X509Certificate): string[] {
    return (cert.subjectAltName ?? "")
        .split(", ")
        .filter((n) => n.startsWith("DNS:"))
        .map((n) => n.slice("DNS:".length))
        .sort();
}

/** The certificate in a kept Secret manifest; undefined for none or an unreadable one. */
function keptX509(kept: string | undefined): X509Certificate | undefined {
    if (!kept) return undefined;
    try {
        return new X509Certificate(Buffer.from((JSON.parse(kept) as ISecret).data?.["tls.crt"] ?? "", "base64"));
    } catch {
        return undefined;
    }
}

/**
 * Days before the kept copy expires when the stack reads the issued Secret again. cert-manager
 * renews a Let's Encrypt certificate (90 days) 30 days before it expires (default renewBefore:
 * a third of the duration), so by then the cluster holds a newer one; 25 leaves it 5 days.
 */
export const REREAD_KEPT_WITHIN_DAYS = 25;

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The keep step's read count for this run, one of its triggers. The step reads the Secret once
 * per issuance it knows of (a new Certificate, names or ACME server), but cert-manager renews
 * the certificate in place every 60 days: without a re-read the kept copy expires after 90
 * days, and a rebuild (or a `pulumi destroy` + `up` with it handed back) would order a new one.
 * So: one more than last time when the kept copy expires within REREAD_KEPT_WITHIN_DAYS and the
 * VM runs, else unchanged (a no-op or paused run runs nothing).
 */
export function nextCertificateRead(previous: Pick<PreviousDeployment, "tlsCertificate" | "tlsCertificateReads">, running: boolean, now: Date): number {
    const reads = previous.tlsCertificateReads ?? 0;
    const cert = keptX509(previous.tlsCertificate);
    if (!running || cert === undefined || new Date(cert.validTo).getTime() - now.getTime() > REREAD_KEPT_WITHIN_DAYS * DAY_MS) return reads;
    return reads + 1;
}

/** Why `kept` must not be restored for `wanted`, or undefined when it fits. */
export function misfit(kept: string, wanted: CertificateWanted): string | undefined {
    const cert = keptX509(kept);
    if (cert === undefined) return "it is not a TLS Secret with a certificate";
    const names = dnsNamesOf(cert);
    const wantedNames = gitpodNames(wanted.domain).sort();
    if (names.join(" ") !== wantedNames.join(" ")) return `it is for ${names.join(", ")}, not ${wantedNames.join(", ")}`;
    const environment = acmeEnvironmentOf(cert);
    if (environment !== wanted.acmeServer) return `it is from Let's Encrypt ${environment}, not ${wanted.acmeServer}`;
    if (new Date(cert.validTo) <= wanted.now) return `it expired on ${new Date(cert.validTo).toISOString()}`;
    return undefined;
}

/** The kept Secret placed where the Certificate wants it (namespace and name may have changed). */
function placed(kept: string, wanted: CertificateWanted): string {
    const secret = JSON.parse(kept) as ISecret;
    return JSON.stringify({ ...secret, metadata: { ...secret.metadata, name: wanted.secretName, namespace: wanted.namespace } });
}

/**
 * The Secret manifest to restore into the cluster on `bootDisk` ("" for none), and why.
 * A new VM or a re-imaged one (another boot disk than last time) gets the certificate handed back through
 * config, else the one the stack kept, when it fits. The same VM gets exactly what it got
 * before: the restore step's input does not change, so a no-op or paused run runs nothing.
 */
export function certificateToRestore(
    previous: PreviousDeployment,
    bootDisk: string,
    handedBack: string | undefined,
    wanted: CertificateWanted,
): { manifest: string; reason: string } {
    if (previous.serverBootDisk === bootDisk) return { manifest: previous.tlsRestore ?? "", reason: "same VM as the last deployment" };
    const candidates: [string, string | undefined][] = [
        ["gitpod-tencent:tlsCertificate", handedBack],
        ["the certificate kept by the last deployment", previous.tlsCertificate],
    ];
    const reasons: string[] = [];
    for (const [source, kept] of candidates) {
        if (!kept) continue;
        const problem = misfit(kept, wanted);
        if (problem === undefined) return { manifest: placed(kept, wanted), reason: `restoring ${source}` };
        reasons.push(`not restoring ${source}: ${problem}`);
    }
    return { manifest: "", reason: reasons.join("; ") || "no kept certificate" };
}
