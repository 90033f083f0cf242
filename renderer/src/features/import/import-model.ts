// Import logic without a DOM: progress as a fraction, outcome counts, file names from paths, and
// what a four-eyes bundle's outcome was (a countersignature request, or a countersignature back).
import type { ImportOutcome, ImportProgress } from "../../../../shared/api/requests.js";
import type { Route } from "../../app/routes.js";

/** The last segment of a path, for either separator. */
export const baseName = (path: string): string => path.split(/[\\/]/).filter((part) => part !== "").pop() ?? path;

/** Overall progress 0..1 across all files: files already done plus the share of the current one. */
export function progressFraction(progress: ImportProgress): number | null {
  if (progress.fileCount <= 0) return null;
  const current = progress.bytesTotal > 0 ? Math.min(1, progress.bytesRead / progress.bytesTotal) : 0;
  const done = Math.min(progress.fileCount, Math.max(0, progress.fileIndex)) + current;
  return Math.min(1, done / progress.fileCount);
}

export interface OutcomeCounts {
  imported: number;
  duplicate: number;
  refused: number;
}

export function countOutcomes(outcomes: readonly ImportOutcome[]): OutcomeCounts {
  const counts: OutcomeCounts = { imported: 0, duplicate: 0, refused: 0 };
  for (const outcome of outcomes) counts[outcome.status] += 1;
  return counts;
}

export interface CountersignOutcome {
  kind: "request" | "answer";
  /** The colleague's decision id (a request), or the countersignature's id (an answer). */
  id: string;
  /** The reviewer entry whose key signed the bundle. */
  from: string;
}

/** A four-eyes bundle's outcome in the row's words; null for any other bundle. */
export function countersignOutcome(outcome: Extract<ImportOutcome, { status: "imported" | "duplicate" }>): CountersignOutcome | null {
  if (outcome.bundleType === "countersignature-request") return { kind: "request", id: outcome.id, from: outcome.authority };
  if (outcome.bundleType === "countersignature") return { kind: "answer", id: outcome.id, from: outcome.authority };
  return null;
}

/**
 * Where a stored bundle's row opens, for a bundle that is not four eyes (countersignOutcome): a
 * request its revision, a grievance the register's page; an execution report nowhere of its own
 * (its decision's page shows the record).
 */
export function storedOutcomeRoute(outcome: Extract<ImportOutcome, { status: "imported" | "duplicate" }>): Route | null {
  if (outcome.bundleType === "grievance") return { screen: "grievance", id: outcome.id };
  if (outcome.bundleType === "execution-report") return null;
  return { screen: "request", authority: outcome.authority, id: outcome.id, revision: outcome.revision };
}
