/**
 * Pure decisions about a CVM node: which image, whether the instance type is sold in the zone,
 * and which changes must never silently replace a VM that holds Gitpod's data.
 */

export interface ImageQuery {
    readonly imageTypes: string[];
    readonly imageNameRegex: string;
    readonly instanceType: string;
}

/** As the data source returns them: every field may be absent. */
export interface FoundImage {
    readonly imageId?: string;
    readonly imageName?: string;
    readonly osName?: string;
}

/** Tencent Cloud's public Ubuntu images are named "Ubuntu Server 20.04 LTS 64bit". */
export function ubuntuImageQuery(ubuntuVersion: string, instanceType: string): ImageQuery {
    return {
        imageTypes: ["PUBLIC_IMAGE"],
        imageNameRegex: `^Ubuntu Server ${ubuntuVersion.replace(".", "\\.")} LTS 64bit$`,
        instanceType,
    };
}

/** A lookup's answer: the value found, or why nothing fits (one line naming the key to change). */
export type Lookup = { readonly value: string; readonly problem?: undefined } | { readonly value?: undefined; readonly problem: string };

/** The data source lists newest first: take the first, or say what was looked for. */
export function pickImage(images: readonly FoundImage[] | undefined, ubuntuVersion: string, region: string): Lookup {
    const first = images?.find((i) => i.imageId);
    if (!first?.imageId) {
        return { problem: `gitpod-tencent:ubuntuVersion: no public Ubuntu ${ubuntuVersion} image found in ${region}; set it to one the region offers (20.04 or 22.04)` };
    }
    return { value: first.imageId };
}

export interface OfferedType {
    readonly instanceType?: string;
    readonly availabilityZone?: string;
}

/** How the VM is billed; the type lookup only counts offers sold this way. */
export const CHARGE_TYPE = "POSTPAID_BY_HOUR";

/**
 * Filters of the instance type lookup: this type, pay-as-you-go (a type sold only prepaid must
 * not pass), and the zone when given. Filter names: data_source_tc_instance_types.go v1.83.25.
 */
export function instanceTypeFilters(instanceType: string, zone?: string): { name: string; values: string[] }[] {
    return [
        { name: "instance-type", values: [instanceType] },
        { name: "instance-charge-type", values: [CHARGE_TYPE] },
        ...(zone === undefined ? [] : [{ name: "zone", values: [zone] }]),
    ];
}

/**
 * Says early, with the zones where the type is sold, what a late cloud API error would not.
 * `inZone` are pay-as-you-go offers in the configured zone, `anywhere` in the whole region;
 * `key` is the config key that chose the type (workspace nodes: `workspaceInstanceType`).
 */
export function checkInstanceTypeOffered(
    instanceType: string,
    zone: string,
    inZone: readonly OfferedType[] | undefined,
    anywhere: readonly OfferedType[] | undefined,
    key = "instanceType",
): Lookup {
    if ((inZone ?? []).some((t) => t.instanceType === instanceType)) return { value: instanceType };
    const zones = [...new Set((anywhere ?? []).filter((t) => t.instanceType === instanceType).map((t) => t.availabilityZone ?? "?"))].sort();
    const where = zones.length > 0 ? `it is sold in ${zones.join(", ")}: set gitpod-tencent:zone to one of them` : `it is sold nowhere in this region now: pick another ${key} or region`;
    return { problem: `gitpod-tencent:${key}: ${instanceType} is not available pay-as-you-go in ${zone} (sold out or not offered); ${where}` };
}

/**
 * The image id given to the instance when a lookup failed. It is only ever sent to the cloud for
 * a new VM, and `lookupVerdict` turns that case into the lookup's error first (a preview already
 * shows the planned image): an existing VM ignores the image (see `instanceIgnoreChanges`).
 */
export const LOOKUP_FAILED_IMAGE = "img-lookup-failed";

/** The instance's image input: the image found, or the marker when any lookup failed. */
export function imageInput(image: Lookup, type: Lookup): string {
    return image.problem === undefined && type.problem === undefined ? image.value : LOOKUP_FAILED_IMAGE;
}

/**
 * What a failed lookup means for this run. The lookups run on every `pulumi up`; once the type
 * sells out or the image is delisted they fail, but an existing VM needs neither (its image is
 * ignored, its type is already bought). So: nothing to say when both succeeded; an error when
 * the VM would be created from them (its planned image is the marker) or when replacement is
 * allowed (the image would be applied); else a warning.
 */
