// How intrusive the request is: categories × identifiers × days against the offence's maximum
// penalty, with the core's plain-words summary, and every other stored request naming one of the
// same identifiers (a series of narrow requests can add up), with its state and outcome.
import { useTranslation } from "react-i18next";
import type { ReviewView } from "../../../../shared/api/review.js";
import { formatDate, formatNumber } from "../../i18n/format.js";
import { useLocale } from "../../store/settings.js";
import { usePenaltyText } from "../request/DocumentSections.js";
import { VisibleIdentifier } from "../request/VisibleText.js";

export function IntrusionPanel({ view }: { view: ReviewView }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const penalty = usePenaltyText();
  const intrusion = view.intrusion;
  return (
    <div className="intrusion">
      <h2>{t("review.intrusion.title")}</h2>
      <p className="intrusion-summary">{intrusion.summary}</p>
      <table className="table intrusion-table">
        <caption className="visually-hidden">{t("review.intrusion.caption")}</caption>
        <tbody>
          <tr>
            <th scope="row">{t("review.intrusion.categories")}</th>
            <td>
              {intrusion.categories.map((category) => t(`category.${category}`)).join(", ")} ({t("review.intrusion.mostIntrusive", { category: t(`category.${intrusion.mostIntrusive}`) })})
            </td>
          </tr>
          <tr>
            <th scope="row">{t("review.intrusion.identifiers")}</th>
            <td className="num">{formatNumber(intrusion.identifiers, locale)}</td>
          </tr>
          <tr>
            <th scope="row">{t("review.intrusion.days")}</th>
            <td className="num">{intrusion.periodDays === null ? t("review.intrusion.noPeriod") : formatNumber(intrusion.periodDays, locale)}</td>
          </tr>
          <tr>
            <th scope="row">{t("review.intrusion.reach")}</th>
            <td className="num">{intrusion.reach === null ? t("review.intrusion.unbounded") : formatNumber(intrusion.reach, locale)}</td>
          </tr>
          <tr>
            <th scope="row">{t("review.intrusion.penalty")}</th>
            <td>{intrusion.maxPenaltyMonths === null ? t("review.intrusion.noPenalty") : penalty(intrusion.maxPenaltyMonths)}</td>
          </tr>
        </tbody>
      </table>
      <h3>{t("review.related.title", { count: view.related.length })}</h3>
      {view.related.length === 0 ? (
        <p className="muted">{t("review.related.none")}</p>
      ) : (
        <table className="table related-table">
            <caption className="visually-hidden">{t("review.related.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("review.related.request")}</th>
                <th scope="col">{t("review.related.identifier")}</th>
                <th scope="col">{t("review.related.state")}</th>
              </tr>
            </thead>
            <tbody>
              {view.related.map((related) => (
                <tr key={`${related.authority}/${related.id}/${related.revision}/${related.identifier.value}`}>
                  <th scope="row">
                    <span className="cell-title">{t("review.related.ref", { id: related.id, revision: related.revision })}</span>
                    <span className="cell-sub">
                      {related.authority} · {t(`instrument.${related.instrument}`, { defaultValue: related.instrument })} · {formatDate(related.receivedAt, locale)}
                    </span>
                  </th>
                  <td>
                    <VisibleIdentifier value={related.identifier.value} />
                    <span className="cell-sub">
                      {t(`targetKind.${related.identifier.kind}`)} · {related.categories.map((category) => t(`category.${category}`)).join(", ")}
                    </span>
                  </td>
                  <td>
                    {t(`caseState.${related.state}`)}
                    {related.outcome ? <span className="cell-sub">{related.outcome}</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
        </table>
      )}
    </div>
  );
}
