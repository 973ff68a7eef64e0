import type { ClusterNode } from "./workspaceNodes";

/**
 * What the stack remembers from its last deployment: its own outputs, read back through a
 * StackReference to itself (components/previousDeployment.ts). Every field is absent for a new
 * or destroyed stack, and for outputs an older version of the program did not export.
 */
export interface PreviousDeployment {
    /**
     * The server's disk the last deployment ran on (CvmNode `bootDisk`: changes with a new VM
     * and with a re-imaged one, i.e. with a new cluster).
     */
    readonly serverBootDisk?: string;
    /** The Secret kept from that VM's cluster (`tlsCertificate` output). */
    readonly tlsCertificate?: string;
    /** How many times the issued Secret was read again as it renewed (`tlsCertificateReads` output). */
    readonly tlsCertificateReads?: number;
    /** What was given to that VM's cluster to restore (`tlsRestore` output). */
    readonly tlsRestore?: string;
    /** The kubeconfig in state (`kubeconfig` output). */
    readonly kubeconfig?: string;
    /** How many times the kubeconfig was renewed on that VM (`kubeconfigRenewal` output). */
    readonly kubeconfigRenewal?: number;
    /** The cluster's nodes (`nodes` output): were there workspace nodes to drain? */
    readonly nodes?: readonly ClusterNode[];
}

/** The outputs `PreviousDeployment` is read from. */
export const REMEMBERED_OUTPUTS = ["serverBootDisk", "tlsCertificate", "tlsCertificateReads", "tlsRestore", "kubeconfig", "kubeconfigRenewal", "nodes"] as const;

/** The organization a DIY (file, S3 ...) backend reports: `pulumi.getOrganization()` there. */
export const DIY_ORGANIZATION = "organization";

/**
 * The name of a StackReference to this very stack. Pulumi Cloud wants `org/project/stack` (a
 * bare name would mean the user's default organization, maybe another one). A DIY backend gets
 * the bare stack name: a legacy (not project-scoped) DIY store rejects any `/` in it
 * (pkg/backend/diy/store.go `legacyReferenceStore.ParseReference` -> `tokens.ParseStackName`),
 * and a project-scoped one reads a bare name as a stack of the current project.
 */
export function selfStackReferenceName(organization: string, project: string, stack: string): string {
    return organization === DIY_ORGANIZATION ? stack : `${organization}/${project}/${stack}`;
}
