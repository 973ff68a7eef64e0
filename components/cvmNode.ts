import * as pulumi from "@pulumi/pulumi";
import * as tencentcloud from "@pulumi/tencentcloud";
import {
    checkInstanceTypeOffered,
    instanceIgnoreChanges,
    pickImage,
    replacementRefusals,
    ubuntuImageQuery,
} from "../lib/cvm";

export interface CvmNodeArgs {
    readonly region: string;
    readonly zone: string;
    /** Default for Gitpod: SA2.2XLARGE16 (8 vCPU / 16 GiB). */
    readonly instanceType: string;
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
    readonly tags?: Record<string, string>;
}

/**
 * One pay-as-you-go CVM that can become a k3s node: it looks up the Ubuntu image, checks that
 * the instance type is sold in the zone before asking for it, and creates the VM with a public
 * IP. Repeatable: a second node (a k3s agent for workspaces) is another CvmNode in the same
 * network. Waits on the network and key it is given.
 */
export class CvmNode extends pulumi.ComponentResource {
    readonly instanceId: pulumi.Output<string>;
    readonly publicIp: pulumi.Output<string>;
    readonly privateIp: pulumi.Output<string>;
    readonly hostname: string;

    constructor(name: string, args: CvmNodeArgs, opts?: pulumi.ComponentResourceOptions) {
        super("gitpod-tencent:cloud:CvmNode", name, {}, opts);
        const instance = new tencentcloud.Instance(
            `${name}-vm`,
            {
                instanceName: args.hostname,
                hostname: args.hostname,
                availabilityZone: args.zone,
                imageId: this.lookupImage(args),
                instanceType: this.offeredInstanceType(args),
                instanceChargeType: "POSTPAID_BY_HOUR",
                systemDiskType: args.systemDiskType,
                systemDiskSize: args.systemDiskSize,
                allocatePublicIp: true,
                internetChargeType: "TRAFFIC_POSTPAID_BY_HOUR",
                internetMaxBandwidthOut: args.bandwidthOut,
                vpcId: args.vpcId,
                subnetId: args.subnetId,
                orderlySecurityGroups: [args.securityGroupId],
                keyIds: [args.keyId],
                tags: args.tags,
            },
            { parent: this, ignoreChanges: instanceIgnoreChanges(args.allowReplacement) },
        );
        const guard = args.allowReplacement ? pulumi.output([]) : refuseSilentDrift(instance, args);
        this.instanceId = instance.id;
        this.publicIp = instance.publicIp;
        this.privateIp = instance.privateIp;
        this.hostname = args.hostname;
        this.registerOutputs({ instanceId: this.instanceId, publicIp: this.publicIp, privateIp: this.privateIp, guard });
    }

    private lookupImage(args: CvmNodeArgs): pulumi.Output<string> {
        const images = tencentcloud.getImagesOutput(ubuntuImageQuery(args.ubuntuVersion, args.instanceType), { parent: this });
        return images.images.apply((found) => pickImage(found, args.ubuntuVersion, args.region));
    }

    private offeredInstanceType(args: CvmNodeArgs): pulumi.Output<string> {
        const typeFilter = { name: "instance-type", values: [args.instanceType] };
        const inZone = tencentcloud.getInstanceTypesOutput(
            { filters: [typeFilter, { name: "zone", values: [args.zone] }], excludeSoldOut: true },
            { parent: this },
        );
        const anywhere = tencentcloud.getInstanceTypesOutput({ filters: [typeFilter], excludeSoldOut: true }, { parent: this });
        return pulumi
            .all([inZone.instanceTypes, anywhere.instanceTypes])
            .apply(([here, all]) => checkInstanceTypeOffered(args.instanceType, args.zone, here, all));
    }
}

/**
 * With replacement not allowed the replacing inputs are ignored; this turns the resulting
 * difference between config and the VM into a failed run with the reason, not a silent no-op.
 */
function refuseSilentDrift(instance: tencentcloud.Instance, args: CvmNodeArgs): pulumi.Output<string[]> {
    return pulumi.all([instance.availabilityZone, instance.osName]).apply(([zone, osName]) => {
        const refusals = replacementRefusals({ zone, osName }, { zone: args.zone, ubuntuVersion: args.ubuntuVersion });
        if (refusals.length > 0) throw new Error(refusals.join("\n"));
        return refusals;
    });
}
