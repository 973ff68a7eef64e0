import * as pulumi from "@pulumi/pulumi";
import * as inputs from "./types/input";
import * as outputs from "./types/output";
export declare class Instance extends pulumi.CustomResource {
    /**
     * Looks up an existing Instance by its provider ID and returns it with its current state.
     *
     * @param name Unique name of the resulting resource in this program.
     * @param id Provider ID of the resource to look up.
     * @param state Extra properties that qualify the lookup.
     * @param opts Resource options.
     */
    static get(name: string, id: pulumi.Input<pulumi.ID>, state?: InstanceState, opts?: pulumi.CustomResourceOptions): Instance;
    /**
     * Whether `obj` is a Instance, also when several copies of this SDK are loaded in one process.
     */
    static isInstance(obj: any): obj is Instance;
    /**
     * Associate a public IP address with an instance in a VPC or Classic. Boolean value, Default is false.
     */
    readonly allocatePublicIp: pulumi.Output<boolean | undefined>;
    /**
     * Anti-DDoS service package ID. This is required when you want to request an AntiDDoS IP.
     */
    readonly antiDdosPackageId: pulumi.Output<string>;
    /**
     * The available zone for the CVM instance.
     */
    readonly availabilityZone: pulumi.Output<string>;
    /**
     * bandwidth package id. if user is standard user, then the bandwidth_package_id is needed, or default has bandwidth_package_id.
     */
    readonly bandwidthPackageId: pulumi.Output<string | undefined>;
    /**
     * CAM role name authorized to access.
     */
    readonly camRoleName: pulumi.Output<string>;
    /**
     * Id of cdh instance. Note: it only works when instance_charge_type is set to `CDHPAID`.
     */
    readonly cdhHostId: pulumi.Output<string>;
    /**
     * Type of instance created on cdh, the value of this parameter is in the format of CDH_XCXG based on the number of CPU cores and memory capacity. Note: it only works when instance_charge_type is set to `CDHPAID`.
     */
    readonly cdhInstanceType: pulumi.Output<string>;
    /**
     * The number of CPU cores of the instance.
     */
    readonly cpu: pulumi.Output<number>;
    /**
     * CPU topology configuration. Only supported when creating instances.
     */
    readonly cpuTopology: pulumi.Output<outputs.InstanceCpuTopology | undefined>;
    /**
     * Create time of the instance.
     */
    readonly createTime: pulumi.Output<string>;
    /**
     * Settings for data disks.
     */
    readonly dataDisks: pulumi.Output<outputs.InstanceDataDisk[] | undefined>;
    /**
     * Exclusive cluster id.
     */
    readonly dedicatedClusterId: pulumi.Output<string | undefined>;
    /**
     * List of dedicated resource pack IDs (e.g., rpp-xxxxxxxx). When creating instances using pre-purchased resource pool packs, this parameter must be specified together with `dedicated_resource_pack_tenancy` to match the corresponding tenancy strategy. Related resource: `tencentcloud_cvm_resource_pool_packs`.
     */
    readonly dedicatedResourcePackIds: pulumi.Output<string[] | undefined>;
    /**
     * Dedicated resource pack tenancy strategy. Valid values: `ResourcePool` (use instance resource pool for resource pre-deduction).
     */
    readonly dedicatedResourcePackTenancy: pulumi.Output<string | undefined>;
    /**
     * Whether the termination protection is enabled. Default is `false`. If set true, which means that this instance can not be deleted by an API action.
     */
    readonly disableApiTermination: pulumi.Output<boolean>;
    /**
     * Disable enhance service for automation, it is enabled by default. When this options is set, monitor agent won't be installed. Modifications may lead to the reinstallation of the instance's operating system.
     */
    readonly disableAutomationService: pulumi.Output<boolean | undefined>;
    /**
     * Disable enhance service for monitor, it is enabled by default. When this options is set, monitor agent won't be installed. Modifications may lead to the reinstallation of the instance's operating system.
     */
    readonly disableMonitorService: pulumi.Output<boolean | undefined>;
    /**
     * Disable enhance service for security, it is enabled by default. When this options is set, security agent won't be installed. Modifications may lead to the reinstallation of the instance's operating system.
     */
    readonly disableSecurityService: pulumi.Output<boolean | undefined>;
    /**
     * Placement group ID list. Supports up to 3 group IDs. When set, `placement_group_id` will be ignored and this list will be used for CRUD operations.
     */
    readonly disasterRecoverGroupIds: pulumi.Output<string[]>;
    /**
     * Expired time of the instance.
     */
    readonly expiredTime: pulumi.Output<string>;
    /**
     * Indicate whether to force delete the instance. Default is `false`. If set true, the instance will be permanently deleted instead of being moved into the recycle bin. Note: only works for `PREPAID` instance.
     */
    readonly forceDelete: pulumi.Output<boolean | undefined>;
    /**
     * Whether to force the instance host to be replaced. Value range: true: Allows the instance to change the host and restart the instance. Local disk machines do not support specifying this parameter; false: Does not allow the instance to change the host and only join the placement group on the current host. This may cause the placement group to fail to change. Can be used with both `placement_group_id` and `disaster_recover_group_ids`. Default is false.
     */
    readonly forceReplacePlacementGroupId: pulumi.Output<boolean | undefined>;
    /**
     * Whether to forcibly shut down a running instance. Default is false. Forcing a shutdown is equivalent to switching off the power button on a physical computer. Forcing a shutdown may result in data loss or file system corruption; therefore, please use this option only when the server cannot be shut down normally.
     */
    readonly forceStop: pulumi.Output<boolean>;
    /**
     * The hostname of the instance. Windows instance: The name should be a combination of 2 to 15 characters comprised of letters (case insensitive), numbers, and hyphens (-). Period (.) is not supported, and the name cannot be a string of pure numbers. Other types (such as Linux) of instances: The name should be a combination of 2 to 60 characters, supporting multiple periods (.). The piece between two periods is composed of letters (case insensitive), numbers, and hyphens (-). Changing the `hostname` will cause the instance system to restart.
     */
    readonly hostname: pulumi.Output<string>;
    /**
     * High-performance computing cluster ID. If the instance created is a high-performance computing instance, you need to specify the cluster in which the instance is placed, otherwise it cannot be specified.
     */
    readonly hpcClusterId: pulumi.Output<string>;
    /**
     * The image to use for the instance. Modifications may lead to the reinstallation of the instance's operating system.
     */
    readonly imageId: pulumi.Output<string>;
    /**
     * The charge type of instance. Valid values are `PREPAID`, `POSTPAID_BY_HOUR`, `SPOTPAID`, `CDHPAID` and `CDCPAID`. The default is `POSTPAID_BY_HOUR`. Note: TencentCloud International only supports `POSTPAID_BY_HOUR` and `CDHPAID`. `PREPAID` instance may not allow to delete before expired. `SPOTPAID` instance must set `spot_instance_type` and `spot_max_price` at the same time. `CDHPAID` instance must set `cdh_instance_type` and `cdh_host_id`.
     */
    readonly instanceChargeType: pulumi.Output<string>;
    /**
     * The tenancy (time unit is month) of the prepaid instance, NOTE: it only works when instance_charge_type is set to `PREPAID`. Valid values are `1`, `2`, `3`, `4`, `5`, `6`, `7`, `8`, `9`, `10`, `11`, `12`, `24`, `36`, `48`, `60`.
     */
    readonly instanceChargeTypePrepaidPeriod: pulumi.Output<number | undefined>;
    /**
     * Auto renewal flag. Valid values: `NOTIFY_AND_AUTO_RENEW`: notify upon expiration and renew automatically, `NOTIFY_AND_MANUAL_RENEW`: notify upon expiration but do not renew automatically, `DISABLE_NOTIFY_AND_MANUAL_RENEW`: neither notify upon expiration nor renew automatically. Default value: `NOTIFY_AND_MANUAL_RENEW`. If this parameter is specified as `NOTIFY_AND_AUTO_RENEW`, the instance will be automatically renewed on a monthly basis if the account balance is sufficient. NOTE: it only works when instance_charge_type is set to `PREPAID`.
     */
    readonly instanceChargeTypePrepaidRenewFlag: pulumi.Output<string>;
    readonly instanceId: pulumi.Output<string>;
    /**
     * The name of the instance. The max length of instance_name is 128, and default value is `Terraform-CVM-Instance`.
     */
    readonly instanceName: pulumi.Output<string>;
    /**
     * Current status of the instance.
     */
    readonly instanceStatus: pulumi.Output<string>;
    /**
     * The type of the instance.
     */
    readonly instanceType: pulumi.Output<string>;
    /**
     * Internet charge type of the instance, Valid values are `BANDWIDTH_PREPAID`, `TRAFFIC_POSTPAID_BY_HOUR`, `BANDWIDTH_POSTPAID_BY_HOUR` and `BANDWIDTH_PACKAGE`. If not set, internet charge type are consistent with the cvm charge type by default. This value takes NO Effect when changing and does not need to be set when `allocate_public_ip` is false.
     */
    readonly internetChargeType: pulumi.Output<string>;
    /**
     * Maximum outgoing bandwidth to the public network, measured in Mbps (Mega bits per second). This value does not need to be set when `allocate_public_ip` is false.
     */
    readonly internetMaxBandwidthOut: pulumi.Output<number>;
    /**
     * AddressType. Default value: WanIP. For beta users of dedicated IP. the value can be: HighQualityEIP: Dedicated IP. Note that dedicated IPs are only available in partial regions. For beta users of Anti-DDoS IP, the value can be: AntiDDoSEIP: Anti-DDoS EIP. Note that Anti-DDoS IPs are only available in partial regions.
     */
    readonly ipv4AddressType: pulumi.Output<string>;
    /**
     * Specify the number of randomly generated IPv6 addresses for the Elastic Network Interface.
     */
    readonly ipv6AddressCount: pulumi.Output<number>;
    /**
     * IPv6 AddressType. Default value: WanIP. EIPv6: Elastic IPv6; HighQualityEIPv6: Premium IPv6, only China Hong Kong supports premium IPv6. To allocate IPv6 addresses to resources, please specify the Elastic IPv6 type.
     */
    readonly ipv6AddressType: pulumi.Output<string>;
    /**
     * IPv6 address of the instance.
     */
    readonly ipv6Addresses: pulumi.Output<string[]>;
    /**
     * Whether to keep image login or not, default is `false`. When the image type is private or shared or imported, this parameter can be set `true`. Modifications may lead to the reinstallation of the instance's operating system..
     */
    readonly keepImageLogin: pulumi.Output<boolean>;
    /**
     * The key pair to use for the instance, it looks like `skey-16jig7tx`. Modifications may lead to the reinstallation of the instance's operating system.
     */
    readonly keyIds: pulumi.Output<string[]>;
    /**
     * The key pair to use for the instance, it looks like `skey-16jig7tx`. Modifications may lead to the reinstallation of the instance's operating system.
     * @deprecated Deprecated
     */
    readonly keyName: pulumi.Output<string>;
    /**
     * Instance launch template ID. This parameter allows you to create an instance using the preset parameters in the instance template.
     */
    readonly launchTemplateId: pulumi.Output<string | undefined>;
    /**
     * The instance launch template version number. If given, a new instance launch template will be created based on the given version number.
     */
    readonly launchTemplateVersion: pulumi.Output<number | undefined>;
    /**
     * Instance memory capacity, unit in GB.
     */
    readonly memory: pulumi.Output<number>;
    /**
     * A list of orderly security group IDs to associate with.
     */
    readonly orderlySecurityGroups: pulumi.Output<string[]>;
    /**
     * Instance os name.
     */
    readonly osName: pulumi.Output<string>;
    /**
     * The partition number of the placement group. Valid values: 1-30. If not specified when creating an instance with a partition placement group, the partition number will be randomly assigned. Required when modifying `disaster_recover_group_ids` or `placement_group_id` in update operations.
     */
    readonly partitionNumber: pulumi.Output<number | undefined>;
    /**
     * Password for the instance. In order for the new password to take effect, the instance will be restarted after the password change. Modifications may lead to the reinstallation of the instance's operating system.
     */
    readonly password: pulumi.Output<string | undefined>;
    /**
     * The ID of a placement group.
     */
    readonly placementGroupId: pulumi.Output<string>;
    /**
     * The private IP to be assigned to this instance, must be in the provided subnet and available.
     */
    readonly privateIp: pulumi.Output<string>;
    /**
     * The project the instance belongs to, default to 0.
     */
    readonly projectId: pulumi.Output<number>;
    /**
     * Public IP of the instance.
     */
    readonly publicIp: pulumi.Output<string>;
    /**
     * The public IPv6 address to which the instance is bound.
     */
    readonly publicIpv6Addresses: pulumi.Output<string[]>;
    /**
     * The rack ID of the instance resource pool to which the instance belongs.
     */
    readonly rackId: pulumi.Output<string>;
    /**
     * Release elastic IP. Under EIP 2.0, only the first EIP under the primary network card is provided, and the EIP types are limited to HighQualityEIP, AntiDDoSEIP, EIPv6, and HighQualityEIPv6. Default behavior is not released.
     */
    readonly releaseAddress: pulumi.Output<boolean | undefined>;
    /**
     * Set instance to running or stop. Default value is true, the instance will shutdown when this flag is false.
     */
    readonly runningFlag: pulumi.Output<boolean>;
    /**
     * A list of security group IDs to associate with.
     * @deprecated Deprecated
     */
    readonly securityGroups: pulumi.Output<string[]>;
    /**
     * Type of spot instance, only support `ONE-TIME` now. Note: it only works when instance_charge_type is set to `SPOTPAID`.
     */
    readonly spotInstanceType: pulumi.Output<string | undefined>;
    /**
     * Max price of a spot instance, is the format of decimal string, for example "0.50". Note: it only works when instance_charge_type is set to `SPOTPAID`.
     */
    readonly spotMaxPrice: pulumi.Output<string | undefined>;
    /**
     * Instance shutdown mode. Valid values: SOFT_FIRST: perform a soft shutdown first, and force shut down the instance if the soft shutdown fails; HARD: force shut down the instance directly; SOFT: soft shutdown only. Default value: SOFT.
     */
    readonly stopType: pulumi.Output<string | undefined>;
    /**
     * Billing method of a pay-as-you-go instance after shutdown. Available values: `KEEP_CHARGING`,`STOP_CHARGING`. Default `KEEP_CHARGING`.
     */
    readonly stoppedMode: pulumi.Output<string | undefined>;
    /**
     * The ID of a VPC subnet. If you want to create instances in a VPC network, this parameter must be set.
     */
    readonly subnetId: pulumi.Output<string>;
    /**
     * Whether the system disk is encrypted. Valid values: true (encrypted), false (not encrypted). Default value: false.
     */
    readonly systemDiskEncrypt: pulumi.Output<boolean>;
    /**
     * System disk snapshot ID used to initialize the system disk. When system disk type is `LOCAL_BASIC` and `LOCAL_SSD`, disk id is not supported.
     */
    readonly systemDiskId: pulumi.Output<string>;
    /**
     * Custom KMS key ID for system disk encryption.
     */
    readonly systemDiskKmsKeyId: pulumi.Output<string>;
    /**
     * Name of the system disk.
     */
    readonly systemDiskName: pulumi.Output<string>;
    /**
     * Resize online.
     */
    readonly systemDiskResizeOnline: pulumi.Output<boolean | undefined>;
    /**
     * Size of the system disk. unit is GB, Default is 50GB. If modified, the instance may force stop.
     */
    readonly systemDiskSize: pulumi.Output<number>;
    /**
     * System disk type. For more information on limits of system disk types, see [Storage Overview](https://intl.cloud.tencent.com/document/product/213/4952). Valid values: `LOCAL_BASIC`: local disk, `LOCAL_SSD`: local SSD disk, `CLOUD_BASIC`: cloud disk, `CLOUD_SSD`: cloud SSD disk, `CLOUD_PREMIUM`: Premium Cloud Storage, `CLOUD_BSSD`: Basic SSD, `CLOUD_HSSD`: Enhanced SSD, `CLOUD_TSSD`: Tremendous SSD. NOTE: If modified, the instance may force stop.
     */
    readonly systemDiskType: pulumi.Output<string>;
    /**
     * A mapping of tags to assign to the resource. For tag limits, please refer to [Use Limits](https://intl.cloud.tencent.com/document/product/651/13354).
     */
    readonly tags: pulumi.Output<{
        [key: string]: string;
    }>;
    readonly timeouts: pulumi.Output<outputs.InstanceTimeouts | undefined>;
    /**
     * The user data to be injected into this instance. Must be base64 encoded and up to 16 KB. If `user_data_replace_on_change` is set to `true`, updates to this field will trigger the destruction and recreation of the CVM instance.
     */
    readonly userData: pulumi.Output<string>;
    /**
     * The user data to be injected into this instance, in plain text. Conflicts with `user_data`. Up to 16 KB after base64 encoded. If `user_data_replace_on_change` is set to `true`, updates to this field will trigger the destruction and recreation of the CVM instance.
     */
    readonly userDataRaw: pulumi.Output<string>;
    /**
     * When used in combination with `user_data` or `user_data_raw` will trigger a destroy and recreate of the CVM instance when set to `true`. Default is `false`.
     */
    readonly userDataReplaceOnChange: pulumi.Output<boolean | undefined>;
    /**
     * Globally unique ID of the instance.
     */
    readonly uuid: pulumi.Output<string>;
    /**
     * The ID of a VPC network. If you want to create instances in a VPC network, this parameter must be set.
     */
    readonly vpcId: pulumi.Output<string>;
    /**
     * Creates a Instance with the given unique name, arguments and options.
     *
     * @param name Unique name of the resource in this program.
     * @param args The resource's arguments.
     * @param opts Resource options.
     */
    constructor(name: string, args?: InstanceArgs, opts?: pulumi.CustomResourceOptions);
}
/**
 * Input properties used for looking up and filtering Instance resources.
 */
