/**
 * Doctor check for a deployed stack: the kubeconfig in its state stops working when its k3s
 * client certificate expires (one year after it was read). `pulumi up` renews it from
 * RENEW_KUBECONFIG_DAYS before expiry while the VM runs; this warns earlier, with the commands.
 */
import { clientCertificateExpiry, RENEW_KUBECONFIG_DAYS } from "../lib/kubeconfig";
import type { Exec } from "./cli";
import type { CheckResult } from "./report";

/** Warn this many days before expiry: before `pulumi up` would renew it by itself. */
export const WARN_KUBECONFIG_DAYS = 45;

const NAME = "kubeconfig";
const DAY_MS = 24 * 60 * 60 * 1000;

export async function checkKubeconfigExpiry(exec: Exec, stack: string, now: Date): Promise<CheckResult> {
    const r = await exec("pulumi", ["stack", "output", "kubeconfig", "--show-secrets", "--stack", stack]);
    const expiry = r.code === 0 ? clientCertificateExpiry(r.stdout) : undefined;
    if (!expiry) return { name: NAME, level: "PASS", message: "no kubeconfig in the stack yet (nothing deployed): nothing to renew" };
    const days = Math.floor((expiry.getTime() - now.getTime()) / DAY_MS);
    const when = expiry.toISOString().slice(0, 10);
    if (days > WARN_KUBECONFIG_DAYS) return { name: NAME, level: "PASS", message: `its client certificate is valid until ${when} (${days} days)` };
    const state = days < 0 ? `expired on ${when}` : `expires on ${when} (in ${days} days)`;
    return {
        name: NAME,
        level: "WARN",
        message: `the kubeconfig in the stack ${state}; Kubernetes steps fail once it has expired`,
        fix: `\`pulumi up\` renews it (k3s restarts once) when it is within ${RENEW_KUBECONFIG_DAYS} days of expiry and the VM runs (running: true); to renew it now: pulumi up --replace "$(pulumi stack --show-urns | grep -o 'urn:pulumi:[^ ]*k3s-kubeconfig')"`,
    };
}
