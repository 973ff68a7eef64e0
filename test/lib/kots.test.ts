/**
 * The KOTS ConfigValues against the Gitpod app's own Config (kots-config.yaml 2022.11.3): item
 * names, types, options; `gitpodConfig` rejections; the config patch inside; the certificate
 * KOTS renders from these values; stdin framing and the admin console command.
 */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import * as YAML from "yaml";
import { adminConsoleCommand, checkGitpodConfig, KOTS_ITEMS, kotsChecksumsUrl, kotsConfigValues, kotsDownloadUrl, kotsStdin } from "../../lib/kots";
import { gitpodCertificate } from "../../lib/tls";
import { renderKots } from "../support/kotsTemplate";

const FIXTURES = path.join(__dirname, "..", "fixtures");
const read = (rel: string) => fs.readFileSync(path.join(FIXTURES, rel), "utf8");

interface UpstreamItem {
    name: string;
    type: string;
    items?: { name: string }[];
}
const upstreamItems: UpstreamItem[] = YAML.parse(read("gitpod/kots-config.yaml")).spec.groups.flatMap((g: { items: UpstreamItem[] }) => g.items);
const upstream = new Map(upstreamItems.map((i) => [i.name, i]));

/** Checks one ConfigValues value against the upstream item's type, as the admin console would. */
function assertValidValue(key: string, value: string): void {
    const item = upstream.get(key);
    assert.ok(item, `${key} is not an item of kots-config.yaml`);
    if (item.type === "bool") assert.ok(value === "0" || value === "1", `${key}: bool ${value}`);
    if (item.type === "select_one") assert.ok(item.items!.map((o) => o.name).includes(value), `${key}: option ${value}`);
    if (item.type === "file") assert.equal(Buffer.from(value, "base64").toString("base64"), value, `${key}: not base64`);
}

const basic = () =>
    kotsConfigValues({
        domain: "gitpod.example.com",
        patch: { authProviderSecrets: ["gitpod-auth-github-com"], signup: { allowedEmailDomains: ["example.com"] } },
    });

describe("KOTS_ITEMS", () => {
    it("lists exactly the app's items, with their types and select options", () => {
        assert.deepEqual(Object.keys(KOTS_ITEMS).sort(), [...upstream.keys()].sort());
        for (const [name, item] of Object.entries(KOTS_ITEMS)) {
            const up = upstream.get(name)!;
            assert.equal(item.type, up.type, name);
            if (up.type === "select_one") assert.deepEqual(item.options, up.items!.map((o) => o.name), name);
        }
    });
});

describe("kotsConfigValues", () => {
    const doc = basic();
    const values = Object.fromEntries(Object.entries(doc.spec.values).map(([k, v]) => [k, v.value]));

    it("is a kots.io/v1beta1 ConfigValues of string values", () => {
        assert.equal(doc.apiVersion, "kots.io/v1beta1");
        assert.equal(doc.kind, "ConfigValues");
        for (const v of Object.values(values)) assert.equal(typeof v, "string");
    });

    it("sets the domain, Gitpod in the cluster, cert-manager with ClusterIssuer gitpod-issuer, no SSH gateway", () => {
        assert.deepEqual(
            { ...values, config_patch: undefined },
            {
                domain: "gitpod.example.com",
                reg_incluster: "1",
                db_incluster: "1",
                store_provider: "incluster",
                tls_self_signed_enabled: "0",
                cert_manager_enabled: "1",
                cert_manager_issuer_name: "gitpod-issuer",
                cert_manager_issuer: "ClusterIssuer",
                ssh_gateway: "0",
                installer_timeout: "30m",
                advanced_mode_enabled: "1",
                config_patch: undefined,
            },
        );
    });

    it("uses only the app's items, each with a value valid for its type", () => {
        for (const [k, v] of Object.entries(values)) assertValidValue(k, v);
    });

    it("carries the config patch as base64 YAML in config_patch", () => {
        const patch = YAML.parse(Buffer.from(values.config_patch, "base64").toString("utf8"));
        assert.deepEqual(patch, {
            authProviders: [{ kind: "secret", name: "gitpod-auth-github-com" }],
            blockNewUsers: { enabled: true, passlist: ["example.com"] },
        });
    });

    it("with nothing to patch, still sends advanced mode and an empty patch (set config --merge would keep the old one; installer_timeout needs advanced mode)", () => {
        const open = kotsConfigValues({ domain: "gitpod.example.com", patch: { authProviderSecrets: [], signup: { openSignup: true } } });
        assert.equal(open.spec.values.advanced_mode_enabled.value, "1");
        assert.equal(open.spec.values.config_patch.value, "e30K"); // base64 of "{}\n"
        assert.equal(open.spec.values.installer_timeout.value, "30m");
    });

    it("adds the user's gitpodConfig items", () => {
        const doc2 = kotsConfigValues({ domain: "gitpod.example.com", items: { installer_timeout: "1h", openVsxUrl: "https://open-vsx.example.com" }, patch: { authProviderSecrets: [], signup: { openSignup: true } } });
        assert.deepEqual(doc2.spec.values.installer_timeout, { value: "1h" });
        assert.deepEqual(doc2.spec.values.openVsxUrl, { value: "https://open-vsx.example.com" });
    });

    it("makes KOTS render the same Certificate the TLS stage created", () => {
        const rendered = YAML.parse(renderKots(read("gitpod/gitpod-certificate.yaml"), values, { appSlug: "gitpod" }));
        assert.deepEqual(rendered.spec, gitpodCertificate({ domain: "gitpod.example.com", namespace: "gitpod" }).spec);
    });

    it("refuses a patch conflict", () => {
        assert.throws(
            () =>
                kotsConfigValues({
                    domain: "gitpod.example.com",
                    patch: { authProviderSecrets: ["a"], signup: { allowedEmailDomains: [] }, userPatch: { authProviders: [] } },
                }),
            /gitpodConfigPatch\.authProviders/,
        );
    });
});

