/**
 * The doctor's checks: small functions that take what they touch (a command runner, fetch,
 * the environment, the clock) as parameters, so each is tested with fakes. `runDoctor` runs
 * them in order; tools/doctor.ts wires the real dependencies.
 *
 * Secrets (API keys) are read into memory for the DNSPod call and never written to a result.
 */
import { parse } from "yaml";
import { GITPOD_APP_VERSION, gitpodImages, imageCondition } from "../lib/gitpodImages";
import { parseImageRef } from "../lib/imageRef";
import { DEFAULT_REGISTRY_MIRRORS, manifestCandidates, RegistryMirrors, validateRegistryMirrors } from "../lib/registries";
import { checkImages, CheckImagesOptions, ImageCheck } from "../lib/registryClient";
import { describeDnspodDomain, TcCredentials } from "./tencentCloudApi";
import { checkChartsDownloadable } from "./chartChecks";
import { gitpodModeChecks, imagesForMode } from "./doctorGitpodMode";
import { checkKubeconfigExpiry } from "./doctorKubeconfig";

export type Level = "PASS" | "FAIL" | "WARN";

export interface CheckResult {
    readonly name: string;
    readonly level: Level;
    readonly message: string;
    /** Extra lines (e.g. one per missing image). */
    readonly details?: readonly string[];
    /** What to do, on FAIL or WARN. */
    readonly fix?: string;
}

export interface ExecResult {
    readonly code: number | null;
    readonly stdout: string;
    readonly stderr: string;
    /** The program is not installed (ENOENT). */
    readonly notFound?: boolean;
}

export type Exec = (cmd: string, args: readonly string[]) => Promise<ExecResult>;
export type Env = Readonly<Record<string, string | undefined>>;

const pass = (name: string, message: string, details?: string[]): CheckResult => ({ name, level: "PASS", message, details });
const fail = (name: string, message: string, fix: string, details?: string[]): CheckResult => ({ name, level: "FAIL", message, fix, details });
const warn = (name: string, message: string, fix?: string, details?: string[]): CheckResult => ({ name, level: "WARN", message, fix, details });

function firstLine(s: string): string {
    return s.trim().split("\n").find((l) => l.trim() !== "")?.trim() ?? "";
}

function describeError(e: unknown): string {
    const err = e as { name?: string; message?: string; cause?: { code?: string; message?: string } };
    if (err?.name === "TimeoutError") return "timed out";
    return err?.cause?.code ?? err?.cause?.message ?? err?.message ?? String(e);
}

// ---------------------------------------------------------------------------------------------
// Pulumi

export const PULUMI_INSTALL_FIX = "install the Pulumi CLI: curl -fsSL https://get.pulumi.com | sh (https://www.pulumi.com/docs/install/), then open a new shell";

export async function checkPulumiCli(exec: Exec): Promise<CheckResult> {
    const name = "pulumi CLI";
    const r = await exec("pulumi", ["version"]);
    if (r.notFound) return fail(name, "`pulumi` is not on PATH", PULUMI_INSTALL_FIX);
    if (r.code !== 0) return fail(name, `\`pulumi version\` failed: ${firstLine(r.stderr) || `exit ${r.code}`}`, PULUMI_INSTALL_FIX);
    return pass(name, firstLine(r.stdout));
}

export async function checkPulumiLogin(exec: Exec): Promise<CheckResult> {
    const name = "pulumi login";
    const r = await exec("pulumi", ["whoami"]);
    if (r.notFound) return warn(name, "not checked: no Pulumi CLI");
    if (r.code !== 0) {
        return fail(name, `not logged in: ${firstLine(r.stderr) || `exit ${r.code}`}`, "run `pulumi login` (Pulumi Cloud) or `pulumi login --local` (state in ~/.pulumi)");
    }
    return pass(name, `logged in as ${firstLine(r.stdout)}`);
}

/** `--stack <name>` when the user chose one, else nothing (the selected stack). */
function stackArgs(stack: string | undefined): string[] {
    return stack ? ["--stack", stack] : [];
}

