/**
 * The doctor's checks: small functions that take what they touch (a command runner, fetch,
 * the environment, the clock) as parameters, so each is tested with fakes. `runDoctor` runs
 * them in order; tools/doctor.ts wires the real dependencies.
 *
 * Secrets (API keys) are read into memory for the API calls and never written to a result.
 * The Tencent Cloud checks (key, DNSPod zone, instance type and price) are in cloudChecks.ts.
 */
import { parse } from "yaml";
import { CLOUD_KEYS } from "../lib/config/cloud";
import { GITPOD_APP_VERSION, gitpodImages, imageCondition } from "../lib/gitpodImages";
import { parseImageRef } from "../lib/imageRef";
import { DEFAULT_REGISTRY_MIRRORS, manifestCandidates, RegistryMirrors, validateRegistryMirrors } from "../lib/registries";
import { checkImages, CheckImagesOptions, ImageCheck } from "../lib/registryClient";
import { Env, Exec } from "./cli";
import { ApiTarget, checkCloudCredentials, checkDnsZone, checkInstancePrice } from "./cloudChecks";
import { checkPulumiCli, checkPulumiLogin, checkStack, ConfigValue, pulumiConfigGet } from "./pulumiCli";
import { checkChartsDownloadable } from "./chartChecks";
import { CheckResult, collector, describeError, exitCodeOf, fail, firstLine, pass, warn } from "./report";
import { TcCredentials } from "./tencentCloud";
import { gitpodModeChecks, imagesForMode } from "./doctorGitpodMode";
import { checkKubeconfigExpiry } from "./doctorKubeconfig";

// ---------------------------------------------------------------------------------------------
// KOTS licence

export interface LicenceInfo {
    readonly endpoint: string;
    readonly appSlug: string;
    readonly licenseID: string;
    readonly channelName: string;
}

/** The public Community licence (gitpod-io/gitpod 2022.11.3 install/licenses/Community.yaml). */
export const COMMUNITY_LICENCE: LicenceInfo = {
    endpoint: "https://replicated.app",
    appSlug: "gitpod",
    licenseID: "273WZe6zHEcVHGOuIAviuyGXbgm",
    channelName: "Stable",
};

/**
 * Asks the licence endpoint for the latest licence as KOTS does (replicatedhq/kots v1.102.0
 * pkg/replicatedapp/api.go GetLatestLicense: `GET {endpoint}/license/{appSlug}` with basic auth
 * licenseID:licenseID; a status >= 400 is a failure; the body is a kots.io/v1beta1 License).
 */
export async function checkLicence(licence: LicenceInfo, deps: { fetch?: typeof fetch; now?: () => Date; timeoutMs?: number; userAgent?: string } = {}): Promise<CheckResult> {
    const name = "KOTS licence";
    const url = `${licence.endpoint.replace(/\/+$/, "")}/license/${encodeURIComponent(licence.appSlug)}`;
    const doFetch = deps.fetch ?? globalThis.fetch;
    let res: Response;
    try {
        res = await doFetch(url, {
            headers: {
                Authorization: `Basic ${Buffer.from(`${licence.licenseID}:${licence.licenseID}`).toString("base64")}`,
                "User-Agent": deps.userAgent ?? "KOTS/v1.102.0",
            },
            signal: AbortSignal.timeout(deps.timeoutMs ?? 15_000),
        });
    } catch (e) {
        return fail(name, `${url} unreachable: ${describeError(e)}`, `check outbound HTTPS to ${new URL(url).host}; kots needs it during install`);
    }
    const body = await res.text();
    if (res.status === 401 || res.status === 403) {
        return fail(
            name,
            `${url} rejected licence ${licence.licenseID} (HTTP ${res.status}): it is revoked, expired or unknown`,
            "the install cannot download the app with this licence: obtain a licence the endpoint accepts and use its file instead of the Community one",
        );
    }
    if (res.status >= 400) {
        return fail(name, `${url} answered HTTP ${res.status}: ${firstLine(body).slice(0, 200)}`, "retry later; if it persists the licence service may be gone");
    }
    let doc: { kind?: string; spec?: { licenseID?: string; channelName?: string; licenseType?: string; entitlements?: Record<string, { value?: unknown }> } };
    try {
        doc = parse(body) as typeof doc;
    } catch {
        return fail(name, `${url} answered HTTP ${res.status} with something other than a licence`, "retry later; check for a proxy rewriting the answer");
    }
    if (doc?.kind !== "License" || doc.spec?.licenseID !== licence.licenseID) {
        return fail(name, `${url} answered HTTP ${res.status} but not with licence ${licence.licenseID}`, "check for a proxy or captive portal rewriting HTTPS answers");
    }
    const expires = doc.spec.entitlements?.expires_at?.value;
    const now = (deps.now ?? (() => new Date()))();
    if (typeof expires === "string" && expires !== "" && !Number.isNaN(Date.parse(expires)) && Date.parse(expires) < now.getTime()) {
        return fail(name, `licence ${licence.licenseID} expired on ${expires}`, "obtain a current licence");
    }
    const channel = doc.spec.channelName;
    if (channel && channel !== licence.channelName) {
        return warn(name, `licence accepted, but its channel is now ${channel} (expected ${licence.channelName})`, `install from channel ${channel}: kots install gitpod/${channel.toLowerCase()}`);
    }
    return pass(name, `accepted by ${licence.endpoint} (${doc.spec.licenseType ?? "licence"}, channel ${channel ?? licence.channelName})`);
}

