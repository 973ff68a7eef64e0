import * as pulumi from "@pulumi/pulumi";
import * as outputs from "./types/output";
export declare function getAvailabilityZones(args?: GetAvailabilityZonesArgs, opts?: pulumi.InvokeOptions): Promise<GetAvailabilityZonesResult>;
/**
 * A collection of arguments for invoking getAvailabilityZones.
 */
export interface GetAvailabilityZonesArgs {
    id?: string;
    /**
     * A bool variable indicates that the query will include `UNAVAILABLE` zones.
     */
    includeUnavailable?: boolean;
    /**
     * When specified, only the zone with the exactly name match will be returned.
     */
    name?: string;
    /**
     * Used to save results.
     */
    resultOutputFile?: string;
}
/**
 * A collection of values returned by getAvailabilityZones.
 */
export interface GetAvailabilityZonesResult {
    readonly id: string;
    /**
     * A bool variable indicates that the query will include `UNAVAILABLE` zones.
     */
    readonly includeUnavailable?: boolean;
    /**
     * When specified, only the zone with the exactly name match will be returned.
     */
    readonly name?: string;
    /**
     * Used to save results.
     */
    readonly resultOutputFile?: string;
    /**
     * A list of zones will be exported and its every element contains the following attributes:
     */
    readonly zones: outputs.GetAvailabilityZonesZone[];
}
export declare function getAvailabilityZonesOutput(args?: GetAvailabilityZonesOutputArgs, opts?: pulumi.InvokeOutputOptions): pulumi.Output<GetAvailabilityZonesResult>;
/**
 * A collection of arguments for invoking getAvailabilityZones.
 */
export interface GetAvailabilityZonesOutputArgs {
    id?: pulumi.Input<string | undefined>;
    /**
     * A bool variable indicates that the query will include `UNAVAILABLE` zones.
     */
    includeUnavailable?: pulumi.Input<boolean | undefined>;
    /**
     * When specified, only the zone with the exactly name match will be returned.
     */
    name?: pulumi.Input<string | undefined>;
    /**
     * Used to save results.
     */
    resultOutputFile?: pulumi.Input<string | undefined>;
}
