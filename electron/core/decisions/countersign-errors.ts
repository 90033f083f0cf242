// The refusals of four eyes between two stores (docs/decisions.md, Four eyes).
import { CoreError } from "../errors.js";

/** The decision is final, superseded or needs no countersignature: there is nothing to ask. */
export class CountersignNotAwaitingError extends CoreError {
  override readonly name = "CountersignNotAwaitingError";
  readonly code = "countersign-not-awaiting";
}

/** No colleague's decision with that id was received for countersignature. */
export class CountersignRequestNotFoundError extends CoreError {
  override readonly name = "CountersignRequestNotFoundError";
  readonly code = "countersign-request-not-found";
}
