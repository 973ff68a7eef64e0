/**
 * Pulumi mocks that record what a program declares: every resource with its inputs, which
 * inputs arrived as secrets, its parent, its dependencies (explicit dependsOn and those implied
 * by input Outputs), its provider and its options; and every invoke. Pulumi's MockResourceArgs
 * carries none of parent/dependencies/options, so the mock monitor's registerResource is
 * wrapped to read them from the request itself (this relies on @pulumi/pulumi internals,
 * which is why the SDK version is pinned).
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- recorded inputs are arbitrary JSON that
   tests index freely, and the monitor's protobuf requests are untyped in the SDK. */
import * as pulumi from "@pulumi/pulumi";

/** Pulumi's marker for secret values on the wire. */
const SIG_KEY = "4dabf18193072939515e22adb298388d";
const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
/** Pulumi's wire value for an unknown (computed) value. */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

export interface RecordedResource {
    readonly type: string;
    readonly name: string;
    readonly urn: string;
    readonly custom: boolean;
    /** Inputs with secrets unwrapped. */
    readonly inputs: Record<string, any>;
    /** Dotted paths of inputs that arrived as secrets (`stdin`, `connection`, `data.tls\.key`...). */
    readonly secretPaths: readonly string[];
    readonly parent: string;
    readonly dependencies: readonly string[];
    /** Provider reference `urn::id`, "" when the default provider is used. */
    readonly provider: string;
    readonly protect: boolean;
    readonly retainOnDelete: boolean;
    /** URN of the resource this one is deleted with ("" for none; not inherited here). */
    readonly deletedWith: string;
    readonly ignoreChanges: readonly string[];
    readonly replaceOnChanges: readonly string[];
    readonly deleteBeforeReplace: boolean;
    readonly additionalSecretOutputs: readonly string[];
    /** `customTimeouts` as registered (create/update/delete, "" when unset), undefined if none. */
    readonly customTimeouts?: { create: string; update: string; delete: string };
}

export interface RecordedInvoke {
    readonly token: string;
    readonly args: Record<string, any>;
    /** Provider reference `urn::id`, "" when the default provider is used. */
    readonly provider: string;
}

export type OutputsFor = (type: string, name: string, inputs: Record<string, any>) => Record<string, any>;
export type InvokeResult = (token: string, args: Record<string, any>) => Record<string, any> | undefined;

export interface Recording {
    readonly resources: RecordedResource[];
    readonly invokes: RecordedInvoke[];
}

function isSecretWrapper(v: unknown): v is { value: unknown } {
    return typeof v === "object" && v !== null && (v as Record<string, unknown>)[SIG_KEY] === SECRET_SIG;
}

/** Removes Pulumi's secret wrappers, reporting the dotted path of each secret found. */
export function unwrapSecrets(value: unknown, path = "", found: string[] = []): { value: any; secretPaths: string[] } {
    if (isSecretWrapper(value)) {
        found.push(path || "<root>");
        return unwrapSecrets(value.value, path, found);
    }
    if (Array.isArray(value)) {
        return { value: value.map((v, i) => unwrapSecrets(v, `${path}[${i}]`, found).value), secretPaths: found };
    }
    if (typeof value === "object" && value !== null) {
        const out: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(value)) {
            const key = k.replace(/\./g, "\\.");
            out[k] = unwrapSecrets(v, path ? `${path}.${key}` : key, found).value;
        }
        return { value: out, secretPaths: found };
    }
    return { value, secretPaths: found };
}

const defaultOutputs: OutputsFor = () => ({});

/**
 * Installs mocks that record into the returned Recording. `outputs` adds provider-computed
 * outputs per resource (state = inputs + outputs); `invoke` answers data sources.
 */
