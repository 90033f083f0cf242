// One checklist question: what to ask, how to read it, where the law says so, the rules' findings
// on it, and the reviewer's answer, note and evidence. Its heading takes focus when j/k arrive here.
import { forwardRef } from "react";
import { useTranslation } from "react-i18next";
import type { ReviewItem } from "../../../../shared/api/review.js";
import type { RequestDetail } from "../../../../shared/api/requests.js";
import { AnswerGroup } from "./AnswerGroup.js";
import { CarriedOverNote } from "./CarriedOverNote.js";
import { EvidenceEditor } from "./EvidenceEditor.js";
import { FindingCard } from "./FindingCard.js";
import { NoteField } from "./NoteField.js";
import { saveKey } from "./review-model.js";
import { SaveStatus } from "./SaveStatus.js";

interface Props {
  item: ReviewItem;
  detail: RequestDetail | null;
  /** Before the independence declaration, or once the case is decided: read only. */
  readOnly: boolean;
  onLeaveNote: () => void;
}

export const ItemDetail = forwardRef<HTMLHeadingElement, Props>(function ItemDetail({ item, detail, readOnly, onLeaveNote }, headingRef) {
  const { t } = useTranslation();
  return (
    <section className="item-detail" aria-labelledby={`item-${item.id}-title`}>
      <h2 id={`item-${item.id}-title`} className="item-question" tabIndex={-1} ref={headingRef}>
        <span className="item-id">{item.id}</span> {item.question}
      </h2>
      {item.blocking ? <p className="badge badge-blocking">{t("review.item.blocking")}</p> : null}
      <p className="item-guidance">{item.guidance}</p>
      <div className="item-sources">
        <h3>{t("review.item.sources")}</h3>
        <ul className="plain-list">
          {item.sources.map((source) => (
            <li key={source.citation}>
              <cite>{source.citation}</cite>
              {source.note ? <span className="muted"> · {source.note}</span> : null}
            </li>
          ))}
        </ul>
      </div>
      {item.findings.length > 0 ? (
        <div className="item-findings">
          <h3>{t("review.item.findings", { count: item.findings.length })}</h3>
          {item.findings.map((finding) => (
            <FindingCard key={finding.rule} finding={finding} disabled={readOnly} />
          ))}
        </div>
      ) : null}
      <CarriedOverNote item={item} disabled={readOnly} />
      <AnswerGroup item={item} disabled={readOnly} />
      <SaveStatus saveKey={saveKey.answer(item.id)} what={t("review.item.what", { id: item.id })} />
      <NoteField item={item} disabled={readOnly} onLeave={onLeaveNote} />
      <EvidenceEditor item={item} detail={detail} disabled={readOnly} />
    </section>
  );
});
