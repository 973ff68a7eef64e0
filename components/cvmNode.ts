import * as pulumi from "@pulumi/pulumi";
import * as tencentcloud from "@pulumi/tencentcloud";
import {
    bootDiskKey,
    checkInstanceTypeOffered,
    CHARGE_TYPE,
    imageInput,
    instanceIgnoreChanges,
    instanceTypeFilters,
    Lookup,
    lookupVerdict,
    pickImage,
    replacementRefusals,
    STOPPED_MODE,
    ubuntuImageQuery,
} from "../lib/cvm";

export interface CvmNodeArgs {
    readonly region: string;
    readonly zone: string;
    /** Default for Gitpod: SA2.2XLARGE16 (8 vCPU / 16 GiB). */
    readonly instanceType: string;
    /** The config key `instanceType` came from, named when it is not sold (default "instanceType"). */
    readonly instanceTypeKey?: string;
    /** Ubuntu release of the image: 20.04 (kernel 5.4) or 22.04. */
    readonly ubuntuVersion: string;
    readonly systemDiskType: string;
    readonly systemDiskSize: number;
    /** Public bandwidth cap in Mbps, billed by traffic. */
    readonly bandwidthOut: number;
    readonly vpcId: pulumi.Input<string>;
    readonly subnetId: pulumi.Input<string>;
    readonly securityGroupId: pulumi.Input<string>;
    /** Tencent Cloud key pair bound to the image's `ubuntu` user. */
    readonly keyId: pulumi.Input<string>;
    /** Host name inside the VM (also the Kubernetes node name). */
    readonly hostname: string;
    /** Lets a config change replace this VM (and its data). Off by default. */
    readonly allowReplacement: boolean;
    /**
     * Give the VM a public IP of its own (default true). false: no public IP on the instance
     * and no instance internet settings; its address is an EIP (components/publicAddress.ts),
     * which survives a stop in STOP_CHARGING mode.
     */
    readonly allocatePublicIp?: boolean;
    /**
     * Default true. false stops the VM in STOP_CHARGING mode (`runningFlag`/`stoppedMode`):
     * compute billing stops, disks (and an EIP) keep billing; true starts it again.
     */
    readonly running?: boolean;
    readonly tags?: Record<string, string>;
}

/**
 * One pay-as-you-go CVM that can become a k3s node: it looks up the Ubuntu image, checks that
 * the instance type is sold pay-as-you-go in the zone before asking for it, and creates the VM,
 * with a public IP of its own or none (`allocatePublicIp: false`, for an EIP), running or
 * stopped without compute billing (`running`). For a VM that already exists a failed lookup is
 * a warning, not an error (see `lookupVerdict`). Repeatable: a second node (a k3s agent for workspaces) is another
 * CvmNode in the same network. Waits on the network and key it is given.
 */
export class CvmNode extends pulumi.ComponentResource {
    /** The VM's id, resolved only once the replacement guard passed (see refuseSilentDrift). */
    readonly instanceId: pulumi.Output<string>;
    /** The VM's own public IP ("" with `allocatePublicIp: false`, and while stopped). */
    readonly publicIp: pulumi.Output<string>;
    readonly privateIp: pulumi.Output<string>;
    /** The system disk (`disk-...`), e.g. for a snapshot policy. Changes with a new VM. */
    readonly systemDiskId: pulumi.Output<string>;
    readonly hostname: string;
    /**
     * The instance itself, for `deletedWith`: what lives on the VM (k3s steps, in-cluster
     * objects) is gone with it, so deleting the VM must not first delete those one by one.
     */
    readonly vm: tencentcloud.Instance;
    /** Changes when the VM gets a fresh system disk (new instance, or re-imaged): see `bootDiskKey`. */
    readonly bootDisk: pulumi.Output<string>;

