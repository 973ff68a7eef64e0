/**
 * Keeping the kubeconfig in state fresh. k3s client certificates last one year; k3s renews the
 * ones within 90 days of expiry when it starts (https://docs.k3s.io/cli/certificate,
 * k3s-io/k3s discussion #10024), but the copy in the Pulumi state is only what was last read.
 */
import { X509Certificate } from "node:crypto";
import YAML from "yaml";

/** Re-read (and renew) the kubeconfig when its client certificate expires within this many days. */
export const RENEW_KUBECONFIG_DAYS = 30;
/** k3s renews certificates that expire within this many days when it starts. */
export const K3S_RENEWS_WITHIN_DAYS = 90;

const DAY_MS = 24 * 60 * 60 * 1000;

interface Kubeconfig {
    users?: { user?: { "client-certificate-data"?: string } }[];
}

/** When the first user's client certificate expires; undefined when there is none to read. */
export function clientCertificateExpiry(kubeconfig: string | undefined): Date | undefined {
    if (!kubeconfig) return undefined;
    try {
        const data = (YAML.parse(kubeconfig) as Kubeconfig).users?.[0]?.user?.["client-certificate-data"];
        return data ? new Date(new X509Certificate(Buffer.from(data, "base64")).validTo) : undefined;
    } catch {
        return undefined;
    }
}

/**
 * The kubeconfig step's renewal count, one of its triggers: one more than last time when the
 * kubeconfig in state expires within RENEW_KUBECONFIG_DAYS and the VM runs (which re-runs the
 * step: it restarts k3s to renew and reads the file again), else unchanged, so a no-op or
 * paused run runs nothing.
 */
export function nextKubeconfigRenewal(previous: { kubeconfig?: string; kubeconfigRenewal?: number }, running: boolean, now: Date): { renewal: number; note?: string } {
    const renewal = previous.kubeconfigRenewal ?? 0;
    const expiry = clientCertificateExpiry(previous.kubeconfig);
    if (!expiry || expiry.getTime() - now.getTime() > RENEW_KUBECONFIG_DAYS * DAY_MS) return { renewal };
    const when = expiry.toISOString().slice(0, 10);
    if (!running) return { renewal, note: `the kubeconfig's client certificate expires on ${when}: resume the stack (running: true) to renew it` };
    return { renewal: renewal + 1, note: `the kubeconfig's client certificate expires on ${when}: renewing it` };
}
