/**
 * The installer-config fragment: what each feature contributes, the user's patch merged last,
 * clashes reported; every field it writes exists in Gitpod's installer config, and every field
 * `validate cluster` requires is in an auth-provider document.
 */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import * as YAML from "yaml";
import { authProviderDocument, authProviderSecretName, authProviderYaml, callbackUrl } from "../../lib/authProviders";
import { gitpodConfigPatch } from "../../lib/gitpodConfigPatch";
import { goStructs } from "../support/installerConfigStructs";

/** `json:"…"` name -> Go type name (without * and []), for the fields of struct `name`. */
function goStruct(name: string): Map<string, { type: string; required: boolean }> {
    const fields = goStructs().get(name);
    assert.ok(fields, `struct ${name} not in the fixture`);
    return new Map([...fields].map(([k, f]) => [k, { type: f.type.replace(/[*[\]]/g, ""), required: f.required }]));
}

/** Asserts every key path of `value` (objects and list items) is a field of Go struct `type`. */
function assertFieldsExist(value: unknown, type: string, at: string): void {
    if (Array.isArray(value)) return value.forEach((v, i) => assertFieldsExist(v, type, `${at}[${i}]`));
    if (typeof value !== "object" || value === null) return;
    const fields = goStruct(type);
    for (const [k, v] of Object.entries(value)) {
        const field = fields.get(k);
        assert.ok(field, `${at}.${k} is not a field of ${type}`);
        if (typeof v === "object" && v !== null) assertFieldsExist(v, field.type, `${at}.${k}`);
    }
}

const settings = {
    authProviderSecrets: ["gitpod-auth-github-com", "gitpod-auth-gitlab-com"],
    signup: { allowedEmailDomains: ["example.com", "example.org"] },
    workspaceImage: "registry.example.com/workspace:1",
};

describe("gitpodConfigPatch", () => {
    it("refers to the Secrets, limits sign-up to the domains and sets the workspace image", () => {
        assert.deepEqual(gitpodConfigPatch(settings), {
            patch: {
                authProviders: [
                    { kind: "secret", name: "gitpod-auth-github-com" },
                    { kind: "secret", name: "gitpod-auth-gitlab-com" },
                ],
                blockNewUsers: { enabled: true, passlist: ["example.com", "example.org"] },
                workspace: { workspaceImage: "registry.example.com/workspace:1" },
            },
            conflicts: [],
        });
    });

    it("writes only fields of Gitpod's installer config", () => {
        const { patch } = gitpodConfigPatch(settings);
        assertFieldsExist(patch, "Config", "config");
    });

    it("leaves out what is at its default: open sign-up, no providers, Gitpod's own image", () => {
        assert.deepEqual(gitpodConfigPatch({ authProviderSecrets: [], signup: { openSignup: true }, workspaceImage: "gitpod/workspace-full:latest" }).patch, {});
    });

    it("merges the user's patch last, object by object, keeping our parts", () => {
        const { patch, conflicts } = gitpodConfigPatch({ ...settings, userPatch: { workspace: { maxLifetime: "8h" }, blockNewUsers: { enabled: true } } });
        assert.deepEqual(conflicts, []);
        assert.deepEqual(patch.workspace, { workspaceImage: "registry.example.com/workspace:1", maxLifetime: "8h" });
        assert.deepEqual(patch.blockNewUsers, { enabled: true, passlist: ["example.com", "example.org"] });
    });

    it("reports a user authProviders that would drop ours, naming both keys", () => {
        const { conflicts } = gitpodConfigPatch({ ...settings, userPatch: { authProviders: [{ kind: "secret", name: "mine" }] } });
        assert.deepEqual(conflicts, [
            'gitpodConfigPatch.authProviders ([{"kind":"secret","name":"mine"}]) conflicts with authProviders = [{"kind":"secret","name":"gitpod-auth-github-com"},{"kind":"secret","name":"gitpod-auth-gitlab-com"}] set from config `authProviders`: remove it from gitpodConfigPatch or change `authProviders`',
        ]);
    });

    it("reports a clash with the sign-up limit and the workspace image", () => {
        const { conflicts } = gitpodConfigPatch({ ...settings, userPatch: { blockNewUsers: { enabled: false }, workspace: { workspaceImage: "other:1" } } });
        assert.equal(conflicts.length, 2);
        assert.match(conflicts[0], /^gitpodConfigPatch\.blockNewUsers\.enabled \(false\) conflicts with blockNewUsers\.enabled = true set from config `allowedEmailDomains`/);
        assert.match(conflicts[1], /^gitpodConfigPatch\.workspace\.workspaceImage \("other:1"\) conflicts with .* `workspaceImage`/);
    });
});

describe("auth-provider documents", () => {
    const github = { type: "GitHub" as const, host: "github.com", clientId: "Iv1.abc", clientSecret: "s3cret" };

    it("have every field Gitpod's `validate cluster` requires", () => {
        const doc = YAML.parse(authProviderYaml("gitpod.example.com", github));
        const required = (type: string) => [...goStruct(type)].filter(([, f]) => f.required).map(([name]) => name);
        assert.deepEqual(required("AuthProviderConfigs"), ["id", "host", "type", "oauth"]);
        assert.deepEqual(required("OAuth"), ["clientId", "clientSecret", "callBackUrl"]);
        for (const field of required("AuthProviderConfigs")) assert.ok(doc[field], `missing ${field}`);
        for (const field of required("OAuth")) assert.ok(doc.oauth[field], `missing oauth.${field}`);
    });

    it("use Gitpod's id for github.com and the callback URL under the domain", () => {
        assert.deepEqual(authProviderDocument("gitpod.example.com", github), {
            id: "Public-GitHub",
            host: "github.com",
            type: "GitHub",
            oauth: {
                clientId: "Iv1.abc",
                clientSecret: "s3cret",
                callBackUrl: "https://gitpod.example.com/auth/github.com/callback",
                settingsUrl: "https://github.com/settings/connections/applications/Iv1.abc",
            },
        });
    });

    it("a self-hosted GitLab keeps its host as id, its own callback path and settings page", () => {
        const doc = authProviderDocument("gitpod.example.com", { type: "GitLab", host: "gitlab.example.com", clientId: "id", clientSecret: "s" });
        assert.equal(doc.id, "gitlab.example.com");
        assert.equal(doc.oauth.callBackUrl, "https://gitpod.example.com/auth/gitlab.example.com/callback");
        assert.equal(doc.oauth.settingsUrl, "https://gitlab.example.com/-/profile/applications");
        assert.equal(callbackUrl("gitpod.example.com", "gitlab.example.com"), doc.oauth.callBackUrl);
    });

    it("live in Secrets named after the host (valid Kubernetes names)", () => {
        assert.equal(authProviderSecretName("github.com"), "gitpod-auth-github-com");
        assert.equal(authProviderSecretName("git.sub.example.com"), "gitpod-auth-git-sub-example-com");
    });
});
