/**
 * The KOTS side of the Gitpod install: the app's config items (what `gitpodConfig` may set),
 * the ConfigValues document `kubectl kots install --config-values` and `kots set config
 * --config-file` read, what the install script gets on stdin, and the admin console command.
 * Pure; the Gitpod component (components/gitpod.ts) wires it.
 */
import { stringify } from "yaml";
import { gitpodConfigPatch, ConfigPatchSettings } from "./gitpodConfigPatch";
import { KOTS_TLS_CONFIG_VALUES } from "./tls";

export type KotsItemType = "text" | "password" | "bool" | "select_one" | "file";

export interface KotsItem {
    readonly type: KotsItemType;
    /** select_one: the option names. */
    readonly options?: readonly string[];
}

/**
 * Every item of the Gitpod app's Config (gitpod-io/gitpod 2022.11.3
 * install/kots/manifests/kots-config.yaml; test/fixtures/gitpod/kots-config.yaml, which a test
 * compares with this table).
 */
export const KOTS_ITEMS: Readonly<Record<string, KotsItem>> = {
    domain: { type: "text" },
    openVsxUrl: { type: "text" },
    reg_incluster: { type: "bool" },
    reg_incluster_storage: { type: "select_one", options: ["none", "s3"] },
    reg_incluster_storage_s3_region: { type: "text" },
    reg_incluster_storage_s3_endpoint: { type: "text" },
    reg_incluster_storage_s3_bucketname: { type: "text" },
    reg_incluster_storage_s3_accesskey: { type: "text" },
    reg_incluster_storage_s3_secretkey: { type: "password" },
    reg_url: { type: "text" },
    reg_server: { type: "text" },
    reg_username: { type: "text" },
    reg_password: { type: "password" },
    reg_docker_config_enable: { type: "bool" },
    reg_docker_config: { type: "file" },
    db_incluster: { type: "bool" },
    db_cloudsql_enabled: { type: "bool" },
    db_cloudsql_instance: { type: "text" },
    db_encryption_keys: { type: "text" },
    db_host: { type: "text" },
    db_username: { type: "text" },
    db_password: { type: "password" },
    db_port: { type: "text" },
    db_gcp_credentials: { type: "file" },
    store_provider: { type: "select_one", options: ["incluster", "azure", "gcp", "s3"] },
    store_region: { type: "text" },
    store_azure_account_name: { type: "text" },
    store_azure_access_key: { type: "password" },
    store_gcp_project: { type: "text" },
    store_gcp_credentials: { type: "file" },
    store_s3_endpoint: { type: "text" },
    store_s3_bucket: { type: "text" },
    store_s3_access_key_id: { type: "text" },
    store_s3_secret_access_key: { type: "password" },
    tls_self_signed_enabled: { type: "bool" },
    cert_manager_enabled: { type: "bool" },
    cert_manager_issuer_name: { type: "text" },
    cert_manager_issuer: { type: "select_one", options: ["ClusterIssuer", "Issuer"] },
    tls_crt: { type: "file" },
    tls_key: { type: "file" },
    tls_ca_crt: { type: "file" },
    ssh_gateway: { type: "bool" },
    user_management_block_enabled: { type: "bool" },
    user_management_block_passlist: { type: "text" },
    advanced_mode_enabled: { type: "bool" },
    installer_timeout: { type: "select_one", options: ["5m", "10m", "30m", "1h", "90m", "2h"] },
    customization_patch: { type: "file" },
    config_patch: { type: "file" },
    component_proxy_service_serviceType: { type: "select_one", options: ["", "ClusterIP", "NodePort"] },
    enable_proxy_settings: { type: "bool" },
};

/**
 * Items the program sets from other keys: `gitpodConfig` may not set them (it would undo that
 * stage's work); the message names the key to use instead.
 */
export const PROGRAM_ITEMS: Readonly<Record<string, string>> = {
    domain: "set `domain`",
    tls_self_signed_enabled: "the TLS stage owns the certificate",
    cert_manager_enabled: "the TLS stage owns the certificate",
    cert_manager_issuer_name: "the TLS stage owns the certificate",
    cert_manager_issuer: "the TLS stage owns the certificate",
    advanced_mode_enabled: "the program turns it on for `config_patch`",
    config_patch: "use `gitpodConfigPatch` (merged with the auth providers and sign-up limits)",
    user_management_block_enabled: "use `allowedEmailDomains`",
    user_management_block_passlist: "use `allowedEmailDomains`",
};

