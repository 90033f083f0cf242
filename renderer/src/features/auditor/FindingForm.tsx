// The auditor's finding on one case: compliant, or a deviation with its type; a red, amber or
// green recommendation; a note (needed for a deviation of type "other"). Saving again replaces the
// earlier finding (the core keeps each change in the audit log). Radio groups are one tab stop
// each, arrow keys choose; the form says what is missing before it asks the core.
import { useRef, useState, type FormEvent } from "react";
import { Label, Radio, RadioGroup } from "react-aria-components";
import { useTranslation } from "react-i18next";
import type { AuditPackCaseView } from "../../../../shared/api/auditor.js";
import { DEVIATION_TYPES, FINDING_VERDICTS, RECOMMENDATIONS, type DeviationType, type FindingVerdict, type Recommendation } from "../../../../shared/vocabulary/auditor-findings.js";
import { ErrorNote } from "../../components/ErrorNote.js";
import { SelectField, TextAreaField } from "../../components/Field.js";
import { SubmitButton } from "../../components/SubmitButton.js";
import { formatDateTime } from "../../i18n/format.js";
import { announce } from "../../store/announcer.js";
import { useAuditor } from "../../store/auditor.js";
import { useLocale } from "../../store/settings.js";
import { findingProblems, formOf, type FindingForm as Form, type FindingProblem } from "./auditor-model.js";

export function FindingForm({ pack, packCase }: { pack: string; packCase: AuditPackCaseView }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const saving = useAuditor((state) => state.saving);
  const recordFinding = useAuditor((state) => state.recordFinding);
  const [form, setForm] = useState<Form>(() => formOf(packCase.finding));
  const [problems, setProblems] = useState<FindingProblem[]>([]);
  const formRef = useRef<HTMLFormElement>(null);
  const busy = saving.state === "busy" && saving.reference === packCase.reference;
  const failed = saving.state === "failed" && saving.reference === packCase.reference ? saving.error : null;
  const has = (problem: FindingProblem) => problems.includes(problem);
  const change = (patch: Partial<Form>) => setForm((current) => ({ ...current, ...patch }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = findingProblems(form);
    setProblems(found);
    if (found.length > 0) {
      formRef.current?.querySelector<HTMLElement>(`[data-problem="${found[0] ?? ""}"] input, [data-problem="${found[0] ?? ""}"] select, [data-problem="${found[0] ?? ""}"] textarea`)?.focus();
      return;
    }
    if (form.verdict === null || form.recommendation === null) return;
    const note = form.note.trim();
    const stored = await recordFinding({
      pack,
      reference: packCase.reference,
      verdict: form.verdict,
      ...(form.verdict === "deviation" && form.deviationType !== null ? { deviationType: form.deviationType } : {}),
      recommendation: form.recommendation,
      ...(note === "" ? {} : { note }),
    });
    if (stored) announce(t("auditor.finding.saved", { reference: packCase.reference }));
  };

  const deviationOptions = [{ value: "", label: t("auditor.finding.chooseType") }, ...DEVIATION_TYPES.map((value) => ({ value, label: t(`auditor.deviationType.${value}`) }))];

  return (
    <section className="panel" aria-labelledby="finding-title">
      <h2 id="finding-title">{t("auditor.finding.title")}</h2>
      {packCase.finding !== null ? <p className="muted">{t("auditor.finding.onRecord", { at: formatDateTime(packCase.finding.recordedAt, locale) })}</p> : <p className="muted">{t("auditor.finding.intro")}</p>}
      <form ref={formRef} className="form" aria-labelledby="finding-title" onSubmit={(event) => void submit(event)} noValidate>
        <div data-problem="verdict">
          <RadioGroup className="answer-group" orientation="horizontal" value={form.verdict} onChange={(value) => change({ verdict: value as FindingVerdict })} isInvalid={has("verdict")}>
            <Label className="field-label">{t("auditor.finding.verdict")}</Label>
            <div className="answer-options">
              {FINDING_VERDICTS.map((value) => (
                <Radio key={value} value={value} className="answer-option">
                  {t(`auditor.verdict.${value}`)}
                </Radio>
              ))}
            </div>
            {has("verdict") ? <p className="field-error">{t("auditor.finding.verdictRequired")}</p> : null}
          </RadioGroup>
        </div>
        {form.verdict === "deviation" ? (
          <div data-problem="deviation-type">
            <SelectField
              label={t("auditor.finding.deviationType")}
              value={form.deviationType ?? ""}
              onChange={(value) => change({ deviationType: value === "" ? null : (value as DeviationType) })}
              options={deviationOptions}
              error={has("deviation-type") ? t("auditor.finding.typeRequired") : null}
            />
          </div>
        ) : null}
        <div data-problem="recommendation">
          <RadioGroup className="answer-group" orientation="horizontal" value={form.recommendation} onChange={(value) => change({ recommendation: value as Recommendation })} isInvalid={has("recommendation")}>
            <Label className="field-label">{t("auditor.finding.recommendation")}</Label>
            <div className="answer-options">
              {RECOMMENDATIONS.map((value) => (
                <Radio key={value} value={value} className={`answer-option recommendation-option recommendation-${value}`}>
                  {t(`auditor.recommendation.${value}`)}
                </Radio>
              ))}
            </div>
            <p className="field-hint">{t("auditor.finding.recommendationHint")}</p>
            {has("recommendation") ? <p className="field-error">{t("auditor.finding.recommendationRequired")}</p> : null}
          </RadioGroup>
        </div>
        <div data-problem="note">
          <TextAreaField
            label={t("auditor.finding.note")}
            value={form.note}
            onChange={(note) => change({ note })}
            hint={t("auditor.finding.noteHint")}
            error={has("note") ? t("auditor.finding.noteRequired") : null}
          />
        </div>
        {failed ? <ErrorNote message={t("auditor.finding.failed", { message: failed.message })} code={failed.code} /> : null}
        <div className="form-actions">
          <SubmitButton busy={busy} label={packCase.finding === null ? t("auditor.finding.save") : t("auditor.finding.replace")} busyLabel={t("auditor.finding.saving")} />
        </div>
        <div role="status">{saving.state === "saved" && saving.reference === packCase.reference ? <p className="note note-ok">{t("auditor.finding.saved", { reference: packCase.reference })}</p> : null}</div>
      </form>
    </section>
  );
}
