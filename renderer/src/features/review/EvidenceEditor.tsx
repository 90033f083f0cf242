// The evidence an answer rests on: a page of an attachment, or a field of the request document.
// Stored with the answer, so it can be added once the item has one.
import { useState } from "react";
import { Button } from "react-aria-components";
import { useTranslation } from "react-i18next";
import type { EvidenceRef, ReviewItem } from "../../../../shared/api/review.js";
import type { RequestDetail } from "../../../../shared/api/requests.js";
import { SelectField, TextField } from "../../components/Field.js";
import { useReview } from "../../store/review.js";

// Only the keys evidenceText reads (see statusLabel in InboxFilters for why not t's own type).
type T = (key: "review.evidence.field" | "review.evidence.attachment" | "review.evidence.attachmentPage", options: Record<string, string | number>) => string;

export const evidenceText = (ref: EvidenceRef, titleFor: (path: string) => string, t: T): string =>
  ref.kind === "field"
    ? t("review.evidence.field", { path: ref.path })
    : ref.page === undefined
      ? t("review.evidence.attachment", { title: titleFor(ref.path) })
      : t("review.evidence.attachmentPage", { title: titleFor(ref.path), page: ref.page });

export function EvidenceEditor({ item, detail, disabled }: { item: ReviewItem; detail: RequestDetail | null; disabled: boolean }) {
  const { t } = useTranslation();
  const pending = useReview((state) => state.pending[item.id]);
  const setEvidence = useReview((state) => state.setEvidence);
  const attachments = detail?.attachments ?? [];
  const [kind, setKind] = useState<EvidenceRef["kind"]>(attachments.length > 0 ? "attachment" : "field");
  const [attachment, setAttachment] = useState(attachments[0]?.path ?? "");
  const [page, setPage] = useState("");
  const [field, setField] = useState("");
  const [error, setError] = useState<string | null>(null);
  const evidence = pending?.evidence ?? item.evidence;
  const hasAnswer = Boolean(pending ?? (item.answer && !item.carriedOver));
  const titleFor = (path: string) => attachments.find((a) => a.path === path)?.title ?? path;

  const add = () => {
    let ref: EvidenceRef;
    if (kind === "attachment") {
      const pageNumber = page.trim() === "" ? undefined : Number(page);
      if (!attachment) return setError(t("review.evidence.pickAttachment"));
      if (pageNumber !== undefined && (!Number.isInteger(pageNumber) || pageNumber < 1)) return setError(t("review.evidence.badPage"));
      ref = { kind, path: attachment, ...(pageNumber === undefined ? {} : { page: pageNumber }) };
    } else {
      if (field.trim() === "") return setError(t("review.evidence.pickField"));
      ref = { kind, path: field.trim() };
    }
    setError(null);
    // Cleared once stored: after a refusal the reviewer still has what they typed, to correct it.
    void setEvidence(item.id, [...evidence, ref]).then((stored) => {
      if (!stored) return;
      setPage("");
      setField("");
    });
  };

  return (
    <fieldset className="evidence" disabled={disabled || !hasAnswer}>
      <legend className="field-label">{t("review.evidence.title")}</legend>
      {evidence.length === 0 ? <p className="muted">{t("review.evidence.none")}</p> : null}
      <ul className="plain-list">
        {evidence.map((ref, index) => (
          <li key={`${ref.kind}-${ref.path}-${index}`} className="evidence-row">
            <span>{evidenceText(ref, titleFor, t)}</span>
            <Button className="button button-small button-quiet" isDisabled={disabled} onPress={() => void setEvidence(item.id, evidence.filter((_, at) => at !== index))}>
              {t("review.evidence.remove")}
            </Button>
          </li>
        ))}
      </ul>
      {hasAnswer ? (
        <div className="evidence-form">
          <SelectField
            label={t("review.evidence.kind")}
            value={kind}
            onChange={(value) => setKind(value === "field" ? "field" : "attachment")}
            options={[
              ...(attachments.length > 0 ? [{ value: "attachment", label: t("review.evidence.kindAttachment") }] : []),
              { value: "field", label: t("review.evidence.kindField") },
            ]}
          />
          {kind === "attachment" ? (
            <>
              <SelectField label={t("review.evidence.attachmentLabel")} value={attachment} onChange={setAttachment} options={attachments.map((a) => ({ value: a.path, label: a.title }))} />
              <TextField label={t("review.evidence.page")} value={page} onChange={setPage} inputMode="numeric" className="field-narrow" error={error} />
            </>
          ) : (
            <TextField label={t("review.evidence.fieldLabel")} value={field} onChange={setField} hint={t("review.evidence.fieldHint")} error={error} />
          )}
          <Button className="button button-small" onPress={add}>
            {t("review.evidence.add")}
          </Button>
        </div>
      ) : (
        <p className="field-hint">{t("review.evidence.needsAnswer")}</p>
      )}
    </fieldset>
  );
}
