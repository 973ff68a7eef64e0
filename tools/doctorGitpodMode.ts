/**
 * The doctor's Gitpod-install-mode lines: which `gitpodInstaller` mode can work, and the installer
 * image both modes run (kots in its installer Job, installer mode directly on the VM).
 *
 * - kots needs replicated.app to accept the licence: if the licence check fails, kots cannot
 *   install anything, and the line says so and names `gitpodInstaller: installer`;
 * - installer mode does not talk to replicated.app: the licence line is informational there;
 * - installer mode pulls neither the KOTS admin console nor the KOTS preflight images
 *   (`installerModeImages`), so the image check asks only for the ones it pulls.
 */
import type { GitpodInstaller } from "../lib/config";
import { GITPOD_APP_VERSION, GITPOD_RELEASES, gitpodImages, installerModeImages } from "../lib/gitpodImages";
import { normalizeImageRef } from "../lib/imageRef";
import { checkImages, CheckImagesOptions, ImageCheck } from "../lib/registryClient";
import type { ConfigValue } from "./pulumiCli";
import type { CheckResult } from "./report";

const MODES: readonly GitpodInstaller[] = ["kots", "installer"];

const SWITCH_FIX =
    "`pulumi config set gitpodInstaller installer` installs the same release with Gitpod's own installer and Helm, " +
    "without replicated.app (README 'Installing without Replicated'); on an existing kots install, uninstall it first";

/** The mode `pulumi up` will use: the stack's value, or the default kots when unset/unreadable. */
export function gitpodModeOf(value: ConfigValue): GitpodInstaller | { invalid: string } {
    if (value.kind !== "set") return "kots";
    return (MODES as readonly string[]).includes(value.value) ? (value.value as GitpodInstaller) : { invalid: value.value };
}

/** The images the stack's mode pulls (kots, also for an invalid value: with the admin console and its preflights). */
export function imagesForMode(mode: ConfigValue, kotsVersion?: string, appVersion: string = GITPOD_APP_VERSION): readonly string[] {
    return gitpodModeOf(mode) === "installer" ? installerModeImages(appVersion) : gitpodImages(appVersion, kotsVersion);
}

/** The KOTS licence line as seen from `mode`: in installer mode a failure does not matter. */
export function licenceForMode(mode: GitpodInstaller, licence: CheckResult): CheckResult {
    if (mode !== "installer" || licence.level === "PASS") return licence;
    return { name: licence.name, level: "PASS", message: `not needed with gitpodInstaller: installer (replicated.app: ${licence.message})` };
}

/** Which mode can work, given the licence result. */
export function modeVerdict(mode: GitpodInstaller | { invalid: string }, licence: CheckResult): CheckResult {
    const name = "install mode";
    if (typeof mode !== "string") {
        return { name, level: "FAIL", message: `gitpodInstaller is ${JSON.stringify(mode.invalid)}`, fix: "`pulumi config set gitpodInstaller kots` (default) or `… installer`" };
    }
    if (mode === "installer") {
        const kots = licence.level === "FAIL" ? "; kots could not work here (licence check failed)" : "";
        return { name, level: "PASS", message: `installer: Gitpod's own installer + Helm, no replicated.app needed${kots}` };
    }
    if (licence.level === "FAIL") {
        return { name, level: "FAIL", message: `kots cannot install Gitpod: the licence check failed (${licence.message})`, fix: SWITCH_FIX };
    }
    return { name, level: "PASS", message: "kots: replicated.app accepted the licence" };
}

/** The release's installer image, asked through the stack's mirrors. */
export async function checkInstallerImage(input: {
    appVersion?: string;
    check?: (refs: readonly string[], opts: CheckImagesOptions) => Promise<ImageCheck[]>;
    options?: CheckImagesOptions;
}): Promise<CheckResult> {
    const name = "installer image";
    const image = normalizeImageRef(GITPOD_RELEASES[input.appVersion ?? GITPOD_APP_VERSION].installerImages[0]);
    const [result] = await (input.check ?? checkImages)([image], input.options ?? {});
    if (result.status === "present") return { name, level: "PASS", message: `${image} resolvable` };
    return {
        name,
        level: "FAIL",
        message: `${image}: ${result.status} (${result.detail})`,
        fix:
            "both modes run this image (kots in its installer Job, installer mode on the VM): copy it to a registry you control " +
            "(e.g. Tencent TCR) and map it with `pulumi config set --path 'registryMirrors[\"eu.gcr.io\"].endpoints[0]' https://<your-registry>`",
    };
}

/**
 * The lines for runDoctor, in order: the licence (mode-aware), the mode verdict, the installer
 * image. `licence` is the running licence check.
 */
export function gitpodModeChecks(input: {
    mode: ConfigValue;
    licence: Promise<CheckResult>;
    images: Parameters<typeof checkInstallerImage>[0];
}): Promise<CheckResult>[] {
    const mode = gitpodModeOf(input.mode);
    const asMode = typeof mode === "string" ? mode : "kots";
    return [input.licence.then((l) => licenceForMode(asMode, l)), input.licence.then((l) => modeVerdict(mode, l)), checkInstallerImage(input.images)];
}
