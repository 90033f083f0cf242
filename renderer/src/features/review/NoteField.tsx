// The item's note: typed as a draft and stored with the answer (Save note, Ctrl+Enter, or leaving
// the field). `n` puts focus here; Escape goes back to the item's heading.
import { useEffect, useRef, type KeyboardEvent } from "react";
import { Button, Label, TextArea, TextField } from "react-aria-components";
import { useTranslation } from "react-i18next";
import type { ReviewItem } from "../../../../shared/api/review.js";
import { useReview } from "../../store/review.js";

export function NoteField({ item, disabled, onLeave }: { item: ReviewItem; disabled: boolean; onLeave: () => void }) {
  const { t } = useTranslation();
  const draft = useReview((state) => state.drafts[item.id]);
  const pending = useReview((state) => state.pending[item.id]);
  const noteFocus = useReview((state) => state.noteFocus);
  const setDraft = useReview((state) => state.setDraft);
  const saveNote = useReview((state) => state.saveNote);
  const ref = useRef<HTMLTextAreaElement>(null);
  const asked = useRef(noteFocus);
  // A carried-over note is shown with its answer (CarriedOverNote), not as this review's note.
  const stored = item.carriedOver ? "" : (item.note ?? "");
  const value = draft ?? pending?.note ?? stored;
  const hasAnswer = Boolean(pending ?? (item.answer && !item.carriedOver));
  const changed = draft !== undefined && draft.trim() !== stored;

  useEffect(() => {
    if (noteFocus !== asked.current) {
      asked.current = noteFocus;
      ref.current?.focus();
    }
  }, [noteFocus]);

  const save = () => {
    // Leaving the field for the Save button saves once: the second press finds the same note on its way.
    const alreadySent = pending !== undefined && pending.note === (draft?.trim() || null);
    if (changed && hasAnswer && !alreadySent) void saveNote(item.id);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      save();
    } else if (event.key === "Escape") {
      event.preventDefault();
      event.stopPropagation();
      save();
      onLeave();
    }
  };

  return (
    <TextField className="field note-field" value={value} onChange={(text) => setDraft(item.id, text)} isDisabled={disabled}>
      <Label className="field-label">{t("review.item.note")}</Label>
      <TextArea ref={ref} className="input textarea" rows={3} onBlur={save} onKeyDown={onKeyDown} />
      <div className="note-actions">
        <span className="field-hint">{hasAnswer ? t("review.item.noteHint") : t("review.item.noteNeedsAnswer")}</span>
        {changed && hasAnswer ? (
          <Button className="button button-small" onPress={save}>
            {t("review.item.saveNote")}
          </Button>
        ) : null}
      </div>
    </TextField>
  );
}
