// A second reviewer's answer to a decision that needs four eyes. A public contract: signed into
// countersignatures, so the spellings never change.
import { isOneOf } from "./is-one-of.js";

export const COUNTERSIGNATURE_VERDICTS = ["signed", "declined"] as const;
export type CountersignatureVerdict = (typeof COUNTERSIGNATURE_VERDICTS)[number];
export const isCountersignatureVerdict = isOneOf(COUNTERSIGNATURE_VERDICTS);
