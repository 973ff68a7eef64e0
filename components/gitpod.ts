/**
 * Gitpod: the KOTS app installed headless on the cluster, then waited for end to end.
 *
 * Owns:
 *   1. auth-provider Secrets   AuthProviderSecrets (before kots deploys anything)
 *   2. admin password          random.RandomPassword (secret; reaches the VM on stdin only)
 *   3. kots install / config   scripts/gitpod-kots.sh: kubectl-kots at the pinned version
 *                              (checksum verified), licence + ConfigValues written 0600, then
 *                              `kots install` the first time, `kots set config --merge --deploy`
 *                              when the ConfigValues changed later, then (bounded) until
 *                              kotsadm deployed that version and its installer Job's Helm
 *                              upgrade passed; only then is the config recorded as applied
 *   4. readiness               scripts/gitpod-wait.sh: kots app `ready`, installation-status
 *                              Available, https://<domain>/api/version over verified HTTPS from
 *                              the node (bounded, diagnostics on timeout)
 *   5. auth reload             scripts/gitpod-auth-reload.sh: restarts the server when an OAuth
 *                              app's Secret changed (it reads them only at start)
 * Waits for: the certificate (`certificateReady`), the CoreDNS fix and the image preflight,
 * passed explicitly (Pulumi does not make children wait on their parent's `dependsOn`).
 * The admin console is never exposed: `adminConsole` is an SSH tunnel command.
 */
import * as command from "@pulumi/command";
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import * as fs from "node:fs";
import * as path from "node:path";
import { stringify } from "yaml";
import { AuthProviderSettings } from "../lib/authProviders";
import { SignupPolicy } from "../lib/gitpodConfigPatch";
import { adminConsoleCommand, kotsChecksumsUrl, kotsConfigValues, kotsDownloadUrl, kotsStdin } from "../lib/kots";
import { scriptDigest } from "../lib/scripts";
import { AuthProviderSecrets } from "./authProviderSecrets";
import type { GitpodInstaller } from "../lib/config";
import { installModeGuard } from "./installMode";
import { remoteScript, SshTarget } from "./remote";

/** The public Community licence, shipped with the program (data/gitpod/README.md has its source). */
export const COMMUNITY_LICENSE_PATH = path.join(__dirname, "..", "data", "gitpod", "licenses", "Community.yaml");

/** kots' own bound for the install (`--wait-duration`): the admin console, licence, app download. */
export const KOTS_WAIT_DURATION = "15m";

/**
 * How long `pulumi up` waits for Gitpod to answer after kots returns. The installer Job's Helm
 * timeout alone is 5 minutes (1 hour without a certificate, which we waited for already), and
 * Gitpod's ~40 images come from eu.gcr.io: 45 minutes covers a slow first pull.
 */
export const GITPOD_WAIT_SECONDS = 2700;

/** The SSH key file name the README and `sshCommand` use. */
export const SSH_KEY_FILE = "gitpod-tencent.pem";

/** What both install modes take (kots: Gitpod; `gitpodInstaller: installer`: GitpodInstaller). */
export interface GitpodCommonArgs {
    /** The VM (scripts run there with the node's kubectl). */
    readonly target: SshTarget;
    /** The cluster's provider (from K3sServer). */
    readonly provider: k8s.Provider;
    /** Gitpod's namespace, as Tls' `namespace` Output (resolves once the Namespace exists). */
    readonly namespace: pulumi.Input<string>;
    /** Tls' `certificateReady` (its id is a trigger), CoreDnsHairpin's `ready`, ImagePreflight's `ready`. */
    readonly certificateReady: pulumi.CustomResource;
    readonly coreDnsReady: pulumi.Resource;
    readonly imagesReady: pulumi.Resource;
    /** Workspace nodes joined (server relabelled) and their image preflights; KOTS' preflight wants their labels. */
    readonly nodesReady?: readonly pulumi.Resource[];
    readonly domain: string;
    /** The certificate's Let's Encrypt environment: staging chains are not verified by the wait. */
    readonly acmeServer: "production" | "staging";
    /** The Gitpod release, e.g. 2022.11.3 (kots: `--app-version-label`; installer mode: its installer image). */
    readonly appVersion: string;
    /** The OAuth apps (Secrets made here), sign-up policy, workspace image, the user's patch. */
    readonly authProviders: readonly AuthProviderSettings<pulumi.Input<string>>[];
    readonly signup: SignupPolicy;
    readonly workspaceImage: string;
    readonly userPatch: Readonly<Record<string, unknown>>;
}

