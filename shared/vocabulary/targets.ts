// What a request's targets are (an account, a phone number, …) and who they are to the case.
import { isOneOf } from "./is-one-of.js";

export const TARGET_KINDS = ["account", "email", "phone", "ip-address", "device-id", "domain", "payment-id", "other"] as const;

export type TargetKind = (typeof TARGET_KINDS)[number];

export const isTargetKind = isOneOf(TARGET_KINDS);

export const TARGET_ROLES = ["suspect", "victim", "witness", "unknown"] as const;

export type TargetRole = (typeof TARGET_ROLES)[number];

export const isTargetRole = isOneOf(TARGET_ROLES);
