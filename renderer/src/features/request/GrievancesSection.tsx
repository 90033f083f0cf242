// The grievances registered about this case (the register's link back): each with its response
// deadline's state and, once answered, the signed response's outcome.
import { useTranslation } from "react-i18next";
import type { RequestDetail } from "../../../../shared/api/requests.js";
import { routeHash } from "../../app/routes.js";
import { formatDate, formatDateTime } from "../../i18n/format.js";
import { useLocale } from "../../store/settings.js";

export function GrievancesSection({ detail }: { detail: RequestDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (detail.grievances.length === 0) return <p className="muted">{t("request.grievances.none")}</p>;
  return (
    <table className="table">
      <thead>
        <tr>
          <th scope="col">{t("request.grievances.id")}</th>
          <th scope="col">{t("request.grievances.received")}</th>
          <th scope="col">{t("request.grievances.respondBy")}</th>
          <th scope="col">{t("request.grievances.state")}</th>
        </tr>
      </thead>
      <tbody>
        {detail.grievances.map((grievance) => (
          <tr key={grievance.id}>
            <td>
              <a href={routeHash({ screen: "grievance", id: grievance.id })}>
                <code>{grievance.id}</code>
              </a>
            </td>
            <td>{formatDate(grievance.received, locale)}</td>
            <td>{formatDateTime(grievance.respondBy, locale)}</td>
            <td>{grievance.outcome === null ? t(`clockState.${grievance.clock}`) : t(`grievanceOutcome.${grievance.outcome}`)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
