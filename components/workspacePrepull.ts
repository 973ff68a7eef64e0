/**
 * WorkspaceImagePrepull: starts pulling the workspace image into k3s' containerd as soon as k3s
 * is up, in the background on the VM (scripts/workspace-prepull.sh), so that the first
 * workspace starts fast. Mode-independent (kots or installer).
 *
 * Owns: one remote command that returns at once. Waits for: k3s (`k3sReady`) only; nothing
 * waits on it, so it is never on the certificate or install path.
 */
import * as command from "@pulumi/command";
import * as pulumi from "@pulumi/pulumi";
import { normalizeImageRef } from "../lib/imageRef";
import { remoteScript, SshTarget } from "./remote";

export interface WorkspaceImagePrepullArgs {
    /** The VM. */
    readonly target: SshTarget;
    /** K3sServer's `ready`: its id is a trigger, so a new VM pulls again. */
    readonly k3sReady: pulumi.CustomResource;
    /** The workspace image (config `workspaceImage`). */
    readonly image: string;
}

export class WorkspaceImagePrepull extends pulumi.ComponentResource {
    /** The command that started the pull (not the pull itself: nothing should wait on it). */
    readonly started: command.remote.Command;

    constructor(name: string, args: WorkspaceImagePrepullArgs, opts?: pulumi.ComponentResourceOptions) {
        super("gitpod-tencent:cluster:WorkspaceImagePrepull", name, {}, opts);
        this.started = remoteScript(
            `${name}-start`,
            {
                target: args.target,
                script: "workspace-prepull",
                params: { WORKSPACE_IMAGE: normalizeImageRef(args.image) },
                triggers: [args.k3sReady.id],
            },
            { parent: this, dependsOn: [args.k3sReady] },
        );
        this.registerOutputs({ started: this.started.id });
    }
}
