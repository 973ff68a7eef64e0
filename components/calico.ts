/**
 * Calico: the cluster's CNI, through the tigera-operator Helm chart (pinned), and a bounded wait
 * on the VM until the node is Ready and Calico reports Available.
 *
 * Owns: the `tigera-operator` release (its CRDs, the operator, and the `Installation` named
 * `default` rendered from `lib/calico.ts`), and the wait-cluster command.
 * Waits for: k3s (`k3sReady`); the release only starts once the API answers.
 * Until this is ready the node is NotReady (k3s runs with `flannel-backend: none`), so every
 * workload stage must wait on `ready`.
 */
import * as command from "@pulumi/command";
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { CALICO_NAMESPACE, calicoChart, calicoValues } from "../lib/calico";
import { scriptDigest } from "../lib/scripts";
import { remoteScript, SshTarget } from "./remote";

export interface CalicoArgs {
    /** The provider made by K3sServer; every Kubernetes resource here uses it. */
    provider: k8s.Provider;
    /** The VM, for the wait-cluster command. */
    target: SshTarget;
    /**
     * K3sServer's `ready`: the release depends on it, and its id is a trigger of the wait, so a
     * new cluster (new VM) waits again.
     */
    k3sReady: pulumi.CustomResource;
    /** Pod CIDR: must equal K3sServer's `clusterCidr`. */
    clusterCidr: string;
    /** Calico version = chart version (config `calicoVersion`); default the pin. */
    version?: string;
    /** Bound for the wait on the VM, seconds; default 900 (image pulls on a fresh VM). */
    waitTimeoutSeconds?: number;
}

export class Calico extends pulumi.ComponentResource {
    /** The Helm release of the tigera-operator chart. */
    readonly release: k8s.helm.v3.Release;
    /** Node Ready and Calico Available: workload stages wait on this. */
    readonly ready: command.remote.Command;

    constructor(name: string, args: CalicoArgs, opts?: pulumi.ComponentResourceOptions) {
        super("gitpod-tencent:cluster:Calico", name, {}, opts);

        const chart = calicoChart();
        const version = args.version ?? chart.version;
        const values = calicoValues({ clusterCidr: args.clusterCidr });

        this.release = new k8s.helm.v3.Release(
            `${name}-tigera-operator`,
            {
                name: "calico",
                chart: chart.chart,
                version,
                repositoryOpts: { repo: chart.repo },
                namespace: CALICO_NAMESPACE,
                createNamespace: true,
                values,
                // The operator Deployment is awaited (it runs on the host network, so it starts
                // without a CNI); the Installation it reconciles is awaited by `ready` below.
                timeout: 600,
                maxHistory: 5,
            },
            { parent: this, provider: args.provider, dependsOn: [args.k3sReady] },
        );

        // Re-wait when the cluster, the chart version or the values change; nothing else.
        // (The command string holds only the timeout, so without triggers a changed Calico
        // would not be awaited again.)
        this.ready = remoteScript(
            `${name}-wait`,
            {
                target: args.target,
                script: "wait-cluster",
                params: { WAIT_TIMEOUT_SECONDS: String(args.waitTimeoutSeconds ?? 900) },
                triggers: [args.k3sReady.id, version, scriptDigest(JSON.stringify(values))],
            },
            { parent: this, dependsOn: [this.release] },
        );

        this.registerOutputs({ release: this.release, ready: this.ready });
    }
}
