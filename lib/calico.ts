/**
 * Values for the tigera-operator Helm chart (Calico v3.26.5): pure, so they are tested against
 * the chart's own values.yaml and the Installation CRD schema without Pulumi.
 *
 * The chart renders the `Installation` named `default` from `.Values.installation` minus
 * `enabled` (templates/crs/custom-resources.yaml), so `installation` below *is* the
 * Installation spec.
 */
import { ChartRef, PINS } from "./versions";

export const CALICO_NAMESPACE = "tigera-operator";

/** What the Installation's IP pool and node networking depend on. */
export interface CalicoValuesInput {
    /** Pod CIDR: must equal k3s' `cluster-cidr`, or pods get addresses k3s does not route. */
    readonly clusterCidr: string;
}

export interface CalicoIpPool {
    readonly cidr: string;
    readonly encapsulation: "IPIPCrossSubnet" | "IPIP" | "VXLAN" | "VXLANCrossSubnet" | "None";
    readonly natOutgoing: "Enabled" | "Disabled";
    readonly nodeSelector: string;
    readonly blockSize: number;
}

/** The part of the Installation spec we set (field names as in the v3.26.5 CRD). */
export interface InstallationSpec {
    /** "" = let the operator detect the platform (the CRD has no k3s value). */
    readonly kubernetesProvider: "";
    readonly calicoNetwork: {
        /** VXLAN only: no BGP peers exist on a single VM, and BIRD would only add a probe. */
        readonly bgp: "Disabled";
        /**
         * The operator form of the manual CNI config `"container_settings": {"allow_ip_forwarding": true}`:
         * k3s' ServiceLB (klipper-lb) pods write /proc/sys/net/ipv4/ip_forward and crash-loop
         * without it (k3s-io/klipper-lb#6), so Gitpod's LoadBalancer `proxy` would get no ports.
         */
        readonly containerIPForwarding: "Enabled";
        readonly ipPools: readonly CalicoIpPool[];
    };
}

export interface CalicoValues {
    readonly installation: InstallationSpec & { readonly enabled: true };
    /** The Calico API server (projectcalico.org/v3 via kubectl) is not needed: no calicoctl-style policy here. */
    readonly apiServer: { readonly enabled: false };
}

/** VXLAN works across any L3 network (Tencent VPC filters IP-in-IP); /26 blocks are Calico's default. */
export function calicoIpPool(clusterCidr: string): CalicoIpPool {
    return { cidr: clusterCidr, encapsulation: "VXLAN", natOutgoing: "Enabled", nodeSelector: "all()", blockSize: 26 };
}

export function calicoValues(input: CalicoValuesInput): CalicoValues {
    return {
        installation: {
            enabled: true,
            kubernetesProvider: "",
            calicoNetwork: {
                bgp: "Disabled",
                containerIPForwarding: "Enabled",
                ipPools: [calicoIpPool(input.clusterCidr)],
            },
        },
        apiServer: { enabled: false },
    };
}

/** The Installation spec the chart renders from `values` (its template drops `enabled`). */
export function renderedInstallationSpec(values: CalicoValues): InstallationSpec {
    // Everything but `enabled`, as the template does (not a pick of known fields, so a field
    // added to the values later is validated too).
    return Object.fromEntries(Object.entries(values.installation).filter(([key]) => key !== "enabled")) as unknown as InstallationSpec;
}

/** The pinned chart (repo, name, version = Calico version). */
export function calicoChart(): ChartRef {
    const chart = PINS.calico.chart;
    if (chart === undefined) throw new Error("lib/versions.ts: PINS.calico has no chart");
    return chart;
}
