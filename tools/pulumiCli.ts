/**
 * The Pulumi CLI as the tools use it: installed, logged in, which stack, and reading the stack's
 * config (secrets decrypted). Shared by `npm run doctor` and `npm run verify`.
 */
import { Exec, stackArgs } from "./cli";
import { CheckResult, fail, firstLine, pass, warn } from "./report";


export const PULUMI_INSTALL_FIX = "install the Pulumi CLI: curl -fsSL https://get.pulumi.com | sh (https://www.pulumi.com/docs/install/), then open a new shell";

export async function checkPulumiCli(exec: Exec): Promise<CheckResult> {
    const name = "pulumi CLI";
    const r = await exec("pulumi", ["version"]);
    if (r.notFound) return fail(name, "`pulumi` is not on PATH", PULUMI_INSTALL_FIX);
    if (r.code !== 0) return fail(name, `\`pulumi version\` failed: ${firstLine(r.stderr) || `exit ${r.code}`}`, PULUMI_INSTALL_FIX);
    return pass(name, firstLine(r.stdout));
}

export async function checkPulumiLogin(exec: Exec): Promise<CheckResult> {
    const name = "pulumi login";
    const r = await exec("pulumi", ["whoami"]);
    if (r.notFound) return warn(name, "not checked: no Pulumi CLI");
    if (r.code !== 0) {
        return fail(name, `not logged in: ${firstLine(r.stderr) || `exit ${r.code}`}`, "run `pulumi login` (Pulumi Cloud) or `pulumi login --local` (state in ~/.pulumi)");
    }
    return pass(name, `logged in as ${firstLine(r.stdout)}`);
}

export async function checkStack(exec: Exec, stack?: string): Promise<CheckResult & { stack?: string }> {
    const name = "pulumi stack";
    const r = await exec("pulumi", ["stack", "--show-name", ...stackArgs(stack)]);
    if (r.notFound) return warn(name, "not checked: no Pulumi CLI");
    if (r.code !== 0 || firstLine(r.stdout) === "") {
        return fail(
            name,
            stack ? `stack ${stack} not found: ${firstLine(r.stderr)}` : `no stack selected: ${firstLine(r.stderr) || "none"}`,
            "run `pulumi stack select <name>` (or `pulumi stack init <name>`) in the project directory, or pass --stack <name>",
        );
    }
    const selected = firstLine(r.stdout);
    return { ...pass(name, selected), stack: selected };
}

export type ConfigValue = { readonly kind: "set"; readonly value: string } | { readonly kind: "unset" } | { readonly kind: "error"; readonly message: string };

/** `pulumi config get <key>`: set, unset ("not found"), or unreadable (e.g. no passphrase). */
export async function pulumiConfigGet(exec: Exec, key: string, stack?: string): Promise<ConfigValue> {
    const r = await exec("pulumi", ["config", "get", key, ...stackArgs(stack)]);
    if (r.code === 0) return { kind: "set", value: r.stdout.replace(/\r?\n$/, "") };
    if (/not found/i.test(r.stderr)) return { kind: "unset" };
    return { kind: "error", message: r.notFound ? "no Pulumi CLI" : firstLine(r.stderr) || `exit ${r.code}` };
}
