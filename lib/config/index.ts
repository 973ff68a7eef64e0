/**
 * Stack configuration: read once, validated in one place before any resource is declared.
 * Every problem is reported at once, one line each naming the key, what was given (secrets
 * masked) and what is expected. Each stage's keys have a checker of their own in this folder
 * (`cloud.ts`, `cluster.ts`, `tls.ts`, ...); `validateConfig` runs them all and throws once.
 * Defaults mirror the `config:` block of Pulumi.yaml (the CLI applies those; unit tests and
 * `validateConfig` callers get the same values from the stage files).
 */
import * as pulumi from "@pulumi/pulumi";
import { Checker, PROJECT, RawConfig, SecretJson, StageKeys } from "./checker";
import { checkCloud, CLOUD_KEYS, CloudConfig } from "./cloud";
import { checkCluster, CLUSTER_KEYS, ClusterConfig } from "./cluster";
import { checkTls, TLS_KEYS, TlsConfig } from "./tls";
import { checkGitpod, GITPOD_KEYS, GitpodConfig } from "./gitpod";
import { checkInstaller, INSTALLER_KEYS, InstallerConfig } from "./installer";
import { checkOperations, OPERATIONS_KEYS, OperationsConfig } from "./operations";
import { checkWorkspaceNodes, WORKSPACE_NODES_KEYS, WorkspaceNodesConfig } from "./workspaceNodes";

export { PROJECT, isFqdn, isIpv4Cidr } from "./checker";
export type { RawConfig } from "./checker";
export { defaultZoneOf, SYSTEM_DISK_TYPES, UBUNTU_VERSIONS } from "./cloud";
export { ACME_SERVERS } from "./tls";
export type { AcmeServer } from "./tls";
export type { GitpodInstaller } from "./installer";

export type StackConfig = CloudConfig & ClusterConfig & TlsConfig & GitpodConfig & InstallerConfig & OperationsConfig & WorkspaceNodesConfig;

/** Every stage's keys, in the order their checkers run. */
const STAGES: readonly StageKeys[] = [CLOUD_KEYS, CLUSTER_KEYS, TLS_KEYS, GITPOD_KEYS, INSTALLER_KEYS, OPERATIONS_KEYS, WORKSPACE_NODES_KEYS];

export const PLAIN_KEYS: readonly string[] = STAGES.flatMap((s) => s.plain);
export const SECRET_KEYS: readonly string[] = STAGES.flatMap((s) => s.secrets);
export const SECRET_JSON_KEYS: readonly string[] = STAGES.flatMap((s) => s.secretJson ?? []);
export const DEFAULTS: Readonly<Record<string, string>> = Object.assign({}, ...STAGES.map((s) => s.defaults));

/** Validates everything; returns the typed config or throws one Error listing every problem. */
export function validateConfig(raw: RawConfig): StackConfig {
    const c = new Checker(raw, DEFAULTS);
    const config: StackConfig = {
        ...checkCloud(c),
        ...checkCluster(c),
        ...checkTls(c),
        ...checkGitpod(c),
        ...checkInstaller(c),
        ...checkOperations(c),
        ...checkWorkspaceNodes(c),
    };
    if (c.problems.length > 0) {
        throw new ConfigError(c.problems);
    }
    return config;
}

export class ConfigError extends Error {
    constructor(readonly problems: readonly string[]) {
        super(`invalid configuration (${problems.length} problem${problems.length === 1 ? "" : "s"}):\n  ${problems.join("\n  ")}`);
        this.name = "ConfigError";
    }
}

/** Reads the stack's configuration through Pulumi and validates it. */
export function loadConfig(): StackConfig {
    const cfg = new pulumi.Config(PROJECT);
    const provider = new pulumi.Config("tencentcloud");
    const values = Object.fromEntries(PLAIN_KEYS.map((k) => [k, cfg.get(k)]));
    const secrets = Object.fromEntries(SECRET_KEYS.map((k) => [k, cfg.getSecret(k)]));
    const secretJson = Object.fromEntries(SECRET_JSON_KEYS.map((k) => [k, readSecretJson(cfg, k)]));
    const cloudCredentials =
        (provider.get("secretId") !== undefined || process.env.TENCENTCLOUD_SECRET_ID !== undefined) &&
        (provider.getSecret("secretKey") !== undefined || process.env.TENCENTCLOUD_SECRET_KEY !== undefined);
    const storedEncrypted = PLAIN_KEYS.filter((k) => values[k] !== undefined && isStoredEncrypted(k));
    return validateConfig({ values, secrets, secretJson, cloudCredentials, providerRegion: provider.get("region"), storedEncrypted });
}

/**
 * Whether the CLI stored `key` encrypted. The engine hands the program every config value
 * decrypted, with the list of secret keys; `isConfigSecret` reads that list (an SDK-internal
 * function, present in the pinned @pulumi/pulumi 3.248.0).
 */
function isStoredEncrypted(key: string): boolean {
    const runtime = pulumi.runtime as unknown as { isConfigSecret(fullKey: string): boolean };
    return runtime.isConfigSecret(`${PROJECT}:${key}`);
}

/** A structured key's JSON and whether it is stored encrypted. */
function readSecretJson(cfg: pulumi.Config, key: string): SecretJson | undefined {
    const text = cfg.get(key);
    if (text === undefined) return undefined;
    return { text, isSecret: isStoredEncrypted(key) };
}