/** The base items: Gitpod in the cluster (registry, database, storage), our issuer, no SSH gateway. */
export const BASE_CONFIG_ITEMS: Readonly<Record<string, string>> = {
    reg_incluster: "1",
    db_incluster: "1",
    store_provider: "incluster",
    ...KOTS_TLS_CONFIG_VALUES,
    // The gateway would take port 22 on the node, which is how this program reaches the VM.
    ssh_gateway: "0",
    // Helm's --timeout for Gitpod's release. With advanced mode on (always: kotsConfigValues)
    // kots-install.sh takes this item instead of its 5m default, and 5 minutes is too
    // short for a first install pulling ~40 images from eu.gcr.io onto a fresh node (--atomic
    // would roll it back). gitpod-io/gitpod 2022.11.3 install/installer/scripts/kots-install.sh.
    installer_timeout: "30m",
};

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Problems with one `gitpodConfig` entry (none: the value is fine for the item's type). */
function checkItem(key: string, value: unknown): string[] {
    const item = KOTS_ITEMS[key];
    if (item === undefined) {
        return [`${key}: not an item of the Gitpod KOTS app; known items: ${Object.keys(KOTS_ITEMS).filter((k) => !(k in PROGRAM_ITEMS)).join(", ")}`];
    }
    if (key in PROGRAM_ITEMS) return [`${key}: set by the program, ${PROGRAM_ITEMS[key]}`];
    if (typeof value !== "string") return [`${key}: got ${JSON.stringify(value)}; KOTS values are strings`];
    switch (item.type) {
        case "bool":
            return value === "0" || value === "1" ? [] : [`${key}: got ${JSON.stringify(value)}; a bool item takes "0" or "1"`];
        case "select_one":
            return item.options!.includes(value) ? [] : [`${key}: got ${JSON.stringify(value)}; expected one of ${item.options!.map((o) => JSON.stringify(o)).join(", ")}`];
        case "file":
            return value !== "" && BASE64.test(value) ? [] : [`${key}: a file item takes the file's content base64-encoded (base64 -w0 FILE)`];
        default:
            return [];
    }
}

/** One line per bad `gitpodConfig` entry (unknown item, program-owned item, wrong value for the type). */
export function checkGitpodConfig(items: Readonly<Record<string, unknown>>): string[] {
    return Object.entries(items).flatMap(([key, value]) => checkItem(key, value));
}

export interface KotsConfigValuesOptions {
    readonly domain: string;
    /** The user's `gitpodConfig` (checked by checkGitpodConfig). */
    readonly items?: Readonly<Record<string, string>>;
    /** The config patch settings; their fragment goes into `config_patch` when not empty. */
    readonly patch: ConfigPatchSettings;
}

/** A kots.io/v1beta1 ConfigValues document. */
export interface KotsConfigValues {
    readonly apiVersion: "kots.io/v1beta1";
    readonly kind: "ConfigValues";
    readonly metadata: { readonly name: string };
    readonly spec: { readonly values: Record<string, { readonly value: string }> };
}

/**
 * The ConfigValues for the Gitpod app: the base items, the user's `gitpodConfig`,
 * `advanced_mode_enabled: "1"` and `config_patch` = base64 of the patch's YAML (a `file` item:
 * KOTS' ConfigOptionData base64-decodes it for the installer Job). Both are always set, an
 * empty patch as `{}`: `kots set config --merge` keeps every item the file leaves out, so a
 * patch that became empty (say the OAuth apps were removed) must still replace the old one,
 * whose `authProviders` would name Secrets that no longer exist; and `installer_timeout` only
 * applies in advanced mode (its `when`).
 * Throws on a config patch conflict (config validation reports those before this runs).
 */
export function kotsConfigValues(opts: KotsConfigValuesOptions): KotsConfigValues {
    const { patch, conflicts } = gitpodConfigPatch(opts.patch);
    if (conflicts.length > 0) throw new Error(`gitpodConfigPatch:\n  ${conflicts.join("\n  ")}`);
    const items: Record<string, string> = { domain: opts.domain, ...BASE_CONFIG_ITEMS, ...opts.items };
    items.advanced_mode_enabled = "1";
    items.config_patch = Buffer.from(stringify(patch), "utf8").toString("base64");
    const values = Object.fromEntries(Object.entries(items).map(([k, value]) => [k, { value }]));
    return { apiVersion: "kots.io/v1beta1", kind: "ConfigValues", metadata: { name: "gitpod" }, spec: { values } };
}

/**
 * What the install script reads on stdin: three lines, each the base64 of one secret input, in
 * this order: admin console password, licence file, ConfigValues file. base64 keeps every
 * value on one line whatever it contains; the script decodes each with `base64 -d`.
 */
export function kotsStdin(parts: { readonly password: string; readonly license: string; readonly configValues: string }): string {
    const b64 = (s: string) => Buffer.from(s, "utf8").toString("base64");
    return `${b64(parts.password)}\n${b64(parts.license)}\n${b64(parts.configValues)}\n`;
}

/** The release asset of replicatedhq/kots for linux/amd64 (deploy/.goreleaser.yaml `name_template`). */
export function kotsDownloadUrl(version: string): string {
    return `https://github.com/replicatedhq/kots/releases/download/v${version}/kots_linux_amd64.tar.gz`;
}

/**
 * The release's checksum file: goreleaser's default `<project>_<version>_checksums.txt` (kots'
 * goreleaser config sets no `checksum:` block), sha256 lines `<hex>  <asset>`.
 */
export function kotsChecksumsUrl(version: string): string {
    return `https://github.com/replicatedhq/kots/releases/download/v${version}/kots_${version}_checksums.txt`;
}

/** Local port the admin console is reached on. */
export const ADMIN_CONSOLE_PORT = 8800;

/**
 * The one command that opens the admin console from the user's machine: an SSH tunnel to the
 * node, where kubectl port-forwards Service `kotsadm` port 3000 (KOTS v1.102.0
 * pkg/kotsadm/objects/kotsadm_objects.go) on the node's loopback. Nothing is exposed publicly.
 */
export function adminConsoleCommand(opts: { readonly ip: string; readonly namespace: string; readonly keyFile: string }): string {
    const p = ADMIN_CONSOLE_PORT;
    return (
        `ssh -i ${opts.keyFile} -L ${p}:127.0.0.1:${p} ubuntu@${opts.ip} ` +
        `sudo k3s kubectl -n ${opts.namespace} port-forward --address 127.0.0.1 svc/kotsadm ${p}:3000` +
        `  # then open http://localhost:${p}`
    );
}
