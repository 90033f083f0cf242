// Why deciding refuses, each with its API code (shared/api/errors.ts); a refused decision is
// neither signed nor stored.
import { CoreError } from "../errors.js";

export class DecisionNotFoundError extends CoreError {
  override readonly name = "DecisionNotFoundError";
  override readonly code = "decision-not-found";
}

/** A decision that does not fit the review; the message names the fault. */
export class DecisionInvalidError extends CoreError {
  override readonly name = "DecisionInvalidError";
  override readonly code = "decision-invalid";
}

/** Checklist areas without the reason the outcome needs; `areas` names them. */
export class DecisionReasonsRequiredError extends CoreError {
  override readonly name = "DecisionReasonsRequiredError";
  override readonly code = "decision-reasons-required";
  constructor(
    message: string,
    readonly areas: readonly string[],
  ) {
    super(message);
  }
}

/** Open items that are neither answered nor deferred with a reason; `items` names them. */
export class ReviewIncompleteError extends CoreError {
  override readonly name = "ReviewIncompleteError";
  override readonly code = "review-incomplete";
  constructor(
    message: string,
    readonly items: readonly string[],
  ) {
    super(message);
  }
}
