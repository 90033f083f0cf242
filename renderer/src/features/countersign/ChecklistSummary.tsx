// The checklist the colleague's decision rests on, as signed into it: the template, how many items
// got each answer, every item not met or needing information with the question and the
// reviewer's note from the review, the items decided without (with why), the findings overridden
// (with the note), and the independence declaration.
import { useTranslation } from "react-i18next";
import type { CountersignRequestView } from "../../../../shared/api/countersign.js";
import { CHECKLIST_ANSWERS } from "../../../../shared/vocabulary/checklist-answers.js";
import { formatDateTime } from "../../i18n/format.js";
import { useLocale } from "../../store/settings.js";
import { FieldRow } from "../request/ProvenanceSection.js";

type Decision = CountersignRequestView["decision"];

interface Props {
  checklist: Decision["checklist"];
  review: CountersignRequestView["review"];
  independence: Decision["independence"];
}

export function ChecklistSummary({ checklist, review, independence }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const reviewed = new Map(review.items.map((item) => [item.id, item]));
  const flagged = checklist.items.filter((item) => item.answer === "not-met" || item.answer === "info");
  const deferred = checklist.deferredItems ?? [];
  return (
    <section className="panel" aria-labelledby="countersign-checklist">
      <h2 id="countersign-checklist">{t("countersign.checklist.title")}</h2>
      <dl className="fields">
        <FieldRow label={t("countersign.checklist.template")}>
          {checklist.templateId} · {checklist.templateVersion}
        </FieldRow>
        <FieldRow label={t("countersign.checklist.answers")}>
          {CHECKLIST_ANSWERS.map((answer) => t("countersign.checklist.answerCount", { answer: t(`answer.${answer}`), count: checklist.items.filter((item) => item.answer === answer).length })).join(" · ")}
        </FieldRow>
        <FieldRow label={t("countersign.checklist.independence")}>
          {independence.statement} ({formatDateTime(independence.declaredAt, locale)})
        </FieldRow>
      </dl>
      <h3>{t("countersign.checklist.flagged")}</h3>
      {flagged.length === 0 ? (
        <p className="muted">{t("countersign.checklist.noneFlagged")}</p>
      ) : (
        <ul className="plain-list">
          {flagged.map((item) => {
            const detail = reviewed.get(item.id);
            return (
              <li key={item.id}>
                <span className="item-id">{item.id}</span> <strong>{t(`answer.${item.answer}`)}</strong>
                {detail ? ` · ${detail.question}` : ""}
                {detail?.note ? <p className="pre-wrap muted">{detail.note}</p> : null}
              </li>
            );
          })}
        </ul>
      )}
      {deferred.length > 0 ? (
        <>
          <h3>{t("decision.deferred")}</h3>
          <ul className="plain-list">
            {deferred.map((item) => (
              <li key={item.id}>
                <span className="item-id">{item.id}</span> {item.reason}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h3>{t("countersign.checklist.overridden")}</h3>
      {checklist.overriddenFindings.length === 0 ? (
        <p className="muted">{t("countersign.checklist.noneOverridden")}</p>
      ) : (
        <ul className="plain-list">
          {checklist.overriddenFindings.map((finding) => (
            <li key={`${finding.ruleId}-${finding.itemId}`}>
              <span className="item-id">{finding.itemId}</span> {finding.finding} <span className="muted">({finding.ruleId})</span>
              <p className="pre-wrap">{finding.note}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
