/**
 * A self-made CA and an HTTPS server on loopback for checks of a served certificate. The CA and
 * the leaf are made with the openssl CLI (Debian package `openssl`, installed by .ci/run), fresh
 * per run, into a temporary directory.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, Server } from "node:https";
import { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface TestPki {
    /** PEM of the CA certificate, to trust. */
    readonly ca: string;
    /** Issues a server certificate for `names` (SANs), valid `days` days from now. */
    issue(names: readonly string[], days: number): { cert: string; key: string };
    cleanup(): void;
}

const EC_KEY = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"];

export function makePki(caName = "Verify Test CA"): TestPki {
    const dir = mkdtempSync(join(tmpdir(), "pki-"));
    const f = (n: string) => join(dir, n);
    const openssl = (...args: string[]) => execFileSync("openssl", args, { cwd: dir, stdio: ["ignore", "ignore", "pipe"] });
    openssl("req", "-x509", ...EC_KEY, "-keyout", f("ca.key"), "-out", f("ca.crt"), "-days", "30", "-subj", `/O=${caName}/CN=${caName} Root`,
        "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign");
    let serial = 0;
    return {
        ca: readFileSync(f("ca.crt"), "utf8"),
        issue(names, days) {
            serial++;
            writeFileSync(f("ext.cnf"), `subjectAltName=${names.map((n) => `DNS:${n}`).join(",")}\nextendedKeyUsage=serverAuth\n`);
            openssl("req", ...EC_KEY, "-keyout", f("leaf.key"), "-out", f("leaf.csr"), "-subj", `/CN=${names[0]}`);
            openssl("x509", "-req", "-in", f("leaf.csr"), "-CA", f("ca.crt"), "-CAkey", f("ca.key"), "-set_serial", String(serial), "-days", String(days), "-extfile", f("ext.cnf"), "-out", f("leaf.crt"));
            return { cert: readFileSync(f("leaf.crt"), "utf8"), key: readFileSync(f("leaf.key"), "utf8") };
        },
        cleanup: () => rmSync(dir, { recursive: true, force: true }),
    };
}

/** An HTTPS server on 127.0.0.1 serving `cert`; `/api/version` answers `version`, anything else 404. */
export async function startHttpsServer(tls: { cert: string; key: string }, version = "2022.11.3\n"): Promise<{ server: Server; port: number }> {
    const server = createServer(tls, (req, res) => {
        if (req.url === "/api/version") res.writeHead(200, { "Content-Type": "text/plain" }).end(version);
        else res.writeHead(404).end("not found");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return { server, port: (server.address() as AddressInfo).port };
}
