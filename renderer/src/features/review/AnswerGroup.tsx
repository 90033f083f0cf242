// The four answers as a radio group (react-aria-components: arrow keys move, the group is one tab
// stop). Keys 1–4 anywhere in the workspace give the same answers. While a save is on its way
// the chosen answer shows as pending; the stored one is named until the core confirms.
import { Label, Radio, RadioGroup } from "react-aria-components";
import { useTranslation } from "react-i18next";
import type { ReviewItem } from "../../../../shared/api/review.js";
import { CHECKLIST_ANSWERS, type ChecklistAnswer } from "../../../../shared/vocabulary/checklist-answers.js";
import { useReview } from "../../store/review.js";

export function AnswerGroup({ item, disabled }: { item: ReviewItem; disabled: boolean }) {
  const { t } = useTranslation();
  const pending = useReview((state) => state.pending[item.id]);
  const answer = useReview((state) => state.answer);
  const shown = pending?.answer ?? (item.carriedOver ? null : item.answer);
  return (
    <RadioGroup
      className="answer-group"
      orientation="horizontal"
      value={shown}
      isDisabled={disabled}
      onChange={(value) => void answer(item.id, value as ChecklistAnswer)}
    >
      <Label className="field-label">{t("review.item.answer", { id: item.id })}</Label>
      <div className="answer-options">
        {CHECKLIST_ANSWERS.map((value, index) => (
          <Radio key={value} value={value} className={`answer-option answer-${value}`}>
            <kbd aria-hidden="true">{index + 1}</kbd>
            {t(`answer.${value}`)}
          </Radio>
        ))}
      </div>
      {pending ? (
        <p className="muted answer-pending">
          {t("review.item.pending", { answer: t(`answer.${pending.answer}`), stored: item.answer && !item.carriedOver ? t(`answer.${item.answer}`) : t("review.item.noAnswer") })}
        </p>
      ) : null}
    </RadioGroup>
  );
}
