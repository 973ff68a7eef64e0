import { describe, it } from "node:test";
import assert from "node:assert/strict";
import YAML from "yaml";
import {
  DEFAULT_REGISTRY_MIRRORS,
  goRegexToJs,
  manifestCandidates,
  renderImageChecks,
  renderRegistriesYaml,
  rewriteRepository,
  validateRegistryMirrors,
  type RegistryMirrors,
} from "../../lib/registries";

describe("DEFAULT_REGISTRY_MIRRORS", () => {
  it("sends docker.io to Tencent Cloud's mirror and is valid", () => {
    assert.deepEqual(DEFAULT_REGISTRY_MIRRORS, { "docker.io": { endpoints: ["https://mirror.ccs.tencentyun.com"] } });
    assert.deepEqual(validateRegistryMirrors(DEFAULT_REGISTRY_MIRRORS), []);
  });
});

describe("validateRegistryMirrors", () => {
  it("accepts hosts with ports, http endpoints, root paths and RE2-compatible rewrites", () => {
    assert.deepEqual(
      validateRegistryMirrors({
        "docker.io": { endpoints: ["https://mirror.ccs.tencentyun.com/", "http://10.0.0.5:5000/v2"] },
        "registry.example.com:5000": { endpoints: ["https://m.example.com"], rewrites: { "(?i)^rancher/(.*)": "mirror/$1", "^(?P<n>x)$": "${n}" } },
      }),
      [],
    );
  });

  it("names the key path and what is expected, one line per problem", () => {
    const problems = validateRegistryMirrors({
      "docker.io": { endpoints: ["ftp://x", "https://m.example.com/some/path", 42, "https://u:p@m.example.com", "not a url"] },
      "bad host!": { endpoints: ["https://m.example.com"] },
      "eu.gcr.io": { endpoints: [] },
      "quay.io": { endpoints: ["https://q.example.com"], rewrites: { "(?<=a)b": "x", "(a)\\1": "y", "([": "z", "^ok$": 5 } },
      "ghcr.io": { endpoints: ["https://g.example.com"], mirror: true },
      "index.docker.io": { endpoints: ["https://m.example.com"] },
      "*": { endpoints: ["https://m.example.com"] },
      "k8s.gcr.io": "https://m.example.com",
    });
    const expected: RegExp[] = [
      /^registryMirrors\["docker\.io"\]\.endpoints\[0\]: "ftp:\/\/x" must start with https:\/\/ or http:\/\//,
      /^registryMirrors\["docker\.io"\]\.endpoints\[1\]: .*path "\/some\/path".*write e\.g\. https:\/\/m\.example\.com$/,
      /^registryMirrors\["docker\.io"\]\.endpoints\[2\]: expected a URL string/,
      /^registryMirrors\["docker\.io"\]\.endpoints\[3\]: .*credentials/,
      /^registryMirrors\["docker\.io"\]\.endpoints\[4\]: "not a url" is not a URL/,
      /^registryMirrors\["bad host!"\]: expected a registry host name/,
      /^registryMirrors\["eu\.gcr\.io"\]\.endpoints: expected a non-empty list/,
      /^registryMirrors\["quay\.io"\]\.rewrites\["\(\?<=a\)b"\]: lookahead\/lookbehind/,
      /^registryMirrors\["quay\.io"\]\.rewrites\["\(a\)\\\\1"\]: backreferences/,
      /^registryMirrors\["quay\.io"\]\.rewrites\["\(\["\]: does not compile/,
      /^registryMirrors\["quay\.io"\]\.rewrites\["\^ok\$"\]: the replacement must be a string/,
      /^registryMirrors\["ghcr\.io"\]\.mirror: unknown key/,
      /^registryMirrors\["index\.docker\.io"\]: .*use the key "docker\.io"/,
      /^registryMirrors\["\*"\]: the "\*" wildcard is not supported/,
      /^registryMirrors\["k8s\.gcr\.io"\]: expected an object/,
    ];
    for (const re of expected) {
      assert.ok(problems.some((p) => re.test(p)), `no problem matches ${re}:\n${problems.join("\n")}`);
    }
    assert.equal(problems.length, expected.length, problems.join("\n"));
  });

  it("rejects non-objects and duplicate endpoints", () => {
    assert.match(validateRegistryMirrors(["docker.io"])[0], /^registryMirrors: expected an object/);
    assert.match(validateRegistryMirrors(null)[0], /^registryMirrors: expected an object/);
    const dup = validateRegistryMirrors({ "docker.io": { endpoints: ["https://m.example.com", "https://m.example.com/"] } });
    assert.deepEqual(dup, [`registryMirrors["docker.io"].endpoints[1]: "https://m.example.com/" is listed twice`]);
  });
});

