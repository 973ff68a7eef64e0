/**
 * The policy pack loads the way `pulumi preview --policy-pack policy` loads it: the CLI's
 * nodejs policy host runs `node node_modules/@pulumi/pulumi/cmd/run-policy-pack <engine> <dir>`
 * in the pack's directory, which compiles index.ts with ts-node (type-checked) and the first
 * `typescript` it resolves from there, then serves gRPC and prints its port. A bad `main`, a
 * missing `version`, a type error or compiler options the compiler rejects fail here instead
 * of on the first real preview.
 */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import * as path from "node:path";
import { describe, it } from "node:test";

const POLICY_DIR = path.join(__dirname, "..", "..", "policy");
const PULUMI_SDK = path.join(POLICY_DIR, "node_modules", "@pulumi", "pulumi");

/** Starts the pack as the CLI does; resolves with its first stdout line (the port) or rejects with stderr. */
function startPack(timeoutMs: number): Promise<string> {
    return new Promise((resolve, reject) => {
        const child = spawn(process.execPath, [path.join(PULUMI_SDK, "cmd", "run-policy-pack"), "127.0.0.1:1", "."], { cwd: POLICY_DIR });
        let stdout = "";
        let stderr = "";
        const timer = setTimeout(() => finish(new Error(`no port within ${timeoutMs} ms; stderr:\n${stderr}`)), timeoutMs);
        const finish = (err?: Error) => {
            clearTimeout(timer);
            child.kill();
            if (err) reject(err);
            else resolve(stdout.split("\n")[0]);
        };
        child.stdout.on("data", (d) => {
            stdout += String(d);
            if (stdout.includes("\n")) finish();
        });
        child.stderr.on("data", (d) => (stderr += String(d)));
        child.on("exit", (code) => finish(new Error(`run-policy-pack exited with ${code} before serving:\n${stderr}`)));
    });
}

describe("policy pack loading", () => {
    it("brings its own TypeScript (the vendored 3.8 compiler rejects the pack's tsconfig)", () => {
        const resolved = require.resolve("typescript", { paths: [PULUMI_SDK] });
        assert.ok(
            resolved.startsWith(path.join(POLICY_DIR, "node_modules") + path.sep),
            `${resolved}: policy/ has no dependencies installed; run \`npm ci\` (its postinstall installs policy/)`,
        );
    });

    it("compiles and serves under Pulumi's policy runtime", async () => {
        assert.match(await startPack(60_000), /^\d+$/);
    });
});
