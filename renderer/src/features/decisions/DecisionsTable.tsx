// Decisions as a table: id (to its page), the request it answers, outcome, status, decided at.
// The decisions list shows every one; the request screen the ones on its request.
import { useTranslation } from "react-i18next";
import type { DecisionSummary } from "../../../../shared/api/decisions.js";
import { routeHash } from "../../app/routes.js";
import { formatDateTime } from "../../i18n/format.js";
import { useLocale } from "../../store/settings.js";

export function DecisionsTable({ decisions, caption, showRequest }: { decisions: readonly DecisionSummary[]; caption: string; showRequest: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <div className="table-wrap">
      <table className="table decisions-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("decisions.col.id")}</th>
            <th scope="col">{showRequest ? t("decisions.col.request") : t("decisions.col.revision")}</th>
            <th scope="col">{t("decisions.col.outcome")}</th>
            <th scope="col">{t("decisions.col.status")}</th>
            <th scope="col">{t("decisions.col.decidedAt")}</th>
          </tr>
        </thead>
        <tbody>
          {decisions.map((decision) => (
            <tr key={decision.id}>
              <th scope="row">
                <a href={routeHash({ screen: "decision", id: decision.id })}>{decision.id}</a>
              </th>
              <td>{showRequest ? t("decision.requestRef", { ...decision.request }) : decision.request.revision}</td>
              <td>{t(`outcome.${decision.outcome}`)}</td>
              <td>
                {t(`decisionStatus.${decision.status}`)}
                {decision.supersededBy !== null ? ` · ${t("decisions.supersededBy", { id: decision.supersededBy })}` : ""}
              </td>
              <td>{formatDateTime(decision.decidedAt, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
