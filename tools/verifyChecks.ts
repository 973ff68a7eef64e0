/**
 * `npm run verify`'s checks of a live install, from the user's machine: Gitpod's names resolve
 * to the VM, the certificate the VM serves covers them and is not expiring, `/api/version`
 * answers over HTTPS, and the Kubernetes API (6443) and the admin console (8800) are not open
 * to this machine unless it is in `adminCidrs`. Same output style as the doctor
 * (tools/report.ts); every network dependency is a parameter so tests use loopback servers.
 */
import { promises as dns } from "node:dns";
import { BlockList, connect as tcpConnect, isIPv4 } from "node:net";
import { request as httpsRequest } from "node:https";
import { connect as tlsConnect, PeerCertificate } from "node:tls";
import { Exec, stackArgs } from "./cli";
import { checkPulumiCli, checkStack, pulumiConfigGet } from "./pulumiCli";
import { CheckResult, collector, describeError, exitCodeOf, fail, firstLine, pass, warn } from "./report";

export interface StackOutputs {
    readonly gitpodUrl: string;
    readonly publicIp: string;
    /** `<domain>`, `*.<domain>`, `*.ws.<domain>` (lib/dns.ts gitpodNames). */
    readonly dnsNames: readonly string[];
}

const UP_FIX = "run `pulumi up` (and let it finish) for this stack, then verify again";

/** `pulumi stack output --json`: the outputs verify needs, or a FAIL naming what is missing. */
export async function readStackOutputs(exec: Exec, stack?: string): Promise<{ result: CheckResult; outputs?: StackOutputs }> {
    const name = "stack outputs";
    const r = await exec("pulumi", ["stack", "output", "--json", ...stackArgs(stack)]);
    if (r.code !== 0) return { result: fail(name, `\`pulumi stack output\` failed: ${firstLine(r.stderr) || `exit ${r.code}`}`, UP_FIX) };
    let o: Partial<Record<keyof StackOutputs, unknown>>;
    try {
        o = JSON.parse(r.stdout) as typeof o;
    } catch {
        return { result: fail(name, "`pulumi stack output --json` did not print JSON", "run it by hand to see why") };
    }
    const missing = (["gitpodUrl", "publicIp", "dnsNames"] as const).filter((k) => o[k] === undefined || o[k] === "");
    if (missing.length > 0) return { result: fail(name, `no ${missing.join(", ")} in the stack's outputs`, UP_FIX) };
    const outputs: StackOutputs = { gitpodUrl: String(o.gitpodUrl), publicIp: String(o.publicIp), dnsNames: (o.dnsNames as unknown[]).map(String) };
    return { result: pass(name, `${outputs.gitpodUrl} on ${outputs.publicIp}`), outputs };
}

/** The stack's `adminCidrs` (a JSON array in `pulumi config get`), [] when unreadable. */
export async function readAdminCidrs(exec: Exec, stack?: string): Promise<string[]> {
    const v = await pulumiConfigGet(exec, "adminCidrs", stack);
    if (v.kind !== "set") return [];
    try {
        const parsed = JSON.parse(v.value) as unknown;
        return Array.isArray(parsed) ? parsed.map(String) : [];
    } catch {
        return [];
    }
}

/** The first `adminCidrs` entry holding `ip`, if any (node:net BlockList does the matching). */
export function adminCidrOf(ip: string, adminCidrs: readonly string[]): string | undefined {
    if (!isIPv4(ip)) return undefined;
    return adminCidrs.find((cidr) => {
        const [net, bits] = cidr.split("/");
        if (!isIPv4(net)) return false;
        const list = new BlockList();
        list.addSubnet(net, Number(bits ?? 32), "ipv4");
        return list.check(ip, "ipv4");
    });
}

/** A wildcard record is checked through a name it covers. */
export function probeName(recordName: string): string {
    return recordName.replace(/^\*\./, "verify-probe.");
}

export type Resolve4 = (name: string) => Promise<string[]>;

export async function checkDnsName(recordName: string, publicIp: string, resolve4: Resolve4 = (n) => dns.resolve4(n)): Promise<CheckResult> {
    const name = "DNS";
    const probe = probeName(recordName);
    const label = probe === recordName ? recordName : `${recordName} (as ${probe})`;
    const fix = `the DnsRecords stage sets this A record to ${publicIp}: run \`pulumi up\`; if it is there, wait for the TTL, check the zone is delegated to DNSPod (\`npm run doctor\`)`;
    let addresses: string[];
    try {
        addresses = await resolve4(probe);
    } catch (e) {
        return fail(name, `${label} does not resolve: ${describeError(e)}`, fix);
    }
    if (!addresses.includes(publicIp)) return fail(name, `${label} → ${addresses.join(", ")}, not the VM (${publicIp})`, fix);
    if (addresses.length > 1) return warn(name, `${label} → ${addresses.join(", ")}: also other addresses than the VM`, "remove the other A records for this name in DNSPod");
    return pass(name, `${label} → ${publicIp}`);
}

