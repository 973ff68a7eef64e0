/**
 * Config of the Gitpod stage: the KOTS app (licence, slug, channel, version, kots download), its
 * config items and installer-config patch, the workspace image, and who may sign up (auth
 * providers, allowed e-mail domains, or an explicit open sign-up).
 */
import * as pulumi from "@pulumi/pulumi";
import { AUTH_PROVIDER_TYPES, AuthProviderSettings, AuthProviderType, authProviderSecretName } from "../authProviders";
import { DEFAULT_WORKSPACE_IMAGE, gitpodConfigPatch, SignupPolicy } from "../gitpodConfigPatch";
import { parseImageRef } from "../imageRef";
import { checkGitpodConfig } from "../kots";
import { PINS } from "../versions";
import { Checker, isFqdn, PROJECT, StageKeys } from "./checker";

export interface GitpodConfig {
    /** The KOTS licence file's content (secret); undefined: the public Community licence. */
    readonly gitpodLicense?: pulumi.Output<string>;
    readonly kotsAppSlug: string;
    readonly kotsChannel: string;
    /** `--app-version-label` of the first install. */
    readonly gitpodVersion: string;
    /** Where the VM downloads kots_linux_amd64.tar.gz; "" for the GitHub release. */
    readonly kotsDownloadUrl: string;
    /** Expected sha256 of that archive; "" to check it against the release's checksums file. */
    readonly kotsSha256: string;
    /** Extra KOTS config items (checked against the app's items and their types). */
    readonly gitpodConfig: Readonly<Record<string, string>>;
    /** The user's installer-config fragment, merged last into `config_patch`. */
    readonly gitpodConfigPatch: Readonly<Record<string, unknown>>;
    readonly workspaceImage: string;
    /** The OAuth apps Gitpod signs in with; each clientSecret a Pulumi secret. */
    readonly authProviders: readonly AuthProviderSettings<pulumi.Output<string>>[];
    readonly signup: SignupPolicy;
    /** Set when sign-up is open to strangers: logged by `pulumi up` and exported. */
    readonly signupWarning?: string;
}

export const GITPOD_KEYS: StageKeys = {
    plain: [
        "kotsAppSlug", "kotsChannel", "gitpodVersion", "kotsDownloadUrl", "kotsSha256", "gitpodConfig",
        "gitpodConfigPatch", "workspaceImage", "allowedEmailDomains", "openSignup",
    ],
    secrets: ["gitpodLicense"],
    secretJson: ["authProviders"],
    defaults: {
        kotsAppSlug: "gitpod",
        kotsChannel: "stable",
        gitpodVersion: PINS.gitpod.version,
        workspaceImage: DEFAULT_WORKSPACE_IMAGE,
        openSignup: "false",
        allowedEmailDomains: "[]",
    },
};

const SLUG = /^[a-z0-9][a-z0-9-]*$/;
const SHA256 = /^[0-9a-f]{64}$/;
const PROVIDER_KEYS = ["type", "host", "clientId", "clientSecret"];

function isObject(v: unknown): v is Record<string, unknown> {
    return typeof v === "object" && v !== null && !Array.isArray(v);
}

function checkObject(c: Checker, key: string, expected: string): Record<string, unknown> {
    const v = c.json<unknown>(key, expected);
    if (v === undefined) return {};
    if (!isObject(v)) {
        c.fail(key, c.value(key), expected);
        return {};
    }
    return v;
}

function checkDownload(c: Checker): { kotsDownloadUrl: string; kotsSha256: string } {
    const kotsDownloadUrl = c.given("kotsDownloadUrl") ?? "";
    const kotsSha256 = c.given("kotsSha256") ?? "";
    if (kotsDownloadUrl !== "" && !/^https:\/\/\S+$/.test(kotsDownloadUrl)) {
        c.fail("kotsDownloadUrl", kotsDownloadUrl, "an https:// URL of kots_linux_amd64.tar.gz (a mirror of the GitHub release asset)");
    }
    if (kotsSha256 !== "" && !SHA256.test(kotsSha256)) {
        c.fail("kotsSha256", kotsSha256, "the archive's sha256 as 64 lower-case hex digits");
    } else if (kotsDownloadUrl !== "" && kotsSha256 === "") {
        c.fail("kotsSha256", undefined, "the sha256 of the mirrored archive (a mirror has no checksums file to check it against): sha256sum kots_linux_amd64.tar.gz");
    }
    return { kotsDownloadUrl, kotsSha256 };
}

function checkGitpodItems(c: Checker): Record<string, string> {
    const items = checkObject(c, "gitpodConfig", "a map of KOTS config item to string value, e.g. {\"installer_timeout\": \"1h\"}");
    for (const problem of checkGitpodConfig(items)) c.problems.push(`${PROJECT}:gitpodConfig.${problem}`);
    return items as Record<string, string>;
}

function checkWorkspaceImage(c: Checker): string {
    return c.string(
        "workspaceImage",
        (v) => {
            try {
                parseImageRef(v);
                return true;
            } catch {
                return false;
            }
        },
        "an image reference such as gitpod/workspace-full:latest",
    );
}

