/**
 * CoreDnsHairpin: the `kube-system/coredns-custom` ConfigMap that makes pods resolve the Gitpod
 * names (`<domain>`, `*.<domain>`, `*.ws.<domain>`) to the in-cluster `proxy` Service rather
 * than the VM's NAT'd public IP. Only their A/AAAA lookups: SOA, TXT and every other query for
 * the zone keep their public answers, also with Gitpod at the zone apex (see lib/coredns.ts
 * for the Corefile and why).
 *
 * Owns: that one ConfigMap (k3s' CoreDNS mounts it optionally and its `reload` plugin picks up
 * changes; nothing restarts), key `gitpod.server`. A k3s whose CoreDNS predates 1.10 (no
 * `view` plugin) is refused before anything is sent.
 * Waits for: the k3s API (`dependsOn` K3sServer's `ready`, and the provider). Not for Calico:
 * a ConfigMap needs no running pods. Until Gitpod creates the `proxy` Service, in-cluster
 * lookups of the Gitpod names answer NXDOMAIN.
 */
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { corednsCustomConfigMap } from "../lib/coredns";

export interface CoreDnsHairpinArgs {
    /** The provider made by K3sServer. */
    provider: k8s.Provider;
    /** K3sServer's `ready` (the API answers). */
    k3sReady: pulumi.Resource;
    /** The k3s release running the cluster: its CoreDNS must have the `view` plugin. */
    k3sVersion: string;
    /** The Gitpod domain, e.g. gitpod.example.com. */
    domain: string;
    /** Namespace Gitpod is installed into (its `proxy` Service lives there). */
    gitpodNamespace: string;
    /** Default `proxy` (Gitpod's Service name). */
    proxyService?: string;
    /** Default `cluster.local` (k3s' default; this project does not change it). */
    clusterDomain?: string;
}

export class CoreDnsHairpin extends pulumi.ComponentResource {
    readonly configMap: k8s.core.v1.ConfigMap;
    /** The fix is in place (the ConfigMap exists): the Gitpod stage waits on this. */
    readonly ready: k8s.core.v1.ConfigMap;

    constructor(name: string, args: CoreDnsHairpinArgs, opts?: pulumi.ComponentResourceOptions) {
        super("gitpod-tencent:cluster:CoreDnsHairpin", name, {}, opts);

        // Pure and typed (kubernetes-models' IConfigMap); a bad domain throws before anything is sent.
        const model = corednsCustomConfigMap({
            k3sVersion: args.k3sVersion,
            domain: args.domain,
            namespace: args.gitpodNamespace,
            proxyService: args.proxyService,
            clusterDomain: args.clusterDomain,
        });

        this.configMap = new k8s.core.v1.ConfigMap(
            `${name}-coredns-custom`,
            { metadata: model.metadata, data: model.data },
            { parent: this, provider: args.provider, dependsOn: [args.k3sReady] },
        );

        this.ready = this.configMap;
        this.registerOutputs({ configMap: this.configMap });
    }
}
