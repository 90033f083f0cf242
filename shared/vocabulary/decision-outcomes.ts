// What a reviewer's signed decision on a request says.
import { isOneOf } from "./is-one-of.js";

export const DECISION_OUTCOMES = ["authorised", "authorised-with-modifications", "refused", "returned"] as const;

export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];

export const isDecisionOutcome = isOneOf(DECISION_OUTCOMES);
