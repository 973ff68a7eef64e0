import { describe, it } from "node:test";
import assert from "node:assert/strict";
import YAML from "yaml";
import {
    configInitDefaults,
    installerChartYaml,
    installerConfig,
    mergeInstallerConfig,
    ownedKeyProblems,
    renderInstallerConfig,
} from "../../lib/installerConfig";
import { goStructs, strictParseProblems } from "../support/installerConfigStructs";

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
        assert.ok(goStructs().get("Config")?.has("authProviders"), "the fixture's Config struct was not parsed");
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
