/**
 * K3sServer: the single k3s server on the VM, bootstrapped over SSH, and the one Kubernetes
 * provider every later stage uses.
 *
 * Owns, in order:
 *   1. host prep       scripts/host-prep.sh      (first contact: waits for sshd and cloud-init)
 *   2. cluster token   random.RandomPassword     (secret; reaches the VM on stdin only)
 *   3. k3s install     scripts/k3s-install.sh    (config.yaml, registries.yaml, pinned release;
 *                                                waits for the API server)
 *   4. kubeconfig      scripts/read-kubeconfig.sh (stdout secret, never logged; renews k3s'
 *                                                certificates first when `kubeconfigRenewal` asks)
 *   5. k8s.Provider    built from that kubeconfig; an unreachable API fails the run unless
 *                      `skipUnreachableCluster` (then the run warns)
 * Waits for: the VM (through `target.host`, `instanceId`, `bootDisk`) and the firewall
 * (`target.reachableAfter`). Steps 1, 3 and 4 run again on a fresh disk (new or re-imaged VM).
 * It does not wait for the node to be Ready: with `flannel-backend: none` that needs Calico
 * (components/calico.ts).
 *
 * Agents: `bootstrapNode` (host prep + install, token on stdin) is what K3sAgent
 * (components/k3sAgent.ts) reuses with its own target, `GT_K3S_ROLE=agent` and an agent
 * config.yaml; an agent needs no kubeconfig and no provider, and waits on this server's `ready`.
 */
import * as command from "@pulumi/command";
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import { GITPOD_NODE_LABELS, renderK3sConfig } from "../lib/k3sConfig";
import { K3S_RENEWS_WITHIN_DAYS } from "../lib/kubeconfig";
import { RegistryMirrors, renderRegistriesYaml } from "../lib/registries";
import { remoteScript, SshTarget } from "./remote";

export interface K3sServerArgs {
    /** How to reach the VM over SSH. */
    target: SshTarget;
    /**
     * The VM's instance id. A new VM (new id) re-runs every step from scratch: it is in each
     * command's `triggers`, and changing a trigger replaces the command.
     */
    instanceId: pulumi.Input<string>;
    /**
     * CvmNode's `bootDisk`: changes when the provider re-installs the system disk on the same
     * instance (ResetInstance on an image change). Part of every step's `triggers`, so a
     * re-imaged VM gets host prep, k3s and a fresh kubeconfig again.
     */
    bootDisk?: pulumi.Input<string>;
    /**
     * Let runs go on while the k3s API cannot be reached (pulumi-kubernetes `skipUpdateUnreachable`):
     * a paused stack. In-cluster resources keep their last state and their changes are skipped.
     * Not `deleteUnreachable`: its Read drops every in-cluster resource from state on a refresh
     * (`pulumi refresh`, `up --refresh` as the up workflow runs) of the stopped VM, and the
     * resume would then create them all again over the live ones. A destroy after the VM is gone
     * uses PULUMI_K8S_DELETE_UNREACHABLE (destroy workflow `cluster_gone`). Off by default: an
     * unreachable cluster then fails the run instead of skipping every Kubernetes change while
     * reporting success.
     */
    skipUnreachableCluster?: boolean;
    /**
     * Renewal count of the kubeconfig (lib/kubeconfig.ts `nextKubeconfigRenewal`): a trigger of the
     * kubeconfig step, so a new count re-reads it after restarting k3s to renew certificates
     * that expire within 90 days. Default 0.
     */
    kubeconfigRenewal?: pulumi.Input<number>;
    /** k3s release, e.g. v1.24.13+k3s1 (config `k3sVersion`, checked against the other pins). */
    version: string;
    /** Download the installer and binaries from the China mirror (rancher-mirror.rancher.cn). */
    mirror: boolean;
    /** Pod CIDR; Calico's IP pool uses the same value. */
    clusterCidr: string;
    /** Service CIDR. */
    serviceCidr: string;
    /** Extra API server certificate names; the SSH host (the public IP) is always added. */
    tlsSans?: pulumi.Input<string>[];
    /** containerd registry mirrors, written to /etc/rancher/k3s/registries.yaml. */
    registryMirrors: RegistryMirrors;
    /** Node labels; default the labels Gitpod's workloads select on. */
    nodeLabels?: Record<string, string>;
    /** Kubernetes node name; default the VM's hostname. */
    nodeName?: string;
}

