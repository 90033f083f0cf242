// How urgently the issuing authority asks for an answer, least urgent first.
import { isOneOf } from "./is-one-of.js";

export const URGENCY_LEVELS = ["routine", "expedited", "emergency"] as const;

export type UrgencyLevel = (typeof URGENCY_LEVELS)[number];

export const isUrgencyLevel = isOneOf(URGENCY_LEVELS);
