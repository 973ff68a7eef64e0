/** Config of the Gitpod stage: sign-up policy, auth providers from secret config, KOTS items, the patch. */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import { RawConfig, StackConfig, validateConfig } from "../../lib/config";
import { problemsOf, TEST_SECRETS } from "../support/config";

const BASE = { domain: "gitpod.example.com", acmeEmail: "ops@example.com", adminCidrs: JSON.stringify(["203.0.113.7/32"]) };
const CLIENT_SECRET = "gh-client-secret-0123456789";
const GITHUB = { type: "GitHub", host: "github.com", clientId: "Iv1.abc", clientSecret: CLIENT_SECRET };

function raw(values: Record<string, string>, authProviders?: unknown, isSecret = true): RawConfig {
    const secretJson = authProviders === undefined ? {} : { authProviders: { text: JSON.stringify(authProviders), isSecret } };
    return { values: { ...BASE, ...values }, secrets: TEST_SECRETS, secretJson, cloudCredentials: true };
}

const valid = (r: RawConfig): StackConfig => validateConfig(r);
const domains = (...d: string[]) => ({ allowedEmailDomains: JSON.stringify(d) });

describe("sign-up policy", () => {
    it("refuses a config where nothing limits sign-up, in one line naming the keys", () => {
        assert.deepEqual(problemsOf(raw({})), [
            "gitpod-tencent:authProviders/allowedEmailDomains: got nothing; expected your OAuth app in authProviders and/or the e-mail domains allowed to sign up in allowedEmailDomains, so that no stranger can claim the new Gitpod (or openSignup: true to accept that)",
        ]);
    });

    it("limits sign-up to allowedEmailDomains without a warning", () => {
        const c = valid(raw(domains("example.com")));
        assert.deepEqual(c.signup, { allowedEmailDomains: ["example.com"] });
        assert.equal(c.signupWarning, undefined);
    });

    it("accepts openSignup: true with a warning", () => {
        const c = valid(raw({ openSignup: "true" }));
        assert.deepEqual(c.signup, { openSignup: true });
        assert.match(c.signupWarning ?? "", /^openSignup is true: anyone who reaches Gitpod can sign up/);
    });

    it("refuses openSignup together with allowedEmailDomains", () => {
        assert.deepEqual(problemsOf(raw({ openSignup: "true", ...domains("example.com") })), [
            'gitpod-tencent:openSignup: got "true"; expected false while allowedEmailDomains limits sign-up (choose one)',
        ]);
    });

    it("warns when only auth providers are set: anyone on that host could sign up", () => {
        const c = valid(raw({}, [GITHUB]));
        assert.match(c.signupWarning ?? "", /anyone with an account on github\.com can sign up/);
    });

    it("checks the domains", () => {
        assert.deepEqual(problemsOf(raw(domains("@example.com"))), [
            'gitpod-tencent:allowedEmailDomains[0]: got "@example.com"; expected e-mail domains allowed to sign up, e.g. ["example.com"]',
        ]);
    });
});

describe("authProviders", () => {
    it("keeps each clientSecret a Pulumi secret", async () => {
        const [p] = valid(raw(domains("example.com"), [GITHUB])).authProviders;
        assert.deepEqual({ ...p, clientSecret: undefined }, { type: "GitHub", host: "github.com", clientId: "Iv1.abc", clientSecret: undefined });
        assert.equal(await pulumi.isSecret(p.clientSecret as pulumi.Output<string>), true);
    });

    it("refuses a value stored in plain text", () => {
        assert.deepEqual(problemsOf(raw(domains("example.com"), [GITHUB], false)), [
            "gitpod-tencent:authProviders: stored in plain text; set each clientSecret with `pulumi config set --secret --path 'authProviders[0].clientSecret' …` (that encrypts the whole value)",
        ]);
    });

    it("reports every bad field at once, never the client secret", () => {
        const problems = problemsOf(
            raw(domains("example.com"), [
                { type: "Gitea", host: "https://git.example.com", clientId: "", clientSecret: CLIENT_SECRET },
                GITHUB,
                { ...GITHUB, clientSecret: "" },
                { ...GITHUB, host: "gitlab.com", scope: "repo" },
            ]),
        );
        assert.deepEqual(problems, [
            'gitpod-tencent:authProviders[0].type: got "Gitea"; expected one of GitHub, GitLab, Bitbucket',
            'gitpod-tencent:authProviders[0].host: got "https://git.example.com"; expected the Git host name, e.g. github.com or gitlab.example.com (no scheme, port or path)',
            "gitpod-tencent:authProviders[0].clientId: got nothing; expected the OAuth app's client ID",
            'gitpod-tencent:authProviders[2].host: got "github.com"; expected each host once (one OAuth app per host)',
            "gitpod-tencent:authProviders[2].clientSecret: got nothing; expected the OAuth app's client secret, set with `pulumi config set --secret --path 'authProviders[2].clientSecret' …`",
            'gitpod-tencent:authProviders[3].scope: got "(set)"; expected only type, host, clientId, clientSecret',
        ]);
        assert.ok(problems.every((p) => !p.includes(CLIENT_SECRET)));
    });
});

describe("KOTS items and the config patch", () => {
    it("reports an unknown gitpodConfig item under its key", () => {
        const [problem] = problemsOf(raw({ ...domains("example.com"), gitpodConfig: JSON.stringify({ sshGateway: "1" }) }));
        assert.match(problem, /^gitpod-tencent:gitpodConfig\.sshGateway: not an item of the Gitpod KOTS app; known items: /);
    });

    it("reports a gitpodConfigPatch that would drop the auth providers, naming both keys", () => {
        const problems = problemsOf(raw({ ...domains("example.com"), gitpodConfigPatch: JSON.stringify({ authProviders: [] }) }, [GITHUB]));
        assert.equal(problems.length, 1);
        assert.match(problems[0], /^gitpod-tencent:gitpodConfigPatch\.authProviders \(\[\]\) conflicts with authProviders = .* set from config `authProviders`/);
    });

    it("needs a sha256 for a mirrored kots archive", () => {
        assert.deepEqual(problemsOf(raw({ ...domains("example.com"), kotsDownloadUrl: "https://mirror.example.com/kots_linux_amd64.tar.gz" })), [
            "gitpod-tencent:kotsSha256: got nothing; expected the sha256 of the mirrored archive (a mirror has no checksums file to check it against): sha256sum kots_linux_amd64.tar.gz",
        ]);
    });

    it("has the documented defaults", () => {
        const c = valid(raw(domains("example.com")));
        assert.deepEqual(
            [c.kotsAppSlug, c.kotsChannel, c.gitpodVersion, c.workspaceImage, c.kotsDownloadUrl, c.kotsSha256, c.gitpodLicense],
            ["gitpod", "stable", "2022.11.3", "gitpod/workspace-full:latest", "", "", undefined],
        );
    });
});