export interface HttpsTarget {
    /** The VM's address: connections go there directly, with SNI and Host set to `domain`. */
    readonly host: string;
    readonly port: number;
    readonly domain: string;
    /** Trusted CAs instead of Node's bundled ones (tests). */
    readonly ca?: string | Buffer;
    readonly timeoutMs?: number;
    /**
     * The stack's `acmeServer` is `staging`: a Let's Encrypt staging certificate is expected, so
     * its untrusted chain is a WARN and `/api/version` is fetched without chain verification.
     */
    readonly acmeStaging?: boolean;
}

interface ServedCertificate {
    readonly cert: PeerCertificate;
    readonly authorized: boolean;
    readonly authorizationError?: string;
}

function fetchCertificate(t: HttpsTarget): Promise<ServedCertificate> {
    return new Promise((resolve, reject) => {
        const socket = tlsConnect({ host: t.host, port: t.port, servername: t.domain, ca: t.ca, rejectUnauthorized: false, timeout: t.timeoutMs ?? 10_000 }, () => {
            const cert = socket.getPeerCertificate();
            resolve({ cert, authorized: socket.authorized, authorizationError: socket.authorizationError ? String(socket.authorizationError) : undefined });
            socket.end();
        });
        socket.on("timeout", () => socket.destroy(Object.assign(new Error("timed out"), { code: "ETIMEDOUT" })));
        socket.on("error", reject);
    });
}

const DAY_MS = 86_400_000;
/** cert-manager renews a certificate when a third of its lifetime is left: 30 days for Let's Encrypt's 90. */
const RENEWAL_DAYS = 30;

function issuerOf(cert: PeerCertificate): string {
    return [cert.issuer?.O, cert.issuer?.CN].filter(Boolean).join(" ") || "unknown issuer";
}

/**
 * Let's Encrypt's staging hierarchy names every CA "(STAGING) <name>" (intermediates such as
 * "(STAGING) Artificial Apricot R3" or "(STAGING) Ersatz Edamame E1", organisation
 * "(STAGING) Let's Encrypt", roots "(STAGING) Pretend Pear X1", "(STAGING) Bogus Broccoli X2"):
 * https://letsencrypt.org/docs/staging-environment/ ("Staging Certificate Hierarchy").
 */
export function isStagingIssuer(cert: Pick<PeerCertificate, "issuer">): boolean {
    return [cert.issuer?.O, cert.issuer?.CN].some((n) => typeof n === "string" && n.startsWith("(STAGING) "));
}

const PRODUCTION_FIX = "for a trusted certificate: `pulumi config set acmeServer production` and `pulumi up` (README \"Let's Encrypt limits and the staging switch\")";

export async function checkCertificate(t: HttpsTarget & { names: readonly string[]; now?: () => Date }): Promise<CheckResult> {
    const name = "certificate";
    const certFix = "see the certificate's status: `kubectl -n <gitpodNamespace> describe certificate https-certificates` (docs/tls.md, README troubleshooting)";
    let served: ServedCertificate;
    try {
        served = await fetchCertificate(t);
    } catch (e) {
        return fail(name, `no TLS answer from ${t.host}:${t.port}: ${describeError(e)}`, "is the VM running and Gitpod's proxy up? `pulumi up` waits for it; check `kubectl -n gitpod get pods`");
    }
    const { cert } = served;
    const issuer = issuerOf(cert);
    const staging = isStagingIssuer(cert);
    const expectedStaging = !served.authorized && staging && t.acmeStaging === true;
    if (!served.authorized && !expectedStaging) {
        return fail(
            name,
            `the certificate for ${t.domain} is not trusted (${served.authorizationError}; issuer ${issuer})`,
            staging ? `it is a Let's Encrypt staging certificate: ${PRODUCTION_FIX}` : certFix,
        );
    }
    const sans = (cert.subjectaltname ?? "").split(/,\s*/).filter((s) => s.startsWith("DNS:")).map((s) => s.slice(4).toLowerCase());
    const missing = t.names.filter((n) => !sans.includes(n.toLowerCase()));
    if (missing.length > 0) return fail(name, `the certificate does not cover ${missing.join(", ")} (it covers ${sans.join(", ") || "no names"})`, certFix);
    const validTo = new Date(cert.valid_to);
    const daysLeft = Math.floor((validTo.getTime() - (t.now ?? (() => new Date()))().getTime()) / DAY_MS);
    const expiry = `expires ${validTo.toISOString().slice(0, 10)}`;
    if (daysLeft < 0) return fail(name, `the certificate expired (${expiry})`, certFix);
    if (daysLeft < RENEWAL_DAYS) {
        return warn(name, `${daysLeft} days left (${expiry}): cert-manager should have renewed it ${RENEWAL_DAYS} days before expiry`, certFix);
    }
    const covers = `covers ${t.names.join(", ")}, ${expiry} (${daysLeft} days)`;
    if (expectedStaging) return warn(name, `Let's Encrypt staging certificate (acmeServer: staging), not trusted by browsers (issuer ${issuer}); ${covers}`, PRODUCTION_FIX);
    return pass(name, `trusted (${issuer}), ${covers}`);
}

