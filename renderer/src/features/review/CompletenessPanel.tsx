// The completeness check: everything that stands between this review and a decision, each with a
// way to go to it. A decision can start only once the list is empty.
import { Button } from "react-aria-components";
import { useTranslation } from "react-i18next";
import type { ReviewView } from "../../../../shared/api/review.js";
import { Icon } from "../../components/Icon.js";
import { routeHash } from "../../app/routes.js";
import { useReview } from "../../store/review.js";
import { canStartDecision } from "../decisions/decision-model.js";
import { completeness } from "./review-model.js";

/** The way on to the decision screen, once nothing but open items (deferred there) stands in the way. */
function DecideButton({ view, deferring }: { view: ReviewView; deferring: number }) {
  const { t } = useTranslation();
  if (!canStartDecision(view) || view.state === "decided") return null;
  const { authority, id, revision } = view.request;
  return (
    <a className="button button-primary decide-button" href={routeHash({ screen: "decide", authority, id, revision })}>
      {deferring > 0 ? t("review.check.decideDeferring", { count: deferring }) : t("review.check.decide")}
    </a>
  );
}

export function CompletenessPanel({ view }: { view: ReviewView }) {
  const { t } = useTranslation();
  const select = useReview((state) => state.select);
  const check = completeness(view);
  const goTo = (id: string) => select(id);

  if (check.ready)
    return (
      <section className="completeness" aria-labelledby="check-title">
        <h2 id="check-title">{t("review.check.title")}</h2>
        <div className="note note-ok" role="status">
          <Icon name="check" />
          <p>{t("review.check.ready")}</p>
        </div>
        <DecideButton view={view} deferring={0} />
      </section>
    );

  return (
    <section className="completeness" aria-labelledby="check-title">
      <h2 id="check-title">{t("review.check.title")}</h2>
      <p role="status">{t("review.check.notReady")}</p>
      <DecideButton view={view} deferring={view.unanswered.length} />
      {!check.independenceDeclared ? <p className="check-line">{t("review.check.independence")}</p> : null}
      {(
        [
          ["unanswered", check.unanswered.map((item) => ({ id: item.id, text: item.question }))],
          ["unconfirmed", check.unconfirmed.map((item) => ({ id: item.id, text: item.question }))],
          ["findings", check.openFindings.map(({ item, rule }) => ({ id: item.id, text: rule }))],
        ] as const
      ).map(([group, entries]) =>
        entries.length === 0 ? null : (
          <div key={group} className="check-group">
            <h3>{t(`review.check.${group}`, { count: entries.length })}</h3>
            <ul className="plain-list check-list">
              {entries.map((entry) => (
                <li key={`${entry.id}-${entry.text}`}>
                  <Button className="link-button" onPress={() => goTo(entry.id)}>
                    <span className="item-id">{entry.id}</span> {entry.text}
                  </Button>
                </li>
              ))}
            </ul>
          </div>
        ),
      )}
    </section>
  );
}