describe("checkGitpodConfig", () => {
    it("accepts values valid for each item's type", () => {
        assert.deepEqual(checkGitpodConfig({ installer_timeout: "1h", ssh_gateway: "1", tls_ca_crt: "LS0tLS1CRUdJTg==", openVsxUrl: "https://open-vsx.example.com" }), []);
    });

    it("rejects an unknown item, listing the known ones", () => {
        const [problem] = checkGitpodConfig({ installerTimeout: "1h" });
        assert.match(problem, /^installerTimeout: not an item of the Gitpod KOTS app; known items: openVsxUrl, reg_incluster, /);
        assert.match(problem, /installer_timeout/);
        assert.doesNotMatch(problem, /config_patch/);
    });

    it("rejects wrong values for bool, select_one and file items, and non-strings", () => {
        assert.deepEqual(checkGitpodConfig({ ssh_gateway: "true", installer_timeout: "3h", tls_ca_crt: "-----BEGIN", db_port: 3306 }), [
            'ssh_gateway: got "true"; a bool item takes "0" or "1"',
            'installer_timeout: got "3h"; expected one of "5m", "10m", "30m", "1h", "90m", "2h"',
            "tls_ca_crt: a file item takes the file's content base64-encoded (base64 -w0 FILE)",
            "db_port: got 3306; KOTS values are strings",
        ]);
    });

    it("rejects the items the program sets, naming the key to use", () => {
        assert.deepEqual(checkGitpodConfig({ domain: "x.example.com", config_patch: "YQ==", cert_manager_issuer: "Issuer" }), [
            "domain: set by the program, set `domain`",
            "config_patch: set by the program, use `gitpodConfigPatch` (merged with the auth providers and sign-up limits)",
            "cert_manager_issuer: set by the program, the TLS stage owns the certificate",
        ]);
    });
});

describe("install helpers", () => {
    it("frames the three secrets as base64 lines", () => {
        const text = kotsStdin({ password: "pw", license: "kind: License\n", configValues: "kind: ConfigValues\n" });
        assert.equal(text, "cHc=\na2luZDogTGljZW5zZQo=\na2luZDogQ29uZmlnVmFsdWVzCg==\n");
    });

    it("downloads the pinned release asset and its checksums file", () => {
        assert.equal(kotsDownloadUrl("1.102.0"), "https://github.com/replicatedhq/kots/releases/download/v1.102.0/kots_linux_amd64.tar.gz");
        assert.equal(kotsChecksumsUrl("1.102.0"), "https://github.com/replicatedhq/kots/releases/download/v1.102.0/kots_1.102.0_checksums.txt");
    });

    it("opens the admin console through an SSH tunnel to Service kotsadm port 3000", () => {
        assert.equal(
            adminConsoleCommand({ ip: "43.156.0.10", namespace: "gitpod", keyFile: "gitpod-tencent.pem" }),
            "ssh -i gitpod-tencent.pem -L 8800:127.0.0.1:8800 ubuntu@43.156.0.10 sudo k3s kubectl -n gitpod port-forward --address 127.0.0.1 svc/kotsadm 8800:3000  # then open http://localhost:8800",
        );
    });
});
