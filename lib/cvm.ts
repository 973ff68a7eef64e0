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

/** The data source lists newest first: take the first, or say what was looked for. */
export function pickImage(images: readonly FoundImage[] | undefined, ubuntuVersion: string, region: string): string {
    const first = images?.find((i) => i.imageId);
    if (!first?.imageId) {
        throw new Error(`no public Ubuntu ${ubuntuVersion} image found in ${region}; set gitpod-tencent:ubuntuVersion to one the region offers (20.04 or 22.04)`);
    }
    return first.imageId;
}

export interface OfferedType {
    readonly instanceType?: string;
    readonly availabilityZone?: string;
}

/**
 * Fails early, with the zones where the type is sold, instead of a late cloud API error.
 * `inZone` are offers in the configured zone, `anywhere` offers in the whole region.
 */
export function checkInstanceTypeOffered(
    instanceType: string,
    zone: string,
    inZone: readonly OfferedType[] | undefined,
    anywhere: readonly OfferedType[] | undefined,
): string {
    if ((inZone ?? []).some((t) => t.instanceType === instanceType)) return instanceType;
    const zones = [...new Set((anywhere ?? []).filter((t) => t.instanceType === instanceType).map((t) => t.availabilityZone ?? "?"))].sort();
    const where = zones.length > 0 ? `it is sold in ${zones.join(", ")}: set gitpod-tencent:zone to one of them` : "it is sold nowhere in this region now: pick another instanceType or region";
    throw new Error(`gitpod-tencent:instanceType: ${instanceType} is not available in ${zone} (sold out or not offered); ${where}`);
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
