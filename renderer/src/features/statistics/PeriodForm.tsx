// The report's period: its first and last day, YYYY-MM-DD in the office's time zone, both
// included. A day that does not exist, or a last day before the first, is named at its field and
// nothing is asked of the core.
import { useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { TextField } from "../../components/Field.js";
import { SubmitButton } from "../../components/SubmitButton.js";
import { periodProblems, type PeriodProblem } from "./statistics-model.js";

interface Props {
  from: string;
  to: string;
  timeZone: string;
  busy: boolean;
  onSubmit: (period: { from: string; to: string }) => void;
}

export function PeriodForm({ from, to, timeZone, busy, onSubmit }: Props) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState({ from, to });
  const [problems, setProblems] = useState<readonly PeriodProblem[]>([]);
  useEffect(() => setDraft({ from, to }), [from, to]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = periodProblems(draft.from, draft.to);
    setProblems(found);
    if (found.length === 0) onSubmit({ from: draft.from.trim(), to: draft.to.trim() });
  };

  return (
    <form className="form statistics-period" aria-labelledby="statistics-period-title" onSubmit={submit} noValidate>
      <h2 id="statistics-period-title">{t("statistics.period")}</h2>
      <p className="muted">{t("statistics.periodIntro", { timeZone })}</p>
      <div className="statistics-period-fields">
        <TextField
          label={t("statistics.from")}
          value={draft.from}
          onChange={(value) => setDraft((current) => ({ ...current, from: value }))}
          hint={t("statistics.dayHint")}
          error={problems.includes("from-invalid") ? t("statistics.dayInvalid") : null}
          className="field-narrow"
          spellCheck={false}
        />
        <TextField
          label={t("statistics.to")}
          value={draft.to}
          onChange={(value) => setDraft((current) => ({ ...current, to: value }))}
          hint={t("statistics.dayHint")}
          error={problems.includes("to-invalid") ? t("statistics.dayInvalid") : problems.includes("order") ? t("statistics.periodOrder") : null}
          className="field-narrow"
          spellCheck={false}
        />
      </div>
      <div className="form-actions">
        <SubmitButton busy={busy} label={t("statistics.show")} busyLabel={t("statistics.showing")} />
      </div>
    </form>
  );
}