    constructor(name: string, args: CvmNodeArgs, opts?: pulumi.ComponentResourceOptions) {
        super("gitpod-tencent:cloud:CvmNode", name, {}, opts);
        const allocatePublicIp = args.allocatePublicIp ?? true;
        const image = this.lookupImage(args);
        const type = this.offeredInstanceType(args);
        const instance = new tencentcloud.Instance(
            `${name}-vm`,
            {
                instanceName: args.hostname,
                hostname: args.hostname,
                availabilityZone: args.zone,
                imageId: pulumi.all([image, type]).apply(([i, t]) => imageInput(i, t)),
                instanceType: args.instanceType,
                instanceChargeType: CHARGE_TYPE,
                systemDiskType: args.systemDiskType,
                systemDiskSize: args.systemDiskSize,
                allocatePublicIp,
                ...instanceInternet(allocatePublicIp, args.bandwidthOut),
                runningFlag: args.running ?? true,
                stoppedMode: STOPPED_MODE,
                vpcId: args.vpcId,
                subnetId: args.subnetId,
                orderlySecurityGroups: [args.securityGroupId],
                keyIds: [args.keyId],
                tags: args.tags,
            },
            { parent: this, ignoreChanges: instanceIgnoreChanges(args.allowReplacement) },
        );
        const guard = args.allowReplacement ? pulumi.output([]) : refuseSilentDrift(instance, { ...args, allocatePublicIp });
        const lookups = reportLookups(instance, [image, type], args.allowReplacement, this);
        // What follows the VM (an EIP association, SSH steps) must not act on a VM the guard refused.
        this.instanceId = pulumi.all([instance.id, guard]).apply(([id]) => id);
        this.publicIp = instance.publicIp;
        this.privateIp = instance.privateIp;
        this.systemDiskId = instance.systemDiskId;
        this.hostname = args.hostname;
        this.vm = instance;
        this.bootDisk = pulumi
            .all([instance.id, instance.imageId, instance.disableSecurityService, instance.disableMonitorService, instance.disableAutomationService, instance.keepImageLogin])
            .apply(([id, imageId, disableSecurityService, disableMonitorService, disableAutomationService, keepImageLogin]) =>
                bootDiskKey(id, { imageId, disableSecurityService, disableMonitorService, disableAutomationService, keepImageLogin }),
            );
        this.registerOutputs({
            instanceId: this.instanceId,
            publicIp: this.publicIp,
            privateIp: this.privateIp,
            systemDiskId: this.systemDiskId,
            bootDisk: this.bootDisk,
            guard,
            lookups,
        });
    }

    private lookupImage(args: CvmNodeArgs): pulumi.Output<Lookup> {
        const images = tencentcloud.getImagesOutput(ubuntuImageQuery(args.ubuntuVersion, args.instanceType), { parent: this });
        return images.images.apply((found) => pickImage(found, args.ubuntuVersion, args.region));
    }

    private offeredInstanceType(args: CvmNodeArgs): pulumi.Output<Lookup> {
        const inZone = tencentcloud.getInstanceTypesOutput({ filters: instanceTypeFilters(args.instanceType, args.zone), excludeSoldOut: true }, { parent: this });
        const anywhere = tencentcloud.getInstanceTypesOutput({ filters: instanceTypeFilters(args.instanceType), excludeSoldOut: true }, { parent: this });
        return pulumi
            .all([inZone.instanceTypes, anywhere.instanceTypes])
            .apply(([here, all]) => checkInstanceTypeOffered(args.instanceType, args.zone, here, all, args.instanceTypeKey));
    }
}

/**
 * Turns failed lookups into this run's outcome once the engine has planned the VM: an error for
 * a VM that would be created from them, a warning for one that exists (see `lookupVerdict`).
 */
function reportLookups(instance: tencentcloud.Instance, lookups: pulumi.Output<Lookup>[], allowReplacement: boolean, parent: pulumi.Resource): pulumi.Output<string[]> {
    return pulumi.all([instance.imageId, pulumi.all(lookups)]).apply(([plannedImage, answers]) => {
        const problems = answers.flatMap((a) => (a.problem === undefined ? [] : [a.problem]));
        const verdict = lookupVerdict(problems, plannedImage, allowReplacement);
        if (verdict.error) throw new Error(verdict.error);
        if (verdict.warning) pulumi.log.warn(verdict.warning, parent);
        return problems;
    });
}

/**
 * With replacement not allowed the replacing inputs are ignored; this turns the resulting
 * difference between config and the VM into a failed run with the reason, not a silent no-op.
 */
function refuseSilentDrift(instance: tencentcloud.Instance, args: CvmNodeArgs & { allocatePublicIp: boolean }): pulumi.Output<string[]> {
    return pulumi.all([instance.availabilityZone, instance.osName, instance.allocatePublicIp]).apply(([zone, osName, hasOwnIp]) => {
        const refusals = replacementRefusals(
            { zone, osName, allocatePublicIp: hasOwnIp },
            { zone: args.zone, ubuntuVersion: args.ubuntuVersion, allocatePublicIp: args.allocatePublicIp },
        );
        if (refusals.length > 0) throw new Error(refusals.join("\n"));
        return refusals;
    });
}

/**
 * Internet settings belong to a VM with its own public IP. Without one they are left out: the
 * provider says they "do not need to be set when allocate_public_ip is false", and a VM stopped
 * in STOP_CHARGING mode reads back without them, which would show as a diff on every paused run
 * (terraform-provider-tencentcloud v1.83.25, resource_tc_instance.go). An EIP carries its own.
 */
function instanceInternet(allocatePublicIp: boolean, bandwidthOut: number): Partial<tencentcloud.InstanceArgs> {
    return allocatePublicIp ? { internetChargeType: "TRAFFIC_POSTPAID_BY_HOUR", internetMaxBandwidthOut: bandwidthOut } : {};
}
