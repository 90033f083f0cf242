// The decision page's execution record, for a current, final authorisation: once recorded, what
// happened and where the record came from (by hand, or the issuer's signed execution-report
// bundle); until then the execution-report clock and the form to record it, once.
import { useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { DecisionView } from "../../../../shared/api/decisions.js";
import type { ExecutionView } from "../../../../shared/api/executions.js";
import { EXECUTION_OUTCOMES, NON_COMPLIANCE_GROUNDS, type ExecutionOutcome, type NonComplianceGround } from "../../../../shared/vocabulary/execution-outcomes.js";
import { ErrorNote } from "../../components/ErrorNote.js";
import { SelectField, TextAreaField } from "../../components/Field.js";
import { SubmitButton } from "../../components/SubmitButton.js";
import { formatDateTime, groupHex } from "../../i18n/format.js";
import { announce } from "../../store/announcer.js";
import { useExecutions } from "../../store/executions.js";
import { failureFrom, type Failure } from "../../store/failure.js";
import { useLocale } from "../../store/settings.js";
import { FieldRow } from "../request/ProvenanceSection.js";
import { ClocksBar } from "../review/ClocksBar.js";
import { DateTimeField } from "../../components/DateFields.js";
import { EMPTY_DRAFT, executionStanding, producesData, recordArgsOf, type ExecutionDraft, type ExecutionProblem } from "./execution-model.js";

function RecordedExecution({ record }: { record: ExecutionView }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <dl className="summary">
      <FieldRow label={t("execution.field.outcome")}>{t(`execution.outcomeName.${record.outcome}`)}</FieldRow>
      {record.producedAt !== null ? <FieldRow label={t("execution.field.producedAt")}>{formatDateTime(record.producedAt, locale)}</FieldRow> : null}
      {record.ground !== null ? <FieldRow label={t("execution.field.ground")}>{t(`execution.groundName.${record.ground}`)}</FieldRow> : null}
      {record.note !== null ? (
        <FieldRow label={t("execution.field.note")}>
          <span className="pre-wrap">{record.note}</span>
        </FieldRow>
      ) : null}
      <FieldRow label={t("execution.field.source")}>{t(`execution.source.${record.source}`)}</FieldRow>
      {record.documentSha256 !== null ? (
        <FieldRow label={t("execution.field.document")}>
          <code className="digest">{groupHex(record.documentSha256, 16)}</code>
        </FieldRow>
      ) : null}
      <FieldRow label={t("execution.field.recordedAt")}>{formatDateTime(record.recordedAt, locale)}</FieldRow>
    </dl>
  );
}

function ExecutionForm({ decisionId }: { decisionId: string }) {
  const { t } = useTranslation();
  const save = useExecutions((state) => state.save);
  const [draft, setDraft] = useState<ExecutionDraft>(EMPTY_DRAFT);
  const [problems, setProblems] = useState<readonly ExecutionProblem[]>([]);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof ExecutionDraft>(key: K, value: ExecutionDraft[K]) => setDraft((current) => ({ ...current, [key]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const built = recordArgsOf(draft, decisionId);
    if ("problems" in built) return setProblems(built.problems);
    setProblems([]);
    setBusy(true);
    try {
      await save(built.args);
      announce(t("execution.recorded"));
    } catch (error) {
      setFailure(failureFrom(error, (message) => t("execution.recordFailed", { message })));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form execution-form" aria-labelledby="execution-title" onSubmit={(event) => void submit(event)} noValidate>
      <fieldset className="fieldset" aria-describedby={problems.includes("outcome") ? "execution-outcome-error" : undefined}>
        <legend className="field-label">{t("execution.outcome")}</legend>
        {EXECUTION_OUTCOMES.map((outcome) => (
          <label key={outcome} className="radio-row">
            <input type="radio" name="execution-outcome" value={outcome} checked={draft.outcome === outcome} onChange={() => set("outcome", outcome as ExecutionOutcome)} />
            <span>{t(`execution.outcomeName.${outcome}`)}</span>
          </label>
        ))}
        {problems.includes("outcome") ? (
          <div className="field-error" id="execution-outcome-error">
            {t("execution.outcomeMissing")}
          </div>
        ) : null}
      </fieldset>
      {producesData(draft.outcome) ? <DateTimeField label={t("execution.producedAt")} onChange={(value) => set("producedAt", value)} hint={t("execution.producedAtHint")} error={problems.includes("producedAt") ? t("execution.producedAtMissing") : null} /> : null}
      {draft.outcome === "not-complied" ? (
        <SelectField
          label={t("execution.ground")}
          value={draft.ground}
          onChange={(value) => set("ground", value as NonComplianceGround | "")}
          options={[{ value: "", label: "—" }, ...NON_COMPLIANCE_GROUNDS.map((ground) => ({ value: ground, label: t(`execution.groundName.${ground}`) }))]}
          error={problems.includes("ground") ? t("execution.groundMissing") : null}
          className="field-narrow"
        />
      ) : null}
      <TextAreaField label={t("execution.note")} value={draft.note} onChange={(value) => set("note", value)} rows={3} />
      {failure ? <ErrorNote message={failure.message} code={failure.code} /> : null}
      <div className="form-actions">
        <SubmitButton busy={busy} label={t("execution.record")} busyLabel={t("execution.recording")} />
      </div>
    </form>
  );
}

export function ExecutionSection({ view }: { view: DecisionView }) {
  const { t } = useTranslation();
  const standing = executionStanding(view);
  const load = useExecutions((state) => state.load);
  const decisionId = useExecutions((state) => state.decisionId);
  const record = useExecutions((state) => state.record);
  const clock = useExecutions((state) => state.clock);
  const loaded = useExecutions((state) => state.loaded);
  const error = useExecutions((state) => state.error);
  useEffect(() => {
    if (standing !== "not-authorisation") void load(view);
  }, [view, standing, load]);
  if (standing === "not-authorisation") return null;
  const current = decisionId === view.id && loaded;

  return (
    <section className="panel" aria-labelledby="execution-title">
      <h2 id="execution-title">{t("execution.title")}</h2>
      {error ? <ErrorNote message={t("execution.loadFailed", { message: error.message })} code={error.code} /> : null}
      {!current ? (
        error ? null : <p role="status">{t("execution.loading")}</p>
      ) : record !== null ? (
        <>
          <h3>{t("execution.recordedTitle")}</h3>
          <RecordedExecution record={record} />
        </>
      ) : standing === "superseded" ? (
        <p className="muted">{t("execution.superseded")}</p>
      ) : standing === "not-final" ? (
        <p className="muted">{t("execution.notFinal")}</p>
      ) : (
        <>
          <p className="muted">{t("execution.intro")}</p>
          {clock !== null ? <ClocksBar clocks={[clock]} /> : null}
          <ExecutionForm decisionId={view.id} />
        </>
      )}
    </section>
  );
}
