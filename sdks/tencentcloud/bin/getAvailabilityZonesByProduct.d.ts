import * as pulumi from "@pulumi/pulumi";
import * as outputs from "./types/output";
export declare function getAvailabilityZonesByProduct(args: GetAvailabilityZonesByProductArgs, opts?: pulumi.InvokeOptions): Promise<GetAvailabilityZonesByProductResult>;
/**
 * A collection of arguments for invoking getAvailabilityZonesByProduct.
 */
export interface GetAvailabilityZonesByProductArgs {
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
     * A string variable indicates that the query will use product information.
     */
    product: string;
    /**
     * Used to save results.
     */
    resultOutputFile?: string;
}
/**
 * A collection of values returned by getAvailabilityZonesByProduct.
 */
export interface GetAvailabilityZonesByProductResult {
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
     * A string variable indicates that the query will use product information.
     */
    readonly product: string;
    /**
     * Used to save results.
     */
    readonly resultOutputFile?: string;
    /**
     * A list of zones will be exported and its every element contains the following attributes:
     */
    readonly zones: outputs.GetAvailabilityZonesByProductZone[];
}
export declare function getAvailabilityZonesByProductOutput(args: GetAvailabilityZonesByProductOutputArgs, opts?: pulumi.InvokeOutputOptions): pulumi.Output<GetAvailabilityZonesByProductResult>;
/**
 * A collection of arguments for invoking getAvailabilityZonesByProduct.
 */
export interface GetAvailabilityZonesByProductOutputArgs {
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
     * A string variable indicates that the query will use product information.
     */
    product: pulumi.Input<string>;
    /**
     * Used to save results.
     */
    resultOutputFile?: pulumi.Input<string | undefined>;
}