export interface InstanceState {
    /**
     * Associate a public IP address with an instance in a VPC or Classic. Boolean value, Default is false.
     */
    allocatePublicIp?: pulumi.Input<boolean | undefined>;
    /**
     * Anti-DDoS service package ID. This is required when you want to request an AntiDDoS IP.
     */
    antiDdosPackageId?: pulumi.Input<string | undefined>;
    /**
     * The available zone for the CVM instance.
     */
    availabilityZone?: pulumi.Input<string | undefined>;
    /**
     * bandwidth package id. if user is standard user, then the bandwidth_package_id is needed, or default has bandwidth_package_id.
     */
    bandwidthPackageId?: pulumi.Input<string | undefined>;
    /**
     * CAM role name authorized to access.
     */
    camRoleName?: pulumi.Input<string | undefined>;
    /**
     * Id of cdh instance. Note: it only works when instance_charge_type is set to `CDHPAID`.
     */
    cdhHostId?: pulumi.Input<string | undefined>;
    /**
     * Type of instance created on cdh, the value of this parameter is in the format of CDH_XCXG based on the number of CPU cores and memory capacity. Note: it only works when instance_charge_type is set to `CDHPAID`.
     */
    cdhInstanceType?: pulumi.Input<string | undefined>;
    /**
     * The number of CPU cores of the instance.
     */
    cpu?: pulumi.Input<number | undefined>;
    /**
     * CPU topology configuration. Only supported when creating instances.
     */
    cpuTopology?: pulumi.Input<inputs.InstanceCpuTopology | undefined>;
    /**
     * Create time of the instance.
     */
    createTime?: pulumi.Input<string | undefined>;
    /**
     * Settings for data disks.
     */
    dataDisks?: pulumi.Input<pulumi.Input<inputs.InstanceDataDisk>[] | undefined>;
    /**
     * Exclusive cluster id.
     */
    dedicatedClusterId?: pulumi.Input<string | undefined>;
    /**
     * List of dedicated resource pack IDs (e.g., rpp-xxxxxxxx). When creating instances using pre-purchased resource pool packs, this parameter must be specified together with `dedicated_resource_pack_tenancy` to match the corresponding tenancy strategy. Related resource: `tencentcloud_cvm_resource_pool_packs`.
     */
    dedicatedResourcePackIds?: pulumi.Input<pulumi.Input<string>[] | undefined>;
    /**
     * Dedicated resource pack tenancy strategy. Valid values: `ResourcePool` (use instance resource pool for resource pre-deduction).
     */
    dedicatedResourcePackTenancy?: pulumi.Input<string | undefined>;
    /**
     * Whether the termination protection is enabled. Default is `false`. If set true, which means that this instance can not be deleted by an API action.
     */
    disableApiTermination?: pulumi.Input<boolean | undefined>;
    /**
     * Disable enhance service for automation, it is enabled by default. When this options is set, monitor agent won't be installed. Modifications may lead to the reinstallation of the instance's operating system.
     */
    disableAutomationService?: pulumi.Input<boolean | undefined>;
    /**
     * Disable enhance service for monitor, it is enabled by default. When this options is set, monitor agent won't be installed. Modifications may lead to the reinstallation of the instance's operating system.
     */
    disableMonitorService?: pulumi.Input<boolean | undefined>;
    /**
     * Disable enhance service for security, it is enabled by default. When this options is set, security agent won't be installed. Modifications may lead to the reinstallation of the instance's operating system.
     */
    disableSecurityService?: pulumi.Input<boolean | undefined>;
    /**
     * Placement group ID list. Supports up to 3 group IDs. When set, `placement_group_id` will be ignored and this list will be used for CRUD operations.
     */
    disasterRecoverGroupIds?: pulumi.Input<pulumi.Input<string>[] | undefined>;
    /**
     * Expired time of the instance.
     */
    expiredTime?: pulumi.Input<string | undefined>;
    /**
     * Indicate whether to force delete the instance. Default is `false`. If set true, the instance will be permanently deleted instead of being moved into the recycle bin. Note: only works for `PREPAID` instance.
     */
    forceDelete?: pulumi.Input<boolean | undefined>;
    /**
     * Whether to force the instance host to be replaced. Value range: true: Allows the instance to change the host and restart the instance. Local disk machines do not support specifying this parameter; false: Does not allow the instance to change the host and only join the placement group on the current host. This may cause the placement group to fail to change. Can be used with both `placement_group_id` and `disaster_recover_group_ids`. Default is false.
     */
    forceReplacePlacementGroupId?: pulumi.Input<boolean | undefined>;
    /**
     * Whether to forcibly shut down a running instance. Default is false. Forcing a shutdown is equivalent to switching off the power button on a physical computer. Forcing a shutdown may result in data loss or file system corruption; therefore, please use this option only when the server cannot be shut down normally.
     */
    forceStop?: pulumi.Input<boolean | undefined>;
    /**
     * The hostname of the instance. Windows instance: The name should be a combination of 2 to 15 characters comprised of letters (case insensitive), numbers, and hyphens (-). Period (.) is not supported, and the name cannot be a string of pure numbers. Other types (such as Linux) of instances: The name should be a combination of 2 to 60 characters, supporting multiple periods (.). The piece between two periods is composed of letters (case insensitive), numbers, and hyphens (-). Changing the `hostname` will cause the instance system to restart.
     */
    hostname?: pulumi.Input<string | undefined>;
    /**
     * High-performance computing cluster ID. If the instance created is a high-performance computing instance, you need to specify the cluster in which the instance is placed, otherwise it cannot be specified.
     */
    hpcClusterId?: pulumi.Input<string | undefined>;
    /**
     * The image to use for the instance. Modifications may lead to the reinstallation of the instance's operating system.
     */
    imageId?: pulumi.Input<string | undefined>;
    /**
     * The charge type of instance. Valid values are `PREPAID`, `POSTPAID_BY_HOUR`, `SPOTPAID`, `CDHPAID` and `CDCPAID`. The default is `POSTPAID_BY_HOUR`. Note: TencentCloud International only supports `POSTPAID_BY_HOUR` and `CDHPAID`. `PREPAID` instance may not allow to delete before expired. `SPOTPAID` instance must set `spot_instance_type` and `spot_max_price` at the same time. `CDHPAID` instance must set `cdh_instance_type` and `cdh_host_id`.
     */
    instanceChargeType?: pulumi.Input<string | undefined>;
    /**
     * The tenancy (time unit is month) of the prepaid instance, NOTE: it only works when instance_charge_type is set to `PREPAID`. Valid values are `1`, `2`, `3`, `4`, `5`, `6`, `7`, `8`, `9`, `10`, `11`, `12`, `24`, `36`, `48`, `60`.
     */
    instanceChargeTypePrepaidPeriod?: pulumi.Input<number | undefined>;
    /**
     * Auto renewal flag. Valid values: `NOTIFY_AND_AUTO_RENEW`: notify upon expiration and renew automatically, `NOTIFY_AND_MANUAL_RENEW`: notify upon expiration but do not renew automatically, `DISABLE_NOTIFY_AND_MANUAL_RENEW`: neither notify upon expiration nor renew automatically. Default value: `NOTIFY_AND_MANUAL_RENEW`. If this parameter is specified as `NOTIFY_AND_AUTO_RENEW`, the instance will be automatically renewed on a monthly basis if the account balance is sufficient. NOTE: it only works when instance_charge_type is set to `PREPAID`.
     */
    instanceChargeTypePrepaidRenewFlag?: pulumi.Input<string | undefined>;
    instanceId?: pulumi.Input<string | undefined>;
    /**
     * The name of the instance. The max length of instance_name is 128, and default value is `Terraform-CVM-Instance`.
     */
    instanceName?: pulumi.Input<string | undefined>;
    /**
     * Current status of the instance.
     */
    instanceStatus?: pulumi.Input<string | undefined>;
    /**
     * The type of the instance.
     */
    instanceType?: pulumi.Input<string | undefined>;
    /**
     * Internet charge type of the instance, Valid values are `BANDWIDTH_PREPAID`, `TRAFFIC_POSTPAID_BY_HOUR`, `BANDWIDTH_POSTPAID_BY_HOUR` and `BANDWIDTH_PACKAGE`. If not set, internet charge type are consistent with the cvm charge type by default. This value takes NO Effect when changing and does not need to be set when `allocate_public_ip` is false.
     */
    internetChargeType?: pulumi.Input<string | undefined>;
    /**
     * Maximum outgoing bandwidth to the public network, measured in Mbps (Mega bits per second). This value does not need to be set when `allocate_public_ip` is false.
     */
    internetMaxBandwidthOut?: pulumi.Input<number | undefined>;
    /**
     * AddressType. Default value: WanIP. For beta users of dedicated IP. the value can be: HighQualityEIP: Dedicated IP. Note that dedicated IPs are only available in partial regions. For beta users of Anti-DDoS IP, the value can be: AntiDDoSEIP: Anti-DDoS EIP. Note that Anti-DDoS IPs are only available in partial regions.
     */
    ipv4AddressType?: pulumi.Input<string | undefined>;
    /**
     * Specify the number of randomly generated IPv6 addresses for the Elastic Network Interface.
     */
    ipv6AddressCount?: pulumi.Input<number | undefined>;
    /**
     * IPv6 AddressType. Default value: WanIP. EIPv6: Elastic IPv6; HighQualityEIPv6: Premium IPv6, only China Hong Kong supports premium IPv6. To allocate IPv6 addresses to resources, please specify the Elastic IPv6 type.
     */
    ipv6AddressType?: pulumi.Input<string | undefined>;
    /**
     * IPv6 address of the instance.
     */
    ipv6Addresses?: pulumi.Input<pulumi.Input<string>[] | undefined>;
    /**
     * Whether to keep image login or not, default is `false`. When the image type is private or shared or imported, this parameter can be set `true`. Modifications may lead to the reinstallation of the instance's operating system..
     */
    keepImageLogin?: pulumi.Input<boolean | undefined>;
    /**
     * The key pair to use for the instance, it looks like `skey-16jig7tx`. Modifications may lead to the reinstallation of the instance's operating system.
     */
    keyIds?: pulumi.Input<pulumi.Input<string>[] | undefined>;
    /**
     * The key pair to use for the instance, it looks like `skey-16jig7tx`. Modifications may lead to the reinstallation of the instance's operating system.
     * @deprecated Deprecated
     */
    keyName?: pulumi.Input<string | undefined>;
    /**
     * Instance launch template ID. This parameter allows you to create an instance using the preset parameters in the instance template.
     */
    launchTemplateId?: pulumi.Input<string | undefined>;
    /**
     * The instance launch template version number. If given, a new instance launch template will be created based on the given version number.
     */
    launchTemplateVersion?: pulumi.Input<number | undefined>;
    /**
     * Instance memory capacity, unit in GB.
     */
    memory?: pulumi.Input<number | undefined>;
    /**
     * A list of orderly security group IDs to associate with.
     */
    orderlySecurityGroups?: pulumi.Input<pulumi.Input<string>[] | undefined>;
    /**
     * Instance os name.
     */
    osName?: pulumi.Input<string | undefined>;
    /**
     * The partition number of the placement group. Valid values: 1-30. If not specified when creating an instance with a partition placement group, the partition number will be randomly assigned. Required when modifying `disaster_recover_group_ids` or `placement_group_id` in update operations.
     */
    partitionNumber?: pulumi.Input<number | undefined>;
    /**
     * Password for the instance. In order for the new password to take effect, the instance will be restarted after the password change. Modifications may lead to the reinstallation of the instance's operating system.
     */
    password?: pulumi.Input<string | undefined>;
    /**
     * The ID of a placement group.
     */
    placementGroupId?: pulumi.Input<string | undefined>;
    /**
     * The private IP to be assigned to this instance, must be in the provided subnet and available.
     */
    privateIp?: pulumi.Input<string | undefined>;
    /**
     * The project the instance belongs to, default to 0.
     */
    projectId?: pulumi.Input<number | undefined>;
    /**
     * Public IP of the instance.
     */
    publicIp?: pulumi.Input<string | undefined>;
    /**
     * The public IPv6 address to which the instance is bound.
     */
    publicIpv6Addresses?: pulumi.Input<pulumi.Input<string>[] | undefined>;
    /**
     * The rack ID of the instance resource pool to which the instance belongs.
     */
    rackId?: pulumi.Input<string | undefined>;
    /**
     * Release elastic IP. Under EIP 2.0, only the first EIP under the primary network card is provided, and the EIP types are limited to HighQualityEIP, AntiDDoSEIP, EIPv6, and HighQualityEIPv6. Default behavior is not released.
     */
    releaseAddress?: pulumi.Input<boolean | undefined>;
    /**
     * Set instance to running or stop. Default value is true, the instance will shutdown when this flag is false.
     */
    runningFlag?: pulumi.Input<boolean | undefined>;
    /**
     * A list of security group IDs to associate with.
     * @deprecated Deprecated
     */
    securityGroups?: pulumi.Input<pulumi.Input<string>[] | undefined>;
    /**
     * Type of spot instance, only support `ONE-TIME` now. Note: it only works when instance_charge_type is set to `SPOTPAID`.
     */
    spotInstanceType?: pulumi.Input<string | undefined>;
    /**
     * Max price of a spot instance, is the format of decimal string, for example "0.50". Note: it only works when instance_charge_type is set to `SPOTPAID`.
     */
    spotMaxPrice?: pulumi.Input<string | undefined>;
    /**
     * Instance shutdown mode. Valid values: SOFT_FIRST: perform a soft shutdown first, and force shut down the instance if the soft shutdown fails; HARD: force shut down the instance directly; SOFT: soft shutdown only. Default value: SOFT.
     */
    stopType?: pulumi.Input<string | undefined>;
    /**
     * Billing method of a pay-as-you-go instance after shutdown. Available values: `KEEP_CHARGING`,`STOP_CHARGING`. Default `KEEP_CHARGING`.
     */
    stoppedMode?: pulumi.Input<string | undefined>;
    /**
     * The ID of a VPC subnet. If you want to create instances in a VPC network, this parameter must be set.
     */
    subnetId?: pulumi.Input<string | undefined>;
    /**
     * Whether the system disk is encrypted. Valid values: true (encrypted), false (not encrypted). Default value: false.
     */
    systemDiskEncrypt?: pulumi.Input<boolean | undefined>;
    /**
     * System disk snapshot ID used to initialize the system disk. When system disk type is `LOCAL_BASIC` and `LOCAL_SSD`, disk id is not supported.
     */
    systemDiskId?: pulumi.Input<string | undefined>;
    /**
     * Custom KMS key ID for system disk encryption.
     */
    systemDiskKmsKeyId?: pulumi.Input<string | undefined>;
    /**
     * Name of the system disk.
     */
    systemDiskName?: pulumi.Input<string | undefined>;
    /**
     * Resize online.
     */
    systemDiskResizeOnline?: pulumi.Input<boolean | undefined>;
    /**
     * Size of the system disk. unit is GB, Default is 50GB. If modified, the instance may force stop.
     */
    systemDiskSize?: pulumi.Input<number | undefined>;
    /**
     * System disk type. For more information on limits of system disk types, see [Storage Overview](https://intl.cloud.tencent.com/document/product/213/4952). Valid values: `LOCAL_BASIC`: local disk, `LOCAL_SSD`: local SSD disk, `CLOUD_BASIC`: cloud disk, `CLOUD_SSD`: cloud SSD disk, `CLOUD_PREMIUM`: Premium Cloud Storage, `CLOUD_BSSD`: Basic SSD, `CLOUD_HSSD`: Enhanced SSD, `CLOUD_TSSD`: Tremendous SSD. NOTE: If modified, the instance may force stop.
     */
    systemDiskType?: pulumi.Input<string | undefined>;
    /**
     * A mapping of tags to assign to the resource. For tag limits, please refer to [Use Limits](https://intl.cloud.tencent.com/document/product/651/13354).
     */
    tags?: pulumi.Input<{
        [key: string]: pulumi.Input<string>;
    } | undefined>;
    timeouts?: pulumi.Input<inputs.InstanceTimeouts | undefined>;
    /**
     * The user data to be injected into this instance. Must be base64 encoded and up to 16 KB. If `user_data_replace_on_change` is set to `true`, updates to this field will trigger the destruction and recreation of the CVM instance.
     */
    userData?: pulumi.Input<string | undefined>;
    /**
     * The user data to be injected into this instance, in plain text. Conflicts with `user_data`. Up to 16 KB after base64 encoded. If `user_data_replace_on_change` is set to `true`, updates to this field will trigger the destruction and recreation of the CVM instance.
     */
    userDataRaw?: pulumi.Input<string | undefined>;
    /**
     * When used in combination with `user_data` or `user_data_raw` will trigger a destroy and recreate of the CVM instance when set to `true`. Default is `false`.
     */
    userDataReplaceOnChange?: pulumi.Input<boolean | undefined>;
    /**
     * Globally unique ID of the instance.
     */
    uuid?: pulumi.Input<string | undefined>;
    /**
     * The ID of a VPC network. If you want to create instances in a VPC network, this parameter must be set.
     */
    vpcId?: pulumi.Input<string | undefined>;
}
/**
 * The set of arguments for constructing a Instance resource.
 */
