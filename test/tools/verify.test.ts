/**
 * `npm run verify` against servers on loopback: an HTTPS server with a certificate from a
 * self-made CA (standing in for the VM's Gitpod proxy), closed and open TCP ports, and the
 * Pulumi CLI faked. Only 127.0.0.1 is ever contacted.
 */
import assert from "node:assert/strict";
import { createServer as createHttpsServer, Server as HttpsServer } from "node:https";
import { createServer, Server } from "node:net";
import { AddressInfo } from "node:net";
import { after, before, describe, it } from "node:test";
import { formatResult } from "../../tools/report";
import { main } from "../../tools/verify";
import {
    adminCidrOf,
    checkApiVersion,
    checkCertificate,
    checkDnsName,
    checkPortNotOpen,
    isStagingIssuer,
    probeName,
    probePort,
    publicAddress,
    readStackOutputs,
    retryWhileFailing,
    runVerify,
} from "../../tools/verifyChecks";
import { fakeExec } from "../support/fakeExec";
import { freePort } from "../support/registryServer";
import { makePki, startHttpsServer, TestPki } from "../support/tlsServer";

const DOMAIN = "gitpod.example.test";
const NAMES = [DOMAIN, `*.${DOMAIN}`, `*.ws.${DOMAIN}`];
const LOOPBACK = "127.0.0.1";
const NOW = () => new Date();

async function listen(server: HttpsServer | Server): Promise<number> {
    await new Promise<void>((resolve) => server.listen(0, LOOPBACK, resolve));
    return (server.address() as AddressInfo).port;
}
const close = (s: HttpsServer | Server) => new Promise<void>((resolve) => s.close(() => resolve()));

