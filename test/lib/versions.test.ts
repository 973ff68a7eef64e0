import { describe, it } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { checkVersionSet, DEFAULT_VERSIONS, inRange, minorOf, PinName, PINS } from "../../lib/versions";

describe("the pinned version set", () => {
    it("every pinned component's supported range contains the k3s minor", () => {
        const kube = minorOf(PINS.k3s.version);
        for (const [name, pin] of Object.entries(PINS)) {
            const line = pin.lines.find((l) => l.line === minorOf(pin.version));
            assert.ok(line, `${name} ${pin.version}: its own line is not listed`);
            assert.ok(inRange(kube, line.kubernetes), `${name} ${pin.version} supports ${line.kubernetes.join("–")}, not ${kube}`);
            assert.ok(line.source.length > 0, `${name}: no source for its range`);
        }
        assert.deepEqual(checkVersionSet(DEFAULT_VERSIONS), []);
    });

    it("stays inside Gitpod 2022.11.3's tested Kubernetes range", () => {
        assert.ok(inRange(minorOf(PINS.k3s.version), PINS.gitpod.lines[0].kubernetes));
    });

    it("names both sides when a pin does not fit k3s", () => {
        const problems = checkVersionSet({ ...DEFAULT_VERSIONS, k3s: "v1.30.14+k3s2" }).map((p) => p.message);
        assert.ok(problems.some((p) => /^Gitpod .*2022\.11\.3 supports Kubernetes 1\.22–1\.24, but k3s v1\.30\.14\+k3s2 is Kubernetes 1\.30/.test(p)), problems.join("\n"));
        assert.ok(problems.some((p) => /^kots .*1\.102\.0 supports Kubernetes 1\.24–1\.27/.test(p)));
    });

    it("says which pin each conflict is about", () => {
        assert.deepEqual(checkVersionSet({ ...DEFAULT_VERSIONS, k3s: "v1.30.14+k3s2" }).map((p) => p.pin), ["gitpod", "calico", "kots"]);
        assert.deepEqual(checkVersionSet({ ...DEFAULT_VERSIONS, calico: "v3.99.0" }).map((p) => p.pin), ["calico"]);
    });

    it("reads minors of every version form in use", () => {
        assert.deepEqual(["v1.24.13+k3s1", "v3.26.5", "1.102.0", "2022.11.3"].map(minorOf), ["1.24", "3.26", "1.102", "2022.11"]);
        assert.throws(() => minorOf("latest"), /not a version: latest/);
    });
});

describe("README", () => {
    const readme = fs.readFileSync(path.join(__dirname, "..", "..", "README.md"), "utf8");

    it("shows every pin with the version the code uses", () => {
        const section = readme.slice(readme.indexOf("## Versions"));
        const rows = section.split("\n").filter((l) => l.startsWith("| ") && !l.startsWith("| component") && !l.startsWith("| ---"));
        const shown = new Map(rows.map((r) => r.split("|").map((c) => c.trim())).map((cells) => [cells[1], cells[2]]));
        for (const name of Object.keys(PINS) as PinName[]) {
            const pin = PINS[name];
            assert.ok(shown.has(pin.component), `README has no row for ${pin.component}`);
            assert.ok(shown.get(pin.component)!.startsWith(pin.version), `README shows ${pin.component} ${shown.get(pin.component)}, code pins ${pin.version}`);
        }
    });
});
