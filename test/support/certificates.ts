/**
 * Issued TLS Secrets as `kubectl get secret -o json` prints them, built from the self-signed
 * certificates in test/fixtures/tls (issuer names like Let's Encrypt's production and staging
 * ones, valid ten years from when they were made).
 */
import * as fs from "node:fs";
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
