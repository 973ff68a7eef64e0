// Contract checker for tencentcloud resource inputs and invoke arguments, against the provider schema in
// test/fixtures/tencentcloud/schema-subset.json (the schema `pulumi package add terraform-provider
// tencentcloudstack/tencentcloud` produces, plus the Terraform facts the Pulumi schema does not carry).
//
// Pure functions: give them the token and the inputs a test recorded (e.g. from the mocks) and they return one
// readable message per problem, [] when the inputs would pass the provider's own checks:
//   - the token exists;
//   - every input is a property of the resource/function;
//   - values have the schema's types (string/number/boolean/array/map/nested object, recursively);
//   - required inputs are present;
//   - allowed values hold: Terraform ValidateFunc facts (tfSchemas: allowed values, lengths, ranges, prefixes,
//     CIDR, key pair names), MaxItems, ConflictsWith/AtLeastOneOf/RequiredWith, Pulumi enums, and for strings
//     Terraform does not validate, the "Valid values: `A`, `B` and `C`." list of the schema description
//     (e.g. the rule sets' `protocol`), compared case-insensitively.
// Unknown values (undefined, Pulumi's unknown sentinel, unknown output values) are accepted; secrets and output
// values are unwrapped first. A required input counts as missing when its key is absent or null.

import * as fs from "node:fs";
import * as path from "node:path";

export const SCHEMA_PATH = path.join(__dirname, "..", "fixtures", "tencentcloud", "schema-subset.json");

/** Pulumi's wire sentinel for a value not known yet (preview). */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
const SIG = "4dabf18193072939515e22adb298388d";
const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
const RESOURCE_SIG = "5cf8f73096256a8f31e491e813e4eb8e";
const OUTPUT_SIG = "d0e6a833031e9bbcd3f4e8bde6ca49a4";

interface PropertySpec {
    type?: string;
    $ref?: string;
    items?: PropertySpec;
    additionalProperties?: PropertySpec;
    description?: string;
}

interface ObjectSpec {
    properties?: Record<string, PropertySpec>;
    required?: string[];
}

interface TypeSpec extends ObjectSpec {
    type?: string;
    enum?: Array<{ value: unknown }>;
}

interface TfValidate {
    func: string;
    args?: unknown[];
}

interface TfAttr {
    Type?: string;
    Required?: boolean;
    Optional?: boolean;
    Computed?: boolean;
    /** A nested block (`Resource`), or a primitive item as `Schema` or inline (cbs_snapshot_policy entries). */
    Elem?: { Resource?: TfLevel; Schema?: TfAttr } & TfAttr;
    ValidateFunc?: TfValidate | null;
    MaxItems?: number;
    ConflictsWith?: string[];
    AtLeastOneOf?: string[];
    RequiredWith?: string[];
}

type TfLevel = Record<string, TfAttr>;

interface Schema {
    package: { name: string };
    provider?: { inputProperties?: Record<string, PropertySpec>; requiredInputs?: string[] };
    resources: Record<string, { inputProperties?: Record<string, PropertySpec>; requiredInputs?: string[] }>;
    functions: Record<string, { inputs?: ObjectSpec }>;
    types: Record<string, TypeSpec>;
    tfNames?: Record<string, string>;
    idRenames?: Record<string, Record<string, string>>;
    tfSchemas?: Record<string, { schema?: TfLevel }>;
}

let cached: Schema | undefined;

function schema(): Schema {
    cached ??= JSON.parse(fs.readFileSync(SCHEMA_PATH, "utf8")) as Schema;
    return cached;
}

/** Problems with the inputs of a resource (or of the provider, token `pulumi:providers:tencentcloud`). */
export function checkResourceInputs(token: string, inputs: Record<string, unknown>): string[] {
    const s = schema();
    if (token === `pulumi:providers:${s.package.name}`) {
        // The SDK sends non-string provider config JSON-encoded; decode before checking.
        const props = s.provider?.inputProperties ?? {};
        const decoded: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(inputs ?? {})) {
            decoded[k] = props[k] && props[k].type !== "string" ? decodeJson(v) : v;
        }
        return new Checker(token).object(token, props, s.provider?.requiredInputs ?? [], decoded, undefined, undefined);
    }
    const res = s.resources[token];
    if (!res) {
        return [`${token}: unknown resource token${suggest(token, Object.keys(s.resources))}`];
    }
    const tf = s.tfSchemas?.[s.tfNames?.[token] ?? ""]?.schema;
    const idRename = s.idRenames?.[token]?.id;
    return new Checker(token).object(token, res.inputProperties ?? {}, res.requiredInputs ?? [], inputs, tf, idRename);
}