// ---------------------------------------------------------------------------------------------
// Images

/**
 * Manifest URLs for an image in the order containerd on the VM tries them: the stack's
 * `registryMirrors` merged over the defaults as lib/config/cluster.ts does, resolved by lib/registries.ts
 * (k3s registries.yaml semantics: mirror endpoints in order, rewrites applied, then the registry
 * itself). Check `userMirrors` with `checkRegistryMirrors` first: an invalid entry throws here.
 */
export function mirrorCandidates(userMirrors: RegistryMirrors): (image: string) => string[] {
    const mirrors: RegistryMirrors = { ...DEFAULT_REGISTRY_MIRRORS, ...userMirrors };
    return (image: string) => manifestCandidates(image, mirrors);
}

const MIRRORS_FIX = "fix it with `pulumi config set --path registryMirrors…` (`pulumi up` checks it the same way)";

/**
 * The stack's `registryMirrors` as `pulumi up` reads them: unset is none (the defaults apply),
 * not JSON is a WARN, invalid is a FAIL listing each problem. Unless valid, the images are
 * checked with the default mirrors only.
 */
export function checkRegistryMirrors(value: ConfigValue): { result?: CheckResult; mirrors: RegistryMirrors } {
    const name = "registry mirrors";
    if (value.kind !== "set") return { mirrors: {} };
    let parsed: unknown;
    try {
        parsed = JSON.parse(value.value);
    } catch {
        return { result: warn(name, "registryMirrors is not JSON; images are checked with the default mirrors only", MIRRORS_FIX), mirrors: {} };
    }
    const problems = validateRegistryMirrors(parsed);
    if (problems.length > 0) {
        return { result: fail(name, "registryMirrors is invalid; images are checked with the default mirrors only", MIRRORS_FIX, problems), mirrors: {} };
    }
    return { mirrors: parsed as RegistryMirrors };
}

export interface ImagesInput {
    readonly appVersion?: string;
    /** The images to check; default every image of the release (kots mode). */
    readonly images?: readonly string[];
    readonly kotsVersion?: string;
    readonly check?: (refs: readonly string[], opts: CheckImagesOptions) => Promise<ImageCheck[]>;
    readonly options?: CheckImagesOptions;
}

const IMAGES_FIX =
    "these images can no longer be pulled from where Gitpod's manifests point: copy them (or equivalent builds) into a registry you control " +
    "(e.g. Tencent TCR) and map it, e.g. `pulumi config set --path 'registryMirrors[\"eu.gcr.io\"].endpoints[0]' https://<your-registry>`, " +
    "then run the doctor again. Gitpod's own images were on " +
    "Google Container Registry (shut down 2025-03-18); bitnami debian-10/11 tags left Docker Hub in Sept 2025 (bitnami/containers#83267)";
const NETWORK_FIX =
    "the registries could not be asked: check outbound HTTPS from this machine (proxy, firewall; from mainland China gcr.io and Docker Hub " +
    "are unreliable, see registryMirrors) and run the doctor again";

function clip(s: string, n: number): string {
    return s.length > n ? `${s.slice(0, n - 3)}...` : s;
}

function imageLine(c: ImageCheck): string {
    return `${c.status.padEnd(13)} ${c.image}  (${clip(c.detail, 300)})`;
}

/** One line per missing/auth-required image; errors (usually one network cause) per registry. */
function imageLines(bad: readonly ImageCheck[]): string[] {
    const lines = bad.filter((c) => c.status !== "error").map(imageLine);
    const errors = new Map<string, ImageCheck[]>();
    for (const c of bad.filter((c) => c.status === "error")) {
        let registry: string;
        try {
            registry = parseImageRef(c.image).registry;
        } catch {
            registry = c.image;
        }
        errors.set(registry, [...(errors.get(registry) ?? []), c]);
    }
    for (const [registry, cs] of errors) {
        lines.push(
            cs.length === 1
                ? imageLine(cs[0])
                : `${"error".padEnd(13)} ${registry}: ${cs.length} images not checked, e.g. ${cs[0].image}  (${clip(cs[0].detail, 200)})`,
        );
    }
    return lines;
}

