import * as pulumi from "@pulumi/pulumi";
import { PreviousDeployment, REMEMBERED_OUTPUTS } from "../lib/previous";

/**
 * This stack's own outputs from its last deployment, read through a StackReference to itself
 * (the backend returns the last completed deployment's outputs; a new or destroyed stack has
 * none). Lets a rebuilt cluster get back the certificate the old one was issued, renews the
 * kubeconfig before it expires, and keeps what a step got last time unchanged for the same VM.
 */
export function previousDeployment(): pulumi.Output<PreviousDeployment> {
    const self = new pulumi.StackReference("previous-deployment", {
        name: `${pulumi.getOrganization()}/${pulumi.getProject()}/${pulumi.getStack()}`,
    });
    const values = REMEMBERED_OUTPUTS.map((key) => self.getOutput(key));
    return pulumi.all(values).apply((v) => Object.fromEntries(REMEMBERED_OUTPUTS.map((key, i) => [key, v[i] ?? undefined])) as PreviousDeployment);
}