describe("verify: certificate and /api/version (HTTPS on loopback, self-made CA)", () => {
    let pki: TestPki;
    let other: TestPki;
    let staging: TestPki;
    const servers: HttpsServer[] = [];
    let good = 0;
    let partial = 0;
    let expiring = 0;
    let untrusted = 0;
    let stagingGood = 0;
    let stagingPartial = 0;

    before(async () => {
        pki = makePki();
        other = makePki("Some Other CA");
        // Named like Let's Encrypt's staging CAs: organisation "(STAGING) Let's Encrypt", CN "(STAGING) ...".
        staging = makePki("(STAGING) Let's Encrypt");
        const serve = async (tls: { cert: string; key: string }) => {
            const { server, port } = await startHttpsServer(tls);
            servers.push(server);
            return port;
        };
        good = await serve(pki.issue(NAMES, 90));
        partial = await serve(pki.issue([DOMAIN, `*.${DOMAIN}`], 90));
        expiring = await serve(pki.issue(NAMES, 10));
        untrusted = await serve(other.issue(NAMES, 90));
        stagingGood = await serve(staging.issue(NAMES, 90));
        stagingPartial = await serve(staging.issue([DOMAIN], 90));
    });
    after(async () => {
        await Promise.all(servers.map(close));
        pki.cleanup();
        other.cleanup();
        staging.cleanup();
    });

    const target = (port: number) => ({ host: LOOPBACK, port, domain: DOMAIN, ca: pki.ca, timeoutMs: 3000 });

    it("trusted, covering the three names, 89 days left: PASS", async () => {
        const r = await checkCertificate({ ...target(good), names: NAMES, now: NOW });
        assert.equal(r.level, "PASS", formatResult(r).join("\n"));
        assert.match(r.message, /^trusted \(Verify Test CA Verify Test CA Root\), covers gitpod\.example\.test, \*\.gitpod\.example\.test, \*\.ws\.gitpod\.example\.test, expires \d{4}-\d\d-\d\d \((89|90) days\)$/);
    });

    it("a name missing from the certificate: FAIL naming it", async () => {
        const r = await checkCertificate({ ...target(partial), names: NAMES, now: NOW });
        assert.equal(r.level, "FAIL");
        assert.match(r.message, /^the certificate does not cover \*\.ws\.gitpod\.example\.test \(it covers gitpod\.example\.test, \*\.gitpod\.example\.test\)$/);
    });

    it("10 days left: WARN (renewal overdue); after its end: FAIL expired", async () => {
        const soon = await checkCertificate({ ...target(expiring), names: NAMES, now: NOW });
        assert.equal(soon.level, "WARN");
        assert.match(soon.message, /^(9|10) days left .*should have renewed it 30 days before expiry$/);
        const later = await checkCertificate({ ...target(good), names: NAMES, now: () => new Date(Date.now() + 100 * 86_400_000) });
        assert.equal(later.level, "FAIL");
        assert.match(later.message, /^the certificate expired/);
    });

    it("signed by a CA this machine does not trust: FAIL, whatever the stack's acmeServer", async () => {
        for (const acmeStaging of [false, true]) {
            const r = await checkCertificate({ ...target(untrusted), names: NAMES, now: NOW, acmeStaging });
            assert.equal(r.level, "FAIL");
            assert.equal(r.message, "the certificate for gitpod.example.test is not trusted (UNABLE_TO_VERIFY_LEAF_SIGNATURE; issuer Some Other CA Some Other CA Root)");
            assert.match(r.fix ?? "", /describe certificate https-certificates/);
        }
    });

    it("a staging certificate on a production stack: FAIL with the acmeServer fix", async () => {
        const r = await checkCertificate({ ...target(stagingGood), names: NAMES, now: NOW });
        assert.equal(r.level, "FAIL");
        assert.equal(r.message, "the certificate for gitpod.example.test is not trusted (UNABLE_TO_VERIFY_LEAF_SIGNATURE; issuer (STAGING) Let's Encrypt (STAGING) Let's Encrypt Root)");
        assert.match(r.fix ?? "", /pulumi config set acmeServer production/);
    });

    it("a staging certificate on a staging stack: WARN saying so and how to switch; a missing name still FAILs", async () => {
        const r = await checkCertificate({ ...target(stagingGood), names: NAMES, now: NOW, acmeStaging: true });
        assert.equal(r.level, "WARN", formatResult(r).join("\n"));
        assert.match(
            r.message,
            /^Let's Encrypt staging certificate \(acmeServer: staging\), not trusted by browsers \(issuer \(STAGING\) Let's Encrypt \(STAGING\) Let's Encrypt Root\); covers gitpod\.example\.test, \*\.gitpod\.example\.test, \*\.ws\.gitpod\.example\.test, expires \d{4}-\d\d-\d\d \((89|90) days\)$/,
        );
        assert.equal(r.fix, "for a trusted certificate: `pulumi config set acmeServer production` and `pulumi up` (README \"Let's Encrypt limits and the staging switch\")");
        const partialStaging = await checkCertificate({ ...target(stagingPartial), names: NAMES, now: NOW, acmeStaging: true });
        assert.equal(partialStaging.level, "FAIL");
        assert.match(partialStaging.message, /^the certificate does not cover \*\.gitpod\.example\.test, \*\.ws\.gitpod\.example\.test /);
        const expired = await checkCertificate({ ...target(stagingGood), names: NAMES, now: () => new Date(Date.now() + 100 * 86_400_000), acmeStaging: true });
        assert.equal(expired.level, "FAIL");
        assert.match(expired.message, /^the certificate expired/);
    });

    it("isStagingIssuer: only the \"(STAGING) \" names of Let's Encrypt's staging hierarchy", () => {
        assert.equal(isStagingIssuer({ issuer: { O: "(STAGING) Let's Encrypt", CN: "(STAGING) Artificial Apricot R3" } as never }), true);
        assert.equal(isStagingIssuer({ issuer: { O: "Let's Encrypt", CN: "R3" } as never }), false);
        assert.equal(isStagingIssuer({ issuer: { O: "Staging Corp", CN: "staging CA" } as never }), false);
    });

    it("nothing listening on 443: FAIL, no TLS answer", async () => {
        const r = await checkCertificate({ ...target(await freePort()), names: NAMES, now: NOW });
        assert.equal(r.level, "FAIL");
        assert.match(r.message, /no TLS answer from 127\.0\.0\.1:\d+: ECONNREFUSED/);
    });

    it("/api/version answers over verified HTTPS: PASS with the version; untrusted chain: FAIL", async () => {
        const ok = await checkApiVersion(target(good));
        assert.equal(ok.level, "PASS", formatResult(ok).join("\n"));
        assert.equal(ok.message, "https://gitpod.example.test/api/version answered 2022.11.3");
        const bad = await checkApiVersion(target(untrusted));
        assert.equal(bad.level, "FAIL");
        assert.match(bad.message, /via 127\.0\.0\.1: /);
        const stagingOnProduction = await checkApiVersion(target(stagingGood));
        assert.equal(stagingOnProduction.level, "FAIL");
    });

    it("/api/version on a staging stack: answered without chain verification, and says so", async () => {
        const r = await checkApiVersion({ ...target(stagingGood), acmeStaging: true });
        assert.equal(r.level, "PASS", formatResult(r).join("\n"));
        assert.equal(r.message, "https://gitpod.example.test/api/version answered 2022.11.3 (staging certificate: chain not verified)");
    });
});

