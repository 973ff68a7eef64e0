import * as pulumi from "@pulumi/pulumi";
import * as outputs from "./types/output";
export declare function getImages(args?: GetImagesArgs, opts?: pulumi.InvokeOptions): Promise<GetImagesResult>;
/**
 * A collection of arguments for invoking getImages.
 */
export interface GetImagesArgs {
    id?: string;
    /**
     * ID of the image to be queried.
     */
    imageId?: string;
    /**
     * A regex string to apply to the image list returned by TencentCloud, conflict with 'os_name'. **NOTE**: it is not wildcard, should look like `image_name_regex = "^CentOS\s+6\.8\s+64\w*"`.
     */
    imageNameRegex?: string;
    /**
     * A list of the image type to be queried. Valid values: 'PUBLIC_IMAGE', 'PRIVATE_IMAGE', 'SHARED_IMAGE', 'MARKET_IMAGE'.
     */
    imageTypes?: string[];
    /**
     * Instance type, such as `S1.SMALL1`.
     */
    instanceType?: string;
    /**
     * A string to apply with fuzzy match to the os_name attribute on the image list returned by TencentCloud, conflict with 'image_name_regex'.
     */
    osName?: string;
    /**
     * Used to save results.
     */
    resultOutputFile?: string;
}
/**
 * A collection of values returned by getImages.
 */
export interface GetImagesResult {
    readonly id: string;
    /**
     * ID of the image to be queried.
     */
    readonly imageId?: string;
    /**
     * A regex string to apply to the image list returned by TencentCloud, conflict with 'os_name'. **NOTE**: it is not wildcard, should look like `image_name_regex = "^CentOS\s+6\.8\s+64\w*"`.
     */
    readonly imageNameRegex?: string;
    /**
     * A list of the image type to be queried. Valid values: 'PUBLIC_IMAGE', 'PRIVATE_IMAGE', 'SHARED_IMAGE', 'MARKET_IMAGE'.
     */
    readonly imageTypes?: string[];
    /**
     * An information list of image. Each element contains the following attributes:
     */
    readonly images: outputs.GetImagesImage[];
    /**
     * Instance type, such as `S1.SMALL1`.
     */
    readonly instanceType?: string;
    /**
     * A string to apply with fuzzy match to the os_name attribute on the image list returned by TencentCloud, conflict with 'image_name_regex'.
     */
    readonly osName?: string;
    /**
     * Used to save results.
     */
    readonly resultOutputFile?: string;
}
export declare function getImagesOutput(args?: GetImagesOutputArgs, opts?: pulumi.InvokeOutputOptions): pulumi.Output<GetImagesResult>;
/**
 * A collection of arguments for invoking getImages.
 */
export interface GetImagesOutputArgs {
    id?: pulumi.Input<string | undefined>;
    /**
     * ID of the image to be queried.
     */
    imageId?: pulumi.Input<string | undefined>;
    /**
     * A regex string to apply to the image list returned by TencentCloud, conflict with 'os_name'. **NOTE**: it is not wildcard, should look like `image_name_regex = "^CentOS\s+6\.8\s+64\w*"`.
     */
    imageNameRegex?: pulumi.Input<string | undefined>;
    /**
     * A list of the image type to be queried. Valid values: 'PUBLIC_IMAGE', 'PRIVATE_IMAGE', 'SHARED_IMAGE', 'MARKET_IMAGE'.
     */
    imageTypes?: pulumi.Input<pulumi.Input<string>[] | undefined>;
    /**
     * Instance type, such as `S1.SMALL1`.
     */
    instanceType?: pulumi.Input<string | undefined>;
    /**
     * A string to apply with fuzzy match to the os_name attribute on the image list returned by TencentCloud, conflict with 'image_name_regex'.
     */
    osName?: pulumi.Input<string | undefined>;
    /**
     * Used to save results.
     */
    resultOutputFile?: pulumi.Input<string | undefined>;
}
