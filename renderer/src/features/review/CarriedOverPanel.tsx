// On a new revision: what changed since the revision reviewed before, and the answers carried
// over from it, each waiting for the reviewer to confirm it (or to answer the item afresh).
import { Button } from "react-aria-components";
import { useTranslation } from "react-i18next";
import type { ReviewView } from "../../../../shared/api/review.js";
import { useReview } from "../../store/review.js";
import { saveKey } from "./review-model.js";
import { SaveStatus } from "./SaveStatus.js";

export function CarriedOverPanel({ view, readOnly }: { view: ReviewView; readOnly: boolean }) {
  const { t } = useTranslation();
  const confirm = useReview((state) => state.confirmCarriedOver);
  const select = useReview((state) => state.select);
  const previous = view.previousRevision;
  if (!previous) return null;
  const carried = view.items.filter((item) => item.applies && item.carriedOver !== null);
  return (
    <section className="panel carried-panel" aria-labelledby="carried-title">
      <h2 id="carried-title">{t("review.carried.title", { revision: view.request.revision, previous: previous.revision })}</h2>
      {previous.changedPaths.length === 0 ? (
        <p>{t("review.carried.nothingChanged")}</p>
      ) : (
        <>
          <p>{t("review.carried.changed", { count: previous.changedPaths.length })}</p>
          <ul className="chips">
            {previous.changedPaths.map((path) => (
              <li key={path} className="chip">
                <code>{path}</code>
              </li>
            ))}
          </ul>
        </>
      )}
      {carried.length === 0 ? (
        <p className="muted">{t("review.carried.noneLeft")}</p>
      ) : (
        <ul className="plain-list carried-list">
          {carried.map((item) => (
            <li key={item.id} className="carried-row">
              <Button className="link-button" onPress={() => select(item.id)}>
                <span className="item-id">{item.id}</span> {t(`answer.${item.carriedOver?.answer ?? "met"}`)}
              </Button>
              <Button className="button button-small" isDisabled={readOnly} onPress={() => void confirm([item.id])}>
                {t("review.carried.confirm", { id: item.id })}
              </Button>
              <SaveStatus saveKey={saveKey.confirm(item.id)} what={t("review.carried.what", { id: item.id })} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
