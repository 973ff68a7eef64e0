/**
 * The policy pack. Constructing a PolicyPack starts its gRPC server, so the policies live in
 * policies.ts (unit-tested offline) and only this file builds the pack.
 */
import { PolicyPack } from "@pulumi/policy";
import { POLICIES } from "./policies";

new PolicyPack("gitpod-tencent", { enforcementLevel: "mandatory", policies: [...POLICIES] });
