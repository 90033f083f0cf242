// Where a stored request revision stands. The store keeps the status as text, so a value written
// by a later version is shown as it comes rather than refused: use isRequestStatus to label it.
import { isOneOf } from "./is-one-of.js";

export const REQUEST_STATUSES = ["received", "in-review", "decided", "superseded", "withdrawn"] as const;

export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export const isRequestStatus = isOneOf(REQUEST_STATUSES);