/** What `bootstrapNode` needs: the parts a server and a future agent share. */
export interface NodeBootstrapArgs {
    target: SshTarget;
    instanceId: pulumi.Input<string>;
    /** CvmNode's `bootDisk` (see K3sServerArgs). */
    bootDisk?: pulumi.Input<string>;
    /** k3s-install.sh parameters (plain values only). */
    installParams: Record<string, pulumi.Input<string>>;
    /** The cluster token (secret), piped to k3s-install.sh. */
    token: pulumi.Input<string>;
    /** What host prep waits for besides the VM and its firewall (an agent: the server's k3s). */
    after?: pulumi.Input<pulumi.Resource>[];
}

export interface NodeBootstrap {
    readonly hostPrep: command.remote.Command;
    readonly install: command.remote.Command;
}

/**
 * Host prep, then k3s install, on one VM.
 *
 * Re-run policy (a no-op `pulumi up` runs nothing on the VM):
 * - `triggers: [instanceId, bootDisk]` only. A trigger change *replaces* the command, which is
 *   what a new VM or a re-imaged one (same id, fresh disk) needs: a fresh create on it.
 * - The k3s version, config.yaml, registries.yaml and the script text are all in the command
 *   string. Changing any of them changes `create`/`update`, so Pulumi runs `update` (the same
 *   idempotent script) in place: it rewrites changed files, upgrades k3s and restarts it only
 *   when needed. Putting them in `triggers` instead would replace the command for the same
 *   effect but show a misleading delete+create in the plan.
 * - The token is on stdin: a changed token would run `update` too (it only changes if the
 *   RandomPassword is replaced, which nothing does).
 */
export function bootstrapNode(name: string, args: NodeBootstrapArgs, parent: pulumi.Resource): NodeBootstrap {
    const triggers = freshDiskTriggers(args);
    const hostPrep = remoteScript(
        `${name}-host-prep`,
        { target: args.target, script: "host-prep", firstContact: true, triggers },
        { parent, dependsOn: args.after },
    );
    const install = remoteScript(
        `${name}-install`,
        {
            target: args.target,
            script: "k3s-install",
            params: args.installParams,
            stdin: pulumi.secret(args.token),
            triggers,
        },
        { parent, dependsOn: [hostPrep] },
    );
    return { hostPrep, install };
}

/** What changes when the VM's disk is fresh: a new instance, or the same one re-imaged. */
export function freshDiskTriggers(args: { instanceId: pulumi.Input<string>; bootDisk?: pulumi.Input<string> }): pulumi.Input<string>[] {
    return args.bootDisk === undefined ? [args.instanceId] : [args.instanceId, args.bootDisk];
}

/** The cluster token: 48 alphanumerics (k3s puts it in URLs and files; no quoting surprises). */
function clusterToken(name: string, parent: pulumi.Resource): random.RandomPassword {
    return new random.RandomPassword(`${name}-token`, { length: 48, special: false }, { parent, additionalSecretOutputs: ["result"] });
}

/** k3s-install.sh parameters: everything here is public (no secret may enter the command). */
function installParams(args: K3sServerArgs): Record<string, pulumi.Input<string>> {
    const tlsSans = pulumi.all([args.target.host, ...(args.tlsSans ?? [])]).apply((sans) => [...new Set(sans)]);
    const configYaml = tlsSans.apply((sans) =>
        renderK3sConfig({
            version: args.version,
            clusterCidr: args.clusterCidr,
            serviceCidr: args.serviceCidr,
            tlsSans: sans,
            nodeLabels: { ...(args.nodeLabels ?? GITPOD_NODE_LABELS) },
            nodeName: args.nodeName,
        }),
    );
    return {
        GT_K3S_VERSION: args.version,
        GT_K3S_CONFIG_YAML: configYaml,
        GT_K3S_REGISTRIES_YAML: renderRegistriesYaml(args.registryMirrors),
        GT_K3S_MIRROR: args.mirror ? "cn" : "",
    };
}

/** pulumi-kubernetes' own switches for the same behaviour, read by its SDK and provider. */
export const UNREACHABLE_ENV = ["PULUMI_K8S_DELETE_UNREACHABLE", "PULUMI_K8S_SKIP_UPDATE_UNREACHABLE"] as const;

