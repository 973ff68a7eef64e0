import * as pulumi from "@pulumi/pulumi";
import { CertificateWanted, certificateToRestore, nextCertificateRead } from "../lib/keptCertificate";
import { nextKubeconfigRenewal } from "../lib/kubeconfig";
import { PreviousDeployment, REMEMBERED_OUTPUTS, selfStackReferenceName } from "../lib/previous";

/**
 * This stack's own outputs from its last deployment, read through a StackReference to itself
 * (the engine's builtin provider asks the backend for the stack's snapshot and returns its root
 * resource's outputs, which keep their old values until the program ends: the last completed
 * deployment's; a new or destroyed stack has none, read as {} (pkg/backend/backend.go
 * `GetStackOutputs`)). Lets a rebuilt cluster get back the certificate the old one was issued, renews the
 * kubeconfig before it expires, and keeps what a step got last time unchanged for the same VM.
 */
export function previousDeployment(): pulumi.Output<PreviousDeployment> {
    const self = new pulumi.StackReference("previous-deployment", {
        name: selfStackReferenceName(pulumi.getOrganization(), pulumi.getProject(), pulumi.getStack()),
    });
    const values = REMEMBERED_OUTPUTS.map((key) => self.getOutput(key));
    return pulumi.all(values).apply((v) => Object.fromEntries(REMEMBERED_OUTPUTS.map((key, i) => [key, v[i] ?? undefined])) as PreviousDeployment);
}

/** The kubeconfig step's renewal count for this run (lib/kubeconfig.ts); warns when one is due. */
export function kubeconfigRenewalCount(previous: pulumi.Output<PreviousDeployment>, running: boolean): pulumi.Output<number> {
    // A count, not a secret (the previous outputs it is read from include the kubeconfig).
    return pulumi.unsecret(
        previous.apply((prev) => {
            const next = nextKubeconfigRenewal(prev, running, new Date());
            if (next.note) pulumi.log.warn(next.note);
            return next.renewal;
        }),
    );
}

/** The certificate keep step's read count for this run (lib/keptCertificate.ts `nextCertificateRead`). */
export function certificateReadCount(previous: pulumi.Output<PreviousDeployment>, running: boolean): pulumi.Output<number> {
    // A count, not a secret (the previous outputs it is read from include the certificate).
    return pulumi.unsecret(previous.apply((prev) => nextCertificateRead(prev, running, new Date())));
}

/**
 * The Secret manifest to restore into the cluster on `bootDisk` (secret; "" for none), from the
 * certificate handed back through config or the one the stack kept (lib/keptCertificate.ts).
 * The run's log says what was decided about a kept or handed-back certificate, and why.
 */
export function certificateRestore(
    previous: pulumi.Output<PreviousDeployment>,
    bootDisk: pulumi.Input<string>,
    handedBack: pulumi.Input<string> | undefined,
    wanted: Omit<CertificateWanted, "now">,
): pulumi.Output<string> {
    const restore = pulumi.all([previous, bootDisk, handedBack ?? ""]).apply(([prev, disk, handed]) => {
        const decision = certificateToRestore(prev, disk, handed || undefined, { ...wanted, now: new Date() });
        // Said when there was a certificate to decide about (restored, or why not).
        if (decision.manifest !== "" || decision.reason.startsWith("not restoring")) pulumi.log.info(`TLS certificate: ${decision.reason}`);
        return decision.manifest;
    });
    return pulumi.secret(restore);
}