describe("renderRegistriesYaml", () => {
  it("renders k3s mirrors with endpoint lists and rewrites, parsed back field by field", () => {
    const mirrors: RegistryMirrors = {
      "eu.gcr.io": { endpoints: ["https://gcr-mirror.example.com/"], rewrites: { "^gitpod-core-dev/(.*)$": "gitpod/$1" } },
      "docker.io": { endpoints: ["https://mirror.ccs.tencentyun.com", "http://10.0.0.5:5000/v2"] },
    };
    const text = renderRegistriesYaml(mirrors);
    const parsed = YAML.parse(text) as { mirrors: Record<string, { endpoint: string[]; rewrite?: Record<string, string> }> };
    assert.deepEqual(Object.keys(parsed), ["mirrors"]);
    assert.deepEqual(Object.keys(parsed.mirrors), ["docker.io", "eu.gcr.io"]);
    assert.deepEqual(parsed.mirrors["docker.io"].endpoint, ["https://mirror.ccs.tencentyun.com", "http://10.0.0.5:5000"]);
    assert.equal(parsed.mirrors["docker.io"].rewrite, undefined);
    assert.deepEqual(parsed.mirrors["eu.gcr.io"].endpoint, ["https://gcr-mirror.example.com"]);
    assert.deepEqual(parsed.mirrors["eu.gcr.io"].rewrite, { "^gitpod-core-dev/(.*)$": "gitpod/$1" });
  });

  it("renders the defaults and an empty set", () => {
    assert.deepEqual(YAML.parse(renderRegistriesYaml(DEFAULT_REGISTRY_MIRRORS)), {
      mirrors: { "docker.io": { endpoint: ["https://mirror.ccs.tencentyun.com"] } },
    });
    assert.deepEqual(YAML.parse(renderRegistriesYaml({})), { mirrors: {} });
  });

  it("throws with the problems when invalid", () => {
    assert.throws(() => renderRegistriesYaml({ "docker.io": { endpoints: ["ftp://x"] } }), /endpoints\[0\]/);
  });
});

describe("rewrites (Go regexp semantics)", () => {
  it("translates RE2 spellings and flags", () => {
    const r = goRegexToJs("(?i)^(?P<org>RANCHER)/(.*)");
    assert.ok("re" in r);
    assert.match("rancher/x", r.re);
  });

  it("expands $1, ${1}, ${name}, $$ like Go; $1x is the (empty) group named 1x", () => {
    assert.equal(rewriteRepository("rancher/pause", { "^rancher/(.*)$": "mirror/$1" }), "mirror/pause");
    assert.equal(rewriteRepository("rancher/pause", { "^rancher/(.*)$": "m/${1}x" }), "m/pausex");
    assert.equal(rewriteRepository("rancher/pause", { "^(?P<org>[a-z]+)/(.*)$": "${org}-mirror/$2" }), "rancher-mirror/pause");
    assert.equal(rewriteRepository("rancher/pause", { "^rancher/(.*)$": "m/$1x" }), "m/");
    assert.equal(rewriteRepository("rancher/pause", { "^rancher/(.*)$": "m$$/$1" }), "m$/pause");
  });

  it("leaves non-matching repositories alone; first changing pattern in sorted order wins", () => {
    assert.equal(rewriteRepository("bitnami/mysql", { "^rancher/(.*)$": "m/$1" }), "bitnami/mysql");
    assert.equal(rewriteRepository("a/b", { "^b$": "no", "^a/(.*)$": "first/$1", "^a/b$": "second" }), "first/b");
  });
});

describe("manifestCandidates", () => {
  it("docker.io/library: Tencent mirror first, then registry-1.docker.io", () => {
    assert.deepEqual(manifestCandidates("busybox", DEFAULT_REGISTRY_MIRRORS), [
      "https://mirror.ccs.tencentyun.com/v2/library/busybox/manifests/latest",
      "https://registry-1.docker.io/v2/library/busybox/manifests/latest",
    ]);
    assert.deepEqual(manifestCandidates("docker.io/bitnami/mysql:5.7.34-debian-10-r55", DEFAULT_REGISTRY_MIRRORS), [
      "https://mirror.ccs.tencentyun.com/v2/bitnami/mysql/manifests/5.7.34-debian-10-r55",
      "https://registry-1.docker.io/v2/bitnami/mysql/manifests/5.7.34-debian-10-r55",
    ]);
  });

  it("eu.gcr.io without a mirror: only the upstream host", () => {
    assert.deepEqual(manifestCandidates("eu.gcr.io/gitpod-core-dev/build/server:commit-x", DEFAULT_REGISTRY_MIRRORS), [
      "https://eu.gcr.io/v2/gitpod-core-dev/build/server/manifests/commit-x",
    ]);
  });

  it("applies rewrites to mirror endpoints only, in endpoint order", () => {
    const mirrors: RegistryMirrors = {
      "eu.gcr.io": {
        endpoints: ["https://a.example.com/", "http://10.0.0.5:5000"],
        rewrites: { "^gitpod-core-dev/build/(.*)$": "gitpod-mirror/$1" },
      },
    };
    assert.deepEqual(manifestCandidates("eu.gcr.io/gitpod-core-dev/build/server:commit-x", mirrors), [
      "https://a.example.com/v2/gitpod-mirror/server/manifests/commit-x",
      "http://10.0.0.5:5000/v2/gitpod-mirror/server/manifests/commit-x",
      "https://eu.gcr.io/v2/gitpod-core-dev/build/server/manifests/commit-x",
    ]);
  });

  it("uses the digest as the reference", () => {
    const d = "sha256:" + "0123456789abcdef".repeat(4);
    assert.deepEqual(manifestCandidates(`quay.io/x/y:v1@${d}`, {}), [`https://quay.io/v2/x/y/manifests/${d}`]);
  });

  it("drops a mirror endpoint equal to the default endpoint", () => {
    assert.deepEqual(manifestCandidates("quay.io/x/y:1", { "quay.io": { endpoints: ["https://quay.io"] } }), [
      "https://quay.io/v2/x/y/manifests/1",
    ]);
  });

  it("renders IMAGE_CHECKS lines, one per distinct image", () => {
    const text = renderImageChecks(["busybox", "eu.gcr.io/a/b:1", "busybox"], DEFAULT_REGISTRY_MIRRORS);
    assert.deepEqual(text.split("\n"), [
      "busybox https://mirror.ccs.tencentyun.com/v2/library/busybox/manifests/latest https://registry-1.docker.io/v2/library/busybox/manifests/latest",
      "eu.gcr.io/a/b:1 https://eu.gcr.io/v2/a/b/manifests/1",
    ]);
  });
});
