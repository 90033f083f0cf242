// A pack's sampling plan as the office drew it and the import re-checked it: the frame hash and
// seed anyone can re-run the draw from, the population, the sample size drawn and the one the plan
// asks for, confidence, tolerable and expected rates, the strata with their allocation, the spares,
// and the purposive picks, marked as such (they are additions, never counted).
import { useTranslation } from "react-i18next";
import type { AuditPackSummary } from "../../../../shared/api/auditor.js";
import { CopyButton } from "../../components/CopyButton.js";
import { formatDateTime, formatNumber, groupHex } from "../../i18n/format.js";
import { useLocale } from "../../store/settings.js";
import { FieldRow } from "../request/ProvenanceSection.js";
import { formatRate } from "./auditor-model.js";

export function SamplingPlanSection({ summary }: { summary: AuditPackSummary }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { plan } = summary;
  return (
    <section className="panel" aria-labelledby="audit-plan">
      <h2 id="audit-plan">{t("auditor.plan.title")}</h2>
      <dl className="summary">
        <FieldRow label={t("auditor.plan.office")}>
          {summary.office} · <code>{summary.signerKeyId}</code>
        </FieldRow>
        <FieldRow label={t("auditor.plan.created")}>{formatDateTime(summary.createdAt, locale)}</FieldRow>
        <FieldRow label={t("auditor.plan.imported")}>{formatDateTime(summary.importedAt, locale)}</FieldRow>
        <FieldRow label={t("auditor.plan.frameHash")}>
          <span className="digest-row">
            <code className="digest">{groupHex(summary.frameHash, 16)}</code>
            <CopyButton text={summary.frameHash} what={t("auditor.plan.frameHashWhat")} />
          </span>
        </FieldRow>
        <FieldRow label={t("auditor.plan.seed")}>
          <span className="digest-row">
            <code className="digest">{groupHex(summary.seed, 16)}</code>
            <CopyButton text={summary.seed} what={t("auditor.plan.seedWhat")} />
          </span>
        </FieldRow>
        <FieldRow label={t("auditor.plan.population")}>{formatNumber(summary.population, locale)}</FieldRow>
        <FieldRow label={t("auditor.plan.sampleSize")}>
          {t("auditor.plan.sampleSizeValue", { drawn: formatNumber(summary.sample.length, locale), asked: formatNumber(plan.sampleSize, locale) })}
        </FieldRow>
        <FieldRow label={t("auditor.plan.confidence")}>{formatRate(plan.confidence, locale)}</FieldRow>
        <FieldRow label={t("auditor.plan.tolerable")}>{formatRate(plan.tolerable, locale)}</FieldRow>
        <FieldRow label={t("auditor.plan.expected")}>{formatNumber(plan.expected, locale)}</FieldRow>
        <FieldRow label={t("auditor.plan.achievedRisk")}>{formatRate(plan.achievedRisk, locale)}</FieldRow>
        <FieldRow label={t("auditor.plan.stratifyBy")}>{summary.stratifyBy === null ? t("auditor.plan.notStratified") : t(`auditor.stratifyBy.${summary.stratifyBy}`)}</FieldRow>
        <FieldRow label={t("auditor.plan.spares")}>{summary.spares.length === 0 ? t("auditor.plan.noSpares") : summary.spares.join(", ")}</FieldRow>
      </dl>

      <h3 id="audit-strata">{t("auditor.plan.strata")}</h3>
      <div className="table-wrap">
        <table className="table" aria-labelledby="audit-strata">
          <thead>
            <tr>
              <th scope="col">{t("auditor.plan.stratum")}</th>
              <th scope="col">{t("auditor.plan.stratumPopulation")}</th>
              <th scope="col">{t("auditor.plan.share")}</th>
              <th scope="col">{t("auditor.plan.allocated")}</th>
              <th scope="col">{t("auditor.plan.stratumSample")}</th>
            </tr>
          </thead>
          <tbody>
            {summary.strata.map((stratum) => (
              <tr key={stratum.stratum}>
                <th scope="row">{stratum.stratum === "all" && summary.stratifyBy === null ? t("auditor.plan.wholePopulation") : stratum.stratum}</th>
                <td>{formatNumber(stratum.population, locale)}</td>
                <td>{formatRate(stratum.share * 100, locale)}</td>
                <td>{formatNumber(stratum.allocated, locale)}</td>
                <td>{stratum.sample.join(", ") || "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h3>{t("auditor.plan.purposive")}</h3>
      {summary.purposive.length === 0 ? (
        <p className="muted">{t("auditor.plan.noPurposive")}</p>
      ) : (
        <ul className="plain-list">
          {summary.purposive.map((pick) => (
            <li key={pick.reference}>
              <span className="tag tag-purposive">{t("auditor.selection.purposive")}</span> <code>{pick.reference}</code> · {t(`auditor.purposiveReason.${pick.reason}`)}
              {pick.alsoInRandomSample ? ` · ${t("auditor.plan.alsoSampled")}` : ` · ${t("auditor.plan.notCounted")}`}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