describe("verify: ports (loopback)", () => {
    let open: Server;
    let openPort = 0;
    before(async () => {
        open = createServer((s) => s.end());
        openPort = await listen(open);
    });
    after(() => close(open));

    it("probePort: a listening port is open, a free one closed", async () => {
        assert.equal(await probePort(LOOPBACK, openPort), "open");
        assert.equal(await probePort(LOOPBACK, await freePort()), "closed");
    });

    it("closed port: PASS", async () => {
        const r = await checkPortNotOpen("admin console", { host: LOOPBACK, port: await freePort(), label: "8800", myIp: "198.51.100.9", adminCidrs: ["203.0.113.7/32"] });
        assert.equal(r.level, "PASS");
        assert.equal(r.message, "admin console not reachable from this machine (closed)");
    });

    it("open to a machine outside adminCidrs: FAIL naming the address and the fix", async () => {
        const r = await checkPortNotOpen("admin console", { host: LOOPBACK, port: openPort, label: "8800", myIp: "198.51.100.9", adminCidrs: ["203.0.113.7/32"] });
        assert.equal(r.level, "FAIL");
        assert.equal(r.name, "port 8800");
        assert.equal(r.message, "admin console is open to this machine (198.51.100.9), which is not in adminCidrs (203.0.113.7/32)");
        assert.match(r.fix ?? "", /only through SSH/);
    });

    it("open to a machine inside adminCidrs: PASS naming the CIDR", async () => {
        const r = await checkPortNotOpen("Kubernetes API", { host: LOOPBACK, port: openPort, label: "6443", myIp: "203.0.113.7", adminCidrs: ["10.0.0.0/8", "203.0.113.0/24"] });
        assert.equal(r.level, "PASS");
        assert.equal(r.message, "Kubernetes API open to this machine, which is in adminCidrs (203.0.113.0/24)");
    });

    it("open and this machine's address unknown: FAIL", async () => {
        const r = await checkPortNotOpen("Kubernetes API", { host: LOOPBACK, port: openPort, label: "6443", adminCidrs: ["203.0.113.7/32"] });
        assert.equal(r.level, "FAIL");
        assert.match(r.message, /public address unknown/);
    });
});

