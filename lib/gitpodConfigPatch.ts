/**
 * The one installer-config fragment every feature that changes Gitpod's config contributes to:
 * auth providers, sign-up limits, the workspace image, then the user's own `gitpodConfigPatch`.
 * Both install modes use it: KOTS gets it base64-encoded as the `config_patch` item (with
 * `advanced_mode_enabled: "1"`), installer mode merges the same object into its config.
 *
 * How Gitpod applies it (gitpod-io/gitpod 2022.11.3 install/installer/pkg/config/v1/envvars.go):
 * `yaml.Unmarshal(CONFIG_PATCH, &cfg)` over the config built from the KOTS items, i.e. objects
 * merge field by field and lists are replaced; unknown keys are dropped silently. So the patch
 * holds only the fields we own, and the user's patch is merged in here, first, where a clash
 * with ours can be reported, instead of silently overwriting our part on the cluster.
 * Fields (install/installer/pkg/config/v1/config.go, test/fixtures/gitpod/installer-config-v1-2022.11.3.go.txt):
 * `authProviders: []ObjectRef{kind, name}`, `blockNewUsers: {enabled, passlist}`,
 * `workspace.workspaceImage`.
 */

/** Gitpod's default workspace image (install/installer/pkg/components/workspace/constants.go). */
export const DEFAULT_WORKSPACE_IMAGE = "gitpod/workspace-full:latest";

/** Who may sign up: only people with an e-mail in these domains, or anyone (an explicit opt-in). */
export type SignupPolicy = { readonly allowedEmailDomains: readonly string[] } | { readonly openSignup: true };

export interface ConfigPatchSettings {
    /** Names of the auth-provider Secrets in Gitpod's namespace (AuthProviderSecrets' `secretNames`). */
    readonly authProviderSecrets: readonly string[];
    readonly signup: SignupPolicy;
    /** The workspace image; set in the patch only when it differs from Gitpod's default. */
    readonly workspaceImage?: string;
    /** The user's own fragment (config `gitpodConfigPatch`), merged last. */
    readonly userPatch?: Readonly<Record<string, unknown>>;
}

/** The fragment and the clashes between the user's patch and what the program sets. */
export interface ConfigPatchResult {
    readonly patch: Record<string, unknown>;
    /** One line per clash, naming the path and both sides; empty when the patch is usable. */
    readonly conflicts: readonly string[];
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

/** The part the program owns, each field tagged with the config key it comes from. */
function programPart(s: ConfigPatchSettings): { patch: Json; sources: Record<string, string> } {
    const patch: Json = {};
    const sources: Record<string, string> = {};
    if (s.authProviderSecrets.length > 0) {
        patch.authProviders = s.authProviderSecrets.map((name) => ({ kind: "secret", name }));
        sources.authProviders = "authProviders";
    }
    if ("allowedEmailDomains" in s.signup && s.signup.allowedEmailDomains.length > 0) {
        patch.blockNewUsers = { enabled: true, passlist: [...s.signup.allowedEmailDomains] };
        sources.blockNewUsers = "allowedEmailDomains";
    }
    if (s.workspaceImage !== undefined && s.workspaceImage !== DEFAULT_WORKSPACE_IMAGE) {
        patch.workspace = { workspaceImage: s.workspaceImage };
        sources.workspace = "workspaceImage";
    }
    return { patch, sources };
}

/**
 * Merges `user` into `ours` (a copy): objects field by field, anything else (lists, scalars) is
 * a leaf. A leaf the program set and the user sets to something else is a clash, reported with
 * both values; equal values are fine.
 */
function mergeUser(ours: Json, user: Json, path: string, source: (path: string) => string, conflicts: string[]): Json {
    const out: Json = { ...ours };
    for (const [key, value] of Object.entries(user)) {
        const at = path === "" ? key : `${path}.${key}`;
        const mine = ours[key];
        if (mine === undefined) {
            out[key] = value;
        } else if (isObject(mine) && isObject(value)) {
            out[key] = mergeUser(mine, value, at, source, conflicts);
        } else if (JSON.stringify(mine) !== JSON.stringify(value)) {
            conflicts.push(
                `gitpodConfigPatch.${at} (${JSON.stringify(value)}) conflicts with ${at} = ${JSON.stringify(mine)} set from config \`${source(at)}\`: remove it from gitpodConfigPatch or change \`${source(at)}\``,
            );
        }
    }
    return out;
}

/**
 * The installer-config fragment for `settings`: `authProviders` refs, `blockNewUsers`,
 * `workspace.workspaceImage`, the user's patch merged last. Pure; the caller refuses to go on
 * when `conflicts` is not empty.
 */
export function gitpodConfigPatch(settings: ConfigPatchSettings): ConfigPatchResult {
    const { patch, sources } = programPart(settings);
    const conflicts: string[] = [];
    const merged = mergeUser(patch, { ...(settings.userPatch ?? {}) }, "", (at) => sources[at.split(".")[0]], conflicts);
    return { patch: merged, conflicts };
}
