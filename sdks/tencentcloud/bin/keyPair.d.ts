import * as pulumi from "@pulumi/pulumi";
export declare class KeyPair extends pulumi.CustomResource {
    /**
     * Looks up an existing KeyPair by its provider ID and returns it with its current state.
     *
     * @param name Unique name of the resulting resource in this program.
     * @param id Provider ID of the resource to look up.
     * @param state Extra properties that qualify the lookup.
     * @param opts Resource options.
     */
    static get(name: string, id: pulumi.Input<pulumi.ID>, state?: KeyPairState, opts?: pulumi.CustomResourceOptions): KeyPair;
    /**
     * Whether `obj` is a KeyPair, also when several copies of this SDK are loaded in one process.
     */
    static isInstance(obj: any): obj is KeyPair;
    /**
     * Creation time, which follows the `ISO8601` standard and uses `UTC` time in the format of `YYYY-MM-DDThh:mm:ssZ`.
     */
    readonly createdTime: pulumi.Output<string>;
    /**
     * Whether to forcibly shut down a running instance. Default is false. Forcing a shutdown is equivalent to switching off the power button on a physical computer. Forcing a shutdown may result in data loss or file system corruption; therefore, please use this option only when the server cannot be shut down normally.
     */
    readonly forceStop: pulumi.Output<boolean>;
    /**
     * The key pair's name. It is the only in one TencentCloud account.
     */
    readonly keyName: pulumi.Output<string>;
    readonly keyPairId: pulumi.Output<string>;
    /**
     * Content of private key in a key pair. Tencent Cloud do not keep private keys. Please keep it properly.
     */
    readonly privateKey: pulumi.Output<string>;
    /**
     * Specifys to which project the key pair belongs.
     */
    readonly projectId: pulumi.Output<number | undefined>;
    /**
     * You can import an existing public key and using TencentCloud key pair to manage it.
     */
    readonly publicKey: pulumi.Output<string>;
    /**
     * Tags of the key pair.
     */
    readonly tags: pulumi.Output<{
        [key: string]: string;
    } | undefined>;
    /**
     * Creates a KeyPair with the given unique name, arguments and options.
     *
     * @param name Unique name of the resource in this program.
     * @param args The resource's arguments.
     * @param opts Resource options.
     */
    constructor(name: string, args: KeyPairArgs, opts?: pulumi.CustomResourceOptions);
}
/**
 * Input properties used for looking up and filtering KeyPair resources.
 */
export interface KeyPairState {
    /**
     * Creation time, which follows the `ISO8601` standard and uses `UTC` time in the format of `YYYY-MM-DDThh:mm:ssZ`.
     */
    createdTime?: pulumi.Input<string | undefined>;
    /**
     * Whether to forcibly shut down a running instance. Default is false. Forcing a shutdown is equivalent to switching off the power button on a physical computer. Forcing a shutdown may result in data loss or file system corruption; therefore, please use this option only when the server cannot be shut down normally.
     */
    forceStop?: pulumi.Input<boolean | undefined>;
    /**
     * The key pair's name. It is the only in one TencentCloud account.
     */
    keyName?: pulumi.Input<string | undefined>;
    keyPairId?: pulumi.Input<string | undefined>;
    /**
     * Content of private key in a key pair. Tencent Cloud do not keep private keys. Please keep it properly.
     */
    privateKey?: pulumi.Input<string | undefined>;
    /**
     * Specifys to which project the key pair belongs.
     */
    projectId?: pulumi.Input<number | undefined>;
    /**
     * You can import an existing public key and using TencentCloud key pair to manage it.
     */
    publicKey?: pulumi.Input<string | undefined>;
    /**
     * Tags of the key pair.
     */
    tags?: pulumi.Input<{
        [key: string]: pulumi.Input<string>;
    } | undefined>;
}
/**
 * The set of arguments for constructing a KeyPair resource.
 */
export interface KeyPairArgs {
    /**
     * Whether to forcibly shut down a running instance. Default is false. Forcing a shutdown is equivalent to switching off the power button on a physical computer. Forcing a shutdown may result in data loss or file system corruption; therefore, please use this option only when the server cannot be shut down normally.
     */
    forceStop?: pulumi.Input<boolean | undefined>;
    /**
     * The key pair's name. It is the only in one TencentCloud account.
     */
    keyName: pulumi.Input<string>;
    keyPairId?: pulumi.Input<string | undefined>;
    /**
     * Specifys to which project the key pair belongs.
     */
    projectId?: pulumi.Input<number | undefined>;
    /**
     * You can import an existing public key and using TencentCloud key pair to manage it.
     */
    publicKey?: pulumi.Input<string | undefined>;
    /**
     * Tags of the key pair.
     */
    tags?: pulumi.Input<{
        [key: string]: pulumi.Input<string>;
    } | undefined>;
}
