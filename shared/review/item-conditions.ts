// Conditions the item lists share. Location data count as traffic data for the Regulation:
// Reg. 2023/1543 Art 3(11)(c) names "data on the location of the device" among traffic data.
import type { ApplicabilityCondition } from "./item-types.js";
import type { DataCategory, Instrument } from "./request-vocabulary.js";

export const EU_ORDERS: readonly Instrument[] = ["eu-production-order", "eu-preservation-order"];
/** The categories Reg. 2023/1543 treats as traffic or content data (Art 3(11)–(12)). */
export const EU_TRAFFIC_OR_CONTENT: readonly DataCategory[] = ["traffic", "location", "content"];

export const ALWAYS: readonly ApplicabilityCondition[] = [];
export const EU_PRODUCTION_TRAFFIC_OR_CONTENT: ApplicabilityCondition = { instruments: ["eu-production-order"], anyDataCategory: EU_TRAFFIC_OR_CONTENT };
export const EXECUTIVE_AGREEMENT: ApplicabilityCondition = { instruments: ["executive-agreement"] };
export const MLAT: ApplicabilityCondition = { instruments: ["mlat"] };
export const EMERGENCY: ApplicabilityCondition = { emergency: true };
