// The cases under the retention rule: reference (a link to the request), outcome, when it was
// decided, and the day the rule lets it go.
import { useTranslation } from "react-i18next";
import type { RetentionEntry } from "../../../../shared/api/retention.js";
import { routeHash } from "../../app/routes.js";
import { formatDateTime } from "../../i18n/format.js";
import { useLocale } from "../../store/settings.js";
import { caseReference } from "./retention-model.js";

export function RetentionTable({ entries, caption }: { entries: readonly RetentionEntry[]; caption: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("retention.col.case")}</th>
            <th scope="col">{t("retention.col.outcome")}</th>
            <th scope="col">{t("retention.col.decided")}</th>
            <th scope="col">{t("retention.col.deleteFrom")}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={caseReference(entry)}>
              <th scope="row">
                <a href={routeHash({ screen: "request", authority: entry.authority, id: entry.id, revision: entry.revision })}>
                  <code>{caseReference(entry)}</code>
                </a>
              </th>
              <td>{t(`outcome.${entry.outcome}`)}</td>
              <td>{formatDateTime(entry.decidedAt, locale)}</td>
              <td>{formatDateTime(entry.deleteFrom, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