/**
 * The one Kubernetes provider. `skipUnreachable` sets pulumi-kubernetes' `skipUpdateUnreachable`
 * (Check returns the old inputs, Read the old state: changes are skipped and a refresh keeps
 * what it cannot read; provider/pkg/provider/provider.go Check and Read); the provider logs each
 * skip. `deleteUnreachable` is never set here: in Read it wins over `skipUpdateUnreachable` and
 * drops the resource from state. Off, the options are left unset rather than `false`: an
 * explicit value would override the PULUMI_K8S_DELETE_UNREACHABLE environment variable, the
 * one-off way out the provider's own "cluster is unreachable" error names (`deleteUnreachable`:
 * "If the provider flag is set, use that value ... This will override the ENV var."). Either
 * way the run warns up front that skipping is on.
 */
function kubernetesProvider(name: string, kubeconfig: pulumi.Output<string>, skipUnreachable: boolean, parent: pulumi.Resource): k8s.Provider {
    const fromEnv = UNREACHABLE_ENV.filter((v) => process.env[v] === "true");
    if (skipUnreachable || fromEnv.length > 0) {
        pulumi.log.warn(
            skipUnreachable
                ? "skipUnreachableCluster is on: if the k3s API cannot be reached, Kubernetes changes are skipped (up) and resources keep their last state (refresh) instead of failing the run"
                : `${fromEnv.join(" and ")} ${fromEnv.length > 1 ? "are" : "is"} set: if the k3s API cannot be reached, Kubernetes resources are skipped (up) or dropped from state (refresh, destroy) instead of failing the run`,
            parent,
        );
    }
    return new k8s.Provider(name, { kubeconfig, enableServerSideApply: true, skipUpdateUnreachable: skipUnreachable ? true : undefined }, { parent });
}

export class K3sServer extends pulumi.ComponentResource {
    /** Admin kubeconfig with the server URL on the public address (secret). */
    readonly kubeconfig: pulumi.Output<string>;
    /** The provider every in-cluster resource must use. */
    readonly provider: k8s.Provider;
    /** The k3s API answers and the kubeconfig is read: later stages wait on this. */
    readonly ready: command.remote.Command;
    /** The cluster token (secret): what a future K3sAgent joins with. */
    readonly token: pulumi.Output<string>;
    /** The node's steps, for stages that must run after a specific one. */
    readonly node: NodeBootstrap;
    /** Whether this run lets Kubernetes changes be skipped when the API is unreachable. */
    readonly skipsUnreachableCluster: boolean;

    constructor(name: string, args: K3sServerArgs, opts?: pulumi.ComponentResourceOptions) {
        super("gitpod-tencent:cluster:K3sServer", name, {}, opts);

        const token = clusterToken(name, this);
        this.token = pulumi.secret(token.result);
        const disk = { instanceId: args.instanceId, bootDisk: args.bootDisk };
        this.node = bootstrapNode(name, { target: args.target, ...disk, installParams: installParams(args), token: token.result }, this);

        // Read after every install; only a fresh disk, a new address or a renewal re-reads it
        // (kubeconfig certificates survive k3s upgrades and restarts, for a year).
        const kubeconfigCmd = remoteScript(
            `${name}-kubeconfig`,
            {
                target: args.target,
                script: "read-kubeconfig",
                params: { GT_K3S_PUBLIC_HOST: args.target.host, RENEW_WITHIN_DAYS: String(K3S_RENEWS_WITHIN_DAYS) },
                triggers: [...freshDiskTriggers(disk), args.kubeconfigRenewal ?? 0],
                secretStdout: true,
            },
            { parent: this, dependsOn: [this.node.install] },
        );
        this.ready = kubeconfigCmd;
        this.kubeconfig = pulumi.secret(kubeconfigCmd.stdout);

        this.skipsUnreachableCluster = args.skipUnreachableCluster ?? false;
        this.provider = kubernetesProvider(`${name}-provider`, this.kubeconfig, this.skipsUnreachableCluster, this);

        this.registerOutputs({
            kubeconfig: this.kubeconfig,
            provider: this.provider,
            ready: this.ready,
            token: this.token,
            skipsUnreachableCluster: this.skipsUnreachableCluster,
        });
    }
}
