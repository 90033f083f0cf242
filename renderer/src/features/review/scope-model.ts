// The scope panel's arithmetic without a DOM: the reviewer picks calendar days, the grant stores
// instants. A day that is the requested period's own first or last day keeps the requested instant
// exactly; any other day is its start (from) or end (to) in the offset the request was written in.
import type { ScopeChange } from "../../../../shared/review/scope-diff.js";
import { scopeDiff } from "../../../../shared/review/scope-diff.js";
import type { GrantedScope, GrantedTarget, ScopePeriod } from "../../../../shared/review/scope-schema.js";

/** The calendar day an RFC 3339 instant names in its own offset: "2026-03-01T00:00:00+01:00" -> "2026-03-01". */
export const dayOf = (instant: string): string => instant.slice(0, 10);

/** The offset an instant is written in, "+01:00" or "Z". */
export const offsetOf = (instant: string): string => instant.match(/(Z|[+-]\d{2}:\d{2})$/i)?.[1]?.toUpperCase() ?? "Z";

/** An instant as the request wrote it, for reading: "2026-09-01 00:00 (+02:00)". */
export const asWritten = (instant: string): string => `${dayOf(instant)} ${instant.slice(11, 16)} (${offsetOf(instant) === "Z" ? "UTC" : offsetOf(instant)})`;

/** The reviewer's own offset on a day, for a period the request did not give. */
export function localOffset(day: string): string {
  const minutes = -new Date(`${day}T12:00:00`).getTimezoneOffset();
  if (minutes === 0) return "Z";
  const sign = minutes > 0 ? "+" : "-";
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The period the chosen days grant, or the reason they cannot. */
export function periodFromDays(fromDay: string, toDay: string, requested: ScopePeriod | undefined): { ok: true; period: ScopePeriod } | { ok: false; error: "from" | "to" | "order" } {
  if (!DAY.test(fromDay)) return { ok: false, error: "from" };
  if (!DAY.test(toDay)) return { ok: false, error: "to" };
  if (toDay < fromDay) return { ok: false, error: "order" };
  const from = requested && dayOf(requested.from) === fromDay ? requested.from : `${fromDay}T00:00:00${requested ? offsetOf(requested.from) : localOffset(fromDay)}`;
  const to = requested && dayOf(requested.to) === toDay ? requested.to : `${toDay}T23:59:59${requested ? offsetOf(requested.to) : localOffset(toDay)}`;
  return { ok: true, period: { from, to } };
}

export type TargetGrant = { kind: "granted" } | { kind: "narrowed"; restriction: string } | { kind: "struck" };

const sameTarget = (a: GrantedTarget, b: GrantedTarget): boolean => a.kind === b.kind && a.value === b.value;

/** What the grant does with one requested target. Targets in a grant are the request's own entries. */
export function targetGrant(target: GrantedTarget, granted: GrantedScope): TargetGrant {
  const kept = granted.targets.find((candidate) => sameTarget(candidate, target));
  if (!kept) return { kind: "struck" };
  if (kept.restriction !== undefined && kept.restriction !== target.restriction) return { kind: "narrowed", restriction: kept.restriction };
  return { kind: "granted" };
}

/** The changes in plain words, or the reason the grant could not be compared (it reaches beyond the request). */
export function scopeChanges(requested: GrantedScope, granted: GrantedScope): { ok: true; changes: ScopeChange[] } | { ok: false; error: string } {
  try {
    return { ok: true, changes: scopeDiff(requested, granted) };
  } catch (problem) {
    // Not a failed call: scopeDiff refuses a grant wider than the request, in words worth showing.
    return { ok: false, error: problem instanceof Error ? problem.message : String(problem) };
  }
}
