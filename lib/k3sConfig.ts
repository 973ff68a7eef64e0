// /etc/rancher/k3s/config.yaml for the single k3s server (pure).
import * as net from "node:net";
import YAML from "yaml";

/**
 * The node labels Gitpod's components select on. Gitpod 2022.11.3 uses
 * `workload_workspace_services`; later installers renamed it to `workload_services`: both are set.
 */
export const GITPOD_NODE_LABELS: Readonly<Record<string, string>> = Object.freeze({
    "gitpod.io/workload_meta": "true",
    "gitpod.io/workload_ide": "true",
    "gitpod.io/workload_services": "true",
    "gitpod.io/workload_workspace_services": "true",
    "gitpod.io/workload_workspace_regular": "true",
    "gitpod.io/workload_workspace_headless": "true",
});

/** Where k3s-install.sh writes the cluster token (read from stdin). */
export const K3S_TOKEN_FILE = "/etc/rancher/k3s/cluster-token";

export interface K3sConfigOptions {
    /** k3s release, e.g. v1.24.13+k3s1 (validated; recorded in the header comment). */
    version: string;
    /** Pod CIDR (must equal Calico's IP pool CIDR), e.g. 10.42.0.0/16. */
    clusterCidr: string;
    /** Service CIDR, e.g. 10.43.0.0/16. */
    serviceCidr: string;
    /** Extra subject alternative names for the API server certificate (public IP, DNS names). */
    tlsSans: string[];
    nodeLabels: Record<string, string>;
    nodeName?: string;
}