export async function checkApiVersion(t: HttpsTarget): Promise<CheckResult> {
    const name = "/api/version";
    const url = `https://${t.domain}/api/version`;
    const fix = "Gitpod is not serving: `kubectl -n <gitpodNamespace> get pods` on the VM (`pulumi stack output sshCommand`), README troubleshooting";
    const unverified = t.acmeStaging ? " (staging certificate: chain not verified)" : "";
    try {
        const { status, body } = await new Promise<{ status: number; body: string }>((resolve, reject) => {
            const req = httpsRequest(
                { host: t.host, port: t.port, servername: t.domain, path: "/api/version", headers: { Host: t.domain }, ca: t.ca, rejectUnauthorized: !t.acmeStaging, timeout: t.timeoutMs ?? 10_000 },
                (res) => {
                    let body = "";
                    res.setEncoding("utf8");
                    res.on("data", (c: string) => (body += c));
                    res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
                },
            );
            req.on("timeout", () => req.destroy(Object.assign(new Error("timed out"), { code: "ETIMEDOUT" })));
            req.on("error", reject);
            req.end();
        });
        if (status !== 200) return fail(name, `${url} answered HTTP ${status}`, fix);
        return pass(name, `${url} answered ${firstLine(body).slice(0, 80) || "(empty)"}${unverified}`);
    } catch (e) {
        return fail(name, `${url} via ${t.host}: ${describeError(e)}`, fix);
    }
}

/**
 * Reruns an HTTPS check while it FAILs, for at most `waitMs`: after a resume (or a fresh `up`)
 * Gitpod's pods may still be starting when verify runs, and `/api/version` answers only once
 * they are. A PASS after retries says how long it took; the last FAIL is returned as is.
 */
export async function retryWhileFailing(check: () => Promise<CheckResult>, waitMs: number, intervalMs = 5_000): Promise<CheckResult> {
    const start = Date.now();
    for (let tries = 1; ; tries++) {
        const r = await check();
        const left = start + waitMs - Date.now();
        if (r.level !== "FAIL" || left <= 0) return tries > 1 && r.level !== "FAIL" ? { ...r, message: `${r.message} (after ${Math.round((Date.now() - start) / 1000)} s, ${tries} tries)` } : r;
        await new Promise((resolve) => setTimeout(resolve, Math.min(intervalMs, left)));
    }
}

export type PortState = "open" | "closed" | "filtered";

/** A TCP connect: accepted (open), refused (closed), or no answer in time (filtered: a dropping firewall). */
export function probePort(host: string, port: number, timeoutMs = 3_000): Promise<PortState> {
    return new Promise((resolve) => {
        const socket = tcpConnect({ host, port, timeout: timeoutMs });
        socket.once("connect", () => {
            socket.destroy();
            resolve("open");
        });
        socket.once("timeout", () => {
            socket.destroy();
            resolve("filtered");
        });
        socket.once("error", (e: NodeJS.ErrnoException) => resolve(e.code === "ECONNREFUSED" ? "closed" : "filtered"));
    });
}

export interface PortInput {
    readonly host: string;
    readonly port: number;
    /** The port as a user knows it (6443, 8800), when tests map it elsewhere. */
    readonly label: string;
    /** This machine's public address, if known. */
    readonly myIp?: string;
    readonly adminCidrs: readonly string[];
    readonly timeoutMs?: number;
}

const PORT_FIX: Record<string, string> = {
    "Kubernetes API": "the security group must open 6443 to adminCidrs only: check `adminCidrs` and the group's rules in the console (`pulumi up` restores them)",
    "admin console": "the admin console is reached only through SSH (`pulumi stack output adminConsole`): find what exposes port 8800 (a security group rule, a LoadBalancer or NodePort Service) and remove it",
};