export async function checkImagesResolvable(input: ImagesInput = {}): Promise<CheckResult> {
    const name = "images";
    let images: readonly string[];
    try {
        images = input.images ?? gitpodImages(input.appVersion ?? GITPOD_APP_VERSION, input.kotsVersion);
    } catch (e) {
        return fail(name, (e as Error).message, "use the pinned versions (lib/versions.ts), or record the image list of the version you chose in lib/gitpodImages.ts");
    }
    const results = await (input.check ?? checkImages)(images, input.options ?? {});
    const bad = results.filter((r) => r.status !== "present");
    const needed = bad.filter((r) => imageCondition(r.image) === undefined);
    const optional = bad.filter((r) => imageCondition(r.image) !== undefined);
    const optionalLines = optional.map((r) => `${imageLine(r)} — needed ${imageCondition(r.image)}`);
    if (needed.length > 0) {
        const counts = (["missing", "auth-required", "error"] as const)
            .map((s) => [s, needed.filter((r) => r.status === s).length] as const)
            .filter(([, n]) => n > 0)
            .map(([s, n]) => `${n} ${s}`)
            .join(", ");
        const onlyErrors = needed.every((r) => r.status === "error");
        const someErrors = needed.some((r) => r.status === "error");
        const fix = onlyErrors ? NETWORK_FIX : someErrors ? `${IMAGES_FIX}. Errors: ${NETWORK_FIX}` : IMAGES_FIX;
        return fail(name, `${needed.length} of ${images.length} images not available (${counts})`, fix, [...imageLines(needed), ...optionalLines]);
    }
    if (optional.length > 0) {
        return warn(name, `${images.length - optional.length} of ${images.length} images resolvable; ${optional.length} unavailable but unused by this setup`, undefined, optionalLines);
    }
    return pass(name, `all ${images.length} images of Gitpod ${input.appVersion ?? GITPOD_APP_VERSION} resolvable`);
}

// ---------------------------------------------------------------------------------------------
// Running

export interface DoctorDeps extends ApiTarget {
    readonly exec: Exec;
    readonly env: Env;
    readonly fetch?: typeof fetch;
    readonly now?: () => Date;
    readonly stack?: string;
    readonly licence?: LicenceInfo;
    readonly imageOptions?: CheckImagesOptions;
    readonly checkImagesFn?: ImagesInput["check"];
    /** Called with each result as soon as it is known (printing progress). */
    readonly onResult?: (r: CheckResult) => void;
}

/** The stack config keys the doctor reads (`pulumi config get`, secrets decrypted). */
const CONFIG_KEYS = [
    "domain", "dnsZone", "region", "zone", "instanceType", "kotsVersion", "registryMirrors", "gitpodInstaller",
    "tencentcloud:secretId", "tencentcloud:secretKey", "tencentcloud:securityToken", "dnspodSecretId", "dnspodSecretKey",
] as const;
export type DoctorConfigKey = (typeof CONFIG_KEYS)[number];

/** What the independent (network) checks get: the stack config read once, the key found, the deps. */
export interface DoctorContext {
    readonly deps: DoctorDeps;
    readonly config: Readonly<Record<DoctorConfigKey, ConfigValue>>;
    /** The provider's key, if found. */
    readonly credentials?: TcCredentials;
    readonly mirrors: RegistryMirrors;
}

const valueOr = (v: ConfigValue, fallback: string): string => (v.kind === "set" && v.value.trim() !== "" ? v.value.trim() : fallback);

/** The region and zone `pulumi up` uses: the `region` key (as lib/config.ts), zone `<region>-1` by default. */
function placement(ctx: DoctorContext): { region: string; zone: string } {
    const region = valueOr(ctx.config.region, CLOUD_KEYS.defaults.region);
    return { region, zone: valueOr(ctx.config.zone, `${region}-1`) };
}

function dnspodKeyCheck(ctx: DoctorContext): Promise<CheckResult> {
    const { dnspodSecretId: id, dnspodSecretKey: key } = ctx.config;
    if (id.kind !== "set" || key.kind !== "set") {
        return Promise.resolve(
            warn("DNS-01 key", "dnspodSecretId/dnspodSecretKey not readable from the stack config: not checked", "`pulumi config set --secret dnspodSecretId …` and `… dnspodSecretKey …` (a key allowed to edit DNSPod records)"),
        );
    }
    const { domain, dnsZone } = ctx.config;
    return checkDnsZone({ ...ctx.deps, name: "DNS-01 key", domain, dnsZone, credentials: { secretId: id.value, secretKey: key.value }, keyLabel: "dnspodSecretId/dnspodSecretKey" });
}

