/**
 * Shared fixtures for the component tests under mocks: the usual mock setup, a fake SSH target,
 * a K3sServer with test defaults, a fake Kubernetes provider and a fake "ready" resource, and the
 * resource type tokens the tests look resources up by. Create resources inside `before()`, after
 * the mocks are set up (Pulumi's runtime is process-global: one component set per test file).
 */
import * as command from "@pulumi/command";
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { K3sServer, K3sServerArgs } from "../../components/k3sServer";
import { SshTarget } from "../../components/remote";
import { DEFAULT_REGISTRY_MIRRORS } from "../../lib/registries";
import { PINS } from "../../lib/versions";
import { Recording, setupMocks } from "../../tools/mock/mocks";
import { defaultOutputs } from "../../tools/mock/program";

/** Resource type tokens. */
export const COMMAND = "command:remote:Command";
export const RELEASE = "kubernetes:helm.sh/v3:Release";
export const SECRET = "kubernetes:core/v1:Secret";
export const NAMESPACE = "kubernetes:core/v1:Namespace";
export const CONFIG_MAP = "kubernetes:core/v1:ConfigMap";
export const ISSUER = "kubernetes:cert-manager.io/v1:ClusterIssuer";
export const CERTIFICATE = "kubernetes:cert-manager.io/v1:Certificate";

/** The VM's address and SSH key in the fake target. */
export const FAKE_HOST = "43.156.0.10";
export const FAKE_PRIVATE_KEY = "private-key";

/** Mocks for stack gitpod-tencent/dev with the program's default outputs; returns the recording. */
export function setupComponentMocks(): Recording {
    return setupMocks({ project: "gitpod-tencent", stack: "dev", outputs: defaultOutputs });
}

/** An SshTarget for `host` whose private key is the secret `privateKey`. */
export function fakeTarget(host: pulumi.Input<string> = FAKE_HOST, privateKey: string = FAKE_PRIVATE_KEY): SshTarget {
    return { host, privateKey: pulumi.secret(privateKey) };
}

/**
 * A K3sServer with test defaults (fake target, instance ins-0001, the pinned k3s, no mirror,
 * 10.42.0.0/16 + 10.43.0.0/16, the default registry mirrors), `args` overriding any of them.
 */
export function testK3sServer(name = "k3s", args: Partial<K3sServerArgs> = {}): K3sServer {
    return new K3sServer(name, {
        target: fakeTarget(),
        instanceId: "ins-0001",
        version: PINS.k3s.version,
        mirror: false,
        clusterCidr: "10.42.0.0/16",
        serviceCidr: "10.43.0.0/16",
        registryMirrors: DEFAULT_REGISTRY_MIRRORS,
        ...args,
    });
}

/** A Kubernetes provider on a fake kubeconfig (stands for the one K3sServer makes). */
export function fakeProvider(name = "k8s"): k8s.Provider {
    return new k8s.Provider(name, { kubeconfig: "apiVersion: v1\nkind: Config\n" });
}

/** A local command that does nothing: stands for a readiness resource (k3s, Calico...). */
export function fakeReady(name: string): command.local.Command {
    return new command.local.Command(name, { create: "true" });
}

/** Undoes `shellQuote`'s `'\''` for a quoted word's inside. */
function unquoteInside(text: string): string {
    return text.replace(/'\\''/g, "'");
}

/**
 * The value a remote step's command gives script parameter `key`: the command is
 * `sudo bash -c '<script>' <name>` and the script exports `key='<value>'` (lib/scripts.ts).
 * Reading it back lets tests look inside a rendered file rather than search the whole command.
 */
export function scriptParam(commandText: string, key: string): string {
    const script = /^sudo bash -c '([\s\S]*)' [a-z0-9-]+$/.exec(commandText);
    if (!script) throw new Error(`not a rendered remote script: ${commandText.slice(0, 60)}`);
    const exported = new RegExp(`^export ${key}='((?:[^']|'\\\\'')*)'$`, "m").exec(unquoteInside(script[1]));
    if (!exported) throw new Error(`the script exports no ${key}`);
    return unquoteInside(exported[1]);
}