describe("verify: pure parts", () => {
    it("adminCidrOf matches subnets, not other addresses", () => {
        assert.equal(adminCidrOf("203.0.113.77", ["198.51.100.0/24", "203.0.113.0/24"]), "203.0.113.0/24");
        assert.equal(adminCidrOf("203.0.114.1", ["203.0.113.0/24"]), undefined);
        assert.equal(adminCidrOf("203.0.113.7", ["203.0.113.7/32"]), "203.0.113.7/32");
    });

    it("wildcard records are resolved through a name below them", () => {
        assert.equal(probeName("*.ws.gitpod.example.test"), "verify-probe.ws.gitpod.example.test");
        assert.equal(probeName("gitpod.example.test"), "gitpod.example.test");
    });

    it("DNS: the VM's address PASS; another address or none FAIL", async () => {
        const resolve4 = async (n: string) => {
            if (n === DOMAIN) return ["43.156.0.10"];
            if (n === `verify-probe.${DOMAIN}`) return ["1.2.3.4"];
            throw Object.assign(new Error(`queryA ENOTFOUND ${n}`), { code: "ENOTFOUND" });
        };
        const ok = await checkDnsName(DOMAIN, "43.156.0.10", resolve4);
        assert.equal(ok.level, "PASS");
        assert.equal(ok.message, "gitpod.example.test → 43.156.0.10");
        const wrong = await checkDnsName(`*.${DOMAIN}`, "43.156.0.10", resolve4);
        assert.equal(wrong.level, "FAIL");
        assert.equal(wrong.message, "*.gitpod.example.test (as verify-probe.gitpod.example.test) → 1.2.3.4, not the VM (43.156.0.10)");
        const none = await checkDnsName(`*.ws.${DOMAIN}`, "43.156.0.10", resolve4);
        assert.equal(none.level, "FAIL");
        assert.match(none.message, /does not resolve: ENOTFOUND/);
    });

    it("publicAddress reads the echo service's answer, undefined on garbage or failure", async () => {
        assert.equal(await publicAddress((async () => new Response("198.51.100.9\n")) as typeof fetch), "198.51.100.9");
        assert.equal(await publicAddress((async () => new Response("<html>")) as typeof fetch), undefined);
        assert.equal(await publicAddress((async () => { throw new Error("offline"); }) as typeof fetch), undefined);
    });

    it("stack outputs: missing ones FAIL telling to run pulumi up", async () => {
        const exec = fakeExec({ "pulumi stack output --json --stack dev": { stdout: JSON.stringify({ publicIp: "43.156.0.10" }) } });
        const { result, outputs } = await readStackOutputs(exec, "dev");
        assert.equal(result.level, "FAIL");
        assert.equal(result.message, "no gitpodUrl, dnsNames in the stack's outputs");
        assert.equal(outputs, undefined);
    });
});

describe("verify --wait: retries while Gitpod's pods come back", () => {
    it("retryWhileFailing gives up after the wait, not before: the last FAIL as is", async () => {
        let tries = 0;
        const start = Date.now();
        const r = await retryWhileFailing(async () => ({ name: "x", level: "FAIL", message: `try ${++tries}` }), 300, 100);
        const elapsed = Date.now() - start;
        assert.equal(r.message, `try ${tries}`);
        assert.ok(tries >= 3 && tries <= 5, `${tries} tries`);
        assert.ok(elapsed >= 300 && elapsed < 1000, `${elapsed} ms`);
    });

    it("--wait takes whole seconds: anything else exits 2 before contacting anything", async (t) => {
        const errors = t.mock.method(console, "error", () => undefined);
        assert.equal(await main(["--wait", "5m"]), 2);
        assert.equal(await main(["--wait=-1"]), 2);
        assert.deepEqual(errors.mock.calls.map((c) => c.arguments[0]), ['--wait takes a whole number of seconds, not "5m"', '--wait takes a whole number of seconds, not "-1"']);
    });

    it("no wait: one try", async () => {
        let tries = 0;
        await retryWhileFailing(async () => ({ name: "x", level: "FAIL", message: String(++tries) }), 0, 100);
        assert.equal(tries, 1);
    });
});