export interface GitpodArgs extends GitpodCommonArgs {
    /** The VM's public IP, for the admin-console command. */
    readonly publicIp: pulumi.Input<string>;
    /** The KOTS licence file (secret); default the Community licence. */
    readonly license?: pulumi.Input<string>;
    readonly appSlug: string;
    readonly channel: string;
    /** kots release, e.g. 1.102.0 (PINS.kots). */
    readonly kotsVersion: string;
    /** Mirror URL of kots_linux_amd64.tar.gz; "" for the GitHub release. */
    readonly kotsDownloadUrl: string;
    /** Expected sha256 of the archive; "" to use the release's checksums file. */
    readonly kotsSha256: string;
    /** Extra KOTS config items (validated by lib/config/gitpod.ts). */
    readonly items: Readonly<Record<string, string>>;
}

/**
 * What both install modes create first: the auth-provider Secrets, then the install-mode guard
 * (after the certificate, the CoreDNS fix, the image preflight and the Secrets). `waits` is what
 * the install step must wait on besides the guard.
 */
export function gitpodPrerequisites(
    name: string,
    args: GitpodCommonArgs,
    mode: GitpodInstaller,
    parent: pulumi.Resource,
): { auth: AuthProviderSecrets; guard: command.remote.Command; waits: pulumi.Resource[] } {
    const auth = new AuthProviderSecrets(
        `${name}-auth`,
        { provider: args.provider, namespace: args.namespace, domain: args.domain, providers: args.authProviders },
        { parent },
    );
    const waits = [args.certificateReady, args.coreDnsReady, args.imagesReady, ...(args.nodesReady ?? []), ...auth.secrets];
    const guard = installModeGuard(`${name}-mode-guard`, { target: args.target, namespace: args.namespace, mode, after: waits }, { parent });
    return { auth, guard, waits };
}

/**
 * The readiness wait both modes end with (scripts/gitpod-wait.sh; `installer` leaves out kots'
 * checks). It waits again whenever the install step ran again (new id) or the config changed
 * (`configDigest`).
 */
export function gitpodWait(
    name: string,
    args: GitpodCommonArgs,
    mode: GitpodInstaller,
    install: command.remote.Command,
    configDigest: pulumi.Input<string>,
    parent: pulumi.Resource,
    extraParams: Record<string, string> = {},
): command.remote.Command {
    return remoteScript(
        `${name}-wait`,
        {
            target: args.target,
            script: "gitpod-wait",
            params: {
                GITPOD_NAMESPACE: args.namespace,
                DOMAIN: args.domain,
                WAIT_MODE: mode,
                ...extraParams,
                ACME_ENVIRONMENT: args.acmeServer,
                WAIT_TIMEOUT_SECONDS: String(GITPOD_WAIT_SECONDS),
            },
            triggers: [install.id, configDigest],
        },
        { parent, dependsOn: [install] },
    );
}

/**
 * The step both modes end with when OAuth apps are configured: the server reads the
 * auth-provider Secrets only at start and a changed Secret (a rotated clientSecret) changes
 * nothing kots or Helm would redeploy, so scripts/gitpod-auth-reload.sh restarts it when the
 * documents' digest differs from the one recorded on the cluster. The digest (derived from the
 * client secrets) goes on stdin and, as a secret trigger, re-runs the step when it changes.
 */
export function authProviderReload(
    name: string,
    args: GitpodCommonArgs,
    auth: AuthProviderSecrets,
    ready: command.remote.Command,
    parent: pulumi.Resource,
): command.remote.Command | undefined {
    if (auth.secrets.length === 0) return undefined;
    return remoteScript(
        `${name}-auth-reload`,
        {
            target: args.target,
            script: "gitpod-auth-reload",
            params: { GITPOD_NAMESPACE: args.namespace },
            stdin: pulumi.secret(auth.digest.apply((d) => `${d}\n`)),
            triggers: [auth.digest],
        },
        { parent, dependsOn: [ready, ...auth.secrets] },
    );
}

