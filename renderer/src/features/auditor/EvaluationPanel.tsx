// The evaluation of a pack's findings, kept in view on the pack's page: cases evaluated of those
// sampled, deviations, the deviation rate and its upper limit at the plan's confidence against the
// tolerable rate, and the conclusion in words. Purposive picks never count.
import { useTranslation } from "react-i18next";
import type { Evaluation } from "../../../../shared/formats/audit-findings.js";
import { formatNumber } from "../../i18n/format.js";
import { useLocale } from "../../store/settings.js";
import { FieldRow } from "../request/ProvenanceSection.js";
import { formatRate } from "./auditor-model.js";

export function EvaluationPanel({ evaluation }: { evaluation: Evaluation }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const missing = evaluation.sampleSize - evaluation.evaluated;
  const rate = (value: number | null) => (value === null ? t("auditor.evaluation.notYet") : formatRate(value, locale));
  return (
    <section className={`panel evaluation evaluation-${evaluation.conclusion}`} aria-labelledby="audit-evaluation">
      <h2 id="audit-evaluation">{t("auditor.evaluation.title")}</h2>
      <dl className="summary evaluation-figures">
        <FieldRow label={t("auditor.evaluation.evaluated")}>{t("auditor.evaluation.evaluatedOf", { evaluated: formatNumber(evaluation.evaluated, locale), sample: formatNumber(evaluation.sampleSize, locale) })}</FieldRow>
        <FieldRow label={t("auditor.evaluation.deviations")}>{formatNumber(evaluation.deviations, locale)}</FieldRow>
        <FieldRow label={t("auditor.evaluation.deviationRate")}>{rate(evaluation.deviationRate)}</FieldRow>
        <FieldRow label={t("auditor.evaluation.upperLimit", { confidence: formatNumber(evaluation.confidence, locale) })}>{rate(evaluation.upperLimit)}</FieldRow>
        <FieldRow label={t("auditor.evaluation.tolerable")}>{formatRate(evaluation.tolerable, locale)}</FieldRow>
      </dl>
      <p className="evaluation-conclusion" role="status">
        <strong>{t(`auditor.conclusion.${evaluation.conclusion}`)}</strong>{" "}
        {evaluation.conclusion === "incomplete"
          ? t("auditor.conclusion.incompleteDetail", { count: missing })
          : t(`auditor.conclusion.${evaluation.conclusion}Detail`, {
              upper: rate(evaluation.upperLimit),
              tolerable: formatRate(evaluation.tolerable, locale),
              confidence: formatNumber(evaluation.confidence, locale),
            })}
      </p>
    </section>
  );
}