/** One provider entry; problems name `authProviders[i].<field>`, never the client secret's value. */
function checkProvider(c: Checker, p: unknown, i: number, hosts: Set<string>): AuthProviderSettings<pulumi.Output<string>> | undefined {
    const at = `authProviders[${i}]`;
    if (!isObject(p)) {
        c.fail(at, "(not an object)", "{type, host, clientId, clientSecret}");
        return undefined;
    }
    const before = c.problems.length;
    for (const extra of Object.keys(p).filter((k) => !PROVIDER_KEYS.includes(k))) {
        c.fail(`${at}.${extra}`, "(set)", `only ${PROVIDER_KEYS.join(", ")}`);
    }
    if (!AUTH_PROVIDER_TYPES.includes(p.type as AuthProviderType)) c.fail(`${at}.type`, String(p.type ?? ""), `one of ${AUTH_PROVIDER_TYPES.join(", ")}`);
    const host = typeof p.host === "string" ? p.host : "";
    if (!isFqdn(host)) {
        c.fail(`${at}.host`, host, "the Git host name, e.g. github.com or gitlab.example.com (no scheme, port or path)");
    } else if (hosts.has(host)) {
        c.fail(`${at}.host`, host, "each host once (one OAuth app per host)");
    }
    hosts.add(host);
    if (typeof p.clientId !== "string" || p.clientId.trim() === "") c.fail(`${at}.clientId`, undefined, "the OAuth app's client ID");
    if (typeof p.clientSecret !== "string" || p.clientSecret.trim() === "") {
        c.problems.push(`${PROJECT}:${at}.clientSecret: got nothing; expected the OAuth app's client secret, set with \`pulumi config set --secret --path '${at}.clientSecret' …\``);
    }
    if (c.problems.length > before) return undefined;
    return { type: p.type as AuthProviderType, host, clientId: p.clientId as string, clientSecret: pulumi.secret(p.clientSecret as string) };
}

/**
 * `authProviders` is set with `pulumi config set --secret --path 'authProviders[0].clientSecret'`,
 * which makes the whole value a secret: its JSON is read here for structure only, and each
 * clientSecret leaves as a Pulumi secret. A value stored in plain text would put the client
 * secrets in the stack file: refused.
 */
function checkAuthProviders(c: Checker): AuthProviderSettings<pulumi.Output<string>>[] {
    const raw = c.raw.secretJson?.authProviders;
    if (raw === undefined || raw.text === "") return [];
    if (!raw.isSecret) {
        c.problems.push(`${PROJECT}:authProviders: stored in plain text; set each clientSecret with \`pulumi config set --secret --path 'authProviders[0].clientSecret' …\` (that encrypts the whole value)`);
        return [];
    }
    let list: unknown;
    try {
        list = JSON.parse(raw.text);
    } catch {
        list = undefined;
    }
    if (!Array.isArray(list)) {
        c.fail("authProviders", "(not a list)", "a list of {type, host, clientId, clientSecret}");
        return [];
    }
    const hosts = new Set<string>();
    return list.map((p, i) => checkProvider(c, p, i, hosts)).filter((p): p is AuthProviderSettings<pulumi.Output<string>> => p !== undefined);
}

/**
 * Who may sign up. Refuses a config where nothing limits it (the first visitor of a fresh
 * Gitpod would own it); `openSignup: true` accepts that, with a warning.
 */
function checkSignup(c: Checker, authProviders: readonly AuthProviderSettings<unknown>[]): { signup: SignupPolicy; signupWarning?: string } {
    const domains = c.stringList("allowedEmailDomains", isFqdn, "e-mail domains allowed to sign up, e.g. [\"example.com\"]", false);
    const openSignup = c.boolean("openSignup");
    const authGiven = c.raw.secretJson?.authProviders?.text;
    if (openSignup && domains.length > 0) {
        c.fail("openSignup", "true", "false while allowedEmailDomains limits sign-up (choose one)");
    }
    if (openSignup) {
        return { signup: { openSignup: true }, signupWarning: "openSignup is true: anyone who reaches Gitpod can sign up, and the first user becomes its admin" };
    }
    if (domains.length === 0 && (authGiven === undefined || authGiven === "")) {
        c.problems.push(
            `${PROJECT}:authProviders/allowedEmailDomains: got nothing; expected your OAuth app in authProviders and/or the e-mail domains allowed to sign up in allowedEmailDomains, so that no stranger can claim the new Gitpod (or openSignup: true to accept that)`,
        );
    }
    const signupWarning =
        domains.length === 0 && authProviders.length > 0
            ? `allowedEmailDomains is empty: anyone with an account on ${authProviders.map((p) => p.host).join(", ")} can sign up, and the first user becomes Gitpod's admin`
            : undefined;
    return { signup: { allowedEmailDomains: domains }, signupWarning };
}

export function checkGitpod(c: Checker): GitpodConfig {
    const slug = (key: string) => c.string(key, (v) => SLUG.test(v), "a lower-case name such as gitpod");
    const authProviders = checkAuthProviders(c);
    const gitpodConfigPatchValue = checkObject(c, "gitpodConfigPatch", "an installer config fragment (a map), e.g. {\"workspace\": {\"maxLifetime\": \"8h\"}}");
    const { signup, signupWarning } = checkSignup(c, authProviders);
    const workspaceImage = checkWorkspaceImage(c);
    const { conflicts } = gitpodConfigPatch({
        authProviderSecrets: authProviders.map((p) => authProviderSecretName(p.host)),
        signup,
        workspaceImage,
        userPatch: gitpodConfigPatchValue,
    });
    for (const conflict of conflicts) c.problems.push(`${PROJECT}:${conflict}`);
    return {
        gitpodLicense: c.raw.secrets.gitpodLicense,
        kotsAppSlug: slug("kotsAppSlug"),
        kotsChannel: slug("kotsChannel"),
        gitpodVersion: c.string("gitpodVersion", (v) => /^\d{4}\.\d{1,2}\.\d+$/.test(v), `a Gitpod release label such as ${PINS.gitpod.version}`),
        ...checkDownload(c),
        gitpodConfig: checkGitpodItems(c),
        gitpodConfigPatch: gitpodConfigPatchValue,
        workspaceImage,
        authProviders,
        signup,
        signupWarning,
    };
}
