// One finding of the rules engine on an item: its rule, reason and source, and the reviewer's
// response. Accepting and overriding both need a note, which is recorded with the decision.
import { useState } from "react";
import { Button, Label, TextArea, TextField } from "react-aria-components";
import { useTranslation } from "react-i18next";
import type { ReviewFinding } from "../../../../shared/api/review.js";
import { useReview } from "../../store/review.js";
import { saveKey } from "./review-model.js";
import { SaveStatus } from "./SaveStatus.js";

export function FindingCard({ finding, disabled }: { finding: ReviewFinding; disabled: boolean }) {
  const { t } = useTranslation();
  const reviewFinding = useReview((state) => state.reviewFinding);
  const [note, setNote] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [reconsidering, setReconsidering] = useState(false);
  const open = finding.status === "open" || reconsidering;
  const key = saveKey.finding(finding.rule);

  const respond = async (status: "accepted" | "overridden") => {
    if (note.trim() === "") {
      setError(t("review.finding.noteRequired"));
      return;
    }
    setError(null);
    if (await reviewFinding(finding.rule, status, note.trim())) {
      setNote("");
      setReconsidering(false);
    }
  };

  return (
    <article className={`finding finding-${finding.severity} finding-${finding.status}`} aria-label={t("review.finding.label", { rule: finding.rule })}>
      <header className="finding-head">
        <span className={`badge badge-${finding.severity}`}>{t(`review.finding.severity.${finding.severity}`)}</span>
        <code>{finding.rule}</code>
        <span className="finding-status">{t(`review.finding.status.${finding.status}`)}</span>
      </header>
      <p className="finding-reason">{finding.reason}</p>
      <p className="finding-source">{t("review.finding.source", { source: finding.source })}</p>
      {finding.status !== "open" && finding.note ? <p className="finding-note">{t("review.finding.recordedNote", { note: finding.note })}</p> : null}
      {open ? (
        <div className="finding-form">
          <TextField className="field" value={note} onChange={setNote} isDisabled={disabled} isRequired isInvalid={error !== null}>
            <Label className="field-label">{t("review.finding.note", { rule: finding.rule })}</Label>
            <TextArea className="input textarea" rows={2} />
            {error ? <div className="field-error">{error}</div> : null}
          </TextField>
          <div className="inline-actions">
            <Button className="button button-small" isDisabled={disabled} onPress={() => void respond("accepted")}>
              {t("review.finding.accept")}
            </Button>
            <Button className="button button-small" isDisabled={disabled} onPress={() => void respond("overridden")}>
              {t("review.finding.override")}
            </Button>
          </div>
        </div>
      ) : (
        <Button className="button button-small button-quiet" isDisabled={disabled} onPress={() => setReconsidering(true)}>
          {t("review.finding.reconsider")}
        </Button>
      )}
      <SaveStatus saveKey={key} what={t("review.finding.what", { rule: finding.rule })} />
    </article>
  );
}
