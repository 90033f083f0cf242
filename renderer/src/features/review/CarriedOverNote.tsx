// A carried-over answer on an item: what was answered on the revision reviewed before, shown
// until the reviewer confirms it here or answers afresh. Nothing carries over unconfirmed.
import { Button } from "react-aria-components";
import { useTranslation } from "react-i18next";
import type { ReviewItem } from "../../../../shared/api/review.js";
import { Icon } from "../../components/Icon.js";
import { useReview } from "../../store/review.js";
import { saveKey } from "./review-model.js";
import { SaveStatus } from "./SaveStatus.js";

export function CarriedOverNote({ item, disabled }: { item: ReviewItem; disabled: boolean }) {
  const { t } = useTranslation();
  const confirm = useReview((state) => state.confirmCarriedOver);
  const carried = item.carriedOver;
  if (!carried) return null;
  return (
    <div className="note note-warning carried-over">
      <Icon name="info" />
      <div>
        <p>
          {t("review.carried.answer", { revision: carried.revision, answer: t(`answer.${carried.answer}`) })}
          {carried.note ? ` ${t("review.carried.note", { note: carried.note })}` : ""}
        </p>
        <p className="muted">{t("review.carried.hint")}</p>
        <Button className="button button-small" isDisabled={disabled} onPress={() => void confirm([item.id])}>
          {t("review.carried.confirm", { id: item.id })}
        </Button>
        <SaveStatus saveKey={saveKey.confirm(item.id)} what={t("review.carried.what", { id: item.id })} />
      </div>
    </div>
  );
}
