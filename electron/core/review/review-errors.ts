// Why the review service refuses a change. Each names the fault in its message and carries its
// API code (shared/api/errors.ts); the change they refuse is rolled back whole.
import { CoreError } from "../errors.js";

export class ReviewItemUnknownError extends CoreError {
  override readonly name = "ReviewItemUnknownError";
  override readonly code = "review-item-unknown";
}

export class ReviewAnswerInvalidError extends CoreError {
  override readonly name = "ReviewAnswerInvalidError";
  override readonly code = "review-answer-invalid";
}

export class IndependenceRequiredError extends CoreError {
  override readonly name = "IndependenceRequiredError";
  override readonly code = "independence-required";
}

export class ReviewClosedError extends CoreError {
  override readonly name = "ReviewClosedError";
  override readonly code = "review-closed";
}

export class FindingUnknownError extends CoreError {
  override readonly name = "FindingUnknownError";
  override readonly code = "finding-unknown";
}

export class NothingCarriedOverError extends CoreError {
  override readonly name = "NothingCarriedOverError";
  override readonly code = "nothing-carried-over";
}

export class ScopeRefusedError extends CoreError {
  override readonly name = "ScopeRefusedError";
  override readonly code = "scope-refused";
}

export class EvidenceInvalidError extends CoreError {
  override readonly name = "EvidenceInvalidError";
  override readonly code = "evidence-invalid";
}

export class ReviewNoteRequiredError extends CoreError {
  override readonly name = "ReviewNoteRequiredError";
  override readonly code = "review-note-required";
}

export class ReviewSettingsError extends CoreError {
  override readonly name = "ReviewSettingsError";
  override readonly code = "review-setting-invalid";
}

export class ReviewTemplateUnknownError extends CoreError {
  override readonly name = "ReviewTemplateUnknownError";
  override readonly code = "review-template-unknown";
}