const VERSION_RE = /^v\d+\.\d+\.\d+(-rc\d+)?\+k3s\d+$/;
const DNS_NAME_RE = /^(?=.{1,253}$)[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?(\.[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?)*$/;
const LABEL_NAME_RE = /^[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;
const LABEL_VALUE_RE = /^([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?$/;

function cidrProblem(field: string, value: string): string | undefined {
    const m = /^(\d{1,3}(?:\.\d{1,3}){3})\/(\d{1,2})$/.exec(value);
    if (!m || !net.isIPv4(m[1]) || Number(m[2]) > 32) {
        return `${field}: "${value}" is not an IPv4 CIDR (e.g. 10.42.0.0/16)`;
    }
    const prefix = Number(m[2]);
    const ip = m[1].split(".").reduce((acc, o) => acc * 256 + Number(o), 0);
    const hostBits = 2 ** (32 - prefix);
    if (ip % hostBits !== 0) {
        return `${field}: "${value}" has host bits set (the network address of a /${prefix} ends in zeros)`;
    }
    return undefined;
}

function cidrRange(value: string): [number, number] {
    const [ip, p] = value.split("/");
    const start = ip.split(".").reduce((acc, o) => acc * 256 + Number(o), 0);
    return [start, start + 2 ** (32 - Number(p)) - 1];
}

/** Kubernetes label key: optional DNS-subdomain prefix + "/" + name. */
function labelKeyProblem(key: string): string | undefined {
    const slash = key.lastIndexOf("/");
    const prefix = slash >= 0 ? key.slice(0, slash) : undefined;
    const name = slash >= 0 ? key.slice(slash + 1) : key;
    if (prefix !== undefined && !DNS_NAME_RE.test(prefix)) {
        return `nodeLabels: key "${key}" has an invalid prefix (a lower-case DNS subdomain is expected)`;
    }
    if (!LABEL_NAME_RE.test(name)) {
        return `nodeLabels: key "${key}" has an invalid name (1-63 letters, digits, -, _, . starting and ending alphanumeric)`;
    }
    return undefined;
}

/** Problems with the options, one line each. */
export function validateK3sConfigOptions(opts: K3sConfigOptions): string[] {
    const problems: string[] = [];
    if (!VERSION_RE.test(opts.version)) {
        problems.push(`version: "${opts.version}" is not a k3s release name (e.g. v1.24.13+k3s1)`);
    }
    const c1 = cidrProblem("clusterCidr", opts.clusterCidr);
    const c2 = cidrProblem("serviceCidr", opts.serviceCidr);
    if (c1) problems.push(c1);
    if (c2) problems.push(c2);
    if (!c1 && !c2) {
        const [a1, a2] = cidrRange(opts.clusterCidr);
        const [b1, b2] = cidrRange(opts.serviceCidr);
        if (a1 <= b2 && b1 <= a2) {
            problems.push(`clusterCidr ${opts.clusterCidr} and serviceCidr ${opts.serviceCidr} overlap`);
        }
    }
    opts.tlsSans.forEach((san, i) => {
        if (!net.isIP(san) && !DNS_NAME_RE.test(san)) {
            problems.push(`tlsSans[${i}]: "${san}" is neither an IP address nor a lower-case DNS name`);
        }
    });
    for (const [k, v] of Object.entries(opts.nodeLabels)) {
        const p = labelKeyProblem(k);
        if (p) problems.push(p);
        if (typeof v !== "string" || !LABEL_VALUE_RE.test(v)) {
            problems.push(`nodeLabels["${k}"]: value "${String(v)}" is not a label value (up to 63 alphanumerics, -, _, .)`);
        }
    }
    if (opts.nodeName !== undefined && !DNS_NAME_RE.test(opts.nodeName)) {
        problems.push(`nodeName: "${opts.nodeName}" is not a lower-case DNS name`);
    }
    return problems;
}

/**
 * YAML for /etc/rancher/k3s/config.yaml: Traefik off, no flannel and no network policy
 * controller (Calico replaces both), token read from K3S_TOKEN_FILE, kubeconfig 0600.
 * Throws with every problem listed when the options are invalid.
 */
export function renderK3sConfig(opts: K3sConfigOptions): string {
    const problems = validateK3sConfigOptions(opts);
    if (problems.length > 0) {
        throw new Error(`invalid k3s config:\n  ${problems.join("\n  ")}`);
    }
    const config: Record<string, unknown> = {
        "write-kubeconfig-mode": "0600",
        "token-file": K3S_TOKEN_FILE,
        disable: ["traefik"],
        "flannel-backend": "none",
        "disable-network-policy": true,
        "cluster-cidr": opts.clusterCidr,
        "service-cidr": opts.serviceCidr,
        "tls-san": [...opts.tlsSans],
        "node-label": Object.keys(opts.nodeLabels)
            .sort()
            .map((k) => `${k}=${opts.nodeLabels[k]}`),
    };
    if (opts.nodeName !== undefined) config["node-name"] = opts.nodeName;
    const doc = new YAML.Document(config);
    doc.commentBefore = ` Written by gitpod-tencent for k3s ${opts.version}. Do not edit: re-run pulumi up instead.`;
    // "0600" must stay a string (k3s parses the mode from a string); force quotes for clarity.
    const mode = doc.get("write-kubeconfig-mode", true);
    if (YAML.isScalar(mode)) mode.type = "QUOTE_DOUBLE";
    return doc.toString();
}

/**
 * The labels that draw workspaces and the daemons beside them (ws-daemon, registry-facade,
 * agent-smith select on regular|headless: Gitpod 2022.11.3 `install/installer/pkg/cluster/affinity.go`).
 * With workspace nodes they are theirs alone; the server keeps meta, ide and (workspace) services.
 */
export const WORKSPACE_NODE_LABELS: Readonly<Record<string, string>> = Object.freeze({
    "gitpod.io/workload_workspace_regular": "true",
    "gitpod.io/workload_workspace_headless": "true",
});

/**
 * With it on one node, k3s' ServiceLB runs its svclb pods (hostPorts 80/443 for Gitpod's `proxy`
 * LoadBalancer) on the labelled nodes only (k3s docs, networking services, "Controlling ServiceLB
 * Node Selection"): the server, whose address DNS points at, not the workspace nodes.
 */
export const SERVICE_LB_LABEL: Readonly<Record<string, string>> = Object.freeze({ "svccontroller.k3s.cattle.io/enablelb": "true" });

/**
 * The server's labels: every Gitpod label on a single node; with workspace nodes all but the
 * workspace ones, plus SERVICE_LB_LABEL.
 */
export function serverNodeLabels(workspaceNodes: number): Record<string, string> {
    if (workspaceNodes === 0) return { ...GITPOD_NODE_LABELS };
    const services = Object.entries(GITPOD_NODE_LABELS).filter(([k]) => !(k in WORKSPACE_NODE_LABELS));
    return { ...Object.fromEntries(services), ...SERVICE_LB_LABEL };
}

export interface K3sAgentConfigOptions {
    /** k3s release (recorded in the header comment). */
    version: string;
    /** The server's private IPv4 address: agents join over the VPC, port 6443. */
    serverIp: string;
    /** The agent's own private IPv4 address (kubelet InternalIP, Calico's VXLAN endpoint). */
    nodeIp: string;
    nodeName: string;
    nodeLabels: Record<string, string>;
}

/** Problems with the agent options, one line each. */
export function validateK3sAgentConfigOptions(opts: K3sAgentConfigOptions): string[] {
    const problems: string[] = [];
    if (!VERSION_RE.test(opts.version)) problems.push(`version: "${opts.version}" is not a k3s release name (e.g. v1.24.13+k3s1)`);
    if (!net.isIPv4(opts.serverIp)) problems.push(`serverIp: "${opts.serverIp}" is not an IPv4 address`);
    if (!net.isIPv4(opts.nodeIp)) problems.push(`nodeIp: "${opts.nodeIp}" is not an IPv4 address`);
    if (!DNS_NAME_RE.test(opts.nodeName)) problems.push(`nodeName: "${opts.nodeName}" is not a lower-case DNS name`);
    for (const k of Object.keys(opts.nodeLabels)) {
        const p = labelKeyProblem(k);
        if (p) problems.push(p);
    }
    return problems;
}

/**
 * /etc/rancher/k3s/config.yaml for a k3s agent: `server` on the server's private address, the
 * token from K3S_TOKEN_FILE (never in this file or a command line), its own `node-ip` and name,
 * and the workspace labels. k3s merges `node-label` into the Node on every start (it never removes
 * one: `pkg/agent/run.go` configureNode/updateMutableLabels). Flannel and the cluster CIDRs are
 * server-only settings the agent receives from the server.
 */
export function renderK3sAgentConfig(opts: K3sAgentConfigOptions): string {
    const problems = validateK3sAgentConfigOptions(opts);
    if (problems.length > 0) throw new Error(`invalid k3s agent config:\n  ${problems.join("\n  ")}`);
    const doc = new YAML.Document({
        server: `https://${opts.serverIp}:6443`,
        "token-file": K3S_TOKEN_FILE,
        "node-ip": opts.nodeIp,
        "node-name": opts.nodeName,
        "node-label": Object.keys(opts.nodeLabels)
            .sort()
            .map((k) => `${k}=${opts.nodeLabels[k]}`),
    });
    doc.commentBefore = ` Written by gitpod-tencent for the k3s ${opts.version} agent. Do not edit: re-run pulumi up instead.`;
    return doc.toString();
}
