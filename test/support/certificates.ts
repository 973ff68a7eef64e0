/**
 * Issued TLS Secrets as `kubectl get secret -o json` prints them, built from the self-signed
 * certificates in test/fixtures/tls (issuer names like Let's Encrypt's production and staging
 * ones, valid ten years from when they were made).
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

export type CertificateFixture = "production-gitpod.example.com" | "staging-gitpod.example.com" | "production-other.example.com";

const TLS_DIR = path.join(__dirname, "..", "fixtures", "tls");

function base64Of(file: string): string {
    return fs.readFileSync(path.join(TLS_DIR, file)).toString("base64");
}

/** The Secret cert-manager wrote for `fixture` in namespace gitpod, with the fields a live object has. */
export function issuedSecretJson(fixture: CertificateFixture): string {
    return JSON.stringify({
        apiVersion: "v1",
        kind: "Secret",
        type: "kubernetes.io/tls",
        metadata: {
            name: "https-certificates",
            namespace: "gitpod",
            uid: "0b6f3f2e-1111-2222-3333-444455556666",
            resourceVersion: "4242",
            creationTimestamp: "2026-11-01T00:00:00Z",
            managedFields: [{ manager: "cert-manager-certificates-issuing", operation: "Apply" }],
            annotations: {
                "cert-manager.io/issuer-name": "gitpod-issuer",
                "cert-manager.io/issuer-kind": "ClusterIssuer",
                "cert-manager.io/issuer-group": "cert-manager.io",
                "cert-manager.io/certificate-name": "https-certificates",
                "kubectl.kubernetes.io/last-applied-configuration": "{}",
            },
            labels: { "controller.cert-manager.io/fao": "true", app: "gitpod" },
        },
        data: { "tls.crt": base64Of(`${fixture}.crt`), "tls.key": base64Of(`${fixture}.key`), "ca.crt": "" },
    });
}

/**
 * A kept Secret (as the stack's `tlsCertificate` output holds it) for gitpod.example.com from
 * Let's Encrypt production, expiring `days` from now (made with openssl).
 */
export function keptSecretExpiringIn(days: number): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gt-certificate-"));
    try {
        const [crt, key] = [path.join(dir, "tls.crt"), path.join(dir, "tls.key")];
        const names = "DNS:gitpod.example.com,DNS:*.gitpod.example.com,DNS:*.ws.gitpod.example.com";
        const r = spawnSync(
            "openssl",
            ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", String(days), "-subj", "/C=US/O=Let's Encrypt/CN=R10", "-addext", `subjectAltName=${names}`, "-keyout", key, "-out", crt],
            { encoding: "utf8" },
        );
        if (r.status !== 0) throw new Error(`openssl failed: ${r.stderr}`);
        const data = { "tls.crt": fs.readFileSync(crt).toString("base64"), "tls.key": fs.readFileSync(key).toString("base64") };
        return JSON.stringify({ apiVersion: "v1", kind: "Secret", type: "kubernetes.io/tls", metadata: { name: "https-certificates", namespace: "gitpod" }, data });
    } finally {
        fs.rmSync(dir, { recursive: true, force: true });
    }
}