export async function checkStack(exec: Exec, stack?: string): Promise<CheckResult & { stack?: string }> {
    const name = "pulumi stack";
    const r = await exec("pulumi", ["stack", "--show-name", ...stackArgs(stack)]);
    if (r.notFound) return warn(name, "not checked: no Pulumi CLI");
    if (r.code !== 0 || firstLine(r.stdout) === "") {
        return fail(
            name,
            stack ? `stack ${stack} not found: ${firstLine(r.stderr)}` : `no stack selected: ${firstLine(r.stderr) || "none"}`,
            "run `pulumi stack select <name>` (or `pulumi stack init <name>`) in the project directory, or pass --stack <name>",
        );
    }
    const selected = firstLine(r.stdout);
    return { ...pass(name, selected), stack: selected };
}

export type ConfigValue = { readonly kind: "set"; readonly value: string } | { readonly kind: "unset" } | { readonly kind: "error"; readonly message: string };

/** `pulumi config get <key>`: set, unset ("not found"), or unreadable (e.g. no passphrase). */
export async function pulumiConfigGet(exec: Exec, key: string, stack?: string): Promise<ConfigValue> {
    const r = await exec("pulumi", ["config", "get", key, ...stackArgs(stack)]);
    if (r.code === 0) return { kind: "set", value: r.stdout.replace(/\r?\n$/, "") };
    if (/not found/i.test(r.stderr)) return { kind: "unset" };
    return { kind: "error", message: r.notFound ? "no Pulumi CLI" : firstLine(r.stderr) || `exit ${r.code}` };
}

// ---------------------------------------------------------------------------------------------
// Tencent Cloud credentials

export interface CredentialSource {
    readonly credentials?: TcCredentials;
    /** Where they came from, never their value. */
    readonly source?: string;
}

/**
 * The provider's API key: `tencentcloud:secretId`/`secretKey` from the stack config when set
 * (the provider prefers its config), else TENCENTCLOUD_SECRET_ID/TENCENTCLOUD_SECRET_KEY.
 */
export function checkCloudCredentials(
    env: Env,
    config: { secretId: ConfigValue; secretKey: ConfigValue; securityToken?: ConfigValue },
): CheckResult & CredentialSource {
    const name = "Tencent Cloud key";
    const fix =
        "export TENCENTCLOUD_SECRET_ID=… TENCENTCLOUD_SECRET_KEY=…, or `pulumi config set tencentcloud:secretId …` and `pulumi config set --secret tencentcloud:secretKey …` (a CAM key with CVM, VPC and DNSPod access)";
    const unreadable = [config.secretId, config.secretKey].find((v): v is { kind: "error"; message: string } => v.kind === "error");
    if (unreadable) {
        return warn(name, `the stack's tencentcloud:secret* config could not be read: ${unreadable.message}`, "set PULUMI_CONFIG_PASSPHRASE (or PULUMI_CONFIG_PASSPHRASE_FILE) for this stack and run the doctor again");
    }
    const id = config.secretId.kind === "set" ? config.secretId.value : undefined;
    const key = config.secretKey.kind === "set" ? config.secretKey.value : undefined;
    const token = config.securityToken?.kind === "set" ? config.securityToken.value : undefined;
    if (id && key) {
        return { ...pass(name, "set in the stack config (tencentcloud:secretId, tencentcloud:secretKey)"), credentials: { secretId: id, secretKey: key, token }, source: "stack config" };
    }
    if (id || key) return fail(name, `only tencentcloud:${id ? "secretId" : "secretKey"} is set in the stack config`, fix);
    const envId = env.TENCENTCLOUD_SECRET_ID?.trim();
    const envKey = env.TENCENTCLOUD_SECRET_KEY?.trim();
    if (envId && envKey) {
        return {
            ...pass(name, "set in the environment (TENCENTCLOUD_SECRET_ID, TENCENTCLOUD_SECRET_KEY)"),
            credentials: { secretId: envId, secretKey: envKey, token: env.TENCENTCLOUD_SECURITY_TOKEN?.trim() || undefined },
            source: "environment",
        };
    }
    if (envId || envKey) return fail(name, `only ${envId ? "TENCENTCLOUD_SECRET_ID" : "TENCENTCLOUD_SECRET_KEY"} is set`, fix);
    return fail(name, "no Tencent Cloud API key in the stack config or the environment", fix);
}

// ---------------------------------------------------------------------------------------------
// DNSPod

/** The zone a domain belongs to when none is configured: its last two labels (as lib/config/cloud.ts). */
export function defaultZoneOf(domain: string): string {
    return domain.split(".").slice(-2).join(".");
}

