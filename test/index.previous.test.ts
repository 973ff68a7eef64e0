/**
 * What the stack remembers from its last deployment (its own outputs, read back by the
 * program's StackReference to itself). Certificates survive rebuilds: a new VM's cluster gets the certificate the stack kept before
 * the Certificate is applied, when it is for the same names and ACME server, and not otherwise.
 * The kubeconfig in state is renewed within 30 days of expiry, and not while paused.
 */
import { before, describe, it } from "node:test";
import * as assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import { dependsOnTransitively, one, ProgramRun, runProgram } from "../tools/mock/program";
import { valueOf } from "../tools/mock/mocks";
import { issuedSecretJson, keptSecretExpiringIn } from "./support/certificates";
import { keptSecret } from "../lib/keptCertificate";
import { kubeconfigExpiringIn } from "./support/kubeconfigs";

const COMMAND = "command:remote:Command";
const KEPT = keptSecret(issuedSecretJson("production-gitpod.example.com"));
/** The last deployment ran on another VM (this run's VM is new) and kept a certificate. */
const REBUILT = { serverBootDisk: '["ins-replaced","img-old"]', tlsCertificate: KEPT, tlsRestore: "" };
let sameDomain: ProgramRun;
let otherDomain: ProgramRun;
let sameVm: ProgramRun;
let handedBack: ProgramRun;
let renewalDue: ProgramRun;
let renewalDuePaused: ProgramRun;

before(async () => {
    sameDomain = await runProgram({ previous: REBUILT });
    otherDomain = await runProgram({ previous: REBUILT, plain: { domain: "gitpod2.example.com" } });
    const thisDisk = await valueOf(sameDomain.exports.serverBootDisk as pulumi.Output<string>);
    sameVm = await runProgram({ previous: { ...REBUILT, serverBootDisk: thisDisk } });
    handedBack = await runProgram({ secrets: { tlsCertificate: KEPT } });
    // Both the kubeconfig and the kept certificate copy are due to be read again.
    const due = { kubeconfig: kubeconfigExpiringIn(10), kubeconfigRenewal: 4, tlsCertificate: keptSecretExpiringIn(20), tlsCertificateReads: 2 };
    renewalDue = await runProgram({ previous: due });
    renewalDuePaused = await runProgram({ previous: due, plain: { running: false } });
});

const restoreStep = (run: ProgramRun) => one(run, COMMAND, "tls-restore-certificate");

describe("a rebuilt cluster", () => {
    it("evaluates without error", () => {
        for (const run of [sameDomain, otherDomain, sameVm, handedBack]) assert.equal(run.error, undefined, String(run.error));
    });

    it("with a kept certificate for the same names and ACME server gets the Secret before the Certificate", () => {
        const restore = restoreStep(sameDomain);
        const secret = JSON.parse(restore.inputs.stdin);
        assert.equal(secret.kind, "Secret");
        assert.equal(secret.metadata.namespace, "gitpod");
        assert.equal(secret.metadata.name, "https-certificates");
        assert.equal(secret.metadata.annotations["cert-manager.io/issuer-name"], "gitpod-issuer");
        assert.equal(secret.data["tls.crt"], JSON.parse(KEPT).data["tls.crt"]);
        assert.ok(restore.secretPaths.includes("stdin"), "the key travels as a secret");
        const certificate = one(sameDomain, "kubernetes:cert-manager.io/v1:Certificate");
        assert.ok(dependsOnTransitively(sameDomain, certificate, restore), "the Certificate is applied before the Secret is back");
    });

    it("for a different domain gets nothing restored", () => {
        assert.equal(restoreStep(otherDomain).inputs.stdin, "");
    });

    it("the same VM keeps what it got last time (nothing to run on a no-op up)", () => {
        assert.equal(restoreStep(sameVm).inputs.stdin, "");
    });

    it("after a destroy, a certificate handed back through config is restored", () => {
        assert.equal(JSON.parse(restoreStep(handedBack).inputs.stdin).data["tls.key"], JSON.parse(KEPT).data["tls.key"]);
    });

    it("the stack keeps the certificate and what it restored as secret outputs for the next deployment", async () => {
        for (const key of ["tlsCertificate", "tlsRestore"]) {
            assert.equal(await pulumi.isSecret(sameDomain.exports[key] as pulumi.Output<string>), true, `${key} is not secret`);
        }
        // Nothing issued in this (mocked) run yet: the kept copy is the previous one.
        assert.equal(await valueOf(sameDomain.exports.tlsCertificate as pulumi.Output<string>), KEPT);
        assert.equal(await valueOf(sameDomain.exports.serverBootDisk as pulumi.Output<string>), '["gitpod-server-vm-id","img-ubuntu2004-new",null,null,null,null]');
        const keep = one(sameDomain, COMMAND, "tls-keep-certificate");
        assert.ok(keep.additionalSecretOutputs.includes("stdout"));
        assert.ok(dependsOnTransitively(sameDomain, keep, one(sameDomain, COMMAND, "tls-wait-certificate")));
    });
});

describe("the certificate copy in state", () => {
    const keepStep = (run: ProgramRun) => one(run, COMMAND, "tls-keep-certificate");

    it("within 25 days of its expiry is read again (cert-manager renewed it in the cluster): its step's trigger counts up", async () => {
        assert.equal(keepStep(renewalDue).inputs.triggers.at(-1), 3);
        assert.equal(await valueOf(renewalDue.exports.tlsCertificateReads as pulumi.Output<number>), 3);
    });

    it("is left alone while paused, and when it has long to go", () => {
        assert.equal(keepStep(renewalDuePaused).inputs.triggers.at(-1), 2);
        assert.equal(keepStep(sameDomain).inputs.triggers.at(-1), 0);
    });
});

describe("the kubeconfig in state", () => {
    const kubeconfigStep = (run: ProgramRun) => one(run, COMMAND, "k3s-kubeconfig");

    it("within 30 days of expiry is read again (after k3s renewed it): its step's renewal trigger counts up", async () => {
        assert.equal(renewalDue.error, undefined, String(renewalDue.error));
        assert.equal(kubeconfigStep(renewalDue).inputs.triggers[0], "gitpod-server-vm-id");
        assert.equal(kubeconfigStep(renewalDue).inputs.triggers.at(-1), 5);
        assert.equal(await valueOf(renewalDue.exports.kubeconfigRenewal as pulumi.Output<number>), 5);
    });

    it("is left alone while paused (nothing reaches the VM)", () => {
        assert.equal(kubeconfigStep(renewalDuePaused).inputs.triggers.at(-1), 4);
    });

    it("is not renewed on a first deployment", () => {
        assert.equal(kubeconfigStep(sameDomain).inputs.triggers.at(-1), 0);
    });
});
