/**
 * Config of the cluster stages (K3sServer, Calico, CoreDnsHairpin, ImagePreflight): the version
 * set, k3s's ranges and download mirror, registry mirrors and Gitpod's namespace.
 */
import { DEFAULT_REGISTRY_MIRRORS, RegistryMirrors, validateRegistryMirrors } from "../registries";
import { checkVersionSet, PinName, PINS, VersionSet } from "../versions";
import { Checker, isIpv4Cidr, K8S_NAME, PROJECT, StageKeys } from "./checker";

export interface ClusterConfig {
    readonly versions: VersionSet;
    readonly allowUnsupportedVersions: boolean;
    readonly k3sMirror: boolean;
    readonly clusterCidr: string;
    readonly serviceCidr: string;
    readonly registryMirrors: RegistryMirrors;
    readonly gitpodNamespace: string;
}

const VERSION_KEYS: Readonly<Record<string, PinName>> = {
    k3sVersion: "k3s",
    calicoVersion: "calico",
    certManagerVersion: "certManager",
    kotsVersion: "kots",
};

const VERSION_FORMATS: Readonly<Record<string, RegExp>> = {
    k3sVersion: /^v\d+\.\d+\.\d+\+k3s\d+$/,
    calicoVersion: /^v\d+\.\d+\.\d+$/,
    certManagerVersion: /^v\d+\.\d+\.\d+$/,
    kotsVersion: /^\d+\.\d+\.\d+$/,
};

export const CLUSTER_KEYS: StageKeys = {
    plain: [
        "allowUnsupportedVersions", ...Object.keys(VERSION_KEYS), "k3sMirror", "clusterCidr", "serviceCidr",
        "registryMirrors", "gitpodNamespace",
    ],
    secrets: [],
    defaults: {
        allowUnsupportedVersions: "false",
        k3sMirror: "false",
        clusterCidr: "10.42.0.0/16",
        serviceCidr: "10.43.0.0/16",
        gitpodNamespace: "gitpod",
    },
};

/**
 * The key to name for a conflict of `pin` with k3s: the pin's own key when the user set it
 * (their calicoVersion does not fit k3s), else k3sVersion (their k3s does not fit the pin, or the
 * pin has no key). The defaults fit together (test/lib/versions.test.ts), so a conflict always
 * involves a key the user set.
 */
function conflictKey(c: Checker, pin: PinName): string {
    const own = Object.keys(VERSION_KEYS).find((key) => VERSION_KEYS[key] === pin);
    return own !== undefined && c.given(own) !== undefined ? own : "k3sVersion";
}

function checkVersions(c: Checker): { versions: VersionSet; allowUnsupportedVersions: boolean } {
    const allowUnsupportedVersions = c.boolean("allowUnsupportedVersions");
    const versions: Record<string, string> = {};
    for (const [name, pin] of Object.entries(PINS)) versions[name] = pin.version;
    let formatsOk = true;
    for (const [key, pin] of Object.entries(VERSION_KEYS)) {
        const given = c.given(key);
        if (given === undefined) continue;
        if (!VERSION_FORMATS[key].test(given)) {
            c.fail(key, given, `a release like ${PINS[pin].version}`);
            formatsOk = false;
        } else {
            versions[pin] = given;
        }
    }
    if (formatsOk && !allowUnsupportedVersions) {
        for (const conflict of checkVersionSet(versions as VersionSet)) {
            c.problems.push(`${PROJECT}:${conflictKey(c, conflict.pin)}: ${conflict.message}; pick versions that fit together or set allowUnsupportedVersions: true`);
        }
    }
    return { versions: versions as VersionSet, allowUnsupportedVersions };
}

function checkRegistryMirrors(c: Checker): RegistryMirrors {
    const registryMirrors: RegistryMirrors = {
        ...DEFAULT_REGISTRY_MIRRORS,
        ...c.json<RegistryMirrors>("registryMirrors", "a map of upstream registry to {endpoints, rewrites}"),
    };
    for (const problem of validateRegistryMirrors(registryMirrors)) c.problems.push(`${PROJECT}:${problem}`);
    return registryMirrors;
}

export function checkCluster(c: Checker): ClusterConfig {
    return {
        ...checkVersions(c),
        k3sMirror: c.boolean("k3sMirror"),
        clusterCidr: c.string("clusterCidr", isIpv4Cidr, "an IPv4 CIDR such as 10.42.0.0/16 (network address, prefix <= 32)"),
        serviceCidr: c.string("serviceCidr", isIpv4Cidr, "an IPv4 CIDR such as 10.43.0.0/16 (network address, prefix <= 32)"),
        registryMirrors: checkRegistryMirrors(c),
        gitpodNamespace: c.string("gitpodNamespace", (v) => K8S_NAME.test(v), "a Kubernetes namespace name such as gitpod"),
    };
}
