import * as pulumi from "@pulumi/pulumi";
import { PreviousDeployment } from "../lib/keptCertificate";

/** The stack outputs this program reads back on its next deployment. */
export const REMEMBERED_OUTPUTS = ["serverInstanceId", "tlsCertificate", "tlsRestore"] as const;

/**
 * This stack's own outputs from its last deployment, read through a StackReference to itself
 * (the backend returns the last completed deployment's outputs; a new or destroyed stack has
 * none). Lets a rebuilt cluster get back the certificate the old one was issued, and keeps what
 * a step got last time unchanged for the same VM (lib/keptCertificate.ts).
 */
export function previousDeployment(): pulumi.Output<PreviousDeployment> {
    const self = new pulumi.StackReference("previous-deployment", {
        name: `${pulumi.getOrganization()}/${pulumi.getProject()}/${pulumi.getStack()}`,
    });
    const [serverInstanceId, tlsCertificate, tlsRestore] = REMEMBERED_OUTPUTS.map((key) => self.getOutput(key));
    return pulumi.all([serverInstanceId, tlsCertificate, tlsRestore]).apply(([id, kept, restored]) => ({
        serverInstanceId: id as string | undefined,
        tlsCertificate: kept as string | undefined,
        tlsRestore: restored as string | undefined,
    }));
}
