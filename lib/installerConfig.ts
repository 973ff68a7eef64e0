/**
 * The Gitpod installer's config file (`gitpod.config.yaml`, apiVersion v1) for `gitpodInstaller:
 * installer` mode, rendered with the YAML library. Pure.
 *
 * Start: what `installer config init` writes for the 2022.11.3 release, shipped as
 * data/gitpod/installer-config-init-2022.11.3.yaml (gitpod-io/gitpod tag 2022.11.3,
 * install/installer/example-config.yaml: `config.NewDefaultConfig()` = Factory() + Defaults() of
 * pkg/config/v1/config.go, marshalled by pkg/config/loader.go `Marshal`: apiVersion first, keys
 * sorted). Then the program's settings, then the config fragment (lib/gitpodConfigPatch.ts:
 * auth-provider Secret references, sign-up block list, workspace image, the user's
 * `gitpodConfigPatch` last), each merged the way the installer merges a file over its defaults
 * (pkg/config/loader.go `Load`: sigs.k8s.io/yaml, i.e. encoding/json unmarshal into the defaults):
 * objects merge key by key, lists and scalars replace, `null` clears.
 *
 * The same fragment reaches the installer in kots mode as KOTS `config_patch` and is merged by
 * the same unmarshal (pkg/config/v1/envvars.go `BuildFromEnvvars`), so it means the same in both
 * modes.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import YAML from "yaml";

/** The release whose `config init` output is the base. */
export const INSTALLER_CONFIG_RELEASE = "2022.11.3";

/** data/: what `installer config init` writes for INSTALLER_CONFIG_RELEASE (see the header). */
export const INSTALLER_CONFIG_INIT_PATH = path.join(__dirname, "..", "data", "gitpod", `installer-config-init-${INSTALLER_CONFIG_RELEASE}.yaml`);

/**
 * containerd of k3s, as `installer config files containerd` detects it
 * (gitpod-io/gitpod 2022.11.3 install/installer/pkg/containerd/k3s.go).
 */
export const K3S_CONTAINERD = {
    runtimeDir: "/run/k3s/containerd/io.containerd.runtime.v2.task/k8s.io",
    socket: "/run/k3s/containerd/containerd.sock",
} as const;

/** A YAML/JSON object (the installer config and its fragments). */
export type ConfigObject = { [key: string]: unknown };

export interface InstallerSettings {
    /** Gitpod's domain (`domain`). */
    readonly domain: string;
    /** The TLS stage's Secret in the Gitpod namespace (`certificate: {kind: secret, name}`). */
    readonly certificateSecret: string;
    /**
     * The installer-config fragment both modes share (lib/gitpodConfigPatch.ts), merged last. The
     * keys the program owns (PROGRAM_OWNED_KEYS) may not be set here.
     */
    readonly fragment?: ConfigObject;
}

/** Keys whose value the program decides; a fragment setting them would break the install. */
export const PROGRAM_OWNED_KEYS = [
    "apiVersion",
    "domain",
    "certificate",
    "database.inCluster",
    "containerRegistry.inCluster",
    "objectStorage.inCluster",
    "workspace.runtime.containerdRuntimeDir",
    "workspace.runtime.containerdSocket",
] as const;

function isObject(v: unknown): v is ConfigObject {
    return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** `installer config init`'s output (the release's defaults), parsed. */
export function configInitDefaults(): ConfigObject {
    return YAML.parse(configInitText()) as ConfigObject;
}

/** The text of data/gitpod/installer-config-init-<release>.yaml. */
export function configInitText(): string {
    return fs.readFileSync(INSTALLER_CONFIG_INIT_PATH, "utf8");
}

/**
 * `patch` merged over `base` as the installer merges a file over its defaults (see the header):
 * objects key by key, anything else (lists, scalars) replaces, `null` removes the key. Returns a
 * new object; neither input changes.
 */
export function mergeInstallerConfig(base: ConfigObject, patch: ConfigObject): ConfigObject {
    const out: ConfigObject = { ...base };
    for (const [key, value] of Object.entries(patch)) {
        if (value === null) {
            delete out[key];
        } else if (isObject(value) && isObject(out[key])) {
            out[key] = mergeInstallerConfig(out[key] as ConfigObject, value);
        } else {
            out[key] = structuredClone(value);
        }
    }
    return out;
}

/** The program's own settings, as an installer-config fragment. */
export function programSettings(s: InstallerSettings): ConfigObject {
    return {
        domain: s.domain,
        certificate: { kind: "secret", name: s.certificateSecret },
        // In-cluster MySQL, registry and MinIO: the defaults, stated so a fragment cannot be
        // mistaken for a place to change them (PROGRAM_OWNED_KEYS).
        database: { inCluster: true },
        containerRegistry: { inCluster: true },
        objectStorage: { inCluster: true },
        workspace: { runtime: { containerdRuntimeDir: K3S_CONTAINERD.runtimeDir, containerdSocket: K3S_CONTAINERD.socket } },
    };
}

/** The dotted key paths a fragment sets (leaves and lists; objects are walked). */
function leafPaths(o: ConfigObject, prefix = ""): string[] {
    return Object.entries(o).flatMap(([k, v]) => (isObject(v) ? leafPaths(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

/** One line per program-owned key the fragment sets (it may not: see PROGRAM_OWNED_KEYS). */
export function ownedKeyProblems(fragment: ConfigObject): string[] {
    return leafPaths(fragment)
        .filter((p) => PROGRAM_OWNED_KEYS.some((owned) => p === owned || p.startsWith(`${owned}.`) || owned.startsWith(`${p}.`)))
        .map((p) => `${p}: set by the program (domain, TLS stage, in-cluster services, k3s containerd); it cannot be changed through the installer config`);
}

/** The installer config: config init's defaults, then the program's settings, then the fragment. */
export function installerConfig(s: InstallerSettings, base: ConfigObject = configInitDefaults()): ConfigObject {
    const problems = ownedKeyProblems(s.fragment ?? {});
    if (problems.length > 0) {
        throw new Error(`installer config fragment:\n  ${problems.join("\n  ")}`);
    }
    return mergeInstallerConfig(mergeInstallerConfig(base, programSettings(s)), s.fragment ?? {});
}

/** `installerConfig` as the YAML file the installer reads. */
export function renderInstallerConfig(s: InstallerSettings, base?: ConfigObject): string {
    return YAML.stringify(installerConfig(s, base));
}

/** The Helm release the installer mode deploys (kots-install.sh deploys the same name). */
export const INSTALLER_RELEASE_NAME = "gitpod";

/**
 * Chart.yaml of the chart the rendered manifests are deployed as. kots-install.sh writes
 * `name: gitpod-kots`; this mode's chart is named `gitpod-installer`, so `helm list` tells the
 * two apart.
 */
export function installerChartYaml(appVersion: string): string {
    return YAML.stringify({
        apiVersion: "v2",
        name: "gitpod-installer",
        description: "Gitpod rendered by its installer (gitpod-tencent, gitpodInstaller: installer)",
        version: "1.0.0",
        appVersion,
    });
}
