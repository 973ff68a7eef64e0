/**
 * One way to run a script from `scripts/` on the VM over SSH: `remoteScript` wraps
 * `command.remote.Command` so every remote step gets the same connection settings, the same
 * secret handling and the same update semantics.
 *
 * - The command string is the rendered script (`lib/scripts.ts`), with plain parameters only.
 *   Secrets travel on `stdin`, which callers wrap in `pulumi.secret`.
 * - `update` equals `create`: the scripts are idempotent, so a changed script or parameter
 *   re-runs the same script in place (an *update*, no delete/create).
 * - `addPreviousOutputInEnv: false`: otherwise @pulumi/command sends the previous run's stdout
 *   (for the kubeconfig step: a kubeconfig) as PULUMI_COMMAND_STDOUT in the SSH session's
 *   environment on every update; Ubuntu's sshd only accepts `AcceptEnv LANG LC_*` and logs a
 *   rejection, and a secret has no business in an environment anyway.
 * - `triggers` *replace* the command when they change (@pulumi/command sets
 *   `replaceOnChanges: ["triggers[*]"]`). No step has a `delete` command, so a replacement
 *   only runs `create` again; nothing is undone on a VM that may already be gone. The one
 *   exception is `onDelete` (a workspace node's drain, run on the server before its VM goes).
 */
import * as command from "@pulumi/command";
import * as pulumi from "@pulumi/pulumi";
import { remoteScriptCommand, ScriptName } from "../lib/scripts";

/** How to reach the VM. */
export interface SshTarget {
    /** Public IP or DNS name of the VM. */
    readonly host: pulumi.Input<string>;
    /** OpenSSH private key (secret). */
    readonly privateKey: pulumi.Input<string>;
    /** Login user; Tencent Ubuntu images use `ubuntu` (with passwordless sudo). */
    readonly user?: string;
    /**
     * What must exist before the VM answers on port 22 from here: the security group rules
     * (Network's `firewall`). Every step on this target waits on them, besides retrying dials.
     */
    readonly reachableAfter?: pulumi.Resource[];
    /**
     * Reach `host` through this machine (SSH jump host): a workspace node is reached on its
     * private address through the server, so it needs no inbound rule from outside the VPC.
     */
    readonly jump?: SshTarget;
}

export const DEFAULT_SSH_USER = "ubuntu";

/**
 * Dial settings for the first command run on a fresh VM: sshd is not up until the image has
 * booted, so a refused or timed-out dial is retried instead of failing the update. The
 * provider backs off between attempts, so 60 attempts cover several minutes of boot.
 */
export const FIRST_CONTACT_DIAL = { dialErrorLimit: 60, perDialTimeout: 30 } as const;

/** Dial settings once the VM has answered at least once: the SDK's defaults, spelled out. */
export const DEFAULT_DIAL = { dialErrorLimit: 10, perDialTimeout: 15 } as const;

export interface RemoteScriptArgs {
    /** The VM. */
    target: SshTarget;
    /** Which `scripts/<name>.sh` to run. */
    script: ScriptName;
    /** Plain (non-secret) script parameters, exported as environment variables in the script. */
    params?: Record<string, pulumi.Input<string>>;
    /** Piped to the script's stdin: the only way a secret reaches the VM. Wrap in pulumi.secret. */
    stdin?: pulumi.Input<string>;
    /** A change to any of these *replaces* the command, i.e. runs the script again from scratch. */
    triggers?: pulumi.Input<unknown>[];
    /** stdout carries a secret (a kubeconfig): it is not logged and is stored as a secret. */
    secretStdout?: boolean;
    /** First command on a new VM: tolerate a VM still booting (long dial retries). */
    firstContact?: boolean;
    /** Run when the command is deleted (e.g. removed from the program), before what it depends on goes. */
    onDelete?: { script: ScriptName; params?: Record<string, pulumi.Input<string>> };
}

/** The connection block: secrets stay Outputs; @pulumi/command marks the whole block secret. */
export function sshConnection(target: SshTarget, firstContact = false): command.types.input.remote.ConnectionArgs {
    const dial = firstContact ? FIRST_CONTACT_DIAL : DEFAULT_DIAL;
    const hop = (t: SshTarget) => ({ host: t.host, user: t.user ?? DEFAULT_SSH_USER, privateKey: t.privateKey, ...dial });
    return target.jump ? { ...hop(target), proxy: hop(target.jump) } : hop(target);
}

/**
 * The rendered command for `script` with `params` resolved. A parameter must never be a secret
 * (it would be written into the command line and the state as the command text): if one is,
 * the deployment fails with a pointer to stdin.
 */
export function scriptCommand(script: ScriptName, params: Record<string, pulumi.Input<string>> = {}): pulumi.Output<string> {
    const resolved = pulumi.all(params);
    const commandText = resolved.apply((p) => remoteScriptCommand(script, p));
    void pulumi.isSecret(resolved).then((secret) => {
        if (secret) {
            pulumi.log.error(`scripts/${script}.sh: a parameter is a secret; secrets must reach the VM on stdin, never in the command`);
        }
    });
    return commandText;
}

/** Runs `scripts/<args.script>.sh` on the VM (see the file comment for the semantics). */
export function remoteScript(name: string, args: RemoteScriptArgs, opts: pulumi.CustomResourceOptions): command.remote.Command {
    const commandText = scriptCommand(args.script, args.params);
    const secretOpts: pulumi.CustomResourceOptions = args.secretStdout ? { additionalSecretOutputs: ["stdout"] } : {};
    return new command.remote.Command(
        name,
        {
            connection: sshConnection(args.target, args.firstContact),
            create: commandText,
            update: commandText,
            delete: args.onDelete && scriptCommand(args.onDelete.script, args.onDelete.params),
            stdin: args.stdin,
            triggers: args.triggers,
            // stdout of a secret-carrying step must not reach the engine's log either.
            logging: args.secretStdout ? "none" : "stdoutAndStderr",
            addPreviousOutputInEnv: false,
        },
        pulumi.mergeOptions(pulumi.mergeOptions(opts, secretOpts), { dependsOn: args.target.reachableAfter ?? [] }),
    );
}