/** Problems with the arguments of a function (invoke), e.g. `tencentcloud:index/getImages:getImages`. */
export function checkInvokeArgs(token: string, args: Record<string, unknown>): string[] {
    const s = schema();
    const fn = s.functions[token];
    if (!fn) {
        return [`${token}: unknown function token${suggest(token, Object.keys(s.functions))}`];
    }
    const tf = s.tfSchemas?.[s.tfNames?.[token] ?? ""]?.schema;
    return new Checker(token).object(token, fn.inputs?.properties ?? {}, fn.inputs?.required ?? [], args, tf, undefined);
}

// ---------------------------------------------------------------------------------------------------------

class Checker {
    constructor(private readonly token: string) {}

    object(
        where: string,
        props: Record<string, PropertySpec>,
        required: string[],
        value: Record<string, unknown> | undefined,
        tf: TfLevel | undefined,
        idRename: string | undefined,
    ): string[] {
        const problems: string[] = [];
        const obj = value ?? {};
        const at = (key: string) => (where === this.token ? `${this.token} input "${key}"` : `${where}.${key}`);
        for (const key of required) {
            if (!(key in obj) || unwrap(obj[key]) === null) {
                problems.push(`${at(key)}: required input is missing`);
            }
        }
        const tfNames = new Map<string, string>(); // Pulumi name -> Terraform name at this level
        for (const [key, raw] of Object.entries(obj)) {
            const spec = props[key];
            if (!spec) {
                problems.push(`${at(key)}: not an input of ${this.token}${suggest(key, Object.keys(props))}`);
                continue;
            }
            const tfName = tf && key !== idRename ? tfNameOf(key, tf) : undefined;
            if (tfName) {
                tfNames.set(key, tfName);
            }
            problems.push(...this.value(at(key), spec, raw, tfName ? tf![tfName] : undefined));
        }
        if (tf) {
            problems.push(...this.relations(where, obj, tfNames, tf));
        }
        return problems;
    }

    /**
     * ConflictsWith / RequiredWith (reported only when the values are known) and AtLeastOneOf (reported only
     * when none of the inputs can have a value) between the attributes of one object.
     */
    private relations(where: string, obj: Record<string, unknown>, tfNames: Map<string, string>, tf: TfLevel): string[] {
        const problems: string[] = [];
        const known = (key: string) => key in obj && !isUnknown(unwrap(obj[key])) && unwrap(obj[key]) !== null;
        const maybe = (key: string) => key in obj && unwrap(obj[key]) !== null;
        const tfSet = (pred: (key: string) => boolean) =>
            new Set([...tfNames].filter(([key]) => pred(key)).map(([, tfName]) => tfName));
        const knownTf = tfSet(known);
        const maybeTf = tfSet(maybe);
        const pulumiName = (tfName: string) => [...tfNames].find(([, t]) => t === tfName)?.[0] ?? camel(tfName);
        const reported = new Set<string>();
        for (const tfName of [...knownTf].sort()) {
            const attr = tf[tfName];
            for (const other of attr.ConflictsWith ?? []) {
                const pair = [tfName, other].sort().join("|");
                if (knownTf.has(other) && !reported.has(pair)) {
                    reported.add(pair);
                    problems.push(`${where}: inputs "${pulumiName(tfName)}" and "${pulumiName(other)}" conflict (set only one)`);
                }
            }
            for (const needed of attr.RequiredWith ?? []) {
                if (needed !== tfName && !maybeTf.has(needed)) {
                    problems.push(`${where}: input "${pulumiName(tfName)}" requires "${pulumiName(needed)}"`);
                }
            }
        }
        const groups = new Set(Object.values(tf).flatMap((a) => (a.AtLeastOneOf ? [[...a.AtLeastOneOf].sort().join("|")] : [])));
        for (const group of groups) {
            const names = group.split("|");
            if (!names.some((n) => maybeTf.has(n))) {
                problems.push(`${where}: set at least one of ${names.map((n) => `"${pulumiName(n)}"`).join(", ")}`);
            }
        }
        return problems;
    }

