import { describe, it } from "node:test";
import assert from "node:assert/strict";
import YAML from "yaml";
import {
  GITPOD_NODE_LABELS,
  K3S_TOKEN_FILE,
  renderK3sConfig,
  validateK3sConfigOptions,
  type K3sConfigOptions,
} from "../../lib/k3sConfig";

const base: K3sConfigOptions = {
  version: "v1.24.13+k3s1",
  clusterCidr: "10.42.0.0/16",
  serviceCidr: "10.43.0.0/16",
  tlsSans: ["203.0.113.7", "k3s.example.com"],
  nodeLabels: { ...GITPOD_NODE_LABELS },
};

describe("GITPOD_NODE_LABELS", () => {
  it("holds exactly the six Gitpod workload labels, all \"true\"", () => {
    assert.deepEqual(
      Object.keys(GITPOD_NODE_LABELS).sort(),
      [
        "gitpod.io/workload_ide",
        "gitpod.io/workload_meta",
        "gitpod.io/workload_services",
        "gitpod.io/workload_workspace_headless",
        "gitpod.io/workload_workspace_regular",
        "gitpod.io/workload_workspace_services",
      ],
    );
    for (const v of Object.values(GITPOD_NODE_LABELS)) assert.equal(v, "true");
    assert.ok(Object.isFrozen(GITPOD_NODE_LABELS));
  });
});

describe("renderK3sConfig", () => {
  it("renders every field, parsed back with yaml", () => {
    const text = renderK3sConfig(base);
    const cfg = YAML.parse(text) as Record<string, unknown>;
    assert.equal(cfg["write-kubeconfig-mode"], "0600");
    assert.equal(typeof cfg["write-kubeconfig-mode"], "string");
    assert.equal(cfg["token-file"], "/etc/rancher/k3s/cluster-token");
    assert.equal(cfg["token-file"], K3S_TOKEN_FILE);
    assert.deepEqual(cfg.disable, ["traefik"]);
    assert.equal(cfg["flannel-backend"], "none");
    assert.equal(cfg["disable-network-policy"], true);
    assert.equal(cfg["cluster-cidr"], "10.42.0.0/16");
    assert.equal(cfg["service-cidr"], "10.43.0.0/16");
    assert.deepEqual(cfg["tls-san"], ["203.0.113.7", "k3s.example.com"]);
    assert.equal(cfg["node-name"], undefined);
    assert.deepEqual(
      Object.keys(cfg).sort(),
      [
        "cluster-cidr",
        "disable",
        "disable-network-policy",
        "flannel-backend",
        "node-label",
        "service-cidr",
        "tls-san",
        "token-file",
        "write-kubeconfig-mode",
      ],
    );
  });

  it("lists all six Gitpod labels as k=v node-label entries", () => {
    const cfg = YAML.parse(renderK3sConfig(base)) as { "node-label": string[] };
    const labels = cfg["node-label"];
    assert.equal(labels.length, 6);
    for (const k of Object.keys(GITPOD_NODE_LABELS)) assert.ok(labels.includes(`${k}=true`), `missing ${k}`);
    assert.deepEqual(labels, [...labels].sort());
  });

  it("sets node-name when given and records the version in a comment", () => {
    const text = renderK3sConfig({ ...base, nodeName: "gitpod-1" });
    assert.equal((YAML.parse(text) as Record<string, unknown>)["node-name"], "gitpod-1");
    assert.match(text, /^# .*k3s v1\.24\.13\+k3s1/);
    assert.match(text, /^write-kubeconfig-mode: "0600"$/m);
  });

  it("is deterministic", () => {
    assert.equal(renderK3sConfig(base), renderK3sConfig({ ...base, nodeLabels: { ...base.nodeLabels } }));
  });

  it("rejects bad options with one line per problem", () => {
    const problems = validateK3sConfigOptions({
      version: "1.24",
      clusterCidr: "10.42.0.1/16",
      serviceCidr: "10.43.0.0/33",
      tlsSans: ["ok.example.com", "bad_name!"],
      nodeLabels: { "gitpod.io/ok": "true", "Bad Key": "x", "a/b": "not ok!" },
      nodeName: "UPPER",
    });
    const expected = [/^version: "1\.24"/, /^clusterCidr: .*host bits/, /^serviceCidr: /, /^tlsSans\[1\]: "bad_name!"/, /key "Bad Key"/, /nodeLabels\["a\/b"\]: value "not ok!"/, /^nodeName: "UPPER"/];
    assert.equal(problems.length, expected.length, problems.join("\n"));
    for (const re of expected) assert.ok(problems.some((p) => re.test(p)), `no problem matches ${re}: ${problems.join(" | ")}`);
    assert.throws(() => renderK3sConfig({ ...base, version: "latest" }), /version: "latest"/);
  });

  it("rejects overlapping pod and service CIDRs", () => {
    assert.throws(
      () => renderK3sConfig({ ...base, clusterCidr: "10.0.0.0/8", serviceCidr: "10.43.0.0/16" }),
      /overlap/,
    );
  });
});
