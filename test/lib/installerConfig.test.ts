import { describe, it } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import YAML from "yaml";
import {
    configInitDefaults,
    installerChartYaml,
    installerConfig,
    mergeInstallerConfig,
    ownedKeyProblems,
    renderInstallerConfig,
} from "../../lib/installerConfig";

const FIXTURES = path.join(__dirname, "..", "fixtures", "gitpod");

/**
 * The v1 config structs of gitpod-io/gitpod 2022.11.3 (install/installer/pkg/config/v1/config.go,
 * copied as a fixture): struct name -> JSON field name -> Go type. The installer parses its
 * config file strictly (cmd/root.go `--strict-parse` defaults to true; pkg/config/loader.go
 * `yaml.UnmarshalStrict`), so a key that is not a field here fails every installer command.
 */
function goConfigStructs(): Map<string, Map<string, string>> {
    const src = fs.readFileSync(path.join(FIXTURES, "installer-config-v1-2022.11.3.go.txt"), "utf8");
    const structs = new Map<string, Map<string, string>>();
    for (const m of src.matchAll(/^type (\w+) struct \{\n([\s\S]*?)^\}/gm)) {
        const fields = new Map<string, string>();
        for (const f of m[2].matchAll(/^\s+(?:\w+\s+)?([\w.*[\]]+)\s+`json:"([^,"]*)/gm)) {
            if (f[2] !== "") fields.set(f[2], f[1]);
        }
        structs.set(m[1], fields);
    }
    return structs;
}

/** Keys of `value` that are no field of Go type `goType` (local structs only; others are opaque). */
function unknownKeys(value: unknown, goType: string, structs: Map<string, Map<string, string>>, at = ""): string[] {
    const slice = goType.startsWith("[]");
    const base = goType.replace(/^\*|^\[\]\*?/, "");
    if (slice) {
        return Array.isArray(value) ? value.flatMap((v, i) => unknownKeys(v, base, structs, `${at}[${i}]`)) : [];
    }
    const fields = structs.get(base);
    if (!fields || typeof value !== "object" || value === null) return [];
    return Object.entries(value).flatMap(([k, v]) => {
        const t = fields.get(k);
        const where = at === "" ? k : `${at}.${k}`;
        return t === undefined ? [where] : unknownKeys(v, t, structs, where);
    });
}

const STRUCTS = goConfigStructs();

/**
 * What the installer's strict parse rejects in a config file: pkg/config/loader.go `Load` reads
 * `apiVersion`, deletes it (`yq del(.apiVersion)`), then unmarshals the rest strictly into Config.
 */
function strictParseProblems(cfg: Record<string, unknown>): string[] {
    const { apiVersion, ...rest } = cfg;
    return [...(apiVersion === "v1" ? [] : [`apiVersion: ${String(apiVersion)} (want v1)`]), ...unknownKeys(rest, "Config", STRUCTS)];
}

/** A fragment like lib/gitpodConfigPatch.ts builds it (Secret refs, sign-up limits, image). */
const FRAGMENT = {
    authProviders: [
        { kind: "secret", name: "gitpod-auth-github-com" },
        { kind: "secret", name: "gitpod-auth-gitlab-com" },
    ],
    blockNewUsers: { enabled: true, passlist: ["example.com"] },
    workspace: { workspaceImage: "docker.io/gitpod/workspace-base:latest" },
};

const SETTINGS = { domain: "gitpod.example.com", certificateSecret: "https-certificates", fragment: FRAGMENT };

describe("installer config: the base", () => {
    it("config init's output parses strictly against the 2022.11.3 Config struct", () => {
        assert.ok(STRUCTS.get("Config")?.has("authProviders"), "the fixture's Config struct was not parsed");
        const base = configInitDefaults();
        assert.deepEqual(strictParseProblems(base), []);
        assert.equal(base.repository, "eu.gcr.io/gitpod-core-dev/build");
    });

    it("the field check catches a key the installer does not know", () => {
        assert.deepEqual(strictParseProblems({ apiVersion: "v1", domain: "x", workspace: { runtime: { containerdSocktet: "/x" } }, authProviders: [{ kind: "secret", nam: "y" }] }), [
            "workspace.runtime.containerdSocktet",
            "authProviders[0].nam",
        ]);
    });
});

describe("installer config: rendered for the program", () => {
    const cfg = installerConfig(SETTINGS);

    it("has only fields of the 2022.11.3 installer config", () => {
        assert.deepEqual(strictParseProblems(cfg), []);
    });

    it("domain, the TLS stage's certificate Secret and in-cluster database, registry and storage", () => {
        assert.equal(cfg.domain, "gitpod.example.com");
        assert.deepEqual(cfg.certificate, { kind: "secret", name: "https-certificates" });
        assert.deepEqual(cfg.database, { inCluster: true });
        assert.deepEqual(cfg.containerRegistry, { inCluster: true, privateBaseImageAllowList: [] });
        assert.equal((cfg.objectStorage as { inCluster: boolean }).inCluster, true);
    });

    it("k3s's containerd paths, keeping the other runtime and workspace defaults", () => {
        const ws = cfg.workspace as Record<string, Record<string, unknown>>;
        assert.deepEqual(ws.runtime, {
            containerdRuntimeDir: "/run/k3s/containerd/io.containerd.runtime.v2.task/k8s.io",
            containerdSocket: "/run/k3s/containerd/containerd.sock",
            fsShiftMethod: "fuse",
        });
        assert.deepEqual(ws.resources, { requests: { cpu: "1", memory: "2Gi" } });
        assert.equal(ws.maxLifetime, "36h0m0s");
    });

    it("auth providers as Secret references, the sign-up block list and the workspace image from the fragment", () => {
        assert.deepEqual(cfg.authProviders, [
            { kind: "secret", name: "gitpod-auth-github-com" },
            { kind: "secret", name: "gitpod-auth-gitlab-com" },
        ]);
        assert.deepEqual(cfg.blockNewUsers, { enabled: true, passlist: ["example.com"] });
        assert.equal((cfg.workspace as Record<string, unknown>).workspaceImage, "docker.io/gitpod/workspace-base:latest");
    });

    it("renders YAML that reads back as the same config", () => {
        assert.deepEqual(YAML.parse(renderInstallerConfig(SETTINGS)), cfg);
    });

    it("without a fragment: no auth providers, sign-up open (the release's defaults)", () => {
        const bare = installerConfig({ domain: "gitpod.example.com", certificateSecret: "https-certificates" });
        assert.deepEqual(bare.authProviders, []);
        assert.deepEqual(bare.blockNewUsers, { enabled: false, passlist: [] });
        assert.equal((bare.workspace as Record<string, unknown>).workspaceImage, undefined);
    });

    it("refuses a fragment that sets what the program owns, naming each key", () => {
        assert.throws(
            () => installerConfig({ ...SETTINGS, fragment: { domain: "other.example.com", workspace: { runtime: { containerdSocket: "/run/containerd/containerd.sock" } } } }),
            /domain: set by the program[\s\S]*workspace\.runtime\.containerdSocket: set by the program/,
        );
        assert.deepEqual(ownedKeyProblems({ workspace: { workspaceImage: "x" }, certificate: { name: "mine" } }).length, 1);
        assert.deepEqual(ownedKeyProblems({ workspace: { runtime: { fsShiftMethod: "shiftfs" } } }), []);
    });
});

describe("mergeInstallerConfig (the installer's merge: encoding/json into the defaults)", () => {
    it("objects merge key by key, lists replace, null removes", () => {
        const base = { a: { b: 1, c: [1, 2] }, d: "x", e: { f: 1 } };
        assert.deepEqual(mergeInstallerConfig(base, { a: { c: [3] }, e: null, g: true }), { a: { b: 1, c: [3] }, d: "x", g: true });
        assert.deepEqual(base, { a: { b: 1, c: [1, 2] }, d: "x", e: { f: 1 } }, "the base is not changed");
    });
});

describe("installer chart", () => {
    it("Chart.yaml names the chart gitpod-installer (kots' is gitpod-kots) with the release as appVersion", () => {
        assert.deepEqual(YAML.parse(installerChartYaml("2022.11.3")), {
            apiVersion: "v2",
            name: "gitpod-installer",
            description: "Gitpod rendered by its installer (gitpod-tencent, gitpodInstaller: installer)",
            version: "1.0.0",
            appVersion: "2022.11.3",
        });
    });
});
