// Conditions the item lists share. For Reg. 2023/1543 the request's location and device-logs
// categories are traffic data: Art 3(11)(b) names log-in and log-off records of access sessions
// and Art 3(11)(c) "data on the location of the device" among traffic data. Only identification
// (Art 3(10)) and subscriber data (Art 3(9)) fall below the Art 4(2) and 5(4) thresholds.
import type { ApplicabilityCondition } from "./item-types.js";
import type { DataCategory, Instrument } from "./request-vocabulary.js";

export const EU_ORDERS: readonly Instrument[] = ["eu-production-order", "eu-preservation-order"];
/** The categories Reg. 2023/1543 treats as traffic or content data (Art 3(11)–(12)). */
export const EU_TRAFFIC_OR_CONTENT: readonly DataCategory[] = ["device-logs", "traffic", "location", "content"];

export const ALWAYS: readonly ApplicabilityCondition[] = [];
export const EU_PRODUCTION_TRAFFIC_OR_CONTENT: ApplicabilityCondition = { instruments: ["eu-production-order"], anyDataCategory: EU_TRAFFIC_OR_CONTENT };
export const EXECUTIVE_AGREEMENT: ApplicabilityCondition = { instruments: ["executive-agreement"] };
export const MLAT: ApplicabilityCondition = { instruments: ["mlat"] };
export const EMERGENCY: ApplicabilityCondition = { emergency: true };