    private value(where: string, spec: PropertySpec, raw: unknown, tf: TfAttr | undefined): string[] {
        const v = unwrap(raw);
        if (isUnknown(v) || v === null) {
            return [];
        }
        if (spec.$ref) {
            return this.ref(where, spec.$ref, v, tf);
        }
        switch (spec.type) {
            case "string":
                if (typeof v !== "string" && !isResourceRef(v)) {
                    return [`${where}: expected a string, got ${describe(v)}`];
                }
                return typeof v === "string" ? allowed(where, v, tf, spec) : [];
            case "number":
            case "integer":
                if (typeof v !== "number" || !Number.isFinite(v)) {
                    return [`${where}: expected a number, got ${describe(v)}`];
                }
                if ((spec.type === "integer" || tf?.Type === "TypeInt") && !Number.isInteger(v)) {
                    return [`${where}: expected an integer, got ${v}`];
                }
                return allowed(where, v, tf, spec);
            case "boolean":
                return typeof v === "boolean" ? [] : [`${where}: expected a boolean, got ${describe(v)}`];
            case "array": {
                if (!Array.isArray(v)) {
                    return [`${where}: expected a list, got ${describe(v)}`];
                }
                const problems: string[] = [];
                if (tf?.MaxItems !== undefined && v.length > tf.MaxItems) {
                    problems.push(`${where}: at most ${tf.MaxItems} item(s) allowed, got ${v.length}`);
                }
                const itemTf: TfAttr | undefined = tf?.Elem?.Resource ? { Elem: { Resource: tf.Elem.Resource } } : (tf?.Elem?.Schema ?? tf?.Elem);
                v.forEach((item, i) => problems.push(...this.value(`${where}[${i}]`, spec.items ?? {}, item, itemTf)));
                return problems;
            }
            case "object": {
                if (!isPlainObject(v)) {
                    return [`${where}: expected a map, got ${describe(v)}`];
                }
                if (!spec.additionalProperties) {
                    return [];
                }
                return Object.entries(v).flatMap(([k, item]) => this.value(`${where}["${k}"]`, spec.additionalProperties!, item, undefined));
            }
            default:
                return [];
        }
    }