export interface DnsZoneInput {
    readonly name?: string;
    readonly domain: ConfigValue;
    readonly dnsZone: ConfigValue;
    readonly credentials?: TcCredentials;
    /** Which key is used, for the message ("the provider key"). */
    readonly keyLabel: string;
    readonly fetch?: typeof fetch;
    readonly endpoint?: string;
    readonly now?: () => Date;
    readonly timeoutMs?: number;
}

export async function checkDnsZone(input: DnsZoneInput): Promise<CheckResult> {
    const name = input.name ?? "DNSPod zone";
    if (input.domain.kind === "error") return warn(name, `not checked: the stack config is unreadable (${input.domain.message})`);
    if (input.domain.kind !== "set" || input.domain.value.trim() === "") {
        return fail(name, "gitpod-tencent:domain is not set", "run `pulumi config set domain gitpod.example.com`");
    }
    const domain = input.domain.value.trim().toLowerCase();
    const zone = input.dnsZone.kind === "set" && input.dnsZone.value.trim() !== "" ? input.dnsZone.value.trim().toLowerCase() : defaultZoneOf(domain);
    if (domain !== zone && !domain.endsWith(`.${zone}`)) {
        return fail(name, `domain ${domain} is not inside zone ${zone}`, "set dnsZone to the DNSPod zone that contains the domain: `pulumi config set dnsZone example.com`");
    }
    if (!input.credentials) return warn(name, `not checked (${zone}): no ${input.keyLabel}`);
    let res;
    try {
        res = await describeDnspodDomain(zone, {
            credentials: input.credentials,
            fetch: input.fetch,
            endpoint: input.endpoint,
            now: input.now,
            timeoutMs: input.timeoutMs,
        });
    } catch (e) {
        return fail(name, `DNSPod API unreachable: ${describeError(e)}`, "check outbound HTTPS to dnspod.tencentcloudapi.com (proxy, firewall)");
    }
    if (res.Error) {
        const code = res.Error.Code;
        const said = `${code}: ${res.Error.Message}`;
        if (code === "AuthFailure.SignatureExpire") return fail(name, `the API rejected the request's time (${said})`, "sync this machine's clock (NTP): Tencent Cloud allows 5 minutes of skew");
        if (code === "AuthFailure.UnauthorizedOperation" || code.startsWith("UnauthorizedOperation")) {
            return fail(name, `${input.keyLabel} may not read DNSPod (${said})`, "grant the key's CAM user DNSPod access (e.g. policy QcloudDNSPodFullAccess)");
        }
        if (code.startsWith("AuthFailure")) return fail(name, `${input.keyLabel} was rejected (${said})`, "check the SecretId/SecretKey pair in the CAM console (API keys); it may be disabled or mistyped");
        return fail(
            name,
            `zone ${zone} not found with ${input.keyLabel} (${said})`,
            `add ${zone} to DNSPod in this Tencent Cloud account (https://console.cloud.tencent.com/cns), or set dnsZone to a zone it holds`,
        );
    }
    const info = res.DomainInfo;
    if (!info) return fail(name, `DescribeDomain for ${zone} returned no DomainInfo`, "retry; if it persists, check the zone in the DNSPod console");
    const status = (info.Status ?? "").toUpperCase();
    if (status !== "" && status !== "ENABLE") {
        return fail(name, `zone ${zone} is in DNSPod but its status is ${info.Status}`, "enable the zone in the DNSPod console (paused or locked zones do not resolve)");
    }
    if (info.DnsStatus === "dnserror") {
        const expected = (info.DnspodNsList ?? []).join(", ") || "DNSPod's";
        const actual = (info.ActualNsList ?? []).join(", ") || "unknown";
        return warn(
            name,
            `zone ${zone} found, but the registrar does not delegate it to DNSPod (nameservers: ${actual})`,
            `set the zone's nameservers at the registrar to ${expected}; until then the A records and Let's Encrypt DNS-01 will not work`,
        );
    }
    return pass(name, `zone ${zone} found (${domain})`);
}

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
// Running and printing

