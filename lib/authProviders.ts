/**
 * Gitpod's built-in OAuth providers (GitHub, GitLab, Bitbucket) as Gitpod 2022.11 reads them:
 * one Kubernetes Secret per provider, key `provider`, holding a YAML document; the installer
 * config names the Secrets (`authProviders: [{kind: secret, name}]`) and the server mounts each
 * at /gitpod/auth-providers/<name>/provider.
 * Sources (gitpod-io/gitpod tag 2022.11.3): install/installer/pkg/components/server/deployment.go
 * (mount), components/server/configmap.go (`authProviderConfigFiles`), install/installer/pkg/
 * config/v1/config.go `AuthProviderConfigs`/`OAuth` (what `validate cluster` requires),
 * components/gitpod-protocol/src/protocol.ts `AuthProviderEntry` (the document's fields),
 * install/installer/docs/overview.md "Auth Providers" (the example this follows).
 */
import { stringify } from "yaml";

export const AUTH_PROVIDER_TYPES = ["GitHub", "GitLab", "Bitbucket"] as const;
export type AuthProviderType = (typeof AUTH_PROVIDER_TYPES)[number];

/** Key of the Secret that holds the provider document (server/deployment.go mounts `provider`). */
export const AUTH_PROVIDER_SECRET_KEY = "provider";

/** One provider as configured (`authProviders[i]`); `clientSecret` stays a Pulumi secret outside lib/. */
export interface AuthProviderSettings<Secret = string> {
    readonly type: AuthProviderType;
    /** The Git host, e.g. github.com or gitlab.example.com (a host name, no scheme or port). */
    readonly host: string;
    readonly clientId: string;
    readonly clientSecret: Secret;
}

/** The callback URL Gitpod serves for `host`: register exactly this in the OAuth app. */
export function callbackUrl(domain: string, host: string): string {
    return `https://${domain}/auth/${host}/callback`;
}

/**
 * Name of the Secret for `host`: `gitpod-auth-<host with dots as dashes>` (a valid Kubernetes
 * name for any host name; one Secret per host since hosts are unique).
 */
export function authProviderSecretName(host: string): string {
    return `gitpod-auth-${host.replace(/\./g, "-")}`.slice(0, 253);
}

/**
 * The provider id Gitpod stores with each identity: it must stay the same across rebuilds.
 * The public hosts get Gitpod's own ids (install/tests/Makefile uses `Public-GitHub`), others
 * their host name.
 */
export function authProviderId(host: string): string {
    const publicHosts: Record<string, string> = { "github.com": "Public-GitHub", "gitlab.com": "Public-GitLab", "bitbucket.org": "Public-Bitbucket" };
    return publicHosts[host] ?? host;
}

/** Where a user reviews or revokes the app's access (optional in Gitpod; shown in its settings). */
export function settingsUrl(type: AuthProviderType, host: string, clientId: string): string {
    switch (type) {
        case "GitHub":
            return `https://${host}/settings/connections/applications/${clientId}`;
        case "GitLab":
            return `https://${host}/-/profile/applications`;
        case "Bitbucket":
            return `https://${host}/account/settings/app-authorizations/`;
    }
}

/** The `provider` document (Gitpod's AuthProviderEntry): every field `validate cluster` requires, plus settingsUrl. */
export interface AuthProviderDocument {
    readonly id: string;
    readonly host: string;
    readonly type: AuthProviderType;
    readonly oauth: {
        readonly clientId: string;
        readonly clientSecret: string;
        readonly callBackUrl: string;
        readonly settingsUrl: string;
    };
}

export function authProviderDocument(domain: string, p: AuthProviderSettings): AuthProviderDocument {
    return {
        id: authProviderId(p.host),
        host: p.host,
        type: p.type,
        oauth: {
            clientId: p.clientId,
            clientSecret: p.clientSecret,
            callBackUrl: callbackUrl(domain, p.host),
            settingsUrl: settingsUrl(p.type, p.host, p.clientId),
        },
    };
}

/** The Secret's `provider` value: the document as YAML (the server parses it with js-yaml). */
export function authProviderYaml(domain: string, p: AuthProviderSettings): string {
    return stringify(authProviderDocument(domain, p));
}
