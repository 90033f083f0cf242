// The evaluation of an attribute sample once the auditor has a finding on every sampled case:
// the deviation rate, its one-sided upper limit at the plan's confidence (attribute-sampling.ts),
// and the conclusion. The office's deviation rate is below the tolerable rate, at that confidence,
// only while the upper limit stays at or below the tolerable rate; purposive picks are not a
// random sample and never count.
import type { EvaluationConclusion } from "../vocabulary/auditor-findings.js";
import { upperDeviationLimit } from "./attribute-sampling.js";

export interface EvaluationInput {
  sampleSize: number;
  evaluated: number;
  deviations: number;
  /** Percent, e.g. 95. */
  confidence: number;
  /** Percent, e.g. 5. */
  tolerable: number;
}

export interface SampleEvaluation extends EvaluationInput {
  deviationRate: number | null;
  upperLimit: number | null;
  conclusion: EvaluationConclusion;
}

const percent = (rate: number): number => Math.round(rate * 1e6) / 1e4;

export function evaluateSample(input: EvaluationInput): SampleEvaluation {
  if (input.evaluated < input.sampleSize || input.sampleSize === 0) return { ...input, deviationRate: null, upperLimit: null, conclusion: "incomplete" };
  const upperLimit = percent(upperDeviationLimit(input.sampleSize, input.deviations, input.confidence));
  return {
    ...input,
    deviationRate: percent(input.deviations / input.sampleSize),
    upperLimit,
    conclusion: upperLimit <= input.tolerable ? "within-tolerable" : "exceeds-tolerable",
  };
}
