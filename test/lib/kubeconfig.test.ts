import { describe, it } from "node:test";
import * as assert from "node:assert/strict";
import { clientCertificateExpiry, nextKubeconfigRenewal } from "../../lib/kubeconfig";
import { kubeconfigExpiringIn } from "../support/kubeconfigs";

const NOW = new Date();
const DUE = kubeconfigExpiringIn(20);
const FRESH = kubeconfigExpiringIn(200);

describe("clientCertificateExpiry", () => {
    it("reads the client certificate's end date", () => {
        const days = (clientCertificateExpiry(FRESH)!.getTime() - NOW.getTime()) / 86_400_000;
        assert.ok(days > 199 && days < 201, `${days} days`);
    });

    it("is undefined for no kubeconfig, no certificate or garbage", () => {
        assert.equal(clientCertificateExpiry(undefined), undefined);
        assert.equal(clientCertificateExpiry("apiVersion: v1\nkind: Config\n"), undefined);
        assert.equal(clientCertificateExpiry("users: [{user: {client-certificate-data: bm90IGEgY2VydA==}}]"), undefined);
    });
});

describe("nextKubeconfigRenewal", () => {
    it("keeps the count while the kubeconfig lasts more than 30 days (a no-op up runs nothing)", () => {
        assert.deepEqual(nextKubeconfigRenewal({ kubeconfig: FRESH, kubeconfigRenewal: 2 }, true, NOW), { renewal: 2 });
        assert.deepEqual(nextKubeconfigRenewal({}, true, NOW), { renewal: 0 });
    });

    it("counts one more within 30 days of expiry, which re-reads it", () => {
        const next = nextKubeconfigRenewal({ kubeconfig: DUE, kubeconfigRenewal: 2 }, true, NOW);
        assert.equal(next.renewal, 3);
        assert.match(next.note ?? "", /^the kubeconfig's client certificate expires on \d{4}-\d\d-\d\d: renewing it$/);
    });

    it("while paused keeps the count and says to resume", () => {
        const next = nextKubeconfigRenewal({ kubeconfig: DUE, kubeconfigRenewal: 2 }, false, NOW);
        assert.equal(next.renewal, 2);
        assert.match(next.note ?? "", /resume the stack \(running: true\) to renew it$/);
    });
});
