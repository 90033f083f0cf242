// The office's retention rule: per decision outcome, the days after a final decision before its
// case may be deleted; an empty field keeps that outcome's cases until someone deletes them.
import { useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { DECISION_OUTCOMES } from "../../../../shared/vocabulary/decision-outcomes.js";
import type { RetentionRule } from "../../../../shared/api/retention.js";
import { ErrorNote } from "../../components/ErrorNote.js";
import { TextField } from "../../components/Field.js";
import { SubmitButton } from "../../components/SubmitButton.js";
import { announce } from "../../store/announcer.js";
import { failureFrom, type Failure } from "../../store/failure.js";
import { useRetention } from "../../store/retention.js";
import { changesOf, draftOf, MAX_RETENTION_DAYS, type RuleDraft } from "./retention-model.js";

export function RetentionRuleForm({ rule }: { rule: RetentionRule }) {
  const { t } = useTranslation();
  const updateRule = useRetention((state) => state.updateRule);
  const [draft, setDraft] = useState<RuleDraft>(() => draftOf(rule));
  const [invalid, setInvalid] = useState<readonly string[]>([]);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => setDraft(draftOf(rule)), [rule]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const { changes, invalid: wrong } = changesOf(draft, rule);
    setInvalid(wrong);
    if (wrong.length > 0) return;
    if (Object.keys(changes).length === 0) return announce(t("retention.ruleUnchanged"));
    setBusy(true);
    try {
      await updateRule(changes);
      announce(t("retention.ruleSaved"));
    } catch (error) {
      setFailure(failureFrom(error, (message) => t("retention.ruleFailed", { message })));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel" aria-labelledby="retention-rule-title">
      <h2 id="retention-rule-title">{t("retention.rule")}</h2>
      <p className="muted">{t("retention.ruleIntro")}</p>
      <form className="form retention-rule" aria-labelledby="retention-rule-title" onSubmit={(event) => void submit(event)} noValidate>
        {DECISION_OUTCOMES.map((outcome) => (
          <TextField
            key={outcome}
            label={t("retention.daysAfter", { outcome: t(`outcome.${outcome}`) })}
            type="number"
            inputMode="numeric"
            min={1}
            max={MAX_RETENTION_DAYS}
            value={draft[outcome]}
            onChange={(value) => setDraft((current) => ({ ...current, [outcome]: value }))}
            hint={draft[outcome].trim() === "" ? t("retention.keptHint") : t("retention.daysHint")}
            error={invalid.includes(outcome) ? t("retention.daysInvalid", { max: MAX_RETENTION_DAYS }) : null}
            className="field-narrow"
          />
        ))}
        {failure ? <ErrorNote message={failure.message} code={failure.code} /> : null}
        <div className="form-actions">
          <SubmitButton busy={busy} label={t("retention.saveRule")} busyLabel={t("retention.savingRule")} />
        </div>
      </form>
    </section>
  );
}
