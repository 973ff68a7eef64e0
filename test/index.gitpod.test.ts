/**
 * The Gitpod stage inside the whole program (mocks), with a GitHub OAuth app set the way a user
 * sets it (`pulumi config set --secret --path 'authProviders[0].clientSecret'`) and open
 * sign-up: what waits on what, the stack outputs, and that no secret leaks into a command.
 */
import { before, describe, it } from "node:test";
import * as assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import * as YAML from "yaml";
import { dependsOnTransitively, one, ProgramRun, runProgram, VALID_SECRETS } from "../tools/mock/program";
import { valueOf } from "../tools/mock/mocks";

const COMMAND = "command:remote:Command";
const SECRET = "kubernetes:core/v1:Secret";
const CLIENT_SECRET = "github-oauth-client-secret-value";
const AUTH = JSON.stringify([{ type: "GitHub", host: "github.com", clientId: "Iv1.0123456789abcdef", clientSecret: CLIENT_SECRET }]);

let run: ProgramRun;

before(async () => {
    run = await runProgram({ plain: { allowedEmailDomains: undefined, openSignup: true }, secrets: { authProviders: AUTH } });
});

/** The three stdin lines of the kots step, decoded. */
function kotsStdin(): { password: string; license: string; configValues: Record<string, { value: string }> } {
    const [password, license, values] = String(one(run, COMMAND, "gitpod-kots").inputs.stdin)
        .trim()
        .split("\n")
        .map((l) => Buffer.from(l, "base64").toString("utf8"));
    return { password, license, configValues: YAML.parse(values).spec.values };
}

describe("the Gitpod stage", () => {
    it("runs", () => {
        assert.equal(run.error, undefined, String(run.error));
    });

    it("installs only after the certificate, the CoreDNS fix and the image preflight", () => {
        const install = one(run, COMMAND, "gitpod-kots");
        assert.ok(dependsOnTransitively(run, install, one(run, COMMAND, "tls-wait-certificate")));
        assert.ok(dependsOnTransitively(run, install, one(run, "kubernetes:core/v1:ConfigMap", "coredns-coredns-custom")));
        assert.ok(dependsOnTransitively(run, install, one(run, COMMAND, "images-check")));
        assert.ok(dependsOnTransitively(run, install, one(run, SECRET, "gitpod-auth-github.com")), "the auth Secret exists before kots deploys");
        assert.ok(dependsOnTransitively(run, one(run, COMMAND, "gitpod-wait"), install));
    });

    it("bounds a changed config's deploy (kotsadm, then the installer's Helm upgrade) by the readiness wait's 45 minutes", () => {
        assert.match(String(one(run, COMMAND, "gitpod-kots").inputs.create), /export DEPLOY_WAIT_SECONDS='\\''2700'\\''/);
    });

    it("pre-pulls the workspace image as soon as k3s is up, and nothing waits on it", () => {
        const prepull = one(run, COMMAND, "workspace-image-start");
        const k3s = one(run, COMMAND, "k3s-kubeconfig");
        assert.ok(prepull.dependencies.includes(k3s.urn));
        assert.ok(!dependsOnTransitively(run, prepull, one(run, COMMAND, "tls-wait-certificate")));
        assert.ok(!dependsOnTransitively(run, prepull, one(run, COMMAND, "images-check")));
        const waiting = run.resources.filter((r) => r.urn !== prepull.urn && dependsOnTransitively(run, r, prepull));
        assert.deepEqual(waiting.map((r) => r.name), []);
        assert.match(String(prepull.inputs.create), /export WORKSPACE_IMAGE=\S*docker\.io\/gitpod\/workspace-full:latest/);
    });

    it("creates the GitHub provider Secret with the client secret as a Pulumi secret", () => {
        const s = one(run, SECRET, "gitpod-auth-github.com");
        assert.equal(s.inputs.metadata.name, "gitpod-auth-github-com");
        assert.equal(s.inputs.metadata.namespace, "gitpod");
        assert.ok(s.secretPaths.includes("stringData.provider") || s.secretPaths.includes("stringData"), `secret paths: ${s.secretPaths.join(", ")}`);
        const doc = YAML.parse(s.inputs.stringData.provider);
        assert.equal(doc.oauth.clientSecret, CLIENT_SECRET);
        assert.equal(doc.oauth.callBackUrl, "https://gitpod.example.com/auth/github.com/callback");
    });

    it("hands kots the password, the Community licence and ConfigValues on stdin only, as a secret", () => {
        const install = one(run, COMMAND, "gitpod-kots");
        assert.ok(install.secretPaths.includes("stdin"));
        const { password, license, configValues } = kotsStdin();
        assert.equal(password, "mock-random-password-0123456789");
        assert.match(license, /licenseID: 273WZe6zHEcVHGOuIAviuyGXbgm/);
        const patch = YAML.parse(Buffer.from(configValues.config_patch.value, "base64").toString("utf8"));
        assert.deepEqual(patch, { authProviders: [{ kind: "secret", name: "gitpod-auth-github-com" }] });
        assert.ok(!JSON.stringify(configValues).includes(CLIENT_SECRET), "ConfigValues refer to the Secret by name only");
    });

    it("puts no secret into any command string", () => {
        const secrets = [CLIENT_SECRET, "mock-random-password-0123456789", "273WZe6zHEcVHGOuIAviuyGXbgm", ...Object.values(VALID_SECRETS)];
        for (const c of run.resources.filter((r) => r.type === COMMAND)) {
            for (const field of ["create", "update", "delete"]) {
                for (const secret of secrets) assert.ok(!String(c.inputs[field] ?? "").includes(secret), `${c.name}.${field} holds a secret`);
            }
        }
    });

    it("exports the URL, the admin console command, the callback URLs and the warning; secrets stay secret", async () => {
        const e = run.exports;
        assert.equal(await valueOf(e.gitpodUrl as pulumi.Output<string>), "https://gitpod.example.com");
        assert.equal(
            await valueOf(e.adminConsole as pulumi.Output<string>),
            "ssh -i gitpod-tencent.pem -L 8800:127.0.0.1:8800 ubuntu@43.156.0.10 sudo k3s kubectl -n gitpod port-forward --address 127.0.0.1 svc/kotsadm 8800:3000  # then open http://localhost:8800",
        );
        assert.deepEqual(e.authCallbackUrls, { "github.com": "https://gitpod.example.com/auth/github.com/callback" });
        assert.match(String(e.signupWarning), /^openSignup is true/);
        for (const key of ["adminPassword", "sshPrivateKey", "kubeconfig"]) {
            assert.equal(await pulumi.isSecret(e[key] as pulumi.Output<string>), true, `${key} is not a secret output`);
        }
    });
});
