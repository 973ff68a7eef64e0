/**
 * Config of the Gitpod stage's installer choice: `gitpodInstaller` is `kots` (Replicated's kots
 * installs the KOTS app, as the manual process did) or `installer` (Gitpod's own installer
 * renders the release and Helm deploys it: no replicated.app, no kotsadm). Every other Gitpod
 * key means the same in both modes; the keys only kots reads are an error in installer mode,
 * naming them, so a setting is never silently ignored.
 */
import { GITPOD_RELEASES } from "../gitpodImages";
import { ownedKeyProblems } from "../installerConfig";
import { Checker, PROJECT, StageKeys } from "./checker";

export const GITPOD_INSTALLERS = ["kots", "installer"] as const;
export type GitpodInstaller = (typeof GITPOD_INSTALLERS)[number];

export interface InstallerConfig {
    readonly gitpodInstaller: GitpodInstaller;
}

export const INSTALLER_KEYS: StageKeys = {
    plain: ["gitpodInstaller"],
    secrets: [],
    defaults: { gitpodInstaller: "kots" },
};

/**
 * Keys only the kots mode reads (lib/config/gitpod.ts): KOTS ConfigValues items, the licence, the
 * app's slug and channel, the kots download. Installer mode has no place for them.
 */
export const KOTS_ONLY_KEYS: readonly string[] = ["gitpodConfig", "gitpodLicense", "kotsAppSlug", "kotsChannel", "kotsDownloadUrl", "kotsSha256"];

const INSTEAD = "installer mode has no KOTS items: set the installer config field through gitpodConfigPatch instead, or use gitpodInstaller: kots";

/** One line per KOTS-only setting the user made while `gitpodInstaller` is `installer`. */
function kotsOnlyProblems(c: Checker): string[] {
    const problems: string[] = [];
    for (const key of KOTS_ONLY_KEYS) {
        const given = c.given(key);
        const secretSet = c.raw.secrets[key] !== undefined;
        if (given === undefined && !secretSet) continue;
        let items: string[] = [];
        try {
            const parsed: unknown = given === undefined ? undefined : JSON.parse(given);
            if (typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)) items = Object.keys(parsed);
        } catch {
            // Not JSON: reported for the key as a whole below.
        }
        if (items.length > 0) {
            problems.push(...items.map((item) => `${PROJECT}:${key}.${item}: a KOTS item; ${INSTEAD}`));
        } else if (given !== undefined && given !== "{}") {
            problems.push(`${PROJECT}:${key}: only gitpodInstaller: kots uses it; remove it (pulumi config rm ${key}) or use gitpodInstaller: kots`);
        } else if (secretSet) {
            problems.push(`${PROJECT}:${key}: only gitpodInstaller: kots uses it (installer mode needs no licence: Gitpod's built-in one applies); remove it (pulumi config rm ${key})`);
        }
    }
    return problems;
}

/**
 * Installer mode renders the installer config itself: the release must have a recorded installer
 * image, and the user's gitpodConfigPatch may not set what the program owns (domain, certificate,
 * in-cluster services, k3s's containerd: lib/installerConfig.ts PROGRAM_OWNED_KEYS).
 */
function installerModeProblems(c: Checker): string[] {
    const problems = kotsOnlyProblems(c);
    const version = c.value("gitpodVersion");
    if (version !== undefined && !Object.prototype.hasOwnProperty.call(GITPOD_RELEASES, version)) {
        problems.push(`${PROJECT}:gitpodVersion: got ${JSON.stringify(version)}; expected a release whose installer image is recorded (${Object.keys(GITPOD_RELEASES).join(", ")}) in installer mode`);
    }
    let patch: unknown;
    try {
        patch = JSON.parse(c.value("gitpodConfigPatch") ?? "{}");
    } catch {
        patch = {}; // reported by the Gitpod stage's checker
    }
    if (typeof patch === "object" && patch !== null && !Array.isArray(patch)) {
        problems.push(...ownedKeyProblems(patch as Record<string, unknown>).map((p) => `${PROJECT}:gitpodConfigPatch.${p}`));
    }
    if (c.raw.storedEncrypted?.includes("gitpodConfigPatch")) {
        // Installer mode sends the rendered config as a script parameter (command text, state).
        problems.push(
            `${PROJECT}:gitpodConfigPatch: stored as a secret, but installer mode puts the installer config in the deploy command (plain state); keep secrets in Kubernetes Secrets the config names, set the patch without --secret, or use gitpodInstaller: kots (which sends it on stdin)`,
        );
    }
    return problems;
}

export function checkInstaller(c: Checker): InstallerConfig {
    const gitpodInstaller = c.oneOf("gitpodInstaller", GITPOD_INSTALLERS);
    if (gitpodInstaller === "installer") c.problems.push(...installerModeProblems(c));
    return { gitpodInstaller };
}