export class Gitpod extends pulumi.ComponentResource {
    /** Gitpod answers over HTTPS: the end of `pulumi up`. */
    readonly ready: command.remote.Command;
    /** The kots install / set-config step. */
    readonly install: command.remote.Command;
    /** Restarts the server after an OAuth app's Secret changed (none without authProviders). */
    readonly authReload?: command.remote.Command;
    /** The admin console password (secret). */
    readonly adminPassword: pulumi.Output<string>;
    /** The command that opens the admin console through SSH. */
    readonly adminConsole: pulumi.Output<string>;
    /** host -> callback URL to register in that OAuth app. */
    readonly callbackUrls: Readonly<Record<string, string>>;
    readonly url: string;

    constructor(name: string, args: GitpodArgs, opts?: pulumi.ComponentResourceOptions) {
        super("gitpod-tencent:gitpod:Gitpod", name, {}, opts);
        this.url = `https://${args.domain}`;

        // The Secrets, and the guard that refuses a namespace Gitpod's own installer deployed into.
        const { auth, guard, waits } = gitpodPrerequisites(name, args, "kots", this);
        this.callbackUrls = auth.callbackUrls;

        // Letters and digits only: the password is typed into the admin console's login form.
        const password = new random.RandomPassword(`${name}-admin-password`, { length: 24, special: false }, { parent: this });
        this.adminPassword = pulumi.secret(password.result);

        const configValues = stringify(
            kotsConfigValues({
                domain: args.domain,
                items: args.items,
                patch: { authProviderSecrets: auth.secretNames, signup: args.signup, workspaceImage: args.workspaceImage, userPatch: args.userPatch },
            }),
        );
        const license = args.license ?? fs.readFileSync(COMMUNITY_LICENSE_PATH, "utf8");
        const stdin = pulumi.secret(pulumi.all([password.result, license]).apply(([p, l]) => kotsStdin({ password: p, license: l, configValues })));

        this.install = remoteScript(
            `${name}-kots`,
            {
                target: args.target,
                script: "gitpod-kots",
                params: {
                    GITPOD_NAMESPACE: args.namespace,
                    APP_SLUG: args.appSlug,
                    APP_CHANNEL: args.channel,
                    APP_VERSION_LABEL: args.appVersion,
                    PLUGIN_VERSION: args.kotsVersion,
                    PLUGIN_URL: args.kotsDownloadUrl || kotsDownloadUrl(args.kotsVersion),
                    PLUGIN_SHA256: args.kotsSha256,
                    PLUGIN_CHECKSUMS_URL: args.kotsDownloadUrl ? "" : kotsChecksumsUrl(args.kotsVersion),
                    INSTALL_WAIT_DURATION: KOTS_WAIT_DURATION,
                    // A changed config: kotsadm's deploy of the new version, then the
                    // installer Job's Helm upgrade (installer_timeout 30m), same bound as the wait.
                    DEPLOY_WAIT_SECONDS: String(GITPOD_WAIT_SECONDS),
                },
                // A changed secret input (ConfigValues, licence, password) is an in-place update:
                // the script applies new ConfigValues with `set config`, nothing else re-installs.
                stdin,
                // A new certificate wait means a new cluster or a new certificate: run again.
                triggers: [args.certificateReady.id],
            },
            { parent: this, dependsOn: [guard, ...waits] },
        );

        // (The config digest is kept secret: gitpodConfig may hold password items.)
        this.ready = gitpodWait(name, args, "kots", this.install, pulumi.secret(scriptDigest(configValues)), this, { APP_SLUG: args.appSlug });
        this.authReload = authProviderReload(name, args, auth, this.ready, this);

        this.adminConsole = pulumi
            .all([args.publicIp, args.namespace])
            .apply(([ip, namespace]) => adminConsoleCommand({ ip, namespace, keyFile: SSH_KEY_FILE }));

        this.registerOutputs({ ready: this.ready.id, adminConsole: this.adminConsole, url: this.url, callbackUrls: this.callbackUrls });
    }
}
