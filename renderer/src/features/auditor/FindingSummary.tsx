// How a case came into the pack (drawn at random, or a purposive pick with its reason) and the
// auditor's finding on it in a few words, for the pack's table and the case's page.
import { useTranslation } from "react-i18next";
import type { AuditorFinding } from "../../../../shared/api/auditor.js";
import { PURPOSIVE_REASONS, type PurposiveReason } from "../../../../shared/sampling/population.js";
import type { PackSelection } from "../../../../shared/vocabulary/auditor-findings.js";

const isPurposiveReason = (value: string | null): value is PurposiveReason => value !== null && (PURPOSIVE_REASONS as readonly string[]).includes(value);

export function SelectionTag({ selection, reason }: { selection: PackSelection; reason: string | null }) {
  const { t } = useTranslation();
  if (selection === "sample") return <span>{t("auditor.selection.sample")}</span>;
  return (
    <span>
      <span className="tag tag-purposive">{t("auditor.selection.purposive")}</span> {isPurposiveReason(reason) ? t(`auditor.purposiveReason.${reason}`) : reason}
    </span>
  );
}

export function FindingSummary({ finding }: { finding: AuditorFinding | null }) {
  const { t } = useTranslation();
  if (finding === null) return <span className="muted">{t("auditor.finding.none")}</span>;
  return (
    <span>
      {finding.verdict === "compliant" ? t("auditor.verdict.compliant") : t("auditor.finding.deviationOf", { type: t(`auditor.deviationType.${finding.deviationType ?? "other"}`) })}{" "}
      <span className={`tag recommendation recommendation-${finding.recommendation}`}>{t(`auditor.recommendation.${finding.recommendation}`)}</span>
    </span>
  );
}
