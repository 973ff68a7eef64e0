/**
 * AuthProviderSecrets: one Kubernetes Secret per OAuth app Gitpod signs in with, in Gitpod's
 * namespace, key `provider` holding the document Gitpod 2022.11 reads (lib/authProviders.ts).
 * The installer config refers to them by name only (`authProviders: [{kind: secret, name}]`,
 * lib/gitpodConfigPatch.ts), so no client secret is in ConfigValues, a command or a log.
 *
 * Used by both install modes (kots: components/gitpod.ts; installer mode likewise): create it
 * before Gitpod is deployed and pass `secretNames` to gitpodConfigPatch().
 * Owns: the Secrets. Waits for: the namespace (pass Tls' `namespace` output, which resolves once
 * the Namespace exists) and the provider.
 */
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { AUTH_PROVIDER_SECRET_KEY, AuthProviderSettings, authProviderSecretName, authProviderYaml, callbackUrl } from "../lib/authProviders";
import { scriptDigest } from "../lib/scripts";

export interface AuthProviderSecretsArgs {
    /** The cluster's provider (from K3sServer). */
    readonly provider: k8s.Provider;
    /** Gitpod's namespace, as an Output of the Namespace resource (so the Secrets wait for it). */
    readonly namespace: pulumi.Input<string>;
    /** Gitpod's domain: the callback URLs are under it. */
    readonly domain: string;
    /** The OAuth apps; each clientSecret a Pulumi secret. */
    readonly providers: readonly AuthProviderSettings<pulumi.Input<string>>[];
}

export class AuthProviderSecrets extends pulumi.ComponentResource {
    /** Secret names, in config order: what gitpodConfigPatch's `authProviderSecrets` takes. */
    readonly secretNames: readonly string[];
    /** The Secrets, for `dependsOn` of whatever deploys Gitpod. */
    readonly secrets: readonly k8s.core.v1.Secret[];
    /** host -> the callback URL to register in that host's OAuth app. */
    readonly callbackUrls: Readonly<Record<string, string>>;
    /**
     * sha256 of every provider document (secret: derived from the client secrets). It changes
     * when a Secret's content does, which the installer config (names only) never shows.
     */
    readonly digest: pulumi.Output<string>;

    constructor(name: string, args: AuthProviderSecretsArgs, opts?: pulumi.ComponentResourceOptions) {
        super("gitpod-tencent:gitpod:AuthProviderSecrets", name, {}, opts);
        this.secretNames = args.providers.map((p) => authProviderSecretName(p.host));
        this.callbackUrls = Object.fromEntries(args.providers.map((p) => [p.host, callbackUrl(args.domain, p.host)]));
        // Each document is built inside a secret Output: the client secret never leaves one.
        const documents = args.providers.map((p) =>
            pulumi.secret(p.clientSecret).apply((clientSecret) => authProviderYaml(args.domain, { ...p, clientSecret })),
        );
        this.digest = pulumi.secret(pulumi.all(documents).apply((docs) => scriptDigest(docs.join("\n---\n"))));
        this.secrets = args.providers.map((p, i) => {
            const document = documents[i];
            return new k8s.core.v1.Secret(
                `${name}-${p.host}`,
                {
                    metadata: { name: this.secretNames[i], namespace: args.namespace, labels: { "app.kubernetes.io/managed-by": "gitpod-tencent" } },
                    type: "Opaque",
                    stringData: { [AUTH_PROVIDER_SECRET_KEY]: document },
                },
                { parent: this, provider: args.provider },
            );
        });
        this.registerOutputs({ secretNames: this.secretNames, callbackUrls: this.callbackUrls });
    }
}