export function lookupVerdict(problems: readonly string[], plannedImage: string | undefined, allowReplacement: boolean): { error?: string; warning?: string } {
    if (problems.length === 0) return {};
    if (plannedImage === LOOKUP_FAILED_IMAGE || allowReplacement) return { error: problems.join("\n") };
    return { warning: `the VM exists, so this run goes on, but a new VM could not be created now: ${problems.join("; ")}` };
}

/**
 * Instance inputs whose change the provider applies with ResetInstance: the same instance id
 * with a freshly installed system disk (resource_tc_instance.go v1.83.25, Update: "Reset
 * Instance" branch). Everything bootstrapped on the disk is gone afterwards.
 */
export const REIMAGING_INPUTS = ["imageId", "disableSecurityService", "disableMonitorService", "disableAutomationService", "keepImageLogin"] as const;

/**
 * Identity of the VM's current system disk: the instance id and the state of every re-imaging
 * input. It changes exactly when the disk is new, so bootstrap steps use it as a trigger.
 */
export function bootDiskKey(instanceId: string, state: Readonly<Partial<Record<(typeof REIMAGING_INPUTS)[number], unknown>>>): string {
    return JSON.stringify([instanceId, ...REIMAGING_INPUTS.map((k) => state[k] ?? null)]);
}

/** Instance inputs whose change the provider applies by destroying the VM (ForceNew) or re-imaging it. */
export const REPLACING_INPUTS = ["imageId", "availabilityZone", "allocatePublicIp"] as const;

/**
 * What the engine must ignore on an existing VM. A newer image next month must never touch a
 * running node; zone or public-IP mode changes are ignored too unless the user explicitly
 * allowed a replacement (then Pulumi replaces the VM as the provider demands).
 */
export function instanceIgnoreChanges(allowReplacement: boolean): string[] {
    return allowReplacement ? [] : [...REPLACING_INPUTS];
}

export interface NodeIdentity {
    readonly zone: string;
    readonly ubuntuVersion: string;
    /** Whether the VM has a public IP of its own (false: its address is an EIP). */
    readonly allocatePublicIp: boolean;
}

/**
 * Billing mode of a stopped pay-as-you-go VM: compute stops billing (disks, and an EIP, do
 * not). The VM's own public IP would be released, which is why the server's address is an EIP.
 * Source: terraform-provider-tencentcloud v1.83.25 resource_tc_instance.go (`stopped_mode`),
 * https://www.tencentcloud.com/document/product/213/19922.
 */
export const STOPPED_MODE = "STOP_CHARGING";

/**
 * Compares what the VM is (its state) with what config asks for. Returns the refusal lines:
 * when config moved away from the VM and replacement is not allowed, the run must fail
 * rather than silently keep, or silently destroy, the VM.
 */
export function replacementRefusals(actual: { zone?: string; osName?: string; allocatePublicIp?: boolean }, wanted: NodeIdentity): string[] {
    const refusals: string[] = [];
    const consequence = "that replaces the VM and loses Gitpod's data (database, registry, workspaces); set gitpod-tencent:allowVmReplacement to true for the one `pulumi up` that should do it";
    if (actual.zone && actual.zone !== wanted.zone) {
        refusals.push(`gitpod-tencent:zone: the VM runs in ${actual.zone} and config asks for ${wanted.zone}; ${consequence}`);
    }
    if (actual.osName && !actual.osName.includes(wanted.ubuntuVersion)) {
        refusals.push(`gitpod-tencent:ubuntuVersion: the VM runs "${actual.osName}" and config asks for Ubuntu ${wanted.ubuntuVersion}; ${consequence}`);
    }
    if (actual.allocatePublicIp !== undefined && actual.allocatePublicIp !== wanted.allocatePublicIp) {
        const has = actual.allocatePublicIp ? "has a public IP of its own" : "is reached through an elastic IP (EIP)";
        const wants = wanted.allocatePublicIp ? "a public IP of its own" : "a stable elastic IP (EIP) instead";
        refusals.push(`gitpod-tencent:allowVmReplacement: the VM ${has} and this version of the program gives it ${wants}; ${consequence}`);
    }
    return refusals;
}

/**
 * A host name CVM and Kubernetes both accept (lower-case letters, digits, `-`; at most 60
 * characters), whatever the stack is called: `Prod_EU` -> `gitpod-prod-eu-server`.
 */
export function nodeHostname(stack: string, role: string): string {
    const clean = (s: string) => s.toLowerCase().replace(/[^a-z0-9-]+/g, "-").replace(/^-+|-+$/g, "");
    return `gitpod-${clean(stack)}`.slice(0, 60 - role.length - 1).replace(/-+$/, "") + `-${clean(role)}`;
}
