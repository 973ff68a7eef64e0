/**
 * A real OCI registry on loopback for tests: Debian's `docker-registry` (distribution 2.8),
 * filesystem storage in a temp dir, optionally htpasswd (bcrypt, made with `htpasswd -Bbn`).
 * Debian packages: docker-registry, apache2-utils.
 */
import { ChildProcess, execFileSync, spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

export const REGISTRY_BIN = "/usr/bin/docker-registry";
export const HTPASSWD_BIN = "/usr/bin/htpasswd";

/** Throws (never skips) when a binary the tests need is absent, naming the package. */
export function requireRegistryBinaries(opts: { htpasswd?: boolean } = {}): void {
    if (!existsSync(REGISTRY_BIN)) {
        throw new Error(`${REGISTRY_BIN} not found: these tests need a real registry; run \`apt-get install docker-registry\``);
    }
    if (opts.htpasswd && !existsSync(HTPASSWD_BIN)) {
        throw new Error(`${HTPASSWD_BIN} not found: run \`apt-get install apache2-utils\``);
    }
}

export interface RegistryServer {
    /** `http://127.0.0.1:<port>` */
    readonly url: string;
    readonly dir: string;
    /** Authorization header value for pushes, when started with htpasswd. */
    readonly authHeader?: string;
    stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
    return new Promise((resolve, reject) => {
        const srv = createServer();
        srv.once("error", reject);
        srv.listen(0, "127.0.0.1", () => {
            const addr = srv.address();
            srv.close(() => (typeof addr === "object" && addr ? resolve(addr.port) : reject(new Error("no port"))));
        });
    });
}

const live = new Set<ChildProcess>();
let exitHookInstalled = false;
function killAllOnExit(): void {
    if (exitHookInstalled) return;
    exitHookInstalled = true;
    process.on("exit", () => {
        for (const child of live) child.kill("SIGKILL");
    });
}

async function waitReady(url: string, child: ChildProcess, stderr: () => string, timeoutMs: number): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (Date.now() < until) {
        if (child.exitCode !== null || child.signalCode !== null) {
            throw new Error(`docker-registry exited early (${child.exitCode ?? child.signalCode}): ${stderr()}`);
        }
        try {
            const res = await fetch(`${url}/v2/`, { signal: AbortSignal.timeout(500) });
            if (res.status === 200 || res.status === 401) return;
        } catch {
            // not listening yet
        }
        await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`docker-registry at ${url} not ready within ${timeoutMs} ms: ${stderr()}`);
}

/** Starts a registry on a free loopback port; resolves once `/v2/` answers. */
export async function startRegistry(opts: { auth?: { user: string; pass: string } } = {}): Promise<RegistryServer> {
    requireRegistryBinaries({ htpasswd: opts.auth !== undefined });
    const dir = mkdtempSync(join(tmpdir(), "registry-test-"));
    const port = await freePort();
    const lines = [
        "version: 0.1",
        "log:",
        "  level: error",
        "  accesslog:",
        "    disabled: true",
        "storage:",
        "  filesystem:",
        `    rootdirectory: ${join(dir, "data")}`,
        "http:",
        `  addr: 127.0.0.1:${port}`,
        `  secret: ${randomBytes(16).toString("hex")}`,
    ];
    let authHeader: string | undefined;
    if (opts.auth) {
        const entry = execFileSync(HTPASSWD_BIN, ["-Bbn", opts.auth.user, opts.auth.pass], { encoding: "utf8" });
        writeFileSync(join(dir, "htpasswd"), entry);
        lines.push("auth:", "  htpasswd:", "    realm: test-realm", `    path: ${join(dir, "htpasswd")}`);
        authHeader = `Basic ${Buffer.from(`${opts.auth.user}:${opts.auth.pass}`).toString("base64")}`;
    }
    const configPath = join(dir, "config.yml");
    writeFileSync(configPath, `${lines.join("\n")}\n`);
    const child = spawn(REGISTRY_BIN, ["serve", configPath], { stdio: ["ignore", "ignore", "pipe"] });
    live.add(child);
    killAllOnExit();
    let err = "";
    child.stderr?.on("data", (d: Buffer) => {
        err = (err + d.toString()).slice(-4000);
    });
    const url = `http://127.0.0.1:${port}`;
    const stop = async (): Promise<void> => {
        if (child.exitCode === null && child.signalCode === null) {
            const exited = new Promise<void>((r) => child.once("exit", () => r()));
            child.kill("SIGTERM");
            const timer = setTimeout(() => child.kill("SIGKILL"), 2000);
            await exited;
            clearTimeout(timer);
        }
        live.delete(child);
        rmSync(dir, { recursive: true, force: true });
    };
    try {
        await waitReady(url, child, () => err, 10_000);
    } catch (e) {
        await stop();
        throw e;
    }
    return { url, dir, authHeader, stop };
}

function sha256(data: Buffer): string {
    return `sha256:${createHash("sha256").update(data).digest("hex")}`;
}

async function uploadBlob(base: string, repo: string, data: Buffer, headers: Record<string, string>): Promise<string> {
    const digest = sha256(data);
    const start = await fetch(`${base}/v2/${repo}/blobs/uploads/`, { method: "POST", headers });
    if (start.status !== 202) throw new Error(`blob upload start: HTTP ${start.status} ${await start.text()}`);
    const location = new URL(start.headers.get("location") ?? "", base);
    location.searchParams.set("digest", digest);
    const put = await fetch(location, {
        method: "PUT",
        headers: { ...headers, "Content-Type": "application/octet-stream" },
        body: new Uint8Array(data),
    });
    if (put.status !== 201) throw new Error(`blob upload: HTTP ${put.status} ${await put.text()}`);
    return digest;
}

/**
 * Pushes a one-layer image (a gzipped empty tar) with a Docker v2 manifest through the
 * registry HTTP API; returns the manifest digest.
 */
export async function pushTinyImage(server: RegistryServer, repo: string, tag: string): Promise<string> {
    const headers: Record<string, string> = server.authHeader ? { Authorization: server.authHeader } : {};
    const tar = Buffer.alloc(1024); // two zero blocks: an empty tar archive
    const layer = gzipSync(tar);
    const config = Buffer.from(
        JSON.stringify({ architecture: "amd64", os: "linux", config: {}, rootfs: { type: "layers", diff_ids: [sha256(tar)] } }),
    );
    const configDigest = await uploadBlob(server.url, repo, config, headers);
    const layerDigest = await uploadBlob(server.url, repo, layer, headers);
    const manifest = Buffer.from(
        JSON.stringify({
            schemaVersion: 2,
            mediaType: "application/vnd.docker.distribution.manifest.v2+json",
            config: { mediaType: "application/vnd.docker.container.image.v1+json", size: config.length, digest: configDigest },
            layers: [{ mediaType: "application/vnd.docker.image.rootfs.diff.tar.gzip", size: layer.length, digest: layerDigest }],
        }),
    );
    const res = await fetch(`${server.url}/v2/${repo}/manifests/${tag}`, {
        method: "PUT",
        headers: { ...headers, "Content-Type": "application/vnd.docker.distribution.manifest.v2+json" },
        body: new Uint8Array(manifest),
    });
    if (res.status !== 201) throw new Error(`manifest put: HTTP ${res.status} ${await res.text()}`);
    return res.headers.get("docker-content-digest") ?? sha256(manifest);
}
