// The office's retention rule: how many days after a final decision of each outcome a case is
// deleted (for example refused requests 730 days after the refusal). An outcome without a number
// is kept until someone deletes the case by hand. Nothing is kept under a rule by default.
import { DECISION_OUTCOMES, isDecisionOutcome, type DecisionOutcome } from "../../../shared/vocabulary/decision-outcomes.js";
import { CoreError } from "../errors.js";
import type { Session } from "../session/session.js";

export type RetentionSettings = Partial<Record<DecisionOutcome, number>>;

/** A retention period that is not a whole number of days from 1, or an unknown outcome. */
export class RetentionSettingInvalidError extends CoreError {
  override readonly name = "RetentionSettingInvalidError";
  override readonly code = "retention-setting-invalid";
}

const MAX_DAYS = 36_600;

export function getRetentionSettings(session: Session): RetentionSettings {
  const stored = session.store.settings.all()["retentionAfterDecision"];
  if (typeof stored !== "object" || stored === null) return {};
  return Object.fromEntries(
    Object.entries(stored).filter(([outcome, days]) => isDecisionOutcome(outcome) && Number.isInteger(days) && (days as number) >= 1),
  ) as RetentionSettings;
}

/** Sets the days for some outcomes (a number) or keeps their cases (null); the rest stay as they were. */
export function updateRetentionSettings(session: Session, changes: Readonly<Record<string, number | null>>): RetentionSettings {
  const next: Record<string, number> = { ...getRetentionSettings(session) };
  for (const [outcome, days] of Object.entries(changes)) {
    if (!isDecisionOutcome(outcome)) throw new RetentionSettingInvalidError(`${outcome} is not a decision outcome; use ${DECISION_OUTCOMES.join(", ")}`);
    if (days === null) delete next[outcome];
    else if (!Number.isInteger(days) || days < 1 || days > MAX_DAYS) throw new RetentionSettingInvalidError(`${outcome}=${days}: give a whole number of days from 1 to ${MAX_DAYS}`);
    else next[outcome] = days;
  }
  session.store.settings.update(session.actor, { retentionAfterDecision: next });
  return getRetentionSettings(session);
}
