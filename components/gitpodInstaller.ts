/**
 * GitpodInstaller: Gitpod installed by its own installer, no Replicated (`gitpodInstaller:
 * installer`). The installer image renders the release from the config lib/installerConfig.ts
 * builds (domain, the TLS stage's certificate, in-cluster database, registry and storage, k3s's
 * containerd) with the fragment both modes share (lib/gitpodConfigPatch.ts: auth-provider Secrets,
 * sign-up limits, workspace image, the user's gitpodConfigPatch), and Helm deploys it as release
 * `gitpod` (scripts/gitpod-installer.sh). No licence Secret (Gitpod's built-in licence applies),
 * no kotsadm, no admin console.
 *
 * Owns:
 *   1. auth-provider Secrets  AuthProviderSecrets (the same as the kots mode's)
 *   2. install-mode guard     components/installMode.ts: refuses a namespace kots installed
 *   3. render and deploy      scripts/gitpod-installer.sh (helm upgrade --install --atomic --wait)
 *   4. readiness              scripts/gitpod-wait.sh with WAIT_MODE=installer: /api/version over
 *                             verified HTTPS from the node, kots' diagnostics left out
 *   5. auth reload            scripts/gitpod-auth-reload.sh: restarts the server when an OAuth
 *                             app's Secret changed (as in kots mode)
 * Waits for: the certificate (`certificateReady`), the CoreDNS fix (`coreDnsReady`) and the image
 * preflight (`imagesReady`), passed explicitly, as the kots mode does.
 */
import * as command from "@pulumi/command";
import * as pulumi from "@pulumi/pulumi";
import { gitpodConfigPatch } from "../lib/gitpodConfigPatch";
import { GITPOD_RELEASES } from "../lib/gitpodImages";
import { configInitText, installerChartYaml, renderInstallerConfig } from "../lib/installerConfig";
import { scriptDigest } from "../lib/scripts";
import { CERTIFICATE_SECRET_NAME } from "../lib/tls";
import { authProviderReload, GitpodCommonArgs, gitpodPrerequisites, gitpodWait } from "./gitpod";
import { remoteScript } from "./remote";

/** Bound of the Helm deploy (`--wait`): the first pull of ~60 images from eu.gcr.io and Docker Hub. */
export const HELM_TIMEOUT_SECONDS = 1800;

export interface GitpodInstallerArgs extends GitpodCommonArgs {
    /** Bound of the Helm deploy, seconds; default HELM_TIMEOUT_SECONDS. */
    readonly helmTimeoutSeconds?: number;
}

/** What the stack says about the admin console in this mode. */
export function noAdminConsole(domain: string): string {
    return (
        "none: gitpodInstaller is installer (no kotsadm). Settings change through Pulumi config and `pulumi up`; " +
        `the first user to sign in becomes Gitpod's admin (https://${domain}/admin).`
    );
}

export class GitpodInstaller extends pulumi.ComponentResource {
    /** Gitpod answers over HTTPS: the end of `pulumi up`. */
    readonly ready: command.remote.Command;
    /** The install-mode guard. */
    readonly guard: command.remote.Command;
    /** The render-and-deploy step. */
    readonly install: command.remote.Command;
    /** Restarts the server after an OAuth app's Secret changed (none without authProviders). */
    readonly authReload?: command.remote.Command;
    /** The installer config sent to the VM (no secret: Secrets are referenced by name). */
    readonly installerConfig: string;
    readonly installerImage: string;
    /** No admin console in this mode: the sentence the stack exports instead of an SSH command. */
    readonly adminConsole: string;
    /** No admin password in this mode. */
    readonly adminPassword: undefined;
    /** host -> callback URL to register in that OAuth app. */
    readonly callbackUrls: Readonly<Record<string, string>>;
    readonly url: string;

    constructor(name: string, args: GitpodInstallerArgs, opts?: pulumi.ComponentResourceOptions) {
        super("gitpod-tencent:gitpod:GitpodInstaller", name, {}, opts);
        this.url = `https://${args.domain}`;
        this.adminConsole = noAdminConsole(args.domain);

        const release = GITPOD_RELEASES[args.appVersion];
        if (!release) {
            throw new Error(`gitpodInstaller installer: no installer image recorded for Gitpod ${args.appVersion} (known: ${Object.keys(GITPOD_RELEASES).join(", ")})`);
        }
        this.installerImage = release.installerImages[0];

        // The Secrets, and the guard that refuses a namespace kots installed into.
        const { auth, guard, waits } = gitpodPrerequisites(name, args, "installer", this);
        this.guard = guard;
        this.callbackUrls = auth.callbackUrls;

        // Conflicts between the user's patch and the program's part were refused by the config
        // check (lib/config/gitpod.ts), before anything was declared.
        const { patch } = gitpodConfigPatch({ authProviderSecrets: auth.secretNames, signup: args.signup, workspaceImage: args.workspaceImage, userPatch: args.userPatch });
        this.installerConfig = renderInstallerConfig({ domain: args.domain, certificateSecret: CERTIFICATE_SECRET_NAME, fragment: patch });

        const helmTimeout = args.helmTimeoutSeconds ?? HELM_TIMEOUT_SECONDS;
        // A changed config, image or chart re-runs the script in place (helm upgrade); a new
        // certificate wait (new cluster) replaces the step. A no-op `pulumi up` runs nothing.
        this.install = remoteScript(
            `${name}-deploy`,
            {
                target: args.target,
                script: "gitpod-installer",
                params: {
                    INSTALLER_IMAGE: this.installerImage,
                    GITPOD_NAMESPACE: args.namespace,
                    INSTALLER_CONFIG_YAML: this.installerConfig,
                    INSTALLER_CONFIG_DEFAULTS: configInitText(),
                    INSTALLER_CHART_YAML: installerChartYaml(args.appVersion),
                    HELM_TIMEOUT_SECONDS: String(helmTimeout),
                },
                triggers: [args.certificateReady.id],
            },
            {
                parent: this,
                dependsOn: [this.guard, ...waits],
                // Helm's own bound, plus the image pull, the installer's checks and rendering.
                customTimeouts: { create: `${helmTimeout + 900}s`, update: `${helmTimeout + 900}s` },
            },
        );

        this.ready = gitpodWait(name, args, "installer", this.install, scriptDigest(this.installerConfig), this);
        this.authReload = authProviderReload(name, args, auth, this.ready, this);

        this.registerOutputs({ ready: this.ready.id, url: this.url, callbackUrls: this.callbackUrls, adminConsole: this.adminConsole });
    }
}
