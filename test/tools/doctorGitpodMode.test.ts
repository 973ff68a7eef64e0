import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ImageCheck } from "../../lib/registryClient";
import { Exec } from "../../tools/cli";
import { runDoctor } from "../../tools/doctorChecks";
import { ConfigValue } from "../../tools/pulumiCli";
import { CheckResult } from "../../tools/report";
import { checkInstallerImage, gitpodModeChecks, imagesForMode, licenceForMode, modeVerdict } from "../../tools/doctorGitpodMode";

const set = (value: string): ConfigValue => ({ kind: "set", value });
const REJECTED: CheckResult = {
    name: "KOTS licence",
    level: "FAIL",
    message: "https://replicated.app/license/gitpod rejected licence 273WZe6zHEcVHGOuIAviuyGXbgm (HTTP 401): it is revoked, expired or unknown",
    fix: "obtain a licence",
};
const ACCEPTED: CheckResult = { name: "KOTS licence", level: "PASS", message: "accepted by https://replicated.app (community, channel Stable)" };
const INSTALLER = "eu.gcr.io/gitpod-core-dev/build/installer:release-2022.11.3";

describe("which mode can work", () => {
    it("kots with the licence rejected: FAIL that says so and names gitpodInstaller: installer", () => {
        const r = modeVerdict("kots", REJECTED);
        assert.equal(r.level, "FAIL");
        assert.match(r.message, /^kots cannot install Gitpod: the licence check failed \(.*rejected licence/);
        assert.match(r.fix ?? "", /pulumi config set gitpodInstaller installer/);
    });

    it("kots with the licence endpoint not answering: the same FAIL", () => {
        const r = modeVerdict("kots", { name: "KOTS licence", level: "FAIL", message: "https://replicated.app/license/gitpod unreachable: ECONNREFUSED", fix: "x" });
        assert.equal(r.level, "FAIL");
        assert.match(r.message, /unreachable: ECONNREFUSED/);
        assert.match(r.fix ?? "", /gitpodInstaller installer/);
    });

    it("kots with the licence accepted, and installer mode either way: PASS", () => {
        assert.equal(modeVerdict("kots", ACCEPTED).level, "PASS");
        assert.deepEqual(modeVerdict("installer", REJECTED), {
            name: "install mode",
            level: "PASS",
            message: "installer: Gitpod's own installer + Helm, no replicated.app needed; kots could not work here (licence check failed)",
        });
    });

    it("an unknown gitpodInstaller value: FAIL naming it", () => {
        const r = modeVerdict({ invalid: "helm" }, ACCEPTED);
        assert.equal(r.level, "FAIL");
        assert.match(r.message, /gitpodInstaller is "helm"/);
    });

    it("in installer mode a failed licence check does not fail the doctor", () => {
        const r = licenceForMode("installer", REJECTED);
        assert.equal(r.level, "PASS");
        assert.match(r.message, /^not needed with gitpodInstaller: installer \(replicated\.app: .*HTTP 401/);
        assert.deepEqual(licenceForMode("kots", REJECTED), REJECTED);
    });
});

describe("images per mode", () => {
    it("installer mode asks for no KOTS admin-console or preflight image; kots mode does", () => {
        const installer = imagesForMode(set("installer"));
        const kots = imagesForMode({ kind: "unset" });
        assert.ok(installer.includes(INSTALLER));
        assert.ok(!installer.includes("docker.io/kotsadm/kotsadm:v1.102.0"));
        assert.ok(kots.includes("docker.io/kotsadm/kotsadm:v1.102.0"));
        assert.ok(kots.length > installer.length);
    });

    it("the installer image line: PASS when resolvable, FAIL naming it and both modes when not", async () => {
        const asked: string[][] = [];
        const present = await checkInstallerImage({
            check: async (refs) => {
                asked.push([...refs]);
                return refs.map((image) => ({ image, status: "present", detail: "present", tried: [] }));
            },
        });
        assert.deepEqual(asked, [[INSTALLER]]);
        assert.deepEqual(present, { name: "installer image", level: "PASS", message: `${INSTALLER} resolvable` });
        const missing = await checkInstallerImage({ check: async (refs) => refs.map((image): ImageCheck => ({ image, status: "missing", detail: "eu.gcr.io: 404", tried: [] })) });
        assert.equal(missing.level, "FAIL");
        assert.equal(missing.message, `${INSTALLER}: missing (eu.gcr.io: 404)`);
        assert.match(missing.fix ?? "", /both modes run this image/);
    });

    it("gitpodModeChecks gives the licence, the verdict and the installer image, in that order", async () => {
        const lines = await Promise.all(
            gitpodModeChecks({
                mode: set("installer"),
                licence: Promise.resolve(REJECTED),
                images: { check: async (refs) => refs.map((image) => ({ image, status: "present", detail: "", tried: [] })) },
            }),
        );
        assert.deepEqual(
            lines.map((l) => `${l.level} ${l.name}`),
            ["PASS KOTS licence", "PASS install mode", "PASS installer image"],
        );
    });
});

describe("runDoctor with gitpodInstaller", () => {
    const exec = (mode: string): Exec => async (cmd, args) => {
        const key = [cmd, ...args].join(" ");
        const answers: Record<string, string> = {
            "pulumi version": "v3.130.0",
            "pulumi whoami": "alice",
            "pulumi stack --show-name": "dev",
            "pulumi config get gitpodInstaller --stack dev": mode,
            "pulumi config get domain --stack dev": "gitpod.example.com",
        };
        return key in answers ? { code: 0, stdout: `${answers[key]}\n`, stderr: "" } : { code: 255, stdout: "", stderr: `error: configuration key '${args[2]}' not found` };
    };
    const replicatedDown = (async (url: string | URL | Request) => {
        if (String(url).startsWith("https://replicated.app/")) throw Object.assign(new Error("fetch failed"), { cause: { code: "ECONNREFUSED" } });
        throw new Error("offline");
    }) as typeof fetch;
    const allPresent = async (refs: readonly string[]): Promise<ImageCheck[]> => refs.map((image) => ({ image, status: "present", detail: "present", tried: [] }));

    for (const [mode, verdict] of [
        ["kots", "FAIL"],
        ["installer", "PASS"],
    ] as const) {
        it(`replicated.app not answering, ${mode} mode: install mode ${verdict}`, async () => {
            const checked: string[][] = [];
            const { results } = await runDoctor({
                exec: exec(mode),
                env: {},
                fetch: replicatedDown,
                checkImagesFn: async (refs) => {
                    checked.push([...refs]);
                    return allPresent(refs);
                },
            });
            const byName = Object.fromEntries(results.map((r) => [r.name, r]));
            assert.equal(byName["install mode"].level, verdict);
            assert.equal(byName["KOTS licence"].level, mode === "kots" ? "FAIL" : "PASS");
            assert.equal(byName["installer image"].level, "PASS");
            const all = checked.find((refs) => refs.length > 1) ?? [];
            assert.equal(all.includes("docker.io/kotsadm/kotsadm:v1.102.0"), mode === "kots");
        });
    }
});
