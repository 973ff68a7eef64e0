import * as pulumi from "@pulumi/pulumi";
import * as tencentcloud from "@pulumi/tencentcloud";
import { GITPOD_RECORD_PREFIXES, subDomainFor } from "../lib/dns";

/** DNSPod's name for the default resolution line (the API expects the Chinese word). */
export const DEFAULT_RECORD_LINE = "默认";

export interface DnsRecordsArgs {
    /** The DNSPod zone, e.g. example.com. */
    readonly zone: string;
    /** The Gitpod domain relative to the zone: "" when Gitpod is served at the apex. */
    readonly domainLabel: string;
    /** Where every name points: the node's public IP. */
    readonly ip: pulumi.Input<string>;
    readonly ttl: number;
}

/**
 * DNSPod A records for the Gitpod domain, every name below it and every workspace name below
 * `ws`, all pointing at the node. Waits on nothing but the IP, so DNS propagates while the
 * cluster is still being bootstrapped.
 */
export class DnsRecords extends pulumi.ComponentResource {
    /** DNSPod record ids, keyed by sub-domain. */
    readonly recordIds: Record<string, pulumi.Output<string>>;

    constructor(name: string, args: DnsRecordsArgs, opts?: pulumi.ComponentResourceOptions) {
        super("gitpod-tencent:dns:DnsRecords", name, {}, opts);
        this.recordIds = {};
        for (const prefix of GITPOD_RECORD_PREFIXES) {
            const subDomain = subDomainFor(prefix, args.domainLabel);
            const record = new tencentcloud.DnspodRecord(
                `${name}-${recordSuffix(prefix)}`,
                {
                    domain: args.zone,
                    subDomain,
                    recordType: "A",
                    recordLine: DEFAULT_RECORD_LINE,
                    value: args.ip,
                    ttl: args.ttl,
                },
                { parent: this },
            );
            this.recordIds[subDomain] = record.id;
        }
        this.registerOutputs({ recordIds: this.recordIds });
    }
}

/** Stable resource names that do not change with the domain: "apex", "wildcard", "ws-wildcard". */
function recordSuffix(prefix: string): string {
    return { "": "apex", "*": "wildcard", "*.ws": "ws-wildcard" }[prefix] ?? prefix;
}
