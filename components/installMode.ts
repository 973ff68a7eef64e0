/**
 * The guard both Gitpod install modes run before they deploy anything: one remote step
 * (scripts/gitpod-mode-guard.sh) that fails the update when the namespace already holds a Gitpod
 * installed by the other mode, and otherwise records this mode in the namespace. Both modes
 * deploy a Helm release named `gitpod`, and kotsadm re-applies its own on every deploy: two
 * installers in one namespace would undo each other, so switching is refused (README
 * "Switching gitpodInstaller").
 */
import * as command from "@pulumi/command";
import * as pulumi from "@pulumi/pulumi";
import type { GitpodInstaller } from "../lib/config";
import { remoteScript, SshTarget } from "./remote";

export interface InstallModeGuardArgs {
    /** The VM (k3s's kubectl runs there). */
    target: SshTarget;
    /** The Gitpod namespace (made by the TLS stage). */
    namespace: pulumi.Input<string>;
    /** The mode about to install. */
    mode: GitpodInstaller;
    /** What must exist first: the namespace's creator (the TLS stage's certificate wait). */
    after: pulumi.Resource[];
}

/**
 * The guard step, named `<name>`. Triggers: the mode (a new mode checks again) and the cluster
 * readiness it runs after; a no-op `pulumi up` runs nothing.
 */
export function installModeGuard(name: string, args: InstallModeGuardArgs, opts: pulumi.CustomResourceOptions): command.remote.Command {
    return remoteScript(
        name,
        {
            target: args.target,
            script: "gitpod-mode-guard",
            params: { GITPOD_NAMESPACE: args.namespace, INSTALL_MODE: args.mode },
            triggers: [args.mode, ...args.after.map((r) => (r instanceof pulumi.CustomResource ? r.id : r.urn))],
        },
        pulumi.mergeOptions(opts, { dependsOn: args.after }),
    );
}