export interface InstanceArgs {
    /**
     * Associate a public IP address with an instance in a VPC or Classic. Boolean value, Default is false.
     */
    allocatePublicIp?: pulumi.Input<boolean | undefined>;
    /**
     * Anti-DDoS service package ID. This is required when you want to request an AntiDDoS IP.
     */
    antiDdosPackageId?: pulumi.Input<string | undefined>;
    /**
     * The available zone for the CVM instance.
     */
    availabilityZone?: pulumi.Input<string | undefined>;
    /**
     * bandwidth package id. if user is standard user, then the bandwidth_package_id is needed, or default has bandwidth_package_id.
     */
    bandwidthPackageId?: pulumi.Input<string | undefined>;
    /**
     * CAM role name authorized to access.
     */
    camRoleName?: pulumi.Input<string | undefined>;
    /**
     * Id of cdh instance. Note: it only works when instance_charge_type is set to `CDHPAID`.
     */
    cdhHostId?: pulumi.Input<string | undefined>;
    /**
     * Type of instance created on cdh, the value of this parameter is in the format of CDH_XCXG based on the number of CPU cores and memory capacity. Note: it only works when instance_charge_type is set to `CDHPAID`.
     */
    cdhInstanceType?: pulumi.Input<string | undefined>;
    /**
     * CPU topology configuration. Only supported when creating instances.
     */
    cpuTopology?: pulumi.Input<inputs.InstanceCpuTopology | undefined>;
    /**
     * Settings for data disks.
     */
    dataDisks?: pulumi.Input<pulumi.Input<inputs.InstanceDataDisk>[] | undefined>;
    /**
     * Exclusive cluster id.
     */
    dedicatedClusterId?: pulumi.Input<string | undefined>;
    /**
     * List of dedicated resource pack IDs (e.g., rpp-xxxxxxxx). When creating instances using pre-purchased resource pool packs, this parameter must be specified together with `dedicated_resource_pack_tenancy` to match the corresponding tenancy strategy. Related resource: `tencentcloud_cvm_resource_pool_packs`.
     */
    dedicatedResourcePackIds?: pulumi.Input<pulumi.Input<string>[] | undefined>;
    /**
     * Dedicated resource pack tenancy strategy. Valid values: `ResourcePool` (use instance resource pool for resource pre-deduction).
     */
    dedicatedResourcePackTenancy?: pulumi.Input<string | undefined>;
    /**
     * Whether the termination protection is enabled. Default is `false`. If set true, which means that this instance can not be deleted by an API action.
     */
    disableApiTermination?: pulumi.Input<boolean | undefined>;
    /**
     * Disable enhance service for automation, it is enabled by default. When this options is set, monitor agent won't be installed. Modifications may lead to the reinstallation of the instance's operating system.
     */
    disableAutomationService?: pulumi.Input<boolean | undefined>;
    /**
     * Disable enhance service for monitor, it is enabled by default. When this options is set, monitor agent won't be installed. Modifications may lead to the reinstallation of the instance's operating system.
     */
    disableMonitorService?: pulumi.Input<boolean | undefined>;
    /**
     * Disable enhance service for security, it is enabled by default. When this options is set, security agent won't be installed. Modifications may lead to the reinstallation of the instance's operating system.
     */
    disableSecurityService?: pulumi.Input<boolean | undefined>;
    /**
     * Placement group ID list. Supports up to 3 group IDs. When set, `placement_group_id` will be ignored and this list will be used for CRUD operations.
     */
    disasterRecoverGroupIds?: pulumi.Input<pulumi.Input<string>[] | undefined>;
    /**
     * Indicate whether to force delete the instance. Default is `false`. If set true, the instance will be permanently deleted instead of being moved into the recycle bin. Note: only works for `PREPAID` instance.
     */
    forceDelete?: pulumi.Input<boolean | undefined>;
    /**
     * Whether to force the instance host to be replaced. Value range: true: Allows the instance to change the host and restart the instance. Local disk machines do not support specifying this parameter; false: Does not allow the instance to change the host and only join the placement group on the current host. This may cause the placement group to fail to change. Can be used with both `placement_group_id` and `disaster_recover_group_ids`. Default is false.
     */
    forceReplacePlacementGroupId?: pulumi.Input<boolean | undefined>;
    /**
     * Whether to forcibly shut down a running instance. Default is false. Forcing a shutdown is equivalent to switching off the power button on a physical computer. Forcing a shutdown may result in data loss or file system corruption; therefore, please use this option only when the server cannot be shut down normally.
     */
    forceStop?: pulumi.Input<boolean | undefined>;
    /**
     * The hostname of the instance. Windows instance: The name should be a combination of 2 to 15 characters comprised of letters (case insensitive), numbers, and hyphens (-). Period (.) is not supported, and the name cannot be a string of pure numbers. Other types (such as Linux) of instances: The name should be a combination of 2 to 60 characters, supporting multiple periods (.). The piece between two periods is composed of letters (case insensitive), numbers, and hyphens (-). Changing the `hostname` will cause the instance system to restart.
     */
    hostname?: pulumi.Input<string | undefined>;
    /**
     * High-performance computing cluster ID. If the instance created is a high-performance computing instance, you need to specify the cluster in which the instance is placed, otherwise it cannot be specified.
     */
    hpcClusterId?: pulumi.Input<string | undefined>;
    /**
     * The image to use for the instance. Modifications may lead to the reinstallation of the instance's operating system.
     */
    imageId?: pulumi.Input<string | undefined>;
    /**
     * The charge type of instance. Valid values are `PREPAID`, `POSTPAID_BY_HOUR`, `SPOTPAID`, `CDHPAID` and `CDCPAID`. The default is `POSTPAID_BY_HOUR`. Note: TencentCloud International only supports `POSTPAID_BY_HOUR` and `CDHPAID`. `PREPAID` instance may not allow to delete before expired. `SPOTPAID` instance must set `spot_instance_type` and `spot_max_price` at the same time. `CDHPAID` instance must set `cdh_instance_type` and `cdh_host_id`.
     */
    instanceChargeType?: pulumi.Input<string | undefined>;
    /**
     * The tenancy (time unit is month) of the prepaid instance, NOTE: it only works when instance_charge_type is set to `PREPAID`. Valid values are `1`, `2`, `3`, `4`, `5`, `6`, `7`, `8`, `9`, `10`, `11`, `12`, `24`, `36`, `48`, `60`.
     */
    instanceChargeTypePrepaidPeriod?: pulumi.Input<number | undefined>;
    /**
     * Auto renewal flag. Valid values: `NOTIFY_AND_AUTO_RENEW`: notify upon expiration and renew automatically, `NOTIFY_AND_MANUAL_RENEW`: notify upon expiration but do not renew automatically, `DISABLE_NOTIFY_AND_MANUAL_RENEW`: neither notify upon expiration nor renew automatically. Default value: `NOTIFY_AND_MANUAL_RENEW`. If this parameter is specified as `NOTIFY_AND_AUTO_RENEW`, the instance will be automatically renewed on a monthly basis if the account balance is sufficient. NOTE: it only works when instance_charge_type is set to `PREPAID`.
     */
    instanceChargeTypePrepaidRenewFlag?: pulumi.Input<string | undefined>;
    instanceId?: pulumi.Input<string | undefined>;
    /**
     * The name of the instance. The max length of instance_name is 128, and default value is `Terraform-CVM-Instance`.
     */
    instanceName?: pulumi.Input<string | undefined>;
    /**
     * The type of the instance.
     */
    instanceType?: pulumi.Input<string | undefined>;
    /**
     * Internet charge type of the instance, Valid values are `BANDWIDTH_PREPAID`, `TRAFFIC_POSTPAID_BY_HOUR`, `BANDWIDTH_POSTPAID_BY_HOUR` and `BANDWIDTH_PACKAGE`. If not set, internet charge type are consistent with the cvm charge type by default. This value takes NO Effect when changing and does not need to be set when `allocate_public_ip` is false.
     */
    internetChargeType?: pulumi.Input<string | undefined>;
    /**
     * Maximum outgoing bandwidth to the public network, measured in Mbps (Mega bits per second). This value does not need to be set when `allocate_public_ip` is false.
     */
    internetMaxBandwidthOut?: pulumi.Input<number | undefined>;
    /**
     * AddressType. Default value: WanIP. For beta users of dedicated IP. the value can be: HighQualityEIP: Dedicated IP. Note that dedicated IPs are only available in partial regions. For beta users of Anti-DDoS IP, the value can be: AntiDDoSEIP: Anti-DDoS EIP. Note that Anti-DDoS IPs are only available in partial regions.
     */
    ipv4AddressType?: pulumi.Input<string | undefined>;
    /**
     * Specify the number of randomly generated IPv6 addresses for the Elastic Network Interface.
     */
    ipv6AddressCount?: pulumi.Input<number | undefined>;
    /**
     * IPv6 AddressType. Default value: WanIP. EIPv6: Elastic IPv6; HighQualityEIPv6: Premium IPv6, only China Hong Kong supports premium IPv6. To allocate IPv6 addresses to resources, please specify the Elastic IPv6 type.
     */
    ipv6AddressType?: pulumi.Input<string | undefined>;
    /**
     * Whether to keep image login or not, default is `false`. When the image type is private or shared or imported, this parameter can be set `true`. Modifications may lead to the reinstallation of the instance's operating system..
     */
    keepImageLogin?: pulumi.Input<boolean | undefined>;
    /**
     * The key pair to use for the instance, it looks like `skey-16jig7tx`. Modifications may lead to the reinstallation of the instance's operating system.
     */
    keyIds?: pulumi.Input<pulumi.Input<string>[] | undefined>;
    /**
     * The key pair to use for the instance, it looks like `skey-16jig7tx`. Modifications may lead to the reinstallation of the instance's operating system.
     * @deprecated Deprecated
     */
    keyName?: pulumi.Input<string | undefined>;
    /**
     * Instance launch template ID. This parameter allows you to create an instance using the preset parameters in the instance template.
     */
    launchTemplateId?: pulumi.Input<string | undefined>;
    /**
     * The instance launch template version number. If given, a new instance launch template will be created based on the given version number.
     */
    launchTemplateVersion?: pulumi.Input<number | undefined>;
    /**
     * A list of orderly security group IDs to associate with.
     */
    orderlySecurityGroups?: pulumi.Input<pulumi.Input<string>[] | undefined>;
    /**
     * The partition number of the placement group. Valid values: 1-30. If not specified when creating an instance with a partition placement group, the partition number will be randomly assigned. Required when modifying `disaster_recover_group_ids` or `placement_group_id` in update operations.
     */
    partitionNumber?: pulumi.Input<number | undefined>;
    /**
     * Password for the instance. In order for the new password to take effect, the instance will be restarted after the password change. Modifications may lead to the reinstallation of the instance's operating system.
     */
    password?: pulumi.Input<string | undefined>;
    /**
     * The ID of a placement group.
     */
    placementGroupId?: pulumi.Input<string | undefined>;
    /**
     * The private IP to be assigned to this instance, must be in the provided subnet and available.
     */
    privateIp?: pulumi.Input<string | undefined>;
    /**
     * The project the instance belongs to, default to 0.
     */
    projectId?: pulumi.Input<number | undefined>;
    /**
     * Release elastic IP. Under EIP 2.0, only the first EIP under the primary network card is provided, and the EIP types are limited to HighQualityEIP, AntiDDoSEIP, EIPv6, and HighQualityEIPv6. Default behavior is not released.
     */
    releaseAddress?: pulumi.Input<boolean | undefined>;
    /**
     * Set instance to running or stop. Default value is true, the instance will shutdown when this flag is false.
     */
    runningFlag?: pulumi.Input<boolean | undefined>;
    /**
     * A list of security group IDs to associate with.
     * @deprecated Deprecated
     */
    securityGroups?: pulumi.Input<pulumi.Input<string>[] | undefined>;
    /**
     * Type of spot instance, only support `ONE-TIME` now. Note: it only works when instance_charge_type is set to `SPOTPAID`.
     */
    spotInstanceType?: pulumi.Input<string | undefined>;
    /**
     * Max price of a spot instance, is the format of decimal string, for example "0.50". Note: it only works when instance_charge_type is set to `SPOTPAID`.
     */
    spotMaxPrice?: pulumi.Input<string | undefined>;
    /**
     * Instance shutdown mode. Valid values: SOFT_FIRST: perform a soft shutdown first, and force shut down the instance if the soft shutdown fails; HARD: force shut down the instance directly; SOFT: soft shutdown only. Default value: SOFT.
     */
    stopType?: pulumi.Input<string | undefined>;
    /**
     * Billing method of a pay-as-you-go instance after shutdown. Available values: `KEEP_CHARGING`,`STOP_CHARGING`. Default `KEEP_CHARGING`.
     */
    stoppedMode?: pulumi.Input<string | undefined>;
    /**
     * The ID of a VPC subnet. If you want to create instances in a VPC network, this parameter must be set.
     */
    subnetId?: pulumi.Input<string | undefined>;
    /**
     * Whether the system disk is encrypted. Valid values: true (encrypted), false (not encrypted). Default value: false.
     */
    systemDiskEncrypt?: pulumi.Input<boolean | undefined>;
    /**
     * System disk snapshot ID used to initialize the system disk. When system disk type is `LOCAL_BASIC` and `LOCAL_SSD`, disk id is not supported.
     */
    systemDiskId?: pulumi.Input<string | undefined>;
    /**
     * Custom KMS key ID for system disk encryption.
     */
    systemDiskKmsKeyId?: pulumi.Input<string | undefined>;
    /**
     * Name of the system disk.
     */
    systemDiskName?: pulumi.Input<string | undefined>;
    /**
     * Resize online.
     */
    systemDiskResizeOnline?: pulumi.Input<boolean | undefined>;
    /**
     * Size of the system disk. unit is GB, Default is 50GB. If modified, the instance may force stop.
     */
    systemDiskSize?: pulumi.Input<number | undefined>;
    /**
     * System disk type. For more information on limits of system disk types, see [Storage Overview](https://intl.cloud.tencent.com/document/product/213/4952). Valid values: `LOCAL_BASIC`: local disk, `LOCAL_SSD`: local SSD disk, `CLOUD_BASIC`: cloud disk, `CLOUD_SSD`: cloud SSD disk, `CLOUD_PREMIUM`: Premium Cloud Storage, `CLOUD_BSSD`: Basic SSD, `CLOUD_HSSD`: Enhanced SSD, `CLOUD_TSSD`: Tremendous SSD. NOTE: If modified, the instance may force stop.
     */
    systemDiskType?: pulumi.Input<string | undefined>;
    /**
     * A mapping of tags to assign to the resource. For tag limits, please refer to [Use Limits](https://intl.cloud.tencent.com/document/product/651/13354).
     */
    tags?: pulumi.Input<{
        [key: string]: pulumi.Input<string>;
    } | undefined>;
    timeouts?: pulumi.Input<inputs.InstanceTimeouts | undefined>;
    /**
     * The user data to be injected into this instance. Must be base64 encoded and up to 16 KB. If `user_data_replace_on_change` is set to `true`, updates to this field will trigger the destruction and recreation of the CVM instance.
     */
    userData?: pulumi.Input<string | undefined>;
    /**
     * The user data to be injected into this instance, in plain text. Conflicts with `user_data`. Up to 16 KB after base64 encoded. If `user_data_replace_on_change` is set to `true`, updates to this field will trigger the destruction and recreation of the CVM instance.
     */
    userDataRaw?: pulumi.Input<string | undefined>;
    /**
     * When used in combination with `user_data` or `user_data_raw` will trigger a destroy and recreate of the CVM instance when set to `true`. Default is `false`.
     */
    userDataReplaceOnChange?: pulumi.Input<boolean | undefined>;
    /**
     * The ID of a VPC network. If you want to create instances in a VPC network, this parameter must be set.
     */
    vpcId?: pulumi.Input<string | undefined>;
}
