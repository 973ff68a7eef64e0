import * as pulumi from "@pulumi/pulumi";
import * as inputs from "./types/input";
/**
 * The provider type for the tencentcloud package. Resources use the stack configuration (`tencentcloud:region`, ...) by
 * default; pass an explicit Provider instance (resource option `provider`) to configure them in code.
 */
export declare class Provider extends pulumi.ProviderResource {
    /**
     * Whether `obj` is a Provider of this package, also when several copies of this SDK are loaded.
     */
    static isInstance(obj: any): obj is Provider;
    /**
     * The name of the CVM instance CAM role. It can be sourced from the `TENCENTCLOUD_CAM_ROLE_NAME` environment variable.
     */
    readonly camRoleName: pulumi.Output<string | undefined>;
    /**
     * The cos domain of the API request, Default is `https://cos.{region}.myqcloud.com`, Other Examples: `https://cluster-123456.cos-cdc.ap-guangzhou.myqcloud.com`.
     */
    readonly cosDomain: pulumi.Output<string | undefined>;
    /**
     * The root domain of the API request, Default is `tencentcloudapi.com`.
     */
    readonly domain: pulumi.Output<string | undefined>;
    /**
     * The profile name as set in the shared credentials. It can also be sourced from the `TENCENTCLOUD_PROFILE` environment variable. If not set, the default profile created with `tccli configure` will be used.
     */
    readonly profile: pulumi.Output<string | undefined>;
    /**
     * The protocol of the API request. Valid values: `HTTP` and `HTTPS`. Default is `HTTPS`.
     */
    readonly protocol: pulumi.Output<string | undefined>;
    /**
     * This is the TencentCloud region. It can also be sourced from the `TENCENTCLOUD_REGION` environment variables. The default input value is ap-guangzhou.
     */
    readonly region: pulumi.Output<string | undefined>;
    /**
     * This is the TencentCloud access key. It can also be sourced from the `TENCENTCLOUD_SECRET_ID` environment variable.
     */
    readonly secretId: pulumi.Output<string | undefined>;
    /**
     * This is the TencentCloud secret key. It can also be sourced from the `TENCENTCLOUD_SECRET_KEY` environment variable.
     */
    readonly secretKey: pulumi.Output<string | undefined>;
    /**
     * TencentCloud Security Token of temporary access credentials. It can be sourced from the `TENCENTCLOUD_SECURITY_TOKEN` environment variable. Notice: for supported products, please refer to: [temporary key supported products](https://intl.cloud.tencent.com/document/product/598/10588).
     */
    readonly securityToken: pulumi.Output<string | undefined>;
    /**
     * The directory of the shared credentials. It can also be sourced from the `TENCENTCLOUD_SHARED_CREDENTIALS_DIR` environment variable. If not set this defaults to ~/.tccli.
     */
    readonly sharedCredentialsDir: pulumi.Output<string | undefined>;
    /**
     * Creates a Provider with the given unique name, arguments and options.
     *
     * @param name Unique name of the provider in this program.
     * @param args The provider's configuration.
     * @param opts Resource options.
     */
    constructor(name: string, args?: ProviderArgs, opts?: pulumi.ResourceOptions);
}
/**
 * The set of arguments for constructing a Provider resource.
 */
export interface ProviderArgs {
    /**
     * List of allowed TencentCloud account IDs to prevent you from mistakenly using the wrong one (and potentially end up destroying a live environment). Conflicts with `forbidden_account_ids`, If use `assume_role_with_saml` or `assume_role_with_web_identity`, it is not supported.
     */
    allowedAccountIds?: pulumi.Input<pulumi.Input<string>[] | undefined>;
    /**
     * The `assume_role` block. If provided, terraform will attempt to assume this role using the supplied credentials.
     */
    assumeRole?: pulumi.Input<inputs.ProviderAssumeRole | undefined>;
    /**
     * The `assume_role_with_saml` block. If provided, terraform will attempt to assume this role using the supplied credentials.
     */
    assumeRoleWithSaml?: pulumi.Input<inputs.ProviderAssumeRoleWithSaml | undefined>;
    /**
     * The `assume_role_with_web_identity` block. If provided, terraform will attempt to assume this role using the supplied credentials.
     */
    assumeRoleWithWebIdentity?: pulumi.Input<inputs.ProviderAssumeRoleWithWebIdentity | undefined>;
    /**
     * The name of the CVM instance CAM role. It can be sourced from the `TENCENTCLOUD_CAM_ROLE_NAME` environment variable.
     */
    camRoleName?: pulumi.Input<string | undefined>;
    /**
     * The cos domain of the API request, Default is `https://cos.{region}.myqcloud.com`, Other Examples: `https://cluster-123456.cos-cdc.ap-guangzhou.myqcloud.com`.
     */
    cosDomain?: pulumi.Input<string | undefined>;
    /**
     * The root domain of the API request, Default is `tencentcloudapi.com`.
     */
    domain?: pulumi.Input<string | undefined>;
    /**
     * Whether to enable pod oidc.
     */
    enablePodOidc?: pulumi.Input<boolean | undefined>;
    /**
     * List of forbidden TencentCloud account IDs to prevent you from mistakenly using the wrong one (and potentially end up destroying a live environment). Conflicts with `allowed_account_ids`, If use `assume_role_with_saml` or `assume_role_with_web_identity`, it is not supported.
     */
    forbiddenAccountIds?: pulumi.Input<pulumi.Input<string>[] | undefined>;
    /**
     * The `mfa_certification` block. If provided, terraform will attempt to use the provided credentials for MFA authentication.
     */
    mfaCertification?: pulumi.Input<inputs.ProviderMfaCertification | undefined>;
    /**
     * The profile name as set in the shared credentials. It can also be sourced from the `TENCENTCLOUD_PROFILE` environment variable. If not set, the default profile created with `tccli configure` will be used.
     */
    profile?: pulumi.Input<string | undefined>;
    /**
     * The protocol of the API request. Valid values: `HTTP` and `HTTPS`. Default is `HTTPS`.
     */
    protocol?: pulumi.Input<string | undefined>;
    /**
     * This is the TencentCloud region. It can also be sourced from the `TENCENTCLOUD_REGION` environment variables. The default input value is ap-guangzhou.
     */
    region?: pulumi.Input<string | undefined>;
    /**
     * This is the TencentCloud access key. It can also be sourced from the `TENCENTCLOUD_SECRET_ID` environment variable.
     */
    secretId?: pulumi.Input<string | undefined>;
    /**
     * This is the TencentCloud secret key. It can also be sourced from the `TENCENTCLOUD_SECRET_KEY` environment variable.
     */
    secretKey?: pulumi.Input<string | undefined>;
    /**
     * TencentCloud Security Token of temporary access credentials. It can be sourced from the `TENCENTCLOUD_SECURITY_TOKEN` environment variable. Notice: for supported products, please refer to: [temporary key supported products](https://intl.cloud.tencent.com/document/product/598/10588).
     */
    securityToken?: pulumi.Input<string | undefined>;
    /**
     * The directory of the shared credentials. It can also be sourced from the `TENCENTCLOUD_SHARED_CREDENTIALS_DIR` environment variable. If not set this defaults to ~/.tccli.
     */
    sharedCredentialsDir?: pulumi.Input<string | undefined>;
}