export interface DoctorDeps {
    readonly exec: Exec;
    readonly env: Env;
    readonly fetch?: typeof fetch;
    readonly now?: () => Date;
    readonly stack?: string;
    readonly licence?: LicenceInfo;
    readonly dnspodEndpoint?: string;
    readonly imageOptions?: CheckImagesOptions;
    readonly checkImagesFn?: ImagesInput["check"];
    /** Called with each result as soon as it is known (printing progress). */
    readonly onResult?: (r: CheckResult) => void;
}

export async function runDoctor(deps: DoctorDeps): Promise<{ results: CheckResult[]; exitCode: number }> {
    const results: CheckResult[] = [];
    const add = (r: CheckResult): void => {
        results.push(r);
        deps.onResult?.(r);
    };
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
    const get = (key: string): Promise<ConfigValue> => (stack ? pulumiConfigGet(deps.exec, key, stack) : Promise.resolve(noConfig));
    const [domain, dnsZone, kotsVersion, registryMirrors, secretId, secretKey, securityToken, dnspodSecretId, dnspodSecretKey, gitpodInstaller] = await Promise.all(
        ["domain", "dnsZone", "kotsVersion", "registryMirrors", "tencentcloud:secretId", "tencentcloud:secretKey", "tencentcloud:securityToken", "dnspodSecretId", "dnspodSecretKey", "gitpodInstaller"].map(get),
    );
    // Without a stack there is no stack config: the key can still come from the environment.
    const orUnset = (v: ConfigValue): ConfigValue => (stack ? v : { kind: "unset" });
    const creds = checkCloudCredentials(deps.env, { secretId: orUnset(secretId), secretKey: orUnset(secretKey), securityToken: orUnset(securityToken) });
    add({ name: creds.name, level: creds.level, message: creds.message, fix: creds.fix });

    const mirrors = checkRegistryMirrors(registryMirrors);
    if (mirrors.result) add(mirrors.result);
    const dnsCommon = { domain, dnsZone, fetch: deps.fetch, endpoint: deps.dnspodEndpoint, now: deps.now };
    const dnspodKey: TcCredentials | undefined =
        dnspodSecretId.kind === "set" && dnspodSecretKey.kind === "set" ? { secretId: dnspodSecretId.value, secretKey: dnspodSecretKey.value } : undefined;
    // The network checks are independent: run them together, report in a fixed order.
    const pending: Promise<CheckResult>[] = [
        checkDnsZone({ ...dnsCommon, credentials: creds.credentials, keyLabel: "the Tencent Cloud key" }),
        dnspodKey
            ? checkDnsZone({ ...dnsCommon, name: "DNS-01 key", credentials: dnspodKey, keyLabel: "dnspodSecretId/dnspodSecretKey" })
            : Promise.resolve(
                  warn("DNS-01 key", "dnspodSecretId/dnspodSecretKey not readable from the stack config: not checked", "`pulumi config set --secret dnspodSecretId …` and `… dnspodSecretKey …` (a key allowed to edit DNSPod records)"),
              ),
        ...gitpodModeChecks({ mode: gitpodInstaller, licence: checkLicence(deps.licence ?? COMMUNITY_LICENCE, { fetch: deps.fetch, now: deps.now }), images: { check: deps.checkImagesFn, options: { fetch: deps.fetch, timeoutMs: 8_000, ...deps.imageOptions, candidatesFor: mirrorCandidates(mirrors.mirrors) } } }),
        checkImagesResolvable({
            images: imagesForMode(gitpodInstaller, kotsVersion.kind === "set" ? kotsVersion.value : undefined),
            kotsVersion: kotsVersion.kind === "set" ? kotsVersion.value : undefined,
            check: deps.checkImagesFn,
            options: { fetch: deps.fetch, concurrency: 16, deadlineMs: 45_000, timeoutMs: 8_000, ...deps.imageOptions, candidatesFor: mirrorCandidates(mirrors.mirrors) },
        }),
        checkChartsDownloadable({ fetch: deps.fetch }),
    ];
    for (const p of pending) add(await p);
    return { results, exitCode: results.some((r) => r.level === "FAIL") ? 1 : 0 };
}

/** `PASS  name  message`, then indented details and `fix:`. */
export function formatResult(r: CheckResult): string[] {
    const lines = [`${r.level.padEnd(4)}  ${r.name.padEnd(18)} ${r.message}`];
    for (const d of r.details ?? []) lines.push(`      ${d}`);
    if (r.fix && r.level !== "PASS") lines.push(`      fix: ${r.fix}`);
    return lines;
}
