import * as pulumi from "@pulumi/pulumi";
import * as inputs from "./types/input";
import * as outputs from "./types/output";
export declare function getInstanceTypes(args?: GetInstanceTypesArgs, opts?: pulumi.InvokeOptions): Promise<GetInstanceTypesResult>;
/**
 * A collection of arguments for invoking getInstanceTypes.
 */
export interface GetInstanceTypesArgs {
    /**
     * The available zone that the CVM instance locates at. This field is conflict with `filter`.
     */
    availabilityZone?: string;
    /**
     * Cbs filter.
     */
    cbsFilter?: inputs.GetInstanceTypesCbsFilter;
    /**
     * The number of CPU cores of the instance.
     */
    cpuCoreCount?: number;
    /**
     * Indicate to filter instances types that is sold out or not, default is false.
     */
    excludeSoldOut?: boolean;
    /**
     * One or more name/value pairs to filter. This field is conflict with `availability_zone`.
     */
    filters?: inputs.GetInstanceTypesFilter[];
    /**
     * The number of GPU cores of the instance.
     */
    gpuCoreCount?: number;
    id?: string;
    /**
     * Instance memory capacity, unit in GB.
     */
    memorySize?: number;
    /**
     * Used to save results.
     */
    resultOutputFile?: string;
}
/**
 * A collection of values returned by getInstanceTypes.
 */
export interface GetInstanceTypesResult {
    /**
     * The available zone that the CVM instance locates at. This field is conflict with `filter`.
     */
    readonly availabilityZone?: string;
    /**
     * Cbs filter.
     */
    readonly cbsFilter?: outputs.GetInstanceTypesCbsFilter;
    /**
     * The number of CPU cores of the instance.
     */
    readonly cpuCoreCount?: number;
    /**
     * Indicate to filter instances types that is sold out or not, default is false.
     */
    readonly excludeSoldOut?: boolean;
    /**
     * One or more name/value pairs to filter. This field is conflict with `availability_zone`.
     */
    readonly filters?: outputs.GetInstanceTypesFilter[];
    /**
     * The number of GPU cores of the instance.
     */
    readonly gpuCoreCount?: number;
    readonly id: string;
    /**
     * An information list of cvm instance. Each element contains the following attributes:
     */
    readonly instanceTypes: outputs.GetInstanceTypesInstanceType[];
    /**
     * Instance memory capacity, unit in GB.
     */
    readonly memorySize?: number;
    /**
     * Used to save results.
     */
    readonly resultOutputFile?: string;
}
export declare function getInstanceTypesOutput(args?: GetInstanceTypesOutputArgs, opts?: pulumi.InvokeOutputOptions): pulumi.Output<GetInstanceTypesResult>;
/**
 * A collection of arguments for invoking getInstanceTypes.
 */
export interface GetInstanceTypesOutputArgs {
    /**
     * The available zone that the CVM instance locates at. This field is conflict with `filter`.
     */
    availabilityZone?: pulumi.Input<string | undefined>;
    /**
     * Cbs filter.
     */
    cbsFilter?: pulumi.Input<inputs.GetInstanceTypesCbsFilterArgs | undefined>;
    /**
     * The number of CPU cores of the instance.
     */
    cpuCoreCount?: pulumi.Input<number | undefined>;
    /**
     * Indicate to filter instances types that is sold out or not, default is false.
     */
    excludeSoldOut?: pulumi.Input<boolean | undefined>;
    /**
     * One or more name/value pairs to filter. This field is conflict with `availability_zone`.
     */
    filters?: pulumi.Input<pulumi.Input<inputs.GetInstanceTypesFilterArgs>[] | undefined>;
    /**
     * The number of GPU cores of the instance.
     */
    gpuCoreCount?: pulumi.Input<number | undefined>;
    id?: pulumi.Input<string | undefined>;
    /**
     * Instance memory capacity, unit in GB.
     */
    memorySize?: pulumi.Input<number | undefined>;
    /**
     * Used to save results.
     */
    resultOutputFile?: pulumi.Input<string | undefined>;
}
