/**
 * ImagePreflight: before anything installs Gitpod, ask from the VM whether every image the
 * release pulls exists, in the order containerd would try (mirrors first, then upstream). An
 * image that is gone (gcr.io shut down, Bitnami's Docker Hub purge) fails this step with the
 * image named, instead of a workspace stuck in ImagePullBackOff an hour later.
 *
 * Owns: one remote command (scripts/image-preflight.sh; HEAD requests only, nothing pulled).
 * Waits for: k3s (`k3sReady`), so registries.yaml (the mirror config this mirrors) is in place
 * and the VM has network. The Gitpod (kots) stage waits on `ready`.
 */
import * as command from "@pulumi/command";
import * as pulumi from "@pulumi/pulumi";
import { GITPOD_APP_VERSION, gitpodImages, imageCondition, installerModeImages } from "../lib/gitpodImages";
import type { GitpodInstaller } from "../lib/config";
import { RegistryMirrors, renderImageChecks } from "../lib/registries";
import { scriptDigest } from "../lib/scripts";
import { remoteScript, SshTarget } from "./remote";

export interface ImagePreflightArgs {
    /** The VM the checks run from (its network path is the one containerd uses). */
    target: SshTarget;
    /** K3sServer's `ready`; its id is a trigger, so a new VM checks again. */
    k3sReady: pulumi.CustomResource;
    /** The same mirrors K3sServer writes to registries.yaml. */
    registryMirrors: RegistryMirrors;
    /** Gitpod release whose images are checked; default GITPOD_APP_VERSION. */
    appVersion?: string;
    /** KOTS release (its admin-console images are checked too); default the Gitpod release's. */
    kotsVersion?: string;
    /** How Gitpod is installed; `installer` needs neither the KOTS admin console nor its preflights. Default kots. */
    gitpodInstaller?: GitpodInstaller;
    /** Overall bound, seconds; default 600. */
    timeoutSeconds?: number;
    /** Images checked at once; default 8. */
    parallel?: number;
}

/**
 * The images this installation pulls: the release's list minus those only a configuration we do
 * not use runs (`imageCondition`: Cloud SQL proxy, Azure MinIO gateway). Those may be gone
 * upstream without harm, and must not fail the step.
 */
export function requiredImages(appVersion: string, kotsVersion?: string, gitpodInstaller: GitpodInstaller = "kots"): readonly string[] {
    const all = gitpodInstaller === "installer" ? installerModeImages(appVersion) : gitpodImages(appVersion, kotsVersion);
    return all.filter((image) => imageCondition(image) === undefined);
}

export class ImagePreflight extends pulumi.ComponentResource {
    /** Every image answered: the install stage waits on this. */
    readonly ready: command.remote.Command;
    /** The images checked. */
    readonly images: readonly string[];
    /** The check list sent to the VM (plain text, for diagnostics). */
    readonly checks: string;

    constructor(name: string, args: ImagePreflightArgs, opts?: pulumi.ComponentResourceOptions) {
        super("gitpod-tencent:cluster:ImagePreflight", name, {}, opts);

        // IMAGE_CHECKS: one line per image, `<image> <manifest-url> [<manifest-url>...]`, the
        // URLs being lib/registries.ts' manifestCandidates (mirrors, then upstream).
        this.images = requiredImages(args.appVersion ?? GITPOD_APP_VERSION, args.kotsVersion, args.gitpodInstaller);
        this.checks = renderImageChecks([...this.images], args.registryMirrors);

        // Triggers: the checks' digest (a changed image list or mirror config replaces the
        // command, i.e. checks again) and the cluster (a new VM checks again). A no-op up keeps
        // both, and nothing runs.
        this.ready = remoteScript(
            `${name}-check`,
            {
                target: args.target,
                script: "image-preflight",
                params: {
                    IMAGE_CHECKS: this.checks,
                    PREFLIGHT_TIMEOUT_SECONDS: String(args.timeoutSeconds ?? 600),
                    PREFLIGHT_PARALLEL: String(args.parallel ?? 8),
                },
                triggers: [scriptDigest(this.checks), args.k3sReady.id],
            },
            { parent: this, dependsOn: [args.k3sReady] },
        );

        this.registerOutputs({ ready: this.ready });
    }
}
