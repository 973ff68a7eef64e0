import { describe, it } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import Ajv from "ajv";
import YAML from "yaml";
import { calicoChart, calicoValues, renderedInstallationSpec } from "../../lib/calico";
import { PINS } from "../../lib/versions";

const FIXTURES = path.join(__dirname, "..", "fixtures", "k8s");
const CLUSTER_CIDR = "10.42.0.0/16";

type Schema = Record<string, unknown>;

function loadYaml(file: string): unknown {
    return YAML.parse(fs.readFileSync(path.join(FIXTURES, file), "utf8"));
}

/**
 * The Installation spec schema of the pinned CRD, made strict: the API server silently prunes
 * unknown fields of a structural schema, so a misspelt key (`containerIpForwarding`) would be
 * dropped without an error. Here every object with `properties` rejects unknown keys unless
 * the schema says to keep them, and `x-kubernetes-*` extension keywords are removed.
 */
function strictSchema(node: unknown): unknown {
    if (Array.isArray(node)) return node.map(strictSchema);
    if (typeof node !== "object" || node === null) return node;
    const out: Schema = {};
    for (const [k, v] of Object.entries(node as Schema)) {
        if (k.startsWith("x-kubernetes-")) continue;
        // `properties` maps field names to schemas: recurse into each value, never treat a
        // field name as a keyword.
        out[k] = k === "properties" ? Object.fromEntries(Object.entries(v as Schema).map(([f, s]) => [f, strictSchema(s)])) : strictSchema(v);
    }
    const s = node as Schema;
    if (s.properties !== undefined && s.additionalProperties === undefined && s["x-kubernetes-preserve-unknown-fields"] !== true) {
        out.additionalProperties = false;
    }
    return out;
}

function installationSpecSchema(): Schema {
    const crd = loadYaml("tigera-installation-crd-v3.26.5.yaml") as {
        spec: { group: string; names: { kind: string }; versions: { name: string; schema: { openAPIV3Schema: { properties: { spec: Schema } } } }[] };
    };
    assert.equal(crd.spec.group, "operator.tigera.io");
    assert.equal(crd.spec.names.kind, "Installation");
    const v1 = crd.spec.versions.find((v) => v.name === "v1");
    assert.ok(v1, "the CRD serves v1");
    return strictSchema(v1.schema.openAPIV3Schema.properties.spec) as Schema;
}

const validateSpec = new Ajv({ strict: false, allErrors: true, validateFormats: false }).compile(installationSpecSchema());

describe("tigera-operator values (Calico v3.26.5)", () => {
    const values = calicoValues({ clusterCidr: CLUSTER_CIDR });
    const spec = renderedInstallationSpec(values);

    it("the Installation spec the chart renders is valid against the pinned CRD", () => {
        const ok = validateSpec(spec);
        assert.ok(ok, JSON.stringify(validateSpec.errors, null, 2));
    });

    it("the strict schema catches a misspelt field and a bad enum value (the check can fail)", () => {
        const misspelt = { ...spec, calicoNetwork: { ...spec.calicoNetwork, containerIpForwarding: "Enabled" } };
        assert.equal(validateSpec(misspelt), false);
        const badEnum = { ...spec, calicoNetwork: { ...spec.calicoNetwork, containerIPForwarding: "true" } };
        assert.equal(validateSpec(badEnum), false);
        const badPool = { ...spec, calicoNetwork: { ...spec.calicoNetwork, ipPools: [{ ...spec.calicoNetwork.ipPools[0], encapsulation: "Vxlan" }] } };
        assert.equal(validateSpec(badPool), false);
    });

    it("enables container IP forwarding (klipper-lb needs it)", () => {
        assert.equal(spec.calicoNetwork.containerIPForwarding, "Enabled");
    });

    it("has one VXLAN pool whose CIDR is the cluster CIDR", () => {
        assert.equal(spec.calicoNetwork.ipPools.length, 1);
        const [pool] = spec.calicoNetwork.ipPools;
        assert.equal(pool.cidr, CLUSTER_CIDR);
        assert.deepEqual(pool, { cidr: CLUSTER_CIDR, encapsulation: "VXLAN", natOutgoing: "Enabled", nodeSelector: "all()", blockSize: 26 });
        assert.equal(renderedInstallationSpec(calicoValues({ clusterCidr: "172.16.0.0/16" })).calicoNetwork.ipPools[0].cidr, "172.16.0.0/16");
    });

    it("lets the operator detect the provider and drops `enabled` from the rendered spec", () => {
        assert.equal(spec.kubernetesProvider, "");
        assert.equal("enabled" in spec, false);
        assert.equal(values.installation.enabled, true);
    });

    it("sets only keys the chart's values.yaml has (top level and under installation)", () => {
        const chartValues = loadYaml("tigera-operator-values-v3.26.5.yaml") as Record<string, Record<string, unknown>>;
        for (const key of Object.keys(values)) {
            assert.ok(key in chartValues, `values key ${key} is not in the chart's values.yaml`);
        }
        assert.ok("enabled" in chartValues.installation && "kubernetesProvider" in chartValues.installation);
        assert.ok("enabled" in chartValues.apiServer);
        assert.equal(values.apiServer.enabled, false);
    });

    it("the chart is the pin", () => {
        assert.deepEqual(calicoChart(), { repo: "https://docs.tigera.io/calico/charts", chart: "tigera-operator", version: "v3.26.5" });
        assert.equal(calicoChart().version, PINS.calico.version);
    });
});
