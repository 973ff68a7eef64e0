import { describe, it } from "node:test";
import * as assert from "node:assert/strict";
import { CertificateWanted, certificateToRestore, keptSecret, misfit, nextCertificateRead } from "../../lib/keptCertificate";
import { issuedSecretJson } from "../support/certificates";

const NOW = new Date("2026-12-02T00:00:00Z");
const WANTED: CertificateWanted = { domain: "gitpod.example.com", acmeServer: "production", namespace: "gitpod", secretName: "https-certificates", now: NOW };
const KEPT = keptSecret(issuedSecretJson("production-gitpod.example.com"));

describe("keptSecret", () => {
    it("keeps the data and cert-manager's annotations and labels, nothing of the live object", () => {
        const kept = JSON.parse(KEPT);
        assert.deepEqual(Object.keys(kept.data).sort(), ["ca.crt", "tls.crt", "tls.key"]);
        assert.equal(kept.type, "kubernetes.io/tls");
        assert.deepEqual(kept.metadata, {
            name: "https-certificates",
            namespace: "gitpod",
            annotations: {
                "cert-manager.io/issuer-name": "gitpod-issuer",
                "cert-manager.io/issuer-kind": "ClusterIssuer",
                "cert-manager.io/issuer-group": "cert-manager.io",
                "cert-manager.io/certificate-name": "https-certificates",
            },
            labels: { "controller.cert-manager.io/fao": "true" },
        });
    });

    it("keeps nothing when there is no Secret or no certificate in it", () => {
        assert.equal(keptSecret(""), "");
        assert.equal(keptSecret(JSON.stringify({ apiVersion: "v1", kind: "Secret", metadata: { name: "x" }, data: {} })), "");
    });
});

describe("misfit", () => {
    it("accepts a valid certificate for the same three names from the same environment", () => {
        assert.equal(misfit(KEPT, WANTED), undefined);
    });

    it("refuses one for another domain", () => {
        assert.match(misfit(keptSecret(issuedSecretJson("production-other.example.com")), WANTED) ?? "", /^it is for \*\.other\.example\.com, \*\.ws\.other\.example\.com, other\.example\.com, not /);
    });

    it("refuses one from the other Let's Encrypt environment, both ways", () => {
        assert.equal(misfit(keptSecret(issuedSecretJson("staging-gitpod.example.com")), WANTED), "it is from Let's Encrypt staging, not production");
        assert.equal(misfit(KEPT, { ...WANTED, acmeServer: "staging" }), "it is from Let's Encrypt production, not staging");
    });

    it("refuses an expired one, and anything that is not a certificate", () => {
        assert.match(misfit(KEPT, { ...WANTED, now: new Date("2040-01-01T00:00:00Z") }) ?? "", /^it expired on 20\d\d-/);
        assert.equal(misfit("{}", WANTED), "it is not a TLS Secret with a certificate");
        assert.equal(misfit("not json", WANTED), "it is not a TLS Secret with a certificate");
    });
});

describe("certificateToRestore", () => {
    it("a new VM (or a re-imaged one: another boot disk) gets the kept certificate, placed where the Certificate wants it", () => {
        const { manifest, reason } = certificateToRestore({ serverBootDisk: "disk-old", tlsCertificate: KEPT }, "disk-new", undefined, { ...WANTED, namespace: "gitpod2" });
        assert.equal(reason, "restoring the certificate kept by the last deployment");
        const secret = JSON.parse(manifest);
        assert.equal(secret.metadata.namespace, "gitpod2");
        assert.equal(secret.data["tls.crt"], JSON.parse(KEPT).data["tls.crt"]);
    });

    it("a certificate handed back through config comes first (after pulumi destroy nothing is kept)", () => {
        const handed = keptSecret(issuedSecretJson("production-gitpod.example.com"));
        const { manifest, reason } = certificateToRestore({}, "disk-new", handed, WANTED);
        assert.equal(reason, "restoring gitpod-tencent:tlsCertificate");
        assert.notEqual(manifest, "");
    });

    it("a new VM for another domain gets nothing, and says why", () => {
        const { manifest, reason } = certificateToRestore({ serverBootDisk: "disk-old", tlsCertificate: KEPT }, "disk-new", undefined, { ...WANTED, domain: "other.example.com" });
        assert.equal(manifest, "");
        assert.match(reason, /^not restoring the certificate kept by the last deployment: it is for \*\.gitpod\.example\.com/);
    });

    it("the same VM gets exactly what it got before, whatever is kept now (no-op and paused runs stay no-ops)", () => {
        const before = { serverBootDisk: "disk-1", tlsCertificate: KEPT, tlsRestore: "" };
        assert.deepEqual(certificateToRestore(before, "disk-1", KEPT, WANTED), { manifest: "", reason: "same VM as the last deployment" });
    });

    it("a first deployment with nothing kept restores nothing", () => {
        assert.deepEqual(certificateToRestore({}, "disk-1", undefined, WANTED), { manifest: "", reason: "no kept certificate" });
    });
});

describe("nextCertificateRead", () => {
    // The fixture expires 2036-11-29T03:09:40Z.
    const daysBeforeExpiry = (days: number) => new Date(Date.parse("2036-11-29T03:09:40Z") - days * 24 * 60 * 60 * 1000);
    const previous = { tlsCertificate: KEPT, tlsCertificateReads: 2 };

    it("keeps the count while the kept copy has more than 25 days left (no SSH step runs)", () => {
        assert.equal(nextCertificateRead(previous, true, daysBeforeExpiry(26)), 2);
    });
    it("counts one more within 25 days of its expiry, so the copy cert-manager renewed is read again", () => {
        assert.equal(nextCertificateRead(previous, true, daysBeforeExpiry(24)), 3);
        assert.equal(nextCertificateRead(previous, true, daysBeforeExpiry(-3)), 3, "an expired copy too");
    });
    it("while paused, with nothing kept, or a first deployment: unchanged, from 0", () => {
        assert.equal(nextCertificateRead(previous, false, daysBeforeExpiry(10)), 2);
        assert.equal(nextCertificateRead({ tlsCertificateReads: 2 }, true, NOW), 2);
        assert.equal(nextCertificateRead({}, true, NOW), 0);
    });
});
