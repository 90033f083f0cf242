// What an auditor records about each sampled case (docs/audit-sampling.md, "Auditor mode"): the
// case complied, or it deviated in one of these ways, and a red, amber or green recommendation.
// The deviation types follow the checklist areas of the domain notes: the legal basis
// (legality), proportionality (necessity), scope (minimisation), the legal clocks and the record
// the office must keep. Stored in auditor stores and signed into findings reports: only add.
import { isOneOf } from "./is-one-of.js";

export const FINDING_VERDICTS = ["compliant", "deviation"] as const;
export type FindingVerdict = (typeof FINDING_VERDICTS)[number];
export const isFindingVerdict = isOneOf(FINDING_VERDICTS);

export const DEVIATION_TYPES = [
  "legal-basis-missing",
  "proportionality-not-assessed",
  "scope-not-minimised",
  "deadline-missed",
  "record-incomplete",
  "other",
] as const;
export type DeviationType = (typeof DEVIATION_TYPES)[number];
export const isDeviationType = isOneOf(DEVIATION_TYPES);

/** Red: act now; amber: improve; green: nothing to do. */
export const RECOMMENDATIONS = ["red", "amber", "green"] as const;
export type Recommendation = (typeof RECOMMENDATIONS)[number];
export const isRecommendation = isOneOf(RECOMMENDATIONS);

/** How a case came into the pack: drawn at random (it counts in the evaluation) or picked on purpose. */
export const PACK_SELECTIONS = ["sample", "purposive"] as const;
export type PackSelection = (typeof PACK_SELECTIONS)[number];

/** The evaluation's conclusion: the upper deviation limit at or below the tolerable rate, above it, or not every sampled case has a finding yet. */
export const EVALUATION_CONCLUSIONS = ["within-tolerable", "exceeds-tolerable", "incomplete"] as const;
export type EvaluationConclusion = (typeof EVALUATION_CONCLUSIONS)[number];
