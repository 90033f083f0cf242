// The categories of data a request asks for.
import { isOneOf } from "./is-one-of.js";

/**
 * Least to most intrusive (review-checklists.md, "Data categories"): subscriber <
 * identification (Reg. 2023/1543 Art 3(10)) < device-logs < traffic ≈ location < content.
 * The order is meaningful: the UI lists them in it and reviews compare by it.
 */
export const DATA_CATEGORIES = ["subscriber", "identification", "device-logs", "traffic", "location", "content"] as const;

export type DataCategory = (typeof DATA_CATEGORIES)[number];

export const isDataCategory = isOneOf(DATA_CATEGORIES);
