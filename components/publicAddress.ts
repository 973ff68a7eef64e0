import * as pulumi from "@pulumi/pulumi";
import * as tencentcloud from "@pulumi/tencentcloud";

export interface PublicAddressArgs {
    /** The VM the address is bound to (created without a public IP of its own). */
    readonly instanceId: pulumi.Input<string>;
    /** Public bandwidth cap in Mbps, billed by traffic. */
    readonly bandwidthOut: number;
    /** EIP name shown in the console. */
    readonly addressName: string;
    readonly tags?: Record<string, string>;
}

/**
 * The VM's stable public address: an elastic IP (`tencentcloud.Eip`, billed by traffic) bound
 * to the instance (`EipAssociation`). Unlike the instance's own public IP it survives stopping
 * the VM in STOP_CHARGING mode and keeps its number for the life of the stack, so DNS, SSH and
 * the kubeconfig never change. `ip` resolves only once the address is bound: whatever reaches
 * the VM through it waits for the association. Waits on the VM it is given.
 */
export class PublicAddress extends pulumi.ComponentResource {
    /** The EIP, once bound to the VM. */
    readonly ip: pulumi.Output<string>;
    readonly eipId: pulumi.Output<string>;

    constructor(name: string, args: PublicAddressArgs, opts?: pulumi.ComponentResourceOptions) {
        super("gitpod-tencent:cloud:PublicAddress", name, {}, opts);
        const eip = new tencentcloud.Eip(
            `${name}-eip`,
            {
                name: args.addressName,
                type: "EIP",
                internetChargeType: "TRAFFIC_POSTPAID_BY_HOUR",
                internetMaxBandwidthOut: args.bandwidthOut,
                tags: args.tags,
            },
            { parent: this },
        );
        // A new VM (zone change, allowVmReplacement) replaces the association. Tencent Cloud binds
        // only an EIP in UNBIND status (AssociateAddress, tencentcloud.com/document/api/215/16700),
        // so the old binding must go first; Pulumi's default (create the new one first) would fail.
        const association = new tencentcloud.EipAssociation(
            `${name}-association`,
            { eipId: eip.id, instanceId: args.instanceId },
            { parent: this, deleteBeforeReplace: true },
        );
        this.eipId = eip.id;
        this.ip = pulumi.all([eip.publicIp, association.id]).apply(([ip]) => ip);
        this.registerOutputs({ ip: this.ip, eipId: this.eipId });
    }
}
