// The grievance register's refusals, each with its API code.
import { CoreError } from "../errors.js";

/** A grievance, a response or a setting that is not valid; the message names each field. */
export class GrievanceInvalidError extends CoreError {
  override readonly name = "GrievanceInvalidError";
  override readonly code = "grievance-invalid";
}

export class GrievanceNotFoundError extends CoreError {
  override readonly name = "GrievanceNotFoundError";
  override readonly code = "grievance-not-found";
}

/** An export asked of a grievance that has no signed response yet. */
export class GrievanceUnansweredError extends CoreError {
  override readonly name = "GrievanceUnansweredError";
  override readonly code = "grievance-unanswered";
}

/** A sealed reply to someone the keyring has no usable age recipient for; nothing was written. */
export class NoReplyRecipientError extends CoreError {
  override readonly name = "NoReplyRecipientError";
  override readonly code = "no-reply-recipient";
}
