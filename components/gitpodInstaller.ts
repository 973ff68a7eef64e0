/**
 * GitpodInstaller: Gitpod 2022.11.3 installed by its own installer, no Replicated
 * (`gitpodInstaller: installer`). The installer image renders the release from the config
 * lib/installerConfig.ts builds (domain, the TLS stage's certificate, in-cluster database,
 * registry and storage, k3s's containerd, and the fragment both modes share: auth-provider
 * Secrets, sign-up limits, workspace image, the user's gitpodConfigPatch), and Helm deploys it as
 * release `gitpod` (scripts/gitpod-installer.sh). No licence Secret (Gitpod's built-in licence
 * applies), no kotsadm, no admin console.
 *
 * Owns: the install-mode guard (components/installMode.ts) and the deploy step.
 * Waits for: the certificate (`certificateReady`), the CoreDNS fix (`corednsReady`), the image
 * preflight (`imagesReady`) and anything the installer's `validate cluster` reads
 * (`prerequisites`: the auth-provider Secrets). `ready` is the deployed release (Helm waited for
 * its Deployments and StatefulSets).
 */
import * as command from "@pulumi/command";
import * as pulumi from "@pulumi/pulumi";
import { GITPOD_APP_VERSION, GITPOD_RELEASES } from "../lib/gitpodImages";
import { ConfigObject, configInitText, installerChartYaml, renderInstallerConfig } from "../lib/installerConfig";
import { installModeGuard } from "./installMode";
import { remoteScript, SshTarget } from "./remote";

export interface GitpodInstallerArgs {
    /** The VM: the installer runs there in k3s's containerd. */
    target: SshTarget;
    /** K3sServer's `ready`; a new cluster installs afresh. */
    k3sReady: pulumi.CustomResource;
    /** The Tls stage's wait for `https-certificates`; the installer validates that Secret. */
    certificateReady: pulumi.Resource;
    /** CoreDnsHairpin's ConfigMap: Gitpod's names resolve inside the cluster. */
    corednsReady: pulumi.Resource;
    /** ImagePreflight's `ready`: every image answered before anything deploys. */
    imagesReady: pulumi.Resource;
    /** Objects the installer reads (auth-provider Secrets): created before it runs. */
    prerequisites?: pulumi.Resource[];
    /** Gitpod's namespace (the Tls stage's). */
    namespace: pulumi.Input<string>;
    /** Gitpod's domain. */
    domain: string;
    /** The Secret holding the certificate (lib/tls.ts CERTIFICATE_SECRET_NAME). */
    certificateSecret: string;
    /** The installer-config fragment both modes share (lib/gitpodConfigPatch.ts); default none. */
    configFragment?: pulumi.Input<ConfigObject>;
    /** Gitpod release; default GITPOD_APP_VERSION. */
    appVersion?: string;
    /** Bound for the Helm deploy, seconds; default 1800 (first pulls of ~60 images). */
    helmTimeoutSeconds?: number;
}

/** What the stack says about the admin console in this mode. */
export function noAdminConsole(domain: string): string {
    return (
        "none: gitpodInstaller is installer (no kotsadm). Settings change through Pulumi config and `pulumi up`; " +
        `the first user to sign in becomes Gitpod's admin (https://${domain}/admin).`
    );
}

export class GitpodInstaller extends pulumi.ComponentResource {
    /** The install-mode guard: fails when kots owns the namespace. */
    readonly guard: command.remote.Command;
    /** The deployed Helm release: wait on this. */
    readonly ready: command.remote.Command;
    /** The installer config sent to the VM (no secret: Secrets are referenced by name). */
    readonly installerConfig: pulumi.Output<string>;
    readonly installerImage: string;

    constructor(name: string, args: GitpodInstallerArgs, opts?: pulumi.ComponentResourceOptions) {
        super("gitpod-tencent:gitpod:GitpodInstaller", name, {}, opts);

        const appVersion = args.appVersion ?? GITPOD_APP_VERSION;
        const release = GITPOD_RELEASES[appVersion];
        if (!release) throw new Error(`GitpodInstaller: unknown Gitpod release ${appVersion}`);
        this.installerImage = release.installerImages[0];
        this.installerConfig = pulumi
            .output(args.configFragment ?? {})
            .apply((fragment) => renderInstallerConfig({ domain: args.domain, certificateSecret: args.certificateSecret, fragment }));

        const waits = [args.certificateReady, args.corednsReady, args.imagesReady, ...(args.prerequisites ?? [])];
        this.guard = installModeGuard(`${name}-mode-guard`, { target: args.target, namespace: args.namespace, mode: "installer", after: waits }, { parent: this });

        const helmTimeout = args.helmTimeoutSeconds ?? 1800;
        // A changed config, image or chart re-runs the script in place (helm upgrade); a new
        // cluster replaces the step (a fresh install). A no-op `pulumi up` runs nothing.
        this.ready = remoteScript(
            `${name}-deploy`,
            {
                target: args.target,
                script: "gitpod-installer",
                params: {
                    INSTALLER_IMAGE: this.installerImage,
                    GITPOD_NAMESPACE: args.namespace,
                    INSTALLER_CONFIG_YAML: this.installerConfig,
                    INSTALLER_CONFIG_DEFAULTS: configInitText(),
                    INSTALLER_CHART_YAML: installerChartYaml(appVersion),
                    HELM_TIMEOUT_SECONDS: String(helmTimeout),
                },
                triggers: [args.k3sReady.id],
            },
            {
                parent: this,
                dependsOn: [this.guard, ...waits],
                // Pull, render, and Helm's own bound, with room for the image pull and validation.
                customTimeouts: { create: `${helmTimeout + 900}s`, update: `${helmTimeout + 900}s` },
            },
        );

        this.registerOutputs({ guard: this.guard, ready: this.ready, installerConfig: this.installerConfig });
    }
}
