import { describe, it } from "node:test";
import * as assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import { defaultZoneOf, isIpv4Cidr, PLAIN_KEYS, SECRET_KEYS, StackConfig, validateConfig } from "../../lib/config";
import { problemsOf, rawConfig } from "../support/config";
import { PINS } from "../../lib/versions";

const raw = rawConfig;

function valid(values: Record<string, string | undefined> = {}): StackConfig {
    return validateConfig(raw(values));
}

describe("config defaults", () => {
    it("gives the documented defaults for an otherwise minimal config", () => {
        const c = valid();
        assert.equal(c.region, "ap-singapore");
        assert.equal(c.zone, "ap-singapore-1");
        assert.equal(c.instanceType, "SA2.2XLARGE16");
        assert.equal(c.systemDiskType, "CLOUD_SSD");
        assert.equal(c.systemDiskSize, 200);
        assert.equal(c.ubuntuVersion, "20.04");
        assert.equal(c.acmeServer, "production");
        assert.equal(c.allowVmReplacement, false);
        assert.deepEqual(c.adminCidrs, ["203.0.113.7/32"]);
        assert.equal(c.versions.k3s, PINS.k3s.version);
        assert.deepEqual(Object.keys(c.registryMirrors), ["docker.io"]);
    });

    it("derives the zone and the record label from the domain", () => {
        assert.deepEqual([valid().dnsZone, valid().domainLabel], ["example.com", "gitpod"]);
        const apex = valid({ domain: "example.com" });
        assert.deepEqual([apex.dnsZone, apex.domainLabel], ["example.com", ""]);
        const deep = valid({ domain: "gitpod.dev.example.com.cn", dnsZone: "example.com.cn" });
        assert.equal(deep.domainLabel, "gitpod.dev");
        assert.equal(defaultZoneOf("a.b.example.org"), "example.org");
    });

    it("treats empty strings (Pulumi.yaml defaults) as unset", () => {
        assert.equal(valid({ zone: "", dnsZone: "", k3sVersion: "" }).zone, "ap-singapore-1");
    });

    it("merges user mirrors over the default Docker Hub mirror", () => {
        const c = valid({ registryMirrors: JSON.stringify({ "eu.gcr.io": { endpoints: ["https://ccr.example.com"] } }) });
        assert.deepEqual(Object.keys(c.registryMirrors).sort(), ["docker.io", "eu.gcr.io"]);
    });
});

describe("config validation", () => {
    const cases: [string, Record<string, string | undefined>, RegExp][] = [
        ["domain with scheme", { domain: "https://gitpod.example.com" }, /gitpod-tencent:domain: got "https:\/\/gitpod.example.com"; expected a lower-case DNS name/],
        ["domain with path", { domain: "gitpod.example.com/x" }, /gitpod-tencent:domain: got/],
        ["upper-case domain", { domain: "Gitpod.Example.com" }, /gitpod-tencent:domain: got "Gitpod.Example.com"/],
        ["single-label domain", { domain: "localhost" }, /gitpod-tencent:domain:/],
        ["zone not containing domain", { dnsZone: "example.org" }, /gitpod-tencent:dnsZone: got "example.org"; expected a zone that contains gitpod.example.com/],
        ["domain ending with the zone's text, not at a label boundary", { domain: "mygitpodexample.com", dnsZone: "example.com" }, /^gitpod-tencent:dnsZone: got "example.com"; expected a zone that contains mygitpodexample.com/],
        ["bad email", { acmeEmail: "ops-at-example.com" }, /gitpod-tencent:acmeEmail: got "ops-at-example.com"; expected an e-mail address/],
        ["bad CIDR", { adminCidrs: JSON.stringify(["203.0.113.7/33"]) }, /gitpod-tencent:adminCidrs\[0\]: got "203.0.113.7\/33"; expected IPv4 CIDRs/],
        ["host bits set", { adminCidrs: JSON.stringify(["203.0.113.7/24"]) }, /adminCidrs\[0\]/],
        ["missing adminCidrs", { adminCidrs: undefined }, /gitpod-tencent:adminCidrs: got nothing; expected a non-empty list/],
        ["empty adminCidrs", { adminCidrs: "[]" }, /gitpod-tencent:adminCidrs: got "\[\]"; expected a non-empty list/],
        ["disk too small", { systemDiskSize: "50" }, /gitpod-tencent:systemDiskSize: got "50"; expected an integer from 100 to 2048/],
        ["disk not a number", { systemDiskSize: "big" }, /systemDiskSize: got "big"/],
        ["unknown disk type", { systemDiskType: "FLOPPY" }, /systemDiskType: got "FLOPPY"; expected one of CLOUD_PREMIUM/],
        ["bad region form", { region: "singapore" }, /gitpod-tencent:region: got "singapore"; expected a Tencent Cloud region/],
        ["zone of another region", { zone: "ap-hongkong-2" }, /gitpod-tencent:zone: got "ap-hongkong-2"; expected a zone of region ap-singapore/],
        ["unknown ubuntu", { ubuntuVersion: "18.04" }, /ubuntuVersion: got "18.04"; expected one of 20.04, 22.04/],
        ["unknown acme server", { acmeServer: "prod" }, /gitpod-tencent:acmeServer: got "prod"; expected one of production, staging/],
        ["bad boolean", { allowVmReplacement: "yes" }, /allowVmReplacement: got "yes"; expected true or false/],
        ["bad k3s version form", { k3sVersion: "1.24" }, /gitpod-tencent:k3sVersion: got "1.24"; expected a release like v1.24.13\+k3s1/],
        ["bad nameserver", { dns01Nameservers: JSON.stringify(["119.29.29.29"]) }, /dns01Nameservers\[0\]: got "119.29.29.29"; expected recursive nameservers as host:port/],
        ["bad namespace", { gitpodNamespace: "Gitpod" }, /gitpodNamespace: got "Gitpod"/],
        ["bad TTL", { dnsTtl: "0" }, /dnsTtl: got "0"; expected an integer from 1 to 604800/],
    ];
    for (const [what, values, expected] of cases) {
        it(`rejects ${what} with one line naming the key`, () => {
            const problems = problemsOf(raw(values));
            assert.equal(problems.length, 1, problems.join("\n"));
            assert.match(problems[0], expected);
        });
    }

    it("names a missing secret without showing any value", () => {
        const problems = problemsOf(raw({}, { secrets: { dnspodSecretId: pulumi.secret("AKIDx") } }));
        assert.deepEqual(problems.length, 1);
        assert.match(problems[0], /gitpod-tencent:dnspodSecretKey: got nothing; expected the SecretKey.*pulumi config set --secret dnspodSecretKey/);
    });

    it("rejects a tencentcloud:region other than region: every resource uses region", () => {
        const problems = problemsOf(raw({ region: "ap-hongkong" }, { providerRegion: "ap-guangzhou" }));
        assert.deepEqual(problems, [
            'tencentcloud:region: got "ap-guangzhou"; expected ap-hongkong (the value of gitpod-tencent:region, which every resource uses) or no value: set the region with `pulumi config set region …` only',
        ]);
        assert.deepEqual(problemsOf(raw({ region: "ap-hongkong" }, { providerRegion: "ap-hongkong" })), []);
        assert.deepEqual(problemsOf(raw({ region: "ap-hongkong" }, { providerRegion: undefined })), []);
    });

    it("asks for Tencent Cloud API keys when neither config nor environment has them", () => {
        const problems = problemsOf(raw({}, { cloudCredentials: false }));
        assert.equal(problems.length, 1);
        assert.match(problems[0], /^tencentcloud:secretId\/secretKey: got nothing; expected Tencent Cloud API keys, set TENCENTCLOUD_SECRET_ID/);
    });

    it("reports every problem at once, one line each", () => {
        const problems = problemsOf(
            raw({ domain: "HTTP://x", acmeEmail: "no", systemDiskSize: "1", region: "x", adminCidrs: undefined }, { cloudCredentials: false }),
        );
        assert.equal(problems.length, 6, problems.join("\n"));
        for (const key of ["domain", "acmeEmail", "systemDiskSize", "region", "adminCidrs"]) {
            assert.ok(problems.some((p) => p.startsWith(`gitpod-tencent:${key}:`)), `no line for ${key}`);
        }
        assert.ok(problems.every((p) => !p.includes("\n")));
    });

    it("the error message lists the problems for the CLI to print", () => {
        assert.throws(() => validateConfig(raw({ acmeEmail: "no" })), /invalid configuration \(1 problem\):\n {2}gitpod-tencent:acmeEmail/);
    });
});

