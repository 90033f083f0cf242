// The office's small-count threshold (`counterseal report settings --threshold N`): counts from 1
// to N − 1 are published as "< N". A value that is not a whole number from 1 to 1000 is refused
// at the field; the core checks it again, and audits the change.
import { useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { ErrorNote } from "../../components/ErrorNote.js";
import { TextField } from "../../components/Field.js";
import { SubmitButton } from "../../components/SubmitButton.js";
import { announce } from "../../store/announcer.js";
import { failureFrom, type Failure } from "../../store/failure.js";
import { useStatistics } from "../../store/statistics.js";
import { MAX_THRESHOLD, MIN_THRESHOLD, parseThreshold } from "./statistics-model.js";

export function ThresholdForm({ threshold }: { threshold: number }) {
  const { t } = useTranslation();
  const saveThreshold = useStatistics((state) => state.saveThreshold);
  const [draft, setDraft] = useState(String(threshold));
  const [invalid, setInvalid] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => setDraft(String(threshold)), [threshold]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const value = parseThreshold(draft);
    setInvalid(value === null);
    if (value === null) return;
    if (value === threshold) return announce(t("statistics.thresholdUnchanged"));
    setBusy(true);
    try {
      await saveThreshold(value);
      announce(t("statistics.thresholdSaved", { threshold: value }));
    } catch (error) {
      setFailure(failureFrom(error, (message) => t("statistics.thresholdFailed", { message })));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel" aria-labelledby="statistics-threshold-title">
      <h2 id="statistics-threshold-title">{t("statistics.thresholdTitle")}</h2>
      <p className="muted">{t("statistics.thresholdIntro")}</p>
      <form className="form" aria-labelledby="statistics-threshold-title" onSubmit={(event) => void submit(event)} noValidate>
        <TextField
          label={t("statistics.threshold")}
          type="number"
          inputMode="numeric"
          min={MIN_THRESHOLD}
          max={MAX_THRESHOLD}
          value={draft}
          onChange={setDraft}
          hint={t("statistics.thresholdHint")}
          error={invalid ? t("statistics.thresholdInvalid", { min: MIN_THRESHOLD, max: MAX_THRESHOLD }) : null}
          className="field-narrow"
        />
        {failure ? <ErrorNote message={failure.message} code={failure.code} /> : null}
        <div className="form-actions">
          <SubmitButton busy={busy} label={t("statistics.saveThreshold")} busyLabel={t("statistics.savingThreshold")} />
        </div>
      </form>
    </section>
  );
}