describe("runVerify (whole run on loopback)", () => {
    let pki: TestPki;
    let https: HttpsServer;
    let httpsPort = 0;
    before(async () => {
        pki = makePki();
        ({ server: https, port: httpsPort } = await startHttpsServer(pki.issue(NAMES, 90)));
    });
    after(async () => {
        await close(https);
        pki.cleanup();
    });

    it("a healthy install: every line PASS, exit 0; only the stack's own outputs and config are read", async () => {
        const exec = fakeExec({
            "pulumi version": { stdout: "v3.200.0\n" },
            "pulumi stack --show-name": { stdout: "dev\n" },
            "pulumi stack output --json --stack dev": { stdout: JSON.stringify({ gitpodUrl: `https://${DOMAIN}`, publicIp: LOOPBACK, dnsNames: NAMES, kubeconfig: "[secret]" }) },
            "pulumi config get adminCidrs --stack dev": { stdout: '["203.0.113.7/32"]\n' },
        });
        const printed: string[] = [];
        const { results, exitCode } = await runVerify({
            exec,
            myIp: "198.51.100.9",
            resolve4: async () => [LOOPBACK],
            ca: pki.ca,
            ports: { https: httpsPort, kubeApi: await freePort(), adminConsole: await freePort() },
            timeoutMs: 3000,
            onResult: (r) => printed.push(...formatResult(r)),
        });
        assert.deepEqual(
            results.map((r) => `${r.level} ${r.name}`),
            ["PASS pulumi CLI", "PASS pulumi stack", "PASS stack outputs", "PASS this machine", "PASS DNS", "PASS DNS", "PASS DNS", "PASS certificate", "PASS /api/version", "PASS port 6443", "PASS port 8800"],
            printed.join("\n"),
        );
        assert.equal(exitCode, 0);
        assert.match(printed.join("\n"), /^PASS {2}this machine {7}public address 198\.51\.100\.9 \(not in adminCidrs\)$/m);
    });

    /** Like Gitpod's proxy while the server pod is not back: 503 until `readyIn(ms)` has passed, then the version. */
    async function startSlowServer(tls: { cert: string; key: string }): Promise<{ server: HttpsServer; port: number; readyIn: (ms: number) => void }> {
        let ready = false;
        const server = createHttpsServer(tls, (_req, res) => {
            if (ready) res.writeHead(200).end("2022.11.3\n");
            else res.writeHead(503).end("upstream not ready");
        });
        return { server, port: await listen(server), readyIn: (ms) => void setTimeout(() => (ready = true), ms) };
    }

    const stagingStack = () =>
        fakeExec({
            "pulumi version": { stdout: "v3.200.0\n" },
            "pulumi stack --show-name": { stdout: "dev\n" },
            "pulumi stack output --json --stack dev": { stdout: JSON.stringify({ gitpodUrl: `https://${DOMAIN}`, publicIp: LOOPBACK, dnsNames: NAMES }) },
            "pulumi config get acmeServer --stack dev": { stdout: "staging\n" },
        });

    it("a staging stack (staging CA, not trusted here) whose Gitpod answers after 400 ms: with --wait, WARN certificate and PASS /api/version, exit 0", async () => {
        const staging = makePki("(STAGING) Let's Encrypt");
        const { server, port, readyIn } = await startSlowServer(staging.issue(NAMES, 90));
        try {
            const run = async (waitSeconds: number) =>
                runVerify({
                    exec: stagingStack(),
                    myIp: "198.51.100.9",
                    resolve4: async () => [LOOPBACK],
                    ports: { https: port, kubeApi: await freePort(), adminConsole: await freePort() },
                    timeoutMs: 3000,
                    waitSeconds,
                    retryIntervalMs: 100,
                });
            const once = await run(0);
            assert.deepEqual(once.results.slice(7, 9).map((r) => `${r.level} ${r.name}: ${r.message.slice(0, 60)}`), [
                "WARN certificate: Let's Encrypt staging certificate (acmeServer: staging), not",
                "FAIL /api/version: https://gitpod.example.test/api/version answered HTTP 503",
            ]);
            assert.equal(once.exitCode, 1);
            readyIn(400);
            const waited = await run(5);
            assert.deepEqual(waited.results.map((r) => `${r.level} ${r.name}`), ["PASS pulumi CLI", "PASS pulumi stack", "PASS stack outputs", "PASS this machine", "PASS DNS", "PASS DNS", "PASS DNS", "WARN certificate", "PASS /api/version", "PASS port 6443", "PASS port 8800"]);
            assert.match(waited.results[8].message, /^https:\/\/gitpod\.example\.test\/api\/version answered 2022\.11\.3 \(staging certificate: chain not verified\) \(after \d s, \d+ tries\)$/);
            assert.equal(waited.exitCode, 0);
        } finally {
            await close(server);
            staging.cleanup();
        }
    });

    it("no stack outputs yet: stops after that line, exit 1", async () => {
        const exec = fakeExec({ "pulumi version": { stdout: "v3.200.0\n" }, "pulumi stack --show-name": { stdout: "dev\n" } });
        const { results, exitCode } = await runVerify({ exec, myIp: "198.51.100.9" });
        assert.deepEqual(results.map((r) => `${r.level} ${r.name}`), ["PASS pulumi CLI", "PASS pulumi stack", "FAIL stack outputs"]);
        assert.equal(exitCode, 1);
    });
});