export function setupMocks(opts: {
    project: string;
    stack: string;
    outputs?: OutputsFor;
    invoke?: InvokeResult;
    /** Evaluate as `pulumi preview` does (default false: as `pulumi up`). */
    preview?: boolean;
}): Recording {
    const recording: Recording = { resources: [], invokes: [] };
    const outputs = opts.outputs ?? defaultOutputs;
    pulumi.runtime.setMocks(
        {
            newResource: (args) => {
                const { value } = unwrapSecrets(args.inputs);
                return {
                    id: args.custom ? `${args.name}-id` : undefined,
                    state: { ...value, ...outputs(args.type, args.name, value) },
                };
            },
            call: (args) => {
                const { value } = unwrapSecrets(args.inputs);
                recording.invokes.push({ token: args.token, args: value, provider: args.provider ?? "" });
                const result = opts.invoke?.(args.token, value);
                if (result === undefined) throw new Error(`no mock answer for invoke ${args.token}`);
                return result;
            },
        },
        opts.project,
        opts.stack,
        opts.preview ?? false,
        // The DIY backend's organization: what `pulumi.getOrganization()` returns there.
        "organization",
    );
    wrapMonitor(recording);
    return recording;
}

/** The registered customTimeouts message as {create, update, delete}. */
function customTimeoutsOf(t: any): RecordedResource["customTimeouts"] {
    return t ? { create: t.getCreate(), update: t.getUpdate(), delete: t.getDelete() } : undefined;
}

function wrapMonitor(recording: Recording): void {
    const monitor: any = pulumi.runtime.getMonitor();
    const original = monitor.registerResource.bind(monitor);
    monitor.registerResource = (req: any, callback: any) => {
        const { value, secretPaths } = unwrapSecrets(req.getObject()?.toJavaScript() ?? {});
        const parent: string = req.getParent();
        const type: string = req.getType();
        const name: string = req.getName();
        recording.resources.push({
            type,
            name,
            urn: monitor.newUrn(parent, type, name),
            custom: req.getCustom(),
            inputs: value,
            secretPaths,
            parent,
            dependencies: req.getDependenciesList(),
            provider: req.getProvider(),
            protect: req.getProtect?.() ?? false,
            retainOnDelete: req.getRetainondelete?.() ?? false,
            deletedWith: req.getDeletedwith?.() ?? "",
            ignoreChanges: req.getIgnorechangesList(),
            replaceOnChanges: req.getReplaceonchangesList(),
            deleteBeforeReplace: req.getDeletebeforereplace(),
            additionalSecretOutputs: req.getAdditionalsecretoutputsList(),
            customTimeouts: customTimeoutsOf(req.getCustomtimeouts()),
        });
        return original(req, callback);
    };
}

/** Resolves an Output in tests (mocks run with preview=false, so applies run). */
export function valueOf<T>(output: pulumi.Output<T> | pulumi.Input<T>): Promise<T> {
    return new Promise((resolve) => pulumi.output(output).apply((v) => resolve(v as T)));
}

/**
 * Runs `body`, waits for every registration to settle, and returns the errors the program
 * raised, including those thrown inside applies: Pulumi's language host turns those unhandled
 * rejections into a failed run with the message, so tests read them the same way.
 */
export async function settle(body: () => unknown | Promise<unknown>): Promise<unknown[]> {
    const errors: unknown[] = [];
    let firstError: () => void = () => undefined;
    const failed = new Promise<void>((resolve) => (firstError = resolve));
    const onRejection = (reason: unknown) => {
        errors.push(reason);
        firstError();
    };
    // The test runner's own listener would fail the test on them: stand in for it meanwhile.
    const runnerListeners = process.listeners("unhandledRejection");
    process.removeAllListeners("unhandledRejection");
    process.on("unhandledRejection", onRejection);
    try {
        await body();
        // A resource whose input failed never finishes registering, so the runtime's
        // outstanding-RPC count never drops: stop at the first error, as the CLI does.
        await Promise.race([pulumi.runtime.disconnect(), failed]);
        // Rejections of settled RPCs are reported on the next turns of the event loop.
        await new Promise((resolve) => setTimeout(resolve, 20));
    } catch (e) {
        errors.push(e);
    } finally {
        process.off("unhandledRejection", onRejection);
        for (const listener of runnerListeners) process.on("unhandledRejection", listener);
    }
    return errors;
}