    private ref(where: string, ref: string, v: unknown, tf: TfAttr | undefined): string[] {
        if (ref === "pulumi.json#/Any") {
            return [];
        }
        const token = ref.replace(/^#\/types\//, "");
        const type = schema().types[token];
        if (!type) {
            return [`${where}: schema references unknown type ${token}`];
        }
        if (type.enum) {
            const values = type.enum.map((e) => e.value);
            return values.includes(v) ? [] : [`${where}: ${JSON.stringify(v)} is not one of ${values.map((x) => JSON.stringify(x)).join(", ")}`];
        }
        if (!isPlainObject(v)) {
            return [`${where}: expected an object (${token.split(":").pop()}), got ${describe(v)}`];
        }
        return this.object(where, type.properties ?? {}, type.required ?? [], v, tf?.Elem?.Resource, undefined);
    }
}

// ---------------------------------------------------------------------------------------------------------
// Allowed values

function allowed(where: string, v: string | number, tf: TfAttr | undefined, spec: PropertySpec): string[] {
    const vf = tf?.ValidateFunc;
    if (vf) {
        return validate(where, vf, v);
    }
    if (typeof v === "string") {
        const values = describedValues(spec.description);
        if (values && !values.some((x) => x.toLowerCase() === v.toLowerCase())) {
            return [`${where}: "${v}" is not an allowed value (${values.join(", ")}; per the schema description)`];
        }
    }
    return [];
}

/** `Valid values: `A`, `B` and `C`.` (or `Valid values are ...`) in a description, else undefined. */
function describedValues(description: string | undefined): string[] | undefined {
    const m = /Valid values(?: are|:) (`[^`]+`(?:(?:, | and )`[^`]+`)*)\.(?:\s|$)/.exec(description ?? "");
    return m ? [...m[1].matchAll(/`([^`]+)`/g)].map((x) => x[1]) : undefined;
}

function validate(where: string, vf: TfValidate, v: string | number): string[] {
    const args = vf.args ?? [];
    const list = Array.isArray(args[0]) ? (args[0] as unknown[]) : undefined;
    switch (vf.func) {
        case "ValidateAllowedStringValue":
            return list && !list.includes(v) ? [`${where}: ${JSON.stringify(v)} is not an allowed value (${list.join(", ")})`] : [];
        case "ValidateAllowedStringValueIgnoreCase":
            return list && typeof v === "string" && !list.some((x) => String(x).toLowerCase() === v.toLowerCase())
                ? [`${where}: ${JSON.stringify(v)} is not an allowed value (${list.join(", ")}; case-insensitive)`]
                : [];
        case "ValidateAllowedIntValue":
            return list && !list.includes(v) ? [`${where}: ${v} is not an allowed value (${list.join(", ")})`] : [];
        case "ValidateStringLengthInRange": {
            const [min, max] = args as [number, number];
            return typeof v === "string" && (v.length < min || v.length > max)
                ? [`${where}: length ${v.length} is outside ${min}..${max}`]
                : [];
        }
        case "ValidateIntegerInRange": {
            const [min, max] = args as [number, number];
            return typeof v === "number" && (v < min || v > max) ? [`${where}: ${v} is outside ${min}..${max}`] : [];
        }
        case "ValidateStringPrefix":
            return typeof v === "string" && !v.startsWith(String(args[0])) ? [`${where}: "${v}" must start with "${args[0]}"`] : [];
        case "ValidateNotEmpty":
            return v === "" ? [`${where}: must not be empty`] : [];
        case "ValidateStringNumber":
            return typeof v === "string" && !/^-?\d+(\.\d+)?$/.test(v) ? [`${where}: "${v}" is not a number`] : [];
        case "ValidateCIDRNetworkAddress":
            return typeof v === "string" && !isCidrNetwork(v) ? [`${where}: "${v}" is not a CIDR network address (e.g. 10.0.0.0/16)`] : [];
        case "ValidateKeyPairName":
            // terraform-provider-tencentcloud: 1-25 characters of letters, digits and '_'
            return typeof v === "string" && !/^[A-Za-z0-9_]{1,25}$/.test(v)
                ? [`${where}: "${v}" is not a valid key pair name (1-25 letters, digits, '_')`]
                : [];
        default:
            // ValidateInstanceType, ValidateNameRegex, ...: no checkable fact recorded
            return [];
    }
}

function isCidrNetwork(s: string): boolean {
    const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(s);
    if (!m) {
        return false;
    }
    const octets = m.slice(1, 5).map(Number);
    const bits = Number(m[5]);
    if (octets.some((o) => o > 255) || bits > 32) {
        return false;
    }
    const addr = octets.reduce((a, o) => a * 256 + o, 0);
    const hostBits = 2 ** (32 - bits);
    return addr % hostBits === 0;
}

// ---------------------------------------------------------------------------------------------------------
// Names

function camel(snake: string): string {
    return snake.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
}

function plural(name: string): string {
    if (/(s|x|z|ch|sh)$/.test(name)) {
        return `${name}es`;
    }
    if (/[^aeiou]y$/.test(name)) {
        return `${name.slice(0, -1)}ies`;
    }
    return `${name}s`;
}

/** The Terraform attribute a Pulumi property comes from (camelCase, lists pluralized), if any. */
function tfNameOf(pulumiName: string, level: TfLevel): string | undefined {
    const names = Object.keys(level);
    return names.find((n) => camel(n) === pulumiName) ?? names.find((n) => plural(camel(n)) === pulumiName);
}

function suggest(name: string, candidates: string[]): string {
    const norm = (s: string) => s.toLowerCase().replace(/[_\-/:]/g, "");
    const hit = candidates.find((c) => norm(c) === norm(name) || norm(c).endsWith(norm(name)) || plural(norm(c)) === norm(name));
    return hit ? ` (did you mean "${hit}"?)` : "";
}

// ---------------------------------------------------------------------------------------------------------
// Values

function isPlainObject(v: unknown): v is Record<string, unknown> {
    return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Removes secret and output-value wrappers; an unknown output value becomes undefined. */
function unwrap(v: unknown): unknown {
    let cur = v;
    for (;;) {
        if (isPlainObject(cur) && cur[SIG] === SECRET_SIG) {
            cur = cur.value;
        } else if (isPlainObject(cur) && cur[SIG] === OUTPUT_SIG) {
            cur = "value" in cur ? cur.value : undefined;
        } else {
            return cur;
        }
    }
}

function isUnknown(v: unknown): boolean {
    return v === undefined || v === UNKNOWN;
}

function isResourceRef(v: unknown): boolean {
    return isPlainObject(v) && v[SIG] === RESOURCE_SIG;
}

function decodeJson(v: unknown): unknown {
    const u = unwrap(v);
    if (typeof u !== "string") {
        return u;
    }
    try {
        return JSON.parse(u);
    } catch {
        return u;
    }
}

function describe(v: unknown): string {
    if (Array.isArray(v)) {
        return "a list";
    }
    if (isPlainObject(v)) {
        return "an object";
    }
    return `${typeof v} ${JSON.stringify(v)}`;
}
