import { describe, it } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import YAML from "yaml";
import {
    COREDNS_CUSTOM_DIR,
    COREDNS_CUSTOM_KEY,
    COREDNS_CUSTOM_NAME,
    COREDNS_CUSTOM_NAMESPACE,
    corednsCustomConfigMap,
    corednsCustomData,
    gitpodNamesPattern,
    hairpinServerBlock,
    requireViewPlugin,
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

/**
 * Which server block CoreDNS 1.10.1 hands a query to (core/dnsserver/server.go `ServeDNS`): for
 * the query name and each shorter suffix (`dns.NextLabel`), the blocks of that zone whose view
 * filters all pass; then the root zone `.`. A block's view is `expr <expression>`: this
 * evaluates the one form the hairpin uses, `type() in [...] && name() matches '<re>'`, with
 * expr's string unescaping (`\\` -> `\`); any other expression fails the test.
 */
function route(corefile: Block, qname: string, qtype: string): string {
    const blocks = corefile.blocks.map((b) => ({ header: b.header, zone: zoneOf(b.header), view: b.blocks.find((x) => x.header.startsWith("view "))?.lines }));
    const passes = (view: string[] | undefined) => view === undefined || view.every((line) => evalView(line, qname, qtype));
    const labels = qname.split(".").filter((l) => l !== "");
    for (let i = 0; i < labels.length; i++) {
        const suffix = `${labels.slice(i).join(".")}.`;
        const match = blocks.find((b) => b.zone === suffix && passes(b.view));
        if (match) return match.header;
    }
    return blocks.find((b) => b.zone === "." && passes(b.view))?.header ?? "REFUSED";
}

function zoneOf(header: string): string {
    const zone = header.replace(/:53$/, "");
    return zone === "." ? "." : `${zone}.`;
}

function evalView(line: string, qname: string, qtype: string): boolean {
    const m = /^expr type\(\) in \[((?:'[A-Z]+',? ?)+)\] && name\(\) matches '((?:[^'\\]|\\\\)+)'$/.exec(line);
    assert.ok(m, `a view expression this test understands: ${line}`);
    const types = m[1].split(",").map((t) => t.trim().replace(/'/g, ""));
    const pattern = m[2].replace(/\\\\/g, "\\");
    return types.includes(qtype) && new RegExp(pattern).test(qname.toLowerCase());
}

/** The Corefile CoreDNS runs: k3s' (fixture) with our ConfigMap's file imported where k3s imports it. */
function effectiveCorefile(domain: string): Block {
    const docs = k3sCorednsManifests();
    const cm = docs.find((d) => d.kind === "ConfigMap" && (d.metadata as { name: string }).name === "coredns") as { data: { Corefile: string } };
    const ours = corednsCustomData({ domain, namespace: "gitpod", k3sVersion: PINS.k3s.version });
    // A function replacement: the block holds `$'`, a pattern in a replacement string.
    const text = cm.data.Corefile.replace(`import ${COREDNS_CUSTOM_DIR}/*.server`, () => ours[COREDNS_CUSTOM_KEY]);
    assert.notEqual(text, cm.data.Corefile, "the *.server import was replaced by our file");
    return parseCorefile(text);
}

describe("which k3s releases can run the hairpin block", () => {
    it("the pinned v1.24.13 ships CoreDNS 1.10.1, which has the view plugin (added in 1.10.0)", () => {
        assert.equal(PINS.k3s.version, "v1.24.13+k3s1");
        assert.match(fs.readFileSync(FIXTURE, "utf8"), /image: %\{SYSTEM_DEFAULT_REGISTRY\}%rancher\/mirrored-coredns-coredns:1\.10\.1$/m);
        assert.doesNotThrow(() => requireViewPlugin("v1.24.13+k3s1"));
        assert.doesNotThrow(() => requireViewPlugin("v1.25.9+k3s1"));
        assert.doesNotThrow(() => requireViewPlugin("v1.30.14+k3s2"));
    });

    it("refuses releases whose CoreDNS predates 1.10 (1.9.4 up to v1.24.12 / v1.25.8)", () => {
        assert.throws(() => requireViewPlugin("v1.24.12+k3s1"), /k3s v1\.24\.12\+k3s1: its CoreDNS predates 1\.10 \(no `view` plugin\)/);
        assert.throws(() => requireViewPlugin("v1.25.8+k3s1"), /predates 1\.10/);
        assert.throws(() => requireViewPlugin("v1.23.9+k3s1"), /predates 1\.10/);
        assert.throws(() => requireViewPlugin("1.24.13"), /not a k3s version/);
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

    it("its Corefile imports *.server at the top level, which matches our key", () => {
        const corefile = parseCorefile(configMap.data.Corefile);
        const imports = corefile.lines.filter((l) => l.startsWith("import "));
        assert.deepEqual(imports, [`import ${COREDNS_CUSTOM_DIR}/*.server`]);
        assert.equal(COREDNS_CUSTOM_KEY, "gitpod.server");
        assert.ok(globMatches(`${COREDNS_CUSTOM_DIR}/*.server`, `${COREDNS_CUSTOM_DIR}/gitpod.server`));
    });

    it("mounts the optional coredns-custom ConfigMap at the import directory", () => {
        const volume = deployment.spec.template.spec.volumes.find((v) => v.configMap?.name === COREDNS_CUSTOM_NAME);
        assert.ok(volume, "a volume from coredns-custom");
        assert.equal(volume.configMap?.optional, true);
        const mount = deployment.spec.template.spec.containers[0].volumeMounts.find((m) => m.name === volume.name);
        assert.equal(mount?.mountPath, COREDNS_CUSTOM_DIR);
        assert.equal(COREDNS_CUSTOM_NAMESPACE, "kube-system");
    });

    it("its default block forwards upstream and reloads a changed coredns-custom", () => {
        const main = parseCorefile(configMap.data.Corefile).blocks.find((b) => b.header === ".:53");
        assert.ok(main);
        assert.ok(main.lines.includes("forward . /etc/resolv.conf"), "what our view does not admit resolves as outside the cluster");
        assert.ok(main.lines.includes("reload"), "reload: a changed coredns-custom is picked up without a restart");
    });
});

describe("the hairpin server block", () => {
    const root = parseCorefile(hairpinServerBlock(INPUT));
    const block = root.blocks[0];

    it("is one balanced server block for the Gitpod zone", () => {
        assert.equal(root.blocks.length, 1);
        assert.deepEqual(root.lines, []);
        assert.equal(block.header, "gitpod.example.com:53");
    });

    it("admits only A/AAAA lookups of the Gitpod names (view)", () => {
        const view = block.blocks.find((b) => b.header === "view gitpod-hairpin");
        assert.ok(view, "a view gitpod-hairpin { ... } stanza");
        assert.deepEqual(view.lines, [
            "expr type() in ['A', 'AAAA'] && name() matches '^([a-z0-9-]+\\\\.|[a-z0-9-]+\\\\.ws\\\\.)?gitpod\\\\.example\\\\.com\\\\.$'",
        ]);
        assert.ok(!view.lines[0].includes("#"), "a # would start a Corefile comment");
    });

    it("rewrites them to the proxy Service and the answers back", () => {
        const rewrite = block.blocks.find((b) => b.header === "rewrite stop");
        assert.ok(rewrite, "a rewrite stop { ... } stanza");
        assert.deepEqual(rewrite.lines, [
            "name regex ^([a-z0-9-]+\\.|[a-z0-9-]+\\.ws\\.)?gitpod\\.example\\.com\\.$ proxy.gitpod.svc.cluster.local",
            "answer auto",
        ]);
    });

    it("resolves the Service name with its own kubernetes plugin and forwards nothing", () => {
        const kubernetes = block.blocks.find((b) => b.header === "kubernetes cluster.local");
        assert.ok(kubernetes, "the block has its own kubernetes plugin (it cannot use the .:53 one)");
        assert.deepEqual(kubernetes.lines, ["pods insecure"]);
        assert.ok(!block.lines.some((l) => l.startsWith("forward")), "nothing else reaches this block");
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

describe("where CoreDNS sends each query (k3s' Corefile with our block imported)", () => {
    const HAIRPIN = (domain: string) => `${domain}:53`;

    it("Gitpod at the zone apex: only A/AAAA of Gitpod names are rewritten; SOA and TXT resolve upstream", () => {
        const corefile = effectiveCorefile("example.com");
        const cases: [string, string, string][] = [
            ["example.com.", "A", HAIRPIN("example.com")],
            ["example.com.", "AAAA", HAIRPIN("example.com")],
            ["registry.example.com.", "A", HAIRPIN("example.com")],
            ["abc-123.ws.example.com.", "A", HAIRPIN("example.com")],
            ["8080-abc.ws.example.com.", "AAAA", HAIRPIN("example.com")],
            // The webhook's zone lookup and the ACME challenge see the public answers.
            ["example.com.", "SOA", ".:53"],
            ["_acme-challenge.example.com.", "SOA", ".:53"],
            ["_acme-challenge.example.com.", "TXT", ".:53"],
            ["example.com.", "NS", ".:53"],
            ["example.com.", "CAA", ".:53"],
            ["example.com.", "MX", ".:53"],
            ["_acme-challenge.example.com.", "A", ".:53"],
            ["a.b.example.com.", "A", ".:53"],
            ["kubernetes.default.svc.cluster.local.", "A", ".:53"],
        ];
        for (const [name, type, expected] of cases) assert.equal(route(corefile, name, type), expected, `${type} ${name}`);
    });

    it("Gitpod below the zone: the same, and the zone's own names are untouched", () => {
        const corefile = effectiveCorefile("gitpod.example.com");
        const cases: [string, string, string][] = [
            ["gitpod.example.com.", "A", HAIRPIN("gitpod.example.com")],
            ["registry.gitpod.example.com.", "A", HAIRPIN("gitpod.example.com")],
            ["abc.ws.gitpod.example.com.", "AAAA", HAIRPIN("gitpod.example.com")],
            ["gitpod.example.com.", "SOA", ".:53"],
            ["_acme-challenge.gitpod.example.com.", "TXT", ".:53"],
            ["example.com.", "A", ".:53"],
            ["example.com.", "SOA", ".:53"],
            ["notgitpod.example.com.", "A", ".:53"],
            ["gitpod.example.com.evil.org.", "A", ".:53"],
        ];
        for (const [name, type, expected] of cases) assert.equal(route(corefile, name, type), expected, `${type} ${name}`);
    });
});

describe("which names are rewritten", () => {
    // Go's RE2 and JavaScript agree on this subset (anchors, classes, groups, alternation, `?`).
    const re = new RegExp(gitpodNamesPattern("gitpod.example.com"));

    it("the domain, one label below it, and one label below ws", () => {
        for (const name of ["gitpod.example.com.", "registry.gitpod.example.com.", "ws.gitpod.example.com.", "abc-123.ws.gitpod.example.com.", "8080-abc.ws.gitpod.example.com."]) {
            assert.ok(re.test(name), name);
        }
    });

    it("not other names, deeper names, nor ACME challenge records", () => {
        for (const name of ["example.com.", "notgitpod.example.com.", "gitpod.example.com.evil.org.", "_acme-challenge.gitpod.example.com.", "gitpod.example.com", "gitpodxexample.com.", "a.b.gitpod.example.com."]) {
            assert.ok(!re.test(name), name);
        }
    });
});

describe("the ConfigMap", () => {
    it("is kube-system/coredns-custom with the one .server key, valid for kubernetes-models", async () => {
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
        assert.match(json.data?.["gitpod.server"] ?? "", /^gitpod\.example\.com:53 \{$/m);
    });

    it("is refused for a k3s whose CoreDNS has no view plugin", () => {
        assert.throws(() => corednsCustomConfigMap({ ...INPUT, k3sVersion: "v1.24.12+k3s1" }), /predates 1\.10/);
    });
});
