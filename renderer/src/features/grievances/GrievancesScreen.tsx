// The grievance register: its response deadlines as clocks (the store's, the same the CLI's
// `counterseal clocks` lists), then every grievance, open ones by the soonest deadline first,
// with what it concerns and its state. A grievance is entered from a letter with "New grievance".
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import type { GrievanceView } from "../../../../shared/api/grievances.js";
import { routeHash } from "../../app/routes.js";
import { ErrorNote } from "../../components/ErrorNote.js";
import { formatDate, formatDateTime } from "../../i18n/format.js";
import { useGrievances } from "../../store/grievances.js";
import { useLocale } from "../../store/settings.js";
import { ClocksBar } from "../review/ClocksBar.js";
import { byDeadline } from "./grievance-model.js";

export function GrievancesScreen() {
  const { t } = useTranslation();
  const list = useGrievances((state) => state.list);
  const clocks = useGrievances((state) => state.clocks);
  const error = useGrievances((state) => state.listError);
  const loadList = useGrievances((state) => state.loadList);

  useEffect(() => {
    void loadList();
  }, [loadList]);

  return (
    <div className="screen">
      <div className="screen-head">
        <h1 tabIndex={-1}>{t("grievances.title")}</h1>
        {list ? <p className="screen-count">{t("grievances.count", { count: list.length })}</p> : null}
        <a className="button button-primary" href={routeHash({ screen: "new-grievance" })}>
          {t("grievances.new")}
        </a>
      </div>
      <p className="muted">{t("grievances.intro")}</p>
      {error ? <ErrorNote message={t("grievances.loadFailed", { message: error.message })} code={error.code} /> : null}
      <h2 id="grievance-clocks">{t("grievances.deadlines")}</h2>
      <ClocksBar clocks={clocks} />
      <h2 id="grievance-register">{t("grievances.register")}</h2>
      {list === null ? error ? null : <p role="status">{t("grievances.loading")}</p> : list.length === 0 ? <p className="empty">{t("grievances.empty")}</p> : <GrievanceTable grievances={byDeadline(list)} />}
    </div>
  );
}

/** What a grievance concerns, in words. */
export function ConcernText({ concerns }: { concerns: GrievanceView["concerns"] }) {
  const { t } = useTranslation();
  switch (concerns.kind) {
    case "request":
      return <>{t("grievance.concernsRequest", { authority: concerns.authority, id: concerns.id })}</>;
    case "decision":
      return <>{t("grievance.concernsDecision", { id: concerns.decisionId })}</>;
    case "unknown":
      return <>{concerns.description ?? t("grievance.concernsUnknown")}</>;
  }
}

function GrievanceTable({ grievances }: { grievances: readonly GrievanceView[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <div className="table-wrap">
      <table className="table grievances-table" aria-labelledby="grievance-register">
        <thead>
          <tr>
            <th scope="col">{t("grievances.col.id")}</th>
            <th scope="col">{t("grievances.col.complainant")}</th>
            <th scope="col">{t("grievances.col.concerns")}</th>
            <th scope="col">{t("grievances.col.received")}</th>
            <th scope="col">{t("grievances.col.respondBy")}</th>
            <th scope="col">{t("grievances.col.state")}</th>
          </tr>
        </thead>
        <tbody>
          {grievances.map((grievance) => (
            <tr key={grievance.id}>
              <th scope="row">
                <a href={routeHash({ screen: "grievance", id: grievance.id })}>{grievance.id}</a>
              </th>
              <td>
                <span className="cell-title">{grievance.complainant.name}</span>
                <span className="cell-sub">{t(`complainantKind.${grievance.complainant.kind}`)}</span>
              </td>
              <td>
                <ConcernText concerns={grievance.concerns} />
              </td>
              <td>{formatDate(grievance.received, locale)}</td>
              <td>
                <time dateTime={grievance.respondBy}>{formatDateTime(grievance.respondBy, locale)}</time>
              </td>
              <td>
                <span className={`clock-inline clock-${grievance.clock}`}>{grievance.response === null ? t(`clockState.${grievance.clock}`) : t(`grievanceOutcome.${grievance.response.outcome}`)}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
