/**
 * Runs CrossGuard resource policies offline: ResourceValidationArgs built by hand (the pattern
 * of pulumi/pulumi-policy-aws src/tests/util.ts), never a PolicyPack (its constructor serves gRPC).
 */
import { ResourceValidationArgs, ResourceValidationPolicy } from "../../policy/policies";

export function validationArgs(type: string, props: Record<string, unknown>, config: Record<string, unknown> = {}): ResourceValidationArgs {
    const name = "r";
    return {
        type,
        props,
        urn: `urn:pulumi:dev::gitpod-tencent::${type}::${name}`,
        name,
        opts: { protect: false, ignoreChanges: [], aliases: [], customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 }, additionalSecretOutputs: [] },
        stackTags: new Map(),
        isType: (cls: { __pulumiType?: string }) => cls.__pulumiType === type,
        asType: (cls: { __pulumiType?: string }) => (cls.__pulumiType === type ? props : undefined),
        getConfig: <T extends object>() => config as T,
        notApplicable: (reason?: string) => {
            throw new Error(`not applicable: ${reason}`);
        },
    } as unknown as ResourceValidationArgs;
}

/** The messages a policy reports for one resource ([] when it passes). */
export async function violations(policy: ResourceValidationPolicy, type: string, props: Record<string, unknown>, config: Record<string, unknown> = {}): Promise<string[]> {
    const found: string[] = [];
    const validations = [policy.validateResource ?? []].flat();
    for (const validate of validations) await validate(validationArgs(type, props, config), (message) => found.push(message));
    return found;
}
