/** Config of the TLS stage: the Let's Encrypt account and environment, and DNS-01 through DNSPod. */
import * as pulumi from "@pulumi/pulumi";
import { Checker, EMAIL, HOST_PORT, StageKeys } from "./checker";

export const ACME_SERVERS = {
    production: "https://acme-v02.api.letsencrypt.org/directory",
    staging: "https://acme-staging-v02.api.letsencrypt.org/directory",
} as const;
export type AcmeServer = keyof typeof ACME_SERVERS;

export interface TlsConfig {
    readonly acmeEmail: string;
    readonly acmeServer: AcmeServer;
    readonly dns01Nameservers: readonly string[];
    readonly dnspodSecretId: pulumi.Output<string>;
    readonly dnspodSecretKey: pulumi.Output<string>;
}

export const TLS_KEYS: StageKeys = {
    plain: ["acmeEmail", "acmeServer", "dns01Nameservers"],
    secrets: ["dnspodSecretId", "dnspodSecretKey"],
    defaults: {
        acmeServer: "production",
        dns01Nameservers: JSON.stringify(["119.29.29.29:53", "1.1.1.1:53"]),
    },
};

export function checkTls(c: Checker): TlsConfig {
    return {
        acmeEmail: c.string("acmeEmail", (v) => EMAIL.test(v), "an e-mail address for Let's Encrypt expiry notices, such as ops@example.com"),
        acmeServer: c.oneOf("acmeServer", Object.keys(ACME_SERVERS) as AcmeServer[]),
        dns01Nameservers: c.stringList("dns01Nameservers", (v) => HOST_PORT.test(v), "recursive nameservers as host:port, e.g. 119.29.29.29:53", true),
        dnspodSecretId: c.secret("dnspodSecretId", "the SecretId of a Tencent Cloud API key allowed to edit DNSPod records (for cert-manager's DNS-01 webhook)"),
        dnspodSecretKey: c.secret("dnspodSecretKey", "the SecretKey of that API key"),
    };
}
