/** Kubeconfigs whose client certificate expires a given number of days from now (made with openssl). */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import YAML from "yaml";

export function kubeconfigExpiringIn(days: number): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gt-kubeconfig-"));
    try {
        const crt = path.join(dir, "client.crt");
        const r = spawnSync(
            "openssl",
            ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", String(days), "-subj", "/O=system:masters/CN=system:admin", "-keyout", path.join(dir, "client.key"), "-out", crt],
            { encoding: "utf8" },
        );
        if (r.status !== 0) throw new Error(`openssl failed: ${r.stderr}`);
        return YAML.stringify({
            apiVersion: "v1",
            kind: "Config",
            clusters: [{ name: "default", cluster: { server: "https://43.156.0.10:6443" } }],
            users: [{ name: "default", user: { "client-certificate-data": fs.readFileSync(crt).toString("base64") } }],
        });
    } finally {
        fs.rmSync(dir, { recursive: true, force: true });
    }
}
