import { describe, it } from "node:test";
import * as assert from "node:assert/strict";
import { checkKubeconfigExpiry } from "../../tools/doctorKubeconfig";
import type { Exec } from "../../tools/cli";
import { kubeconfigExpiringIn } from "../support/kubeconfigs";

const NOW = new Date();
const COMMAND = "pulumi stack output kubeconfig --show-secrets --stack dev";

/** `pulumi stack output kubeconfig` answering `stdout`, or failing as for a stack without outputs. */
function outputExec(stdout?: string): Exec {
    return async (cmd, args) => {
        assert.equal([cmd, ...args].join(" "), COMMAND);
        return stdout === undefined ? { code: 255, stdout: "", stderr: "error: current stack does not have output property 'kubeconfig'" } : { code: 0, stdout, stderr: "" };
    };
}

describe("doctor: kubeconfig expiry", () => {
    it("PASS with its end date while it lasts more than 45 days", async () => {
        const r = await checkKubeconfigExpiry(outputExec(kubeconfigExpiringIn(200)), "dev", NOW);
        assert.equal(r.level, "PASS");
        assert.match(r.message, /^its client certificate is valid until \d{4}-\d\d-\d\d \((199|200) days\)$/);
    });

    it("WARN within 45 days, saying that pulumi up renews it and how to do it now", async () => {
        const r = await checkKubeconfigExpiry(outputExec(kubeconfigExpiringIn(40)), "dev", NOW);
        assert.equal(r.level, "WARN");
        assert.match(r.message, /^the kubeconfig in the stack expires on \d{4}-\d\d-\d\d \(in (39|40) days\)/);
        assert.match(r.fix ?? "", /within 30 days of expiry and the VM runs .*pulumi up --replace/);
    });

    it("PASS when nothing is deployed yet", async () => {
        const r = await checkKubeconfigExpiry(outputExec(), "dev", NOW);
        assert.equal(r.level, "PASS");
        assert.match(r.message, /nothing deployed/);
    });
});
