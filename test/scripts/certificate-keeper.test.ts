/** restore-certificate.sh and read-certificate.sh against a k3s stub holding at most one Secret. */
import { afterEach, beforeEach, describe, it } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { makeStubDir, runRendered, type StubDir } from "../support/stubs";

// k3s stub: the Secret gitpod/https-certificates is state file `secret` (JSON; absent: none).
// `create -f -` stores stdin as the Secret; state `api-down` makes every call fail.
// State `api-down-once` fails one call (a VM just started) and goes away.
const K3S = `[[ -f "$STUB_STATE/api-down" ]] && { echo "The connection to the server 127.0.0.1:6443 was refused" >&2; exit 1; }
[[ -f "$STUB_STATE/api-down-once" ]] && { rm "$STUB_STATE/api-down-once"; echo "The connection to the server 127.0.0.1:6443 was refused" >&2; exit 1; }
case "$*" in
  "kubectl -n gitpod get secret https-certificates --ignore-not-found -o name")
    [[ -f "$STUB_STATE/secret" ]] && echo secret/https-certificates; exit 0 ;;
  "kubectl -n gitpod get secret https-certificates --ignore-not-found -o json")
    [[ -f "$STUB_STATE/secret" ]] && cat "$STUB_STATE/secret"; exit 0 ;;
  "kubectl create -f -")
    cat >"$STUB_STATE/secret"; echo "secret/https-certificates created" ;;
  *) echo "unexpected: $*" >&2; exit 64 ;;
esac`;

const PARAMS = { CERT_NAMESPACE: "gitpod", TLS_NAME: "https-certificates" };
const MANIFEST = JSON.stringify({ apiVersion: "v1", kind: "Secret", metadata: { name: "https-certificates", namespace: "gitpod" }, data: { "tls.crt": "Y3J0", "tls.key": "a2V5" } });

describe("restore-certificate.sh", () => {
    let s: StubDir;
    const secret = () => (fs.existsSync(path.join(s.state, "secret")) ? fs.readFileSync(path.join(s.state, "secret"), "utf8").trim() : undefined);
    beforeEach(() => (s = makeStubDir({ k3s: K3S })));
    afterEach(() => s.cleanup());

    it("creates the Secret from stdin when the cluster has none", () => {
        const r = runRendered(s, "restore-certificate", PARAMS, { input: MANIFEST });
        assert.equal(r.status, 0, r.stderr);
        assert.equal(secret(), MANIFEST);
        assert.match(r.stderr, /restored gitpod\/https-certificates from the kept certificate/);
    });

    it("never touches an existing Secret (cert-manager owns it)", () => {
        s.writeState("secret", "issued-by-cert-manager");
        const r = runRendered(s, "restore-certificate", PARAMS, { input: MANIFEST });
        assert.equal(r.status, 0, r.stderr);
        assert.equal(secret(), "issued-by-cert-manager");
        assert.ok(!s.calls().some((c) => c.includes("create")));
    });

    it("with nothing on stdin does nothing and says cert-manager will order one", () => {
        const r = runRendered(s, "restore-certificate", PARAMS, { input: "" });
        assert.equal(r.status, 0, r.stderr);
        assert.deepEqual(s.calls(), []);
        assert.match(r.stderr, /no kept certificate fits/);
    });

    it("fails with the reason when the API does not answer, and on bad names", () => {
        s.writeState("api-down", "");
        let r = runRendered(s, "restore-certificate", PARAMS, { input: MANIFEST });
        assert.equal(r.status, 1);
        assert.match(r.stderr, /could not read secret gitpod\/https-certificates/);
        r = runRendered(s, "restore-certificate", { ...PARAMS, TLS_NAME: "Bad_Name" }, { input: MANIFEST });
        assert.equal(r.status, 2);
    });
});

describe("read-certificate.sh", () => {
    let s: StubDir;
    beforeEach(() => (s = makeStubDir({ k3s: K3S })));
    afterEach(() => s.cleanup());

    it("prints the Secret and nothing else on stdout", () => {
        s.writeState("secret", MANIFEST);
        const r = runRendered(s, "read-certificate", PARAMS);
        assert.equal(r.status, 0, r.stderr);
        assert.equal(r.stdout, MANIFEST);
    });

    it("prints nothing when there is no Secret, fails when the API does not answer", () => {
        let r = runRendered(s, "read-certificate", PARAMS);
        assert.equal(r.status, 0, r.stderr);
        assert.equal(r.stdout, "");
        s.writeState("api-down", "");
        r = runRendered(s, "read-certificate", { ...PARAMS, API_WAIT_SECONDS: "0" });
        assert.equal(r.status, 1);
        assert.equal(r.stdout, "");
        assert.match(r.stderr, /could not read secret gitpod\/https-certificates within 0s/);
    });

    it("asks again while the API of a just started VM does not answer yet", () => {
        s.writeState("secret", MANIFEST);
        s.writeState("api-down-once", "");
        const r = runRendered(s, "read-certificate", { ...PARAMS, POLL_INTERVAL_SECONDS: "0" });
        assert.equal(r.status, 0, r.stderr);
        assert.equal(r.stdout, MANIFEST);
        assert.match(r.stderr, /the k3s API does not answer yet/);
    });

    it("rejects a wait that is not a whole number", () => {
        assert.equal(runRendered(s, "read-certificate", { ...PARAMS, API_WAIT_SECONDS: "soon" }).status, 2);
    });
});
