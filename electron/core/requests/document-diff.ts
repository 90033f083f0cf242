// What changed between two revisions of a request, field by field, as JSON paths — so a reviewer
// sees "period.to moved a month earlier" instead of re-reading both documents.
import { jsonPath } from "../../../shared/formats/request.js";

export interface DocumentChange {
  path: string;
  before: unknown;
  after: unknown;
}

export function diffDocuments(before: unknown, after: unknown): DocumentChange[] {
  const changes: DocumentChange[] = [];
  walk(before, after, [], changes);
  return changes;
}

function walk(before: unknown, after: unknown, path: PropertyKey[], changes: DocumentChange[]): void {
  if (Object.is(before, after)) return;
  if (isRecord(before) && isRecord(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    for (const key of keys) walk(before[key], after[key], [...path, key], changes);
    return;
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    for (let index = 0; index < Math.max(before.length, after.length); index++) walk(before[index], after[index], [...path, index], changes);
    return;
  }
  changes.push({ path: jsonPath(path), before, after });
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);
