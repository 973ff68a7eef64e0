/**
 * The tools against the real program (one mock run): `npm run plan`'s stages are the recorded
 * components, its waits and critical path agree with the dependency graph the mocks recorded,
 * and the command prints it; `npm run verify` finds the stack outputs it reads.
 */
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import * as path from "node:path";
import { before, describe, it } from "node:test";
import { promisify } from "node:util";
import * as fs from "node:fs";
import { buildPlan, Plan } from "../../lib/plan";
import { readStackOutputs } from "../../tools/verifyChecks";
import { fakeExec } from "../support/fakeExec";
import { valueOf } from "../../tools/mock/mocks";
import * as pulumi from "@pulumi/pulumi";
import { dependsOnTransitively, ProgramRun, runProgram } from "../../tools/mock/program";

const ROOT = path.join(__dirname, "..", "..");

describe("npm run plan", () => {
    let run: ProgramRun;
    let plan: Plan;
    let printed = "";
    before(async () => {
        const [program, out] = await Promise.all([
            runProgram(),
            promisify(execFile)(process.execPath, ["--import", "tsx", "tools/plan.ts", "--stack", "dev"], { cwd: ROOT, encoding: "utf8" }),
        ]);
        run = program;
        assert.equal(run.error, undefined);
        plan = buildPlan(run.resources);
        printed = out.stdout;
    });

    const stage = (kind: string) => plan.stages.find((s) => s.type.endsWith(`:${kind}`))!;
    const resource = (urn: string) => run.resources.find((r) => r.urn === urn)!;

    it("has a stage per top-level component, at least the ones landed so far", () => {
        const kinds = plan.stages.map((s) => s.type.split(":").pop());
        for (const k of ["Network", "SshKey", "CvmNode", "DnsRecords", "K3sServer", "Calico", "CoreDnsHairpin", "ImagePreflight", "Tls"]) assert.ok(kinds.includes(k), k);
        assert.equal(new Set(plan.stages.map((s) => s.urn)).size, plan.stages.length);
    });

    /** The component and everything below it. */
    const subtree = (root: string): string[] => {
        const below = run.resources.filter((r) => r.parent === root).flatMap((r) => subtree(r.urn));
        return [root, ...below];
    };

    it("every wait is a real dependency in the recorded graph (a dependency or a provider of a resource inside)", () => {
        for (const s of plan.stages) {
            for (const w of s.waitsOn) {
                const targets = subtree(w).map(resource);
                const found = subtree(s.urn).map(resource).some((r) => targets.some((t) => dependsOnTransitively(run, r, t) || r.provider.startsWith(`${t.urn}::`)));
                assert.ok(found, `${s.name} waits on ${w} without a recorded dependency`);
            }
        }
        assert.deepEqual(stage("K3sServer").waitsOn, [stage("PublicAddress").urn]);
        assert.deepEqual(stage("PublicAddress").waitsOn, [stage("CvmNode").urn]);
        assert.deepEqual(stage("DiskBackups").waitsOn, [stage("CvmNode").urn]);
        assert.deepEqual(stage("Tls").waitsOn, [stage("Calico").urn]);
        assert.deepEqual(stage("DnsRecords").waitsOn, [stage("PublicAddress").urn]);
    });

    it("the critical path is a chain of waits from a stage that waits on nothing, as long as the total", () => {
        const path = plan.criticalPath.map((u) => plan.stages.find((s) => s.urn === u)!);
        assert.deepEqual(path[0].waitsOn, []);
        for (let i = 1; i < path.length; i++) {
            assert.equal(path[i].start, path[i - 1].finish, `${path[i].name} starts when ${path[i - 1].name} ends`);
        }
        assert.equal(path.at(-1)!.finish, plan.totalSeconds);
        assert.equal(Math.max(...plan.stages.map((s) => s.finish)) >= plan.totalSeconds, true);
        for (const s of ["CvmNode", "PublicAddress", "K3sServer", "Calico", "Tls"]) assert.ok(stage(s).critical, s);
        for (const s of ["DnsRecords", "CoreDnsHairpin", "DiskBackups"]) assert.equal(stage(s).critical, false, s);
    });

    it("prints the stages, the modelled time and the critical path", () => {
        assert.match(printed, /^gitpod-tencent plan: index\.ts under Pulumi's mock engine with the plain config of Pulumi\.dev\.yaml/);
        assert.match(printed, /^\* K3sServer\(k3s\) +\d+:\d\d → +\d+:\d\d +critical path +waits on: PublicAddress\(gitpod-server\)$/m);
        assert.match(printed, /^ {2}DnsRecords\(gitpod\) .*beside: .*waits on: PublicAddress\(gitpod-server\)$/m);
        assert.match(printed, /^modelled time to a usable Gitpod: \d+:\d\d \(min:s\)/m);
        assert.match(printed, /^critical path \(\*\): Network\(gitpod\) → CvmNode\(gitpod-server\) → PublicAddress\(gitpod-server\) → K3sServer\(k3s\) → .*Tls\(tls\)/m);
    });

    it("the README's Mermaid diagram shows every stage and exactly these waits", () => {
        const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
        const block = /```mermaid\n([\s\S]*?)```/.exec(readme)?.[1] ?? "";
        const kindOf = (urn: string) => plan.stages.find((s) => s.urn === urn)!.type.split(":").pop();
        const edges = [...block.matchAll(/^\s*(\w+)(?:\[[^\n]*?\])?\s*-->\s*(\w+)/gm)].map((m) => `${m[1]} --> ${m[2]}`).filter((e) => !e.startsWith("config "));
        const expected = plan.stages.flatMap((s) => s.waitsOn.map((w) => `${kindOf(w)} --> ${kindOf(s.urn)}`));
        assert.deepEqual(edges.sort(), expected.sort());
        for (const s of plan.stages) assert.match(block, new RegExp(`^\\s*${kindOf(s.urn)}\\[`, "m"), `no node for ${kindOf(s.urn)}`);
    });

    it("npm run verify finds gitpodUrl, publicIp and dnsNames in the program's outputs", async () => {
        // As `pulumi stack output --json` prints them.
        const printed = JSON.stringify({
            gitpodUrl: await valueOf(run.exports.gitpodUrl as pulumi.Output<string>),
            publicIp: await valueOf(run.exports.publicIp as pulumi.Output<string>),
            dnsNames: await valueOf(run.exports.dnsNames as pulumi.Output<string[]>),
        });
        const { result, outputs } = await readStackOutputs(fakeExec({ "pulumi stack output --json --stack dev": { stdout: printed } }), "dev");
        assert.equal(result.level, "PASS", result.message);
        assert.deepEqual(outputs, { gitpodUrl: "https://gitpod.example.com", publicIp: "43.156.0.10", dnsNames: ["gitpod.example.com", "*.gitpod.example.com", "*.ws.gitpod.example.com"] });
    });
});
