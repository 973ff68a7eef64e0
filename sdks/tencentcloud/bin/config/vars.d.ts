import * as outputs from "../types/output";
/**
 * List of allowed TencentCloud account IDs to prevent you from mistakenly using the wrong one (and potentially end up destroying a live environment). Conflicts with `forbidden_account_ids`, If use `assume_role_with_saml` or `assume_role_with_web_identity`, it is not supported.
 */
export declare const allowedAccountIds: string[] | undefined;
/**
 * The `assume_role` block. If provided, terraform will attempt to assume this role using the supplied credentials.
 */
export declare const assumeRole: outputs.config.AssumeRole | undefined;
/**
 * The `assume_role_with_saml` block. If provided, terraform will attempt to assume this role using the supplied credentials.
 */
export declare const assumeRoleWithSaml: outputs.config.AssumeRoleWithSaml | undefined;
/**
 * The `assume_role_with_web_identity` block. If provided, terraform will attempt to assume this role using the supplied credentials.
 */
export declare const assumeRoleWithWebIdentity: outputs.config.AssumeRoleWithWebIdentity | undefined;
/**
 * The name of the CVM instance CAM role. It can be sourced from the `TENCENTCLOUD_CAM_ROLE_NAME` environment variable.
 */
export declare const camRoleName: string | undefined;
/**
 * The cos domain of the API request, Default is `https://cos.{region}.myqcloud.com`, Other Examples: `https://cluster-123456.cos-cdc.ap-guangzhou.myqcloud.com`.
 */
export declare const cosDomain: string | undefined;
/**
 * The root domain of the API request, Default is `tencentcloudapi.com`.
 */
export declare const domain: string | undefined;
/**
 * Whether to enable pod oidc.
 */
export declare const enablePodOidc: boolean | undefined;
/**
 * List of forbidden TencentCloud account IDs to prevent you from mistakenly using the wrong one (and potentially end up destroying a live environment). Conflicts with `allowed_account_ids`, If use `assume_role_with_saml` or `assume_role_with_web_identity`, it is not supported.
 */
export declare const forbiddenAccountIds: string[] | undefined;
/**
 * The `mfa_certification` block. If provided, terraform will attempt to use the provided credentials for MFA authentication.
 */
export declare const mfaCertification: outputs.config.MfaCertification | undefined;
/**
 * The profile name as set in the shared credentials. It can also be sourced from the `TENCENTCLOUD_PROFILE` environment variable. If not set, the default profile created with `tccli configure` will be used.
 */
export declare const profile: string | undefined;
/**
 * The protocol of the API request. Valid values: `HTTP` and `HTTPS`. Default is `HTTPS`.
 */
export declare const protocol: string | undefined;
/**
 * This is the TencentCloud region. It can also be sourced from the `TENCENTCLOUD_REGION` environment variables. The default input value is ap-guangzhou.
 */
export declare const region: string | undefined;
/**
 * This is the TencentCloud access key. It can also be sourced from the `TENCENTCLOUD_SECRET_ID` environment variable.
 */
export declare const secretId: string | undefined;
/**
 * This is the TencentCloud secret key. It can also be sourced from the `TENCENTCLOUD_SECRET_KEY` environment variable.
 */
export declare const secretKey: string | undefined;
/**
 * TencentCloud Security Token of temporary access credentials. It can be sourced from the `TENCENTCLOUD_SECURITY_TOKEN` environment variable. Notice: for supported products, please refer to: [temporary key supported products](https://intl.cloud.tencent.com/document/product/598/10588).
 */
export declare const securityToken: string | undefined;
/**
 * The directory of the shared credentials. It can also be sourced from the `TENCENTCLOUD_SHARED_CREDENTIALS_DIR` environment variable. If not set this defaults to ~/.tccli.
 */
export declare const sharedCredentialsDir: string | undefined;
