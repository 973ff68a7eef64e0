/**
 * The pieces every stage's config checker uses: what the validator reads (`RawConfig`), the
 * `Checker` that collects one line per bad key, and the shared value tests. Each stage has its
 * own checker file in this folder; `index.ts` composes them into the one `validateConfig`.
 */
import * as pulumi from "@pulumi/pulumi";

export const PROJECT = "gitpod-tencent";

/** What the validator reads: plain values as the CLI gives them (strings, or parsed JSON). */
export interface RawConfig {
    readonly values: Readonly<Record<string, string | undefined>>;
    /** Secret keys: set or not (their values are never looked at here). */
    readonly secrets: Readonly<Record<string, pulumi.Output<string> | undefined>>;
    /** Whether Tencent Cloud API credentials reach the provider (config or environment). */
    readonly cloudCredentials: boolean;
    /** `tencentcloud:region` when set in the stack config: it must agree with `region`. */
    readonly providerRegion?: string;
    /**
     * Structured keys with secret parts (`pulumi config set --secret --path 'k[0].x'` makes the
     * whole value secret): their JSON text, read for structure only, and whether the CLI stored
     * it encrypted. Checkers wrap the secret fields in `pulumi.secret` and never print them.
     */
    readonly secretJson?: Readonly<Record<string, SecretJson | undefined>>;
    /**
     * Plain keys the CLI stored encrypted (`pulumi config set --secret`): their values are read
     * as plain text, so a checker refuses one wherever the value would reach a command or state.
     */
    readonly storedEncrypted?: readonly string[];
}

export interface SecretJson {
    readonly text: string;
    readonly isSecret: boolean;
}

/** The keys one stage reads, and the defaults it shares with Pulumi.yaml's `config:` block. */
export interface StageKeys {
    readonly plain: readonly string[];
    readonly secrets: readonly string[];
    /** Structured keys holding secret parts (see RawConfig.secretJson). */
    readonly secretJson?: readonly string[];
    readonly defaults: Readonly<Record<string, string>>;
}

/** Collects problems; each check reads one key and reports at most one line for it. */
export class Checker {
    readonly problems: string[] = [];
    constructor(
        readonly raw: RawConfig,
        private readonly defaults: Readonly<Record<string, string>>,
    ) {}

    /** What the user set, ignoring defaults. */
    given(key: string): string | undefined {
        const v = this.raw.values[key];
        return v === "" ? undefined : v;
    }

    value(key: string): string | undefined {
        return this.given(key) ?? this.defaults[key];
    }

    fail(key: string, given: string | undefined, expected: string): void {
        const shown = given === undefined ? "nothing" : JSON.stringify(given);
        this.problems.push(`${PROJECT}:${key}: got ${shown}; expected ${expected}`);
    }

    string(key: string, ok: (v: string) => boolean, expected: string): string {
        const v = this.value(key);
        if (v === undefined || !ok(v)) this.fail(key, v, expected);
        return v ?? "";
    }

    integer(key: string, min: number, max: number, unit: string): number {
        const v = this.value(key);
        const n = Number(v);
        if (v === undefined || !/^\d+$/.test(v.trim()) || n < min || n > max) {
            this.fail(key, v, `an integer from ${min} to ${max}${unit}`);
        }
        return n;
    }

    boolean(key: string): boolean {
        const v = this.value(key);
        if (v !== "true" && v !== "false") this.fail(key, v, "true or false");
        return v === "true";
    }

    oneOf<T extends string>(key: string, allowed: readonly T[]): T {
        const v = this.value(key);
        if (!allowed.includes(v as T)) this.fail(key, v, `one of ${allowed.join(", ")}`);
        return v as T;
    }

    json<T>(key: string, expected: string): T | undefined {
        const v = this.value(key);
        if (v === undefined) return undefined;
        try {
            return JSON.parse(v) as T;
        } catch {
            this.fail(key, v, expected);
            return undefined;
        }
    }

    stringList(key: string, ok: (v: string) => boolean, expected: string, required: boolean): string[] {
        const list = this.json<unknown>(key, `a list of ${expected}`);
        if (list === undefined) {
            if (required) this.fail(key, undefined, `a non-empty list of ${expected}`);
            return [];
        }
        if (!Array.isArray(list) || (required && list.length === 0)) {
            this.fail(key, this.value(key), `a ${required ? "non-empty " : ""}list of ${expected}`);
            return [];
        }
        list.forEach((item, i) => {
            if (typeof item !== "string" || !ok(item)) this.fail(`${key}[${i}]`, String(item), expected);
        });
        return list as string[];
    }

    secret(key: string, expected: string): pulumi.Output<string> {
        const v = this.raw.secrets[key];
        if (v === undefined) {
            this.problems.push(`${PROJECT}:${key}: got nothing; expected ${expected}, set with \`pulumi config set --secret ${key}\``);
        }
        return v ?? pulumi.secret("");
    }
}

const LABEL = "(?!-)[a-z0-9-]{1,63}(?<!-)";
const FQDN = new RegExp(`^(?=.{4,253}$)(${LABEL}\\.)+[a-z]{2,63}$`);
export const EMAIL = /^[A-Za-z0-9._%+-]+@(?!-)[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,63}$/;
export const K8S_NAME = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
export const HOST_PORT = /^(\d{1,3}(\.\d{1,3}){3}|[a-z0-9.-]+):\d{1,5}$/;

export function isIpv4Cidr(value: string): boolean {
    const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(value);
    if (!m) return false;
    const octets = m.slice(1, 5).map(Number);
    const prefix = Number(m[5]);
    if (octets.some((o) => o > 255) || prefix > 32) return false;
    const address = octets.reduce((acc, o) => acc * 256 + o, 0);
    const hostBits = 2 ** (32 - prefix);
    return address % hostBits === 0;
}

export function isFqdn(value: string): boolean {
    return FQDN.test(value);
}
