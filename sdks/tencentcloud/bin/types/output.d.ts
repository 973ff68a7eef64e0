import * as outputs from "../types/output";
export interface GetAvailabilityZonesByProductZone {
    description?: string;
    id?: string;
    name?: string;
    state?: string;
}
export interface GetAvailabilityZonesZone {
    description?: string;
    id?: string;
    name?: string;
    state?: string;
}
export interface GetImagesImage {
    architecture?: string;
    createdTime?: string;
    imageCreator?: string;
    imageDescription?: string;
    imageId?: string;
    imageName?: string;
    imageSize?: number;
    imageSource?: string;
    imageState?: string;
    imageType?: string;
    osName?: string;
    platform?: string;
    snapshots?: outputs.GetImagesImageSnapshot[];
    supportCloudInit?: boolean;
    syncPercent?: number;
}
export interface GetImagesImageSnapshot {
    diskSize?: number;
    diskUsage?: string;
    snapshotId?: string;
    snapshotName?: string;
}
export interface GetInstanceTypesCbsFilter {
    /**
     * Payment model. Value range:
     * 	- PREPAID: Prepaid;
     * 	- POSTPAID_BY_HOUR: Post-payment.
     */
    diskChargeType?: string;
    /**
     * Hard disk media type. Value range:
     * 	- CLOUD_BASIC: Represents ordinary Cloud Block Storage;
     * 	- CLOUD_PREMIUM: Represents high-performance Cloud Block Storage;
     * 	- CLOUD_SSD: Represents SSD Cloud Block Storage;
     * 	- CLOUD_HSSD: Represents enhanced SSD Cloud Block Storage.
     */
    diskTypes?: string[];
    /**
     * System disk or data disk. Value range:
     * 	- SYSTEM_DISK: Represents the system disk;
     * 	- DATA_DISK: Represents the data disk.
     */
    diskUsage?: string;
}
export interface GetInstanceTypesFilter {
    /**
     * The filter name. Valid values: `zone`, `instance-family`, `instance-type`, `instance-charge-type` and `sort-keys`.
     */
    name: string;
    /**
     * The filter values.
     */
    values: string[];
}
export interface GetInstanceTypesInstanceType {
    availabilityZone?: string;
    cbsConfigs?: outputs.GetInstanceTypesInstanceTypeCbsConfig[];
    cpuCoreCount?: number;
    cpuType?: string;
    externals?: outputs.GetInstanceTypesInstanceTypeExternal[];
    family?: string;
    fpga?: number;
    frequency?: string;
    gpuCoreCount?: number;
    gpuCount?: number;
    instanceBandwidth?: number;
    instanceChargeType?: string;
    instancePps?: number;
    instanceType?: string;
    localDiskTypeLists?: outputs.GetInstanceTypesInstanceTypeLocalDiskTypeList[];
    memorySize?: number;
    networkCard?: number;
    prices?: outputs.GetInstanceTypesInstanceTypePrice[];
    remark?: string;
    soldOutReason?: string;
    status?: string;
    statusCategory?: string;
    storageBlockAmount?: number;
    typeName?: string;
}
export interface GetInstanceTypesInstanceTypeCbsConfig {
    available?: boolean;
    deviceClass?: string;
    diskChargeType?: string;
    diskType?: string;
    diskUsage?: string;
    extraPerformanceRanges?: number[];
    instanceFamily?: string;
    maxDiskSize?: number;
    minDiskSize?: number;
    stepSize?: number;
    zone?: string;
}
export interface GetInstanceTypesInstanceTypeExternal {
    releaseAddress?: boolean;
    storageBlockAttrs?: outputs.GetInstanceTypesInstanceTypeExternalStorageBlockAttr[];
    unsupportNetworks?: string[];
}
export interface GetInstanceTypesInstanceTypeExternalStorageBlockAttr {
    maxSize?: number;
    minSize?: number;
    type?: string;
}
export interface GetInstanceTypesInstanceTypeLocalDiskTypeList {
    maxSize?: number;
    minSize?: number;
    partitionType?: string;
    required?: string;
    type?: string;
}
export interface GetInstanceTypesInstanceTypePrice {
    chargeUnit?: string;
    discount?: number;
    discountPrice?: number;
    originalPrice?: number;
    unitPrice?: number;
    unitPriceDiscount?: number;
    unitPriceDiscountSecondStep?: number;
    unitPriceDiscountThirdStep?: number;
    unitPriceSecondStep?: number;
    unitPriceThirdStep?: number;
}
export interface InstanceCpuTopology {
    /**
     * Number of enabled CPU physical cores.
     */
    coreCount: number;
    /**
     * Threads per core. 1 means hyper-threading is off, 2 means hyper-threading is on.
     */
    threadPerCore: number;
}
export interface InstanceDataDisk {
    /**
     * Data disk ID used to initialize the data disk. When data disk type is `LOCAL_BASIC` and `LOCAL_SSD`, disk id is not supported.
     */
    dataDiskId: string;
    /**
     * Name of data disk.
     */
    dataDiskName: string;
    /**
     * Size of the data disk, and unit is GB.
     */
    dataDiskSize: number;
    /**
     * Snapshot ID of the data disk. The selected data disk snapshot size must be smaller than the data disk size.
     */
    dataDiskSnapshotId?: string;
    /**
     * Data disk type. For more information about limits on different data disk types, see [Storage Overview](https://intl.cloud.tencent.com/document/product/213/4952). Valid values: LOCAL_BASIC: local disk, LOCAL_SSD: local SSD disk, LOCAL_NVME: local NVME disk, specified in the InstanceType, LOCAL_PRO: local HDD disk, specified in the InstanceType, CLOUD_BASIC: HDD cloud disk, CLOUD_PREMIUM: Premium Cloud Storage, CLOUD_SSD: SSD, CLOUD_HSSD: Enhanced SSD, CLOUD_TSSD: Tremendous SSD, CLOUD_BSSD: Balanced SSD.
     */
    dataDiskType: string;
    /**
     * Decides whether the disk is deleted with instance(only applied to `CLOUD_BASIC`, `CLOUD_SSD` and `CLOUD_PREMIUM` disk with `POSTPAID_BY_HOUR` instance), default is true.
     */
    deleteWithInstance?: boolean;
    /**
     * Decides whether the disk is deleted with instance(only applied to `CLOUD_BASIC`, `CLOUD_SSD` and `CLOUD_PREMIUM` disk with `PREPAID` instance), default is false.
     */
    deleteWithInstancePrepaid?: boolean;
    /**
     * Decides whether the disk is encrypted. Default is `false`.
     */
    encrypt?: boolean;
    /**
     * Optional parameters. When purchasing an encryption disk, customize the key. When this parameter is passed in, the `encrypt` parameter need be set.
     */
    kmsKeyId: string;
    /**
     * Add extra performance to the data disk. Only works when disk type is `CLOUD_TSSD` or `CLOUD_HSSD`.
     */
    throughputPerformance?: number;
}
export interface InstanceTimeouts {
    create?: string;
}
export interface SecurityGroupRuleAddressTemplate {
    /**
     * Address template group ID, conflicts with `template_id`.
     */
    groupId?: string;
    /**
     * Address template ID, conflicts with `group_id`.
     */
    templateId?: string;
}
export interface SecurityGroupRuleProtocolTemplate {
    /**
     * Address template group ID, conflicts with `template_id`.
     */
    groupId?: string;
    /**
     * Address template ID, conflicts with `group_id`.
     */
    templateId?: string;
}
export interface SecurityGroupRuleSetEgress {
    /**
     * Rule policy of security group. Valid values: `ACCEPT` and `DROP`.
     */
    action: string;
    /**
     * Specify Group ID of Address template like `ipmg-xxxxxxxx`, conflict with `source_security_id` and `cidr_block`. NOTE: One of `cidr_block`, `ipv6_cidr_block`, `source_security_id` and `address_template_*` must be set.
     */
    addressTemplateGroup?: string;
    /**
     * Specify Address template ID like `ipm-xxxxxxxx`, conflict with `source_security_id` and `cidr_block`. NOTE: One of `cidr_block`, `ipv6_cidr_block`, `source_security_id` and `address_template_*` must be set.
     */
    addressTemplateId?: string;
    /**
     * An IP address network or CIDR segment. NOTE: `cidr_block`, `ipv6_cidr_block`, `source_security_id` and `address_template_*` are exclusive and cannot be set in the same time; One of `cidr_block`, `ipv6_cidr_block`, `source_security_id` and `address_template_*` must be set.
     */
    cidrBlock?: string;
    /**
     * Description of the security group rule.
     */
    description?: string;
    /**
     * An IPV6 address network or CIDR segment, and conflict with `source_security_id` and `address_template_*`. NOTE: One of `cidr_block`, `ipv6_cidr_block`, `source_security_id` and `address_template_*` must be set.
     */
    ipv6CidrBlock?: string;
    /**
     * The security group rule index number, whose value dynamically changes with changes in security group rules.
     */
    policyIndex: number;
    /**
     * Range of the port. The available value can be `all`, a single port, or a port range. E.g. `80`, `80,90`, `80-90` or `all`. Note: If the `Protocol` value is set to `ALL`, the `Port` value also needs to be set to `all`. Default to all ports, and conflicts with `service_template_*`.
     */
    port: string;
    /**
     * Type of IP protocol. Valid values: `TCP`, `UDP`, `ICMP`, `ICMPv6` and `ALL`. Default to all types protocol, and conflicts with `service_template_*`.
     */
    protocol: string;
    /**
     * Specify Group ID of Protocol template ID like `ppmg-xxxxxxxx`, conflict with `protocol` and `port`.
     */
    serviceTemplateGroup?: string;
    /**
     * Specify Protocol template ID like `ppm-xxxxxxxx`, conflict with `protocol` and `port`.
     */
    serviceTemplateId?: string;
    /**
     * ID of the nested security group, and conflicts with `cidr_block` and `address_template_*`. NOTE: One of `cidr_block`, `ipv6_cidr_block`, `source_security_id` and `address_template_*` must be set.
     */
    sourceSecurityId?: string;
}
export interface SecurityGroupRuleSetIngress {
    /**
     * Rule policy of security group. Valid values: `ACCEPT` and `DROP`.
     */
    action: string;
    /**
     * Specify Group ID of Address template like `ipmg-xxxxxxxx`, conflict with `source_security_id` and `cidr_block`. NOTE: One of `cidr_block`, `ipv6_cidr_block`, `source_security_id` and `address_template_*` must be set.
     */
    addressTemplateGroup?: string;
    /**
     * Specify Address template ID like `ipm-xxxxxxxx`, conflict with `source_security_id` and `cidr_block`. NOTE: One of `cidr_block`, `ipv6_cidr_block`, `source_security_id` and `address_template_*` must be set.
     */
    addressTemplateId?: string;
    /**
     * An IP address network or CIDR segment. NOTE: `cidr_block`, `ipv6_cidr_block`, `source_security_id` and `address_template_*` are exclusive and cannot be set in the same time; One of `cidr_block`, `ipv6_cidr_block`, `source_security_id` and `address_template_*` must be set.
     */
    cidrBlock?: string;
    /**
     * Description of the security group rule.
     */
    description?: string;
    /**
     * An IPV6 address network or CIDR segment, and conflict with `source_security_id` and `address_template_*`. NOTE: One of `cidr_block`, `ipv6_cidr_block`, `source_security_id` and `address_template_*` must be set.
     */
    ipv6CidrBlock?: string;
    /**
     * The security group rule index number, whose value dynamically changes with changes in security group rules.
     */
    policyIndex: number;
    /**
     * Range of the port. The available value can be `all`, a single port, or a port range. E.g. `80`, `80,90`, `80-90` or `all`. Note: If the `Protocol` value is set to `ALL`, the `Port` value also needs to be set to `all`. Default to all ports, and conflicts with `service_template_*`.
     */
    port: string;
    /**
     * Type of IP protocol. Valid values: `TCP`, `UDP`, `ICMP`, `ICMPv6` and `ALL`. Default to all types protocol, and conflicts with `service_template_*`.
     */
    protocol: string;
    /**
     * Specify Group ID of Protocol template ID like `ppmg-xxxxxxxx`, conflict with `protocol` and `port`.
     */
    serviceTemplateGroup?: string;
    /**
     * Specify Protocol template ID like `ppm-xxxxxxxx`, conflict with `protocol` and `port`.
     */
    serviceTemplateId?: string;
    /**
     * ID of the nested security group, and conflicts with `cidr_block` and `address_template_*`. NOTE: One of `cidr_block`, `ipv6_cidr_block`, `source_security_id` and `address_template_*` must be set.
     */
    sourceSecurityId?: string;
}
export interface SecurityGroupTimeouts {
    delete?: string;
}
export declare namespace config {
    interface AssumeRole {
        /**
         * External role ID, which can be obtained by clicking the role name in the CAM console. It can contain 2-128 letters, digits, and symbols (=,.@:/-). Regex: [\w+=,.@:/-]*. It can be sourced from the `TENCENTCLOUD_ASSUME_ROLE_EXTERNAL_ID`.
         */
        externalId?: string;
        /**
         * A more restrictive policy when making the AssumeRole call. Its content must not contains `principal` elements. Notice: more syntax references, please refer to: [policies syntax logic](https://intl.cloud.tencent.com/document/product/598/10603).
         */
        policy?: string;
        /**
         * The ARN of the role to assume. It can be sourced from the `TENCENTCLOUD_ASSUME_ROLE_ARN`.
         */
        roleArn: string;
        /**
         * MFA serial number, the identification number of the MFA device associated with the calling CAM user. Format qcs: cam:uin/${ownerUin}::mfa/${mfaType}. It can be sourced from the `TENCENTCLOUD_ASSUME_ROLE_SERIAL_NUMBER`.
         */
        serialNumber?: string;
        /**
         * The duration of the session when making the AssumeRole call. Its value ranges from 0 to 43200(seconds), and default is 7200 seconds. It can be sourced from the `TENCENTCLOUD_ASSUME_ROLE_SESSION_DURATION`.
         */
        sessionDuration?: number;
        /**
         * The session name to use when making the AssumeRole call. It can be sourced from the `TENCENTCLOUD_ASSUME_ROLE_SESSION_NAME`.
         */
        sessionName: string;
        /**
         * Caller identity uin. It can be sourced from the `TENCENTCLOUD_ASSUME_ROLE_SOURCE_IDENTITY`.
         */
        sourceIdentity?: string;
        /**
         * MFA authentication code. It can be sourced from the `TENCENTCLOUD_ASSUME_ROLE_TOKEN_CODE`.
         */
        tokenCode?: string;
    }
    interface AssumeRoleWithSaml {
        /**
         * Player Access Description Name. It can be sourced from the `TENCENTCLOUD_ASSUME_ROLE_PRINCIPAL_ARN`.
         */
        principalArn: string;
        /**
         * The ARN of the role to assume. It can be sourced from the `TENCENTCLOUD_ASSUME_ROLE_ARN`.
         */
        roleArn: string;
        /**
         * SAML assertion information encoded in base64. It can be sourced from the `TENCENTCLOUD_ASSUME_ROLE_SAML_ASSERTION`.
         */
        samlAssertion: string;
        /**
         * The duration of the session when making the AssumeRoleWithSAML call. Its value ranges from 0 to 43200(seconds), and default is 7200 seconds. It can be sourced from the `TENCENTCLOUD_ASSUME_ROLE_SESSION_DURATION`.
         */
        sessionDuration?: number;
        /**
         * The session name to use when making the AssumeRole call. It can be sourced from the `TENCENTCLOUD_ASSUME_ROLE_SESSION_NAME`.
         */
        sessionName: string;
    }
    interface AssumeRoleWithWebIdentity {
        /**
         * Identity provider name. It can be sourced from the `TENCENTCLOUD_ASSUME_ROLE_PROVIDER_ID`, Default is OIDC.
         */
        providerId?: string;
        /**
         * The ARN of the role to assume. It can be sourced from the `TENCENTCLOUD_ASSUME_ROLE_ARN`. One of `role_arn` or `role_arn_file` is required.
         */
        roleArn?: string;
        /**
         * File containin the ARN of the role to assume. It can be sourced from the `TENCENTCLOUD_ASSUME_ROLE_ARNN_FILE`. One of `role_arn` or `role_arn_file` is required.
         */
        roleArnFile?: string;
        /**
         * The duration of the session when making the AssumeRoleWithWebIdentity call. Its value ranges from 0 to 43200(seconds), and default is 7200 seconds. It can be sourced from the `TENCENTCLOUD_ASSUME_ROLE_SESSION_DURATION`.
         */
        sessionDuration?: number;
        /**
         * The session name to use when making the AssumeRole call. It can be sourced from the `TENCENTCLOUD_ASSUME_ROLE_SESSION_NAME`.
         */
        sessionName: string;
        /**
         * OIDC token issued by IdP. It can be sourced from the `TENCENTCLOUD_ASSUME_ROLE_WEB_IDENTITY_TOKEN`. One of `web_identity_token` or `web_identity_token_file` is required.
         */
        webIdentityToken?: string;
        /**
         * File containing a web identity token from an OpenID Connect (OIDC) or OAuth provider. It can be sourced from the `TENCENTCLOUD_ASSUME_ROLE_WEB_IDENTITY_TOKEN_FILE`. One of `web_identity_token` or `web_identity_token_file` is required.
         */
        webIdentityTokenFile?: string;
    }
    interface MfaCertification {
        /**
         * Specify the validity period of the temporary certificate. The main account can be set to a maximum validity period of 7200 seconds, and the sub account can be set to a maximum validity period of 129600 seconds, and default is 1800 seconds. It can be sourced from the `TENCENTCLOUD_MFA_CERTIFICATION_DURATION_SECONDS`.
         */
        durationSeconds?: number;
        /**
         * MFA serial number, the identification number of the MFA device associated with the calling CAM user. Format qcs: cam:uin/${ownerUin}::mfa/${mfaType}. It can be sourced from the `TENCENTCLOUD_MFA_CERTIFICATION_SERIAL_NUMBER`.
         */
        serialNumber: string;
        /**
         * MFA authentication code. It can be sourced from the `TENCENTCLOUD_MFA_CERTIFICATION_TOKEN_CODE`.
         */
        tokenCode: string;
    }
}