describe("version pins in config", () => {
    it("rejects a k3s outside Calico's and cert-manager's range: one line per conflict, naming the key the user set", () => {
        const problems = problemsOf(raw({ k3sVersion: "v1.22.12+k3s1" }));
        assert.ok(problems.length >= 2, problems.join("\n"));
        assert.ok(problems.some((p) => /^gitpod-tencent:k3sVersion: Calico .*v3\.26\.5 supports Kubernetes 1\.24–1\.28, but k3s v1\.22\.12\+k3s1 is Kubernetes 1\.22/.test(p)), problems.join("\n"));
        assert.ok(problems.every((p) => p.startsWith("gitpod-tencent:k3sVersion: ")), problems.join("\n"));
        assert.ok(problems.every((p) => p.includes("allowUnsupportedVersions")));
    });

    it("a pin that does not fit the default k3s names that pin's key", () => {
        const problems = problemsOf(raw({ kotsVersion: "1.92.0" }));
        assert.ok(problems.length >= 1, "expected a conflict");
        assert.ok(problems.every((p) => p.startsWith("gitpod-tencent:kotsVersion: kots")), problems.join("\n"));
    });

    it("accepts the same override with allowUnsupportedVersions", () => {
        const c = valid({ k3sVersion: "v1.22.12+k3s1", allowUnsupportedVersions: "true" });
        assert.equal(c.versions.k3s, "v1.22.12+k3s1");
    });

    it("rejects an unknown line of another pin", () => {
        const problems = problemsOf(raw({ calicoVersion: "v3.99.0" }));
        assert.equal(problems.length, 1);
        assert.match(problems[0], /^gitpod-tencent:calicoVersion: Calico .* v3\.99\.0: unknown line 3\.99/);
    });

    it("accepts an override that fits the set", () => {
        assert.equal(valid({ calicoVersion: "v3.25.2" }).versions.calico, "v3.25.2");
    });
});

describe("isIpv4Cidr", () => {
    it("accepts network addresses and rejects the rest", () => {
        assert.ok(isIpv4Cidr("0.0.0.0/0"));
        assert.ok(isIpv4Cidr("10.42.0.0/16"));
        assert.ok(!isIpv4Cidr("10.42.0.1/16"));
        assert.ok(!isIpv4Cidr("256.0.0.0/8"));
        assert.ok(!isIpv4Cidr("10.0.0.0"));
        assert.ok(!isIpv4Cidr("::/0"));
    });
});

describe("stage checkers", () => {
    it("read disjoint keys, so one key is reported by one stage only", () => {
        const all = [...PLAIN_KEYS, ...SECRET_KEYS];
        assert.deepEqual(all.filter((k, i) => all.indexOf(k) !== i), []);
    });
});
