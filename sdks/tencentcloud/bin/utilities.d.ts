export declare function getEnv(...vars: string[]): string | undefined;
export declare function getEnvBoolean(...vars: string[]): boolean | undefined;
export declare function getEnvNumber(...vars: string[]): number | undefined;
/** The package version (the Terraform provider version), read from this package's package.json. */
export declare function getVersion(): string;
