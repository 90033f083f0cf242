// How the office answers a grievance about a decision.
import { isOneOf } from "./is-one-of.js";

export const GRIEVANCE_OUTCOMES = ["upheld", "partly-upheld", "dismissed", "referred"] as const;

export type GrievanceOutcome = (typeof GRIEVANCE_OUTCOMES)[number];

export const isGrievanceOutcome = isOneOf(GRIEVANCE_OUTCOMES);
