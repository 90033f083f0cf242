// One checklist: its questions as a list to pick from (react-aria ListBox: arrows move, the
// selection is the item shown), the chosen item in full, and the items that do not apply, with why.
import { useEffect, useRef, type RefObject } from "react";
import { ListBox, ListBoxItem } from "react-aria-components";
import { useTranslation } from "react-i18next";
import type { ReviewItem } from "../../../../shared/api/review.js";
import type { RequestDetail } from "../../../../shared/api/requests.js";
import type { ChecklistArea } from "../../../../shared/vocabulary/checklist-areas.js";
import { Icon } from "../../components/Icon.js";
import { useReview } from "../../store/review.js";
import { ItemDetail } from "./ItemDetail.js";
import { notApplicableIn, openFindings, questionsIn, saveKey } from "./review-model.js";

interface Props {
  area: ChecklistArea;
  items: readonly ReviewItem[];
  detail: RequestDetail | null;
  readOnly: boolean;
  headingRef: RefObject<HTMLHeadingElement | null>;
  onLeaveNote: () => void;
}

function ItemState({ item }: { item: ReviewItem }) {
  const { t } = useTranslation();
  const pending = useReview((state) => state.pending[item.id]);
  const failed = useReview((state) => state.saves[saveKey.answer(item.id)]?.status === "failed");
  if (failed) return <span className="item-state item-state-failed">{t("review.list.failed")}</span>;
  if (pending) return <span className="item-state item-state-saving">{t("review.list.saving")}</span>;
  if (item.carriedOver) return <span className="item-state item-state-carried">{t("review.list.carried")}</span>;
  if (!item.answer) return <span className="item-state item-state-open">{t("review.list.open")}</span>;
  return <span className={`item-state item-state-${item.answer}`}>{t(`answer.${item.answer}`)}</span>;
}

export function ChecklistPanel({ area, items, detail, readOnly, headingRef, onLeaveNote }: Props) {
  const { t } = useTranslation();
  const currentItem = useReview((state) => state.currentItem);
  const select = useReview((state) => state.select);
  const list = questionsIn(items, area);
  const notApplicable = notApplicableIn(items, area);
  const current = list.find((item) => item.id === currentItem) ?? null;
  const listRef = useRef<HTMLDivElement>(null);

  // j/k change the selection without focusing the list: keep the chosen item in its view.
  useEffect(() => {
    if (!currentItem) return;
    listRef.current?.querySelector(`[data-key="${CSS.escape(currentItem)}"]`)?.scrollIntoView({ block: "nearest" });
  }, [currentItem]);

  return (
    <div className="checklist">
      <div className="checklist-columns">
        <ListBox
          ref={listRef}
          className="item-list-box"
          aria-label={t("review.list.label", { area: t(`area.${area}`) })}
          selectionMode="single"
          disallowEmptySelection
          selectedKeys={current ? [current.id] : []}
          onSelectionChange={(keys) => {
            const [key] = keys === "all" ? [] : [...keys];
            if (typeof key === "string") select(key);
          }}
          items={list}
        >
          {(item) => (
            <ListBoxItem id={item.id} textValue={`${item.id} ${item.question}`} className="item-option">
              <span className="item-option-head">
                <span className="item-id">{item.id}</span>
                <ItemState item={item} />
                {openFindings(item).length > 0 ? (
                  <span className="item-flag" title={t("review.list.openFindings", { count: openFindings(item).length })}>
                    <Icon name="alert" />
                    <span className="visually-hidden">{t("review.list.openFindings", { count: openFindings(item).length })}</span>
                  </span>
                ) : null}
              </span>
              <span className="item-option-question">{item.question}</span>
            </ListBoxItem>
          )}
        </ListBox>
        {current ? (
          <ItemDetail key={`${current.id}-${detail ? "detail" : "none"}`} ref={headingRef} item={current} detail={detail} readOnly={readOnly} onLeaveNote={onLeaveNote} />
        ) : (
          <p className="muted">{list.length === 0 ? t("review.list.noQuestions") : t("review.list.pick")}</p>
        )}
      </div>
      {notApplicable.length > 0 ? (
        <section className="not-applicable" aria-labelledby={`na-${area}`}>
          <h3 id={`na-${area}`}>{t("review.list.notApplicable", { count: notApplicable.length })}</h3>
          <ul className="plain-list">
            {notApplicable.map((item) => (
              <li key={item.id}>
                <span className="item-id">{item.id}</span> {item.question} <span className="muted">— {item.notApplicableReason ?? t("review.list.noReason")}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
