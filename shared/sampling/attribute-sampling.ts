// Attribute sampling on the binomial distribution (AICPA Audit Sampling, tables; the
// domain notes' "Audit sampling"): how many cases to test so that, if no more than the allowed
// deviations turn up, the deviation rate is below the tolerable rate with the stated confidence.
//
// The rule: the sample size is the smallest n with P(X <= k | n, tolerable rate) <= 1 - confidence,
// where k is the number of deviations allowed (the "expected" count). The upper deviation limit
// of a sample with d deviations is the rate p at which P(X <= d | n, p) = 1 - confidence (the
// one-sided Clopper-Pearson bound); the conclusion holds only while it stays at or below the
// tolerable rate.

/** Beyond this the plan is no longer a sample (and the sums lose their meaning). */
export const MAX_SAMPLE_SIZE = 100_000;

export class SamplingInputError extends Error {
  override readonly name = "SamplingInputError";
}

export interface SamplePlanInput {
  /** Confidence level in percent, e.g. 95. */
  confidence: number;
  /** Tolerable deviation rate in percent, e.g. 5. */
  tolerable: number;
  /** Deviations allowed in the sample (the expected count), e.g. 0. */
  expected: number;
}

export interface SamplePlan extends SamplePlanInput {
  method: "binomial";
  sampleSize: number;
  /** P(X <= expected | sampleSize, tolerable): the risk of over-reliance actually reached, in percent. */
  achievedRisk: number;
  /** The upper deviation limit, in percent, if exactly `expected` deviations are found. */
  upperDeviationLimit: number;
}

/** P(X <= k) for X ~ Binomial(n, p), summed term by term from the log of the first term. */
export function binomialCdf(k: number, n: number, p: number): number {
  if (k < 0) return 0;
  if (k >= n || p <= 0) return 1;
  if (p >= 1) return 0;
  let term = Math.exp(n * Math.log1p(-p));
  let sum = term;
  const odds = p / (1 - p);
  for (let i = 0; i < k; i += 1) {
    term *= ((n - i) / (i + 1)) * odds;
    sum += term;
  }
  return Math.min(1, sum);
}

/** 1 - confidence, free of the binary rounding of 1 - 0.95 (which is 0.05000000000000004). */
const riskOf = (confidencePercent: number): number => (100 - confidencePercent) / 100;

function checkInput({ confidence, tolerable, expected }: SamplePlanInput): void {
  if (!Number.isFinite(confidence) || confidence <= 0 || confidence >= 100) {
    throw new SamplingInputError(`confidence ${confidence}: give a percentage above 0 and below 100, such as 95`);
  }
  if (!Number.isFinite(tolerable) || tolerable <= 0 || tolerable >= 100) {
    throw new SamplingInputError(`tolerable deviation rate ${tolerable}: give a percentage above 0 and below 100, such as 5`);
  }
  if (!Number.isSafeInteger(expected) || expected < 0) {
    throw new SamplingInputError(`expected deviations ${expected}: give a whole number from 0`);
  }
}

/** The smallest n with P(X <= expected | n, tolerable) <= 1 - confidence. */
export function attributeSampleSize(input: SamplePlanInput): number {
  checkInput(input);
  const risk = riskOf(input.confidence);
  const rate = input.tolerable / 100;
  for (let n = input.expected + 1; n <= MAX_SAMPLE_SIZE; n += 1) {
    if (binomialCdf(input.expected, n, rate) <= risk) return n;
  }
  throw new SamplingInputError(
    `no sample of at most ${MAX_SAMPLE_SIZE} cases reaches ${input.confidence}% confidence at a tolerable rate of ${input.tolerable}% with ${input.expected} deviations allowed`,
  );
}

/**
 * The upper deviation limit (a rate from 0 to 1) of a sample of `n` with `deviations` found: the
 * p where P(X <= deviations | n, p) falls to 1 - confidence, found by bisection.
 */
export function upperDeviationLimit(n: number, deviations: number, confidencePercent: number): number {
  if (!Number.isSafeInteger(n) || n < 1) throw new SamplingInputError(`sample size ${n}: give a whole number from 1`);
  if (!Number.isSafeInteger(deviations) || deviations < 0 || deviations > n) {
    throw new SamplingInputError(`deviations ${deviations}: give a whole number from 0 to the sample size ${n}`);
  }
  checkInput({ confidence: confidencePercent, tolerable: 50, expected: 0 });
  if (deviations === n) return 1;
  const risk = riskOf(confidencePercent);
  let low = 0;
  let high = 1;
  for (let step = 0; step < 60; step += 1) {
    const middle = (low + high) / 2;
    if (binomialCdf(deviations, n, middle) > risk) low = middle;
    else high = middle;
  }
  return high;
}

const percent = (rate: number): number => Math.round(rate * 1e6) / 1e4;

export function planSample(input: SamplePlanInput): SamplePlan {
  const sampleSize = attributeSampleSize(input);
  return {
    method: "binomial",
    confidence: input.confidence,
    tolerable: input.tolerable,
    expected: input.expected,
    sampleSize,
    achievedRisk: percent(binomialCdf(input.expected, sampleSize, input.tolerable / 100)),
    upperDeviationLimit: percent(upperDeviationLimit(sampleSize, input.expected, input.confidence)),
  };
}
