import { describe, it } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import YAML from "yaml";
import {
    COREDNS_CUSTOM_DIR,
    COREDNS_CUSTOM_NAME,
    COREDNS_CUSTOM_NAMESPACE,
    corednsCustomConfigMap,
    corednsCustomData,
    corednsCustomKey,
    corednsImportKind,
    gitpodNamesPattern,
    hairpinOverride,
    hairpinServerBlock,
} from "../../lib/coredns";
import { PINS } from "../../lib/versions";

const FIXTURE = path.join(__dirname, "..", "fixtures", "k8s", "k3s-coredns-v1.24.13.yaml");
const INPUT = { domain: "gitpod.example.com", namespace: "gitpod" };

/** A Corefile block: its header (`zone:53`, `kubernetes cluster.local`...), lines and sub-blocks. */
interface Block {
    readonly header: string;
    readonly lines: string[];
    readonly blocks: Block[];
}

/**
 * Parses Corefile text into nested blocks, line by line (the layout this project and k3s
 * write: `{` ends a header line, `}` stands alone). Throws on unbalanced braces.
 */
function parseCorefile(text: string): Block {
    const root: Block = { header: "<root>", lines: [], blocks: [] };
    const stack: Block[] = [root];
    for (const raw of text.split("\n")) {
        const line = raw.replace(/#.*$/, "").trim();
        if (line === "") continue;
        if (line === "}") {
            assert.ok(stack.length > 1, "a `}` closes nothing");
            stack.pop();
        } else if (line.endsWith("{")) {
            const block: Block = { header: line.slice(0, -1).trim(), lines: [], blocks: [] };
            stack[stack.length - 1].blocks.push(block);
            stack.push(block);
        } else {
            assert.ok(!line.includes("{") && !line.includes("}"), `unexpected brace in ${JSON.stringify(line)}`);
            stack[stack.length - 1].lines.push(line);
        }
    }
    assert.equal(stack.length, 1, "unbalanced braces: a block is not closed");
    return root;
}

/** The fixture with k3s' placeholders replaced the way k3s does (pkg/server/server.go). */
function k3sCorednsManifests(): Record<string, unknown>[] {
    const text = fs
        .readFileSync(FIXTURE, "utf8")
        .replace(/%\{CLUSTER_DOMAIN\}%/g, "cluster.local")
        .replace(/%\{CLUSTER_DNS\}%/g, "10.43.0.10")
        .replace(/%\{SYSTEM_DEFAULT_REGISTRY\}%/g, "");
    assert.ok(!/%\{[A-Z_]+\}%/.test(text), "every placeholder is substituted");
    return YAML.parseAllDocuments(text).map((d) => d.toJS() as Record<string, unknown>);
}

/**
 * `.validate()` of a kubernetes-models object; under `node10` resolution TypeScript cannot see
 * the ESM-only base class's types, hence the cast.
 */
function validateModel(model: object): void {
    (model as { validate(): void }).validate();
}

/** `import` globs of a Corefile matched like a shell glob against a file name. */
function globMatches(glob: string, file: string): boolean {
    const re = new RegExp(`^${glob.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, "[^/]*")}$`);
    return re.test(file);
}

describe("coredns-custom key per k3s release", () => {
    it("the pinned v1.24.13 gets `.server` (it does not import *.override)", () => {
        assert.equal(PINS.k3s.version, "v1.24.13+k3s1");
        assert.equal(corednsImportKind("v1.24.13+k3s1"), "server");
        assert.equal(corednsCustomKey("v1.24.13+k3s1"), "gitpod.server");
        assert.equal(corednsImportKind("v1.24.14+k3s1"), "server");
    });

    it("`.override` from v1.24.15, v1.25.11, v1.26.6, v1.27.3 and every later line", () => {
        assert.equal(corednsCustomKey("v1.24.15+k3s1"), "gitpod.override");
        assert.equal(corednsImportKind("v1.25.10+k3s1"), "server");
        assert.equal(corednsImportKind("v1.25.11+k3s1"), "override");
        assert.equal(corednsImportKind("v1.26.6+k3s1"), "override");
        assert.equal(corednsImportKind("v1.27.2+k3s1"), "server");
        assert.equal(corednsImportKind("v1.27.3+k3s1"), "override");
        assert.equal(corednsImportKind("v1.30.14+k3s2"), "override");
        assert.equal(corednsImportKind("v1.23.9+k3s1"), "server");
    });

    it("rejects what is not a k3s release or predates the import", () => {
        assert.throws(() => corednsImportKind("1.24.13"), /not a k3s version/);
        assert.throws(() => corednsImportKind("v1.21.12+k3s1"), /before v1.22/);
    });
});

describe("the pinned k3s (v1.24.13 fixture) reads our key", () => {
    const docs = k3sCorednsManifests();
    const configMap = docs.find((d) => d.kind === "ConfigMap" && (d.metadata as { name: string }).name === "coredns") as {
        data: { Corefile: string };
    };
    const deployment = docs.find((d) => d.kind === "Deployment") as {
        spec: { template: { spec: { volumes: { name: string; configMap?: { name: string; optional?: boolean } }[]; containers: { volumeMounts: { name: string; mountPath: string }[] }[] } } };
    };

    it("its Corefile imports *.server at the top level and no *.override", () => {
        const corefile = parseCorefile(configMap.data.Corefile);
        const imports = corefile.lines.filter((l) => l.startsWith("import "));
        assert.deepEqual(imports, [`import ${COREDNS_CUSTOM_DIR}/*.server`]);
        assert.ok(!configMap.data.Corefile.includes(".override"));
        const key = corednsCustomKey(PINS.k3s.version);
        assert.ok(globMatches(`${COREDNS_CUSTOM_DIR}/*.server`, `${COREDNS_CUSTOM_DIR}/${key}`), `${key} is imported`);
        assert.ok(!globMatches(`${COREDNS_CUSTOM_DIR}/*.server`, `${COREDNS_CUSTOM_DIR}/gitpod.override`));
    });

    it("mounts the optional coredns-custom ConfigMap at the import directory", () => {
        const volume = deployment.spec.template.spec.volumes.find((v) => v.configMap?.name === COREDNS_CUSTOM_NAME);
        assert.ok(volume, "a volume from coredns-custom");
        assert.equal(volume.configMap?.optional, true);
        const mount = deployment.spec.template.spec.containers[0].volumeMounts.find((m) => m.name === volume.name);
        assert.equal(mount?.mountPath, COREDNS_CUSTOM_DIR);
        assert.equal(COREDNS_CUSTOM_NAMESPACE, "kube-system");
    });

    it("its default block has the plugins our server block relies on existing in this CoreDNS", () => {
        const main = parseCorefile(configMap.data.Corefile).blocks.find((b) => b.header === ".:53");
        assert.ok(main);
        assert.ok(main.blocks.some((b) => b.header.startsWith("kubernetes cluster.local")));
        assert.ok(main.lines.includes("forward . /etc/resolv.conf"));
        assert.ok(main.lines.includes("reload"), "reload: a changed coredns-custom is picked up without a restart");
    });
});

describe("the hairpin server block (.server)", () => {
    const text = hairpinServerBlock(INPUT);
    const root = parseCorefile(text);

    it("is one balanced server block for the Gitpod zone", () => {
        assert.equal(root.blocks.length, 1);
        assert.deepEqual(root.lines, []);
        assert.equal(root.blocks[0].header, "gitpod.example.com:53");
    });

    it("rewrites Gitpod names to the proxy Service and the answers back", () => {
        const block = root.blocks[0];
        const rewrite = block.blocks.find((b) => b.header === "rewrite stop");
        assert.ok(rewrite, "a rewrite stop { ... } stanza");
        assert.deepEqual(rewrite.lines, [
            "name regex ^([a-z0-9-]+\\.)*gitpod\\.example\\.com\\.$ proxy.gitpod.svc.cluster.local",
            "answer auto",
        ]);
    });

    it("resolves the Service name itself and forwards the rest of the zone", () => {
        const block = root.blocks[0];
        const kubernetes = block.blocks.find((b) => b.header === "kubernetes cluster.local");
        assert.ok(kubernetes, "the block has its own kubernetes plugin (it cannot use the .:53 one)");
        assert.deepEqual(kubernetes.lines, ["pods insecure"]);
        assert.ok(block.lines.includes("forward . /etc/resolv.conf"));
        assert.ok(block.lines.includes("errors"));
        assert.ok(block.lines.some((l) => /^cache \d+$/.test(l)));
    });

    it("follows the namespace, service and cluster domain given", () => {
        const other = hairpinServerBlock({ domain: "example.org", namespace: "gp", proxyService: "edge", clusterDomain: "k8s.local" });
        assert.match(other, /^example\.org:53 \{$/m);
        assert.match(other, / edge\.gp\.svc\.k8s\.local$/m);
        assert.match(other, /^ {4}kubernetes k8s\.local \{$/m);
    });

    it("rejects a domain that would break the Corefile", () => {
        assert.throws(() => hairpinServerBlock({ ...INPUT, domain: "gitpod.example.com { }" }), /not a lower-case DNS name/);
        assert.throws(() => hairpinServerBlock({ ...INPUT, domain: "Gitpod.Example.com" }), /not a lower-case DNS name/);
        assert.throws(() => hairpinServerBlock({ ...INPUT, namespace: "gitpod system" }), /not a lower-case DNS name/);
    });
});

describe("which names are rewritten", () => {
    // Go's RE2 and JavaScript agree on this subset (anchors, classes, groups, `*`).
    const re = new RegExp(gitpodNamesPattern("gitpod.example.com"));

    it("the domain, registry, and workspace names", () => {
        for (const name of ["gitpod.example.com.", "registry.gitpod.example.com.", "abc-123.ws.gitpod.example.com.", "8080-abc.ws.gitpod.example.com."]) {
            assert.ok(re.test(name), name);
        }
    });

    it("not other names, nor ACME challenge records", () => {
        for (const name of ["example.com.", "notgitpod.example.com.", "gitpod.example.com.evil.org.", "_acme-challenge.gitpod.example.com.", "gitpod.example.com", "gitpodxexample.com."]) {
            assert.ok(!re.test(name), name);
        }
    });
});

describe("the .override form and the ConfigMap", () => {
    it("`.override` is only the rewrite stanza, pasted into .:53", () => {
        const root = parseCorefile(hairpinOverride(INPUT));
        assert.deepEqual(root.lines, []);
        assert.deepEqual(root.blocks.map((b) => b.header), ["rewrite stop"]);
        const data = corednsCustomData({ ...INPUT, k3sVersion: "v1.24.15+k3s1" });
        assert.deepEqual(Object.keys(data), ["gitpod.override"]);
    });

    it("is kube-system/coredns-custom with one key, valid for kubernetes-models", async () => {
        // kubernetes-models is ESM-only: loaded with import() (tsx keeps it dynamic).
        const { ConfigMap } = await import("kubernetes-models/v1");
        const json = corednsCustomConfigMap({ ...INPUT, k3sVersion: PINS.k3s.version });
        validateModel(new ConfigMap(json));
        assert.throws(() => validateModel(new ConfigMap({ ...json, data: { "gitpod.server": 42 } } as never)), "the model rejects a non-string value");
        assert.equal(json.apiVersion, "v1");
        assert.equal(json.kind, "ConfigMap");
        assert.equal(json.metadata?.name, "coredns-custom");
        assert.equal(json.metadata?.namespace, "kube-system");
        assert.deepEqual(Object.keys(json.data ?? {}), ["gitpod.server"]);
        assert.equal(json.data?.["gitpod.server"], hairpinServerBlock(INPUT));
    });
});
