/**
 * Config of the WorkspaceNodes stage: how many k3s agents run the workspaces, and what they are.
 * Knows the cluster's limits: the subnet must have room for the server and every agent, and a
 * workspace node needs the memory Gitpod's preflight asks for.
 */
import { DEFAULT_SUBNET_CIDR } from "../firewall";
import { instanceTypeMemoryGib, subnetCapacity, WORKSPACE_MIN_MEMORY_GIB } from "../workspaceNodes";
import { Checker, StageKeys } from "./checker";

export interface WorkspaceNodesConfig {
    /** k3s agents for workspaces; 0 = one VM runs everything. */
    readonly workspaceNodes: number;
    readonly workspaceInstanceType: string;
    readonly workspaceDiskSize: number;
}

export const WORKSPACE_NODES_KEYS: StageKeys = {
    plain: ["workspaceNodes", "workspaceInstanceType", "workspaceDiskSize"],
    secrets: [],
    defaults: {
        workspaceNodes: "0",
        workspaceInstanceType: "SA2.2XLARGE16",
        workspaceDiskSize: "200",
    },
};

function checkInstanceType(c: Checker): string {
    const type = c.value("workspaceInstanceType") ?? "";
    const memory = instanceTypeMemoryGib(type);
    if (memory === undefined) {
        c.fail("workspaceInstanceType", type, "a Tencent Cloud instance type such as SA2.2XLARGE16");
    } else if (memory < WORKSPACE_MIN_MEMORY_GIB) {
        c.fail("workspaceInstanceType", type, `a type with at least ${WORKSPACE_MIN_MEMORY_GIB} GiB of memory (Gitpod's preflight fails smaller workspace nodes), such as SA2.2XLARGE16`);
    }
    return type;
}

export function checkWorkspaceNodes(c: Checker): WorkspaceNodesConfig {
    const room = subnetCapacity(DEFAULT_SUBNET_CIDR);
    return {
        workspaceNodes: c.integer("workspaceNodes", 0, room - 1, ` (subnet ${DEFAULT_SUBNET_CIDR} has room for ${room} VMs, the server included)`),
        workspaceInstanceType: checkInstanceType(c),
        workspaceDiskSize: c.integer("workspaceDiskSize", 100, 2048, " GiB"),
    };
}