const kotsVersionOf = (ctx: DoctorContext): string | undefined =>
    ctx.config.kotsVersion.kind === "set" && ctx.config.kotsVersion.value !== "" ? ctx.config.kotsVersion.value : undefined;

/** One or more result lines, computed from the context alone. */
export type DoctorCheck = (ctx: DoctorContext) => Promise<CheckResult> | readonly Promise<CheckResult>[];

/**
 * The checks that need only the context, run together and reported in this order. A new check
 * is one line here (its code in its own file).
 */
export const INDEPENDENT_CHECKS: readonly DoctorCheck[] = [
    (ctx) => checkDnsZone({ ...ctx.deps, domain: ctx.config.domain, dnsZone: ctx.config.dnsZone, credentials: ctx.credentials, keyLabel: "the Tencent Cloud key" }),
    dnspodKeyCheck,
    (ctx) => checkInstancePrice({ ...ctx.deps, ...placement(ctx), instanceType: valueOr(ctx.config.instanceType, CLOUD_KEYS.defaults.instanceType), credentials: ctx.credentials }),
    // The licence (as the install mode sees it), the mode's verdict, the installer image.
    (ctx) =>
        gitpodModeChecks({
            mode: ctx.config.gitpodInstaller,
            licence: checkLicence(ctx.deps.licence ?? COMMUNITY_LICENCE, { fetch: ctx.deps.fetch, now: ctx.deps.now }),
            images: { check: ctx.deps.checkImagesFn, options: { fetch: ctx.deps.fetch, timeoutMs: 8_000, ...ctx.deps.imageOptions, candidatesFor: mirrorCandidates(ctx.mirrors) } },
        }),
    (ctx) =>
        checkImagesResolvable({
            images: imagesForMode(ctx.config.gitpodInstaller, kotsVersionOf(ctx)),
            kotsVersion: kotsVersionOf(ctx),
            check: ctx.deps.checkImagesFn,
            options: { fetch: ctx.deps.fetch, concurrency: 16, deadlineMs: 45_000, timeoutMs: 8_000, ...ctx.deps.imageOptions, candidatesFor: mirrorCandidates(ctx.mirrors) },
        }),
    (ctx) => checkChartsDownloadable({ fetch: ctx.deps.fetch }),
];

export async function runDoctor(deps: DoctorDeps): Promise<{ results: CheckResult[]; exitCode: number }> {
    const { results, add } = collector(deps.onResult);
    const cli = await checkPulumiCli(deps.exec);
    add(cli);
    const haveCli = cli.level === "PASS";
    let stack: string | undefined;
    if (haveCli) {
        add(await checkPulumiLogin(deps.exec));
        const s = await checkStack(deps.exec, deps.stack);
        add(s);
        stack = s.stack;
        if (stack) add(await checkKubeconfigExpiry(deps.exec, stack, deps.now?.() ?? new Date()));
    }
    const noConfig: ConfigValue = { kind: "error", message: haveCli ? "no stack" : "no Pulumi CLI" };
    const values = await Promise.all(CONFIG_KEYS.map((key) => (stack ? pulumiConfigGet(deps.exec, key, stack) : Promise.resolve(noConfig))));
    const config = Object.fromEntries(CONFIG_KEYS.map((key, i) => [key, values[i]])) as Record<DoctorConfigKey, ConfigValue>;
    // Without a stack there is no stack config: the key can still come from the environment.
    const orUnset = (v: ConfigValue): ConfigValue => (stack ? v : { kind: "unset" });
    const creds = checkCloudCredentials(deps.env, {
        secretId: orUnset(config["tencentcloud:secretId"]),
        secretKey: orUnset(config["tencentcloud:secretKey"]),
        securityToken: orUnset(config["tencentcloud:securityToken"]),
    });
    add({ name: creds.name, level: creds.level, message: creds.message, fix: creds.fix });
    const mirrors = checkRegistryMirrors(config.registryMirrors);
    if (mirrors.result) add(mirrors.result);
    const ctx: DoctorContext = { deps, config, credentials: creds.credentials, mirrors: mirrors.mirrors };
    // The network checks are independent: run them together, report in a fixed order.
    const pending = INDEPENDENT_CHECKS.flatMap((check) => check(ctx));
    for (const p of pending) add(await p);
    return { results, exitCode: exitCodeOf(results) };
}