export async function checkPortNotOpen(what: keyof typeof PORT_FIX, input: PortInput): Promise<CheckResult> {
    const name = `port ${input.label}`;
    const state = await probePort(input.host, input.port, input.timeoutMs);
    const admin = input.myIp ? adminCidrOf(input.myIp, input.adminCidrs) : undefined;
    if (state !== "open") return pass(name, `${what} not reachable from this machine (${state})`);
    if (admin) return pass(name, `${what} open to this machine, which is in adminCidrs (${admin})`);
    const who = input.myIp ? `this machine (${input.myIp}), which is not in adminCidrs (${input.adminCidrs.join(", ") || "none"})` : "this machine (its public address unknown)";
    return fail(name, `${what} is open to ${who}`, PORT_FIX[what]);
}

/** This machine's public IPv4 as the internet sees it (AWS's plain-text echo service). */
export async function publicAddress(fetchFn: typeof fetch = fetch, url = "https://checkip.amazonaws.com"): Promise<string | undefined> {
    try {
        const res = await fetchFn(url, { signal: AbortSignal.timeout(5_000) });
        const ip = (await res.text()).trim();
        return res.ok && isIPv4(ip) ? ip : undefined;
    } catch {
        return undefined;
    }
}

export interface VerifyDeps {
    readonly exec: Exec;
    readonly stack?: string;
    readonly resolve4?: Resolve4;
    /** This machine's public address; looked up when not given (`--my-ip`). */
    readonly myIp?: string;
    readonly lookupMyIp?: () => Promise<string | undefined>;
    readonly ca?: string | Buffer;
    readonly now?: () => Date;
    /** Where the well-known ports are reached (tests map them to loopback ports). */
    readonly ports?: { readonly https?: number; readonly kubeApi?: number; readonly adminConsole?: number };
    readonly timeoutMs?: number;
    /** How long the HTTPS checks are retried while they FAIL (`--wait <seconds>`); 0: once. */
    readonly waitSeconds?: number;
    readonly retryIntervalMs?: number;
    readonly onResult?: (r: CheckResult) => void;
}

export async function runVerify(deps: VerifyDeps): Promise<{ results: CheckResult[]; exitCode: number }> {
    const { results, add } = collector(deps.onResult);
    const cli = await checkPulumiCli(deps.exec);
    add(cli);
    if (cli.level !== "PASS") return { results, exitCode: exitCodeOf(results) };
    const s = await checkStack(deps.exec, deps.stack);
    add(s);
    if (!s.stack) return { results, exitCode: exitCodeOf(results) };
    const [{ result, outputs }, adminCidrs, acmeServer, myIp] = await Promise.all([
        readStackOutputs(deps.exec, s.stack),
        readAdminCidrs(deps.exec, s.stack),
        pulumiConfigGet(deps.exec, "acmeServer", s.stack),
        deps.myIp ? Promise.resolve(deps.myIp) : (deps.lookupMyIp ?? publicAddress)(),
    ]);
    add(result);
    if (!outputs) return { results, exitCode: exitCodeOf(results) };
    add(
        myIp
            ? pass("this machine", `public address ${myIp}${adminCidrOf(myIp, adminCidrs) ? " (in adminCidrs)" : " (not in adminCidrs)"}`)
            : warn("this machine", "public address unknown: open ports cannot be matched against adminCidrs", "pass it: npm run verify -- --my-ip <address>"),
    );
    const domain = new URL(outputs.gitpodUrl).hostname;
    const acmeStaging = acmeServer.kind === "set" && acmeServer.value === "staging";
    const https: HttpsTarget = { host: outputs.publicIp, port: deps.ports?.https ?? 443, domain, ca: deps.ca, timeoutMs: deps.timeoutMs, acmeStaging };
    const retried = (check: () => Promise<CheckResult>) => retryWhileFailing(check, (deps.waitSeconds ?? 0) * 1000, deps.retryIntervalMs);
    const port = (label: string, p: number | undefined, n: number): PortInput => ({ host: outputs.publicIp, port: p ?? n, label, myIp, adminCidrs, timeoutMs: deps.timeoutMs });
    const pending = [
        ...outputs.dnsNames.map((n) => checkDnsName(n, outputs.publicIp, deps.resolve4)),
        retried(() => checkCertificate({ ...https, names: outputs.dnsNames, now: deps.now })),
        retried(() => checkApiVersion(https)),
        checkPortNotOpen("Kubernetes API", port("6443", deps.ports?.kubeApi, 6443)),
        checkPortNotOpen("admin console", port("8800", deps.ports?.adminConsole, 8800)),
    ];
    for (const p of pending) add(await p);
    return { results, exitCode: exitCodeOf(results) };
}
