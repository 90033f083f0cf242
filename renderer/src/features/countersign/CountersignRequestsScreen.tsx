// The colleague's side of four eyes: the countersignature requests this store received (imported
// on the Import screen), the ones waiting for an answer first, each with its answer once given.
// Each row opens the request read-only, where it is signed or declined.
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { routeHash } from "../../app/routes.js";
import { ErrorNote } from "../../components/ErrorNote.js";
import { formatDateTime } from "../../i18n/format.js";
import { useCountersign } from "../../store/countersign.js";
import { useLocale } from "../../store/settings.js";
import { requestsInOrder } from "./countersign-model.js";

export function CountersignRequestsScreen() {
  const { t } = useTranslation();
  const locale = useLocale();
  const received = useCountersign((state) => state.received);
  const error = useCountersign((state) => state.receivedError);
  const loadReceived = useCountersign((state) => state.loadReceived);

  useEffect(() => {
    void loadReceived();
  }, [loadReceived]);

  const waiting = received?.filter((request) => request.answer === null).length ?? 0;
  return (
    <div className="screen">
      <div className="screen-head">
        <h1 tabIndex={-1}>{t("countersign.list.title")}</h1>
        {received ? <p className="screen-count">{t("countersign.list.count", { count: received.length, waiting })}</p> : null}
      </div>
      <p className="muted">{t("countersign.list.intro")}</p>
      {error ? <ErrorNote message={t("countersign.list.loadFailed", { message: error.message })} code={error.code} /> : null}
      {received === null ? (
        error ? null : (
          <p role="status">{t("app.loading")}</p>
        )
      ) : received.length === 0 ? (
        <p className="empty">
          {t("countersign.list.empty")} <a href={routeHash({ screen: "import" })}>{t("countersign.list.toImport")}</a>
        </p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">{t("countersign.list.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("countersign.col.decision")}</th>
                <th scope="col">{t("countersign.col.from")}</th>
                <th scope="col">{t("countersign.col.request")}</th>
                <th scope="col">{t("countersign.col.outcome")}</th>
                <th scope="col">{t("countersign.col.received")}</th>
                <th scope="col">{t("countersign.col.answer")}</th>
              </tr>
            </thead>
            <tbody>
              {requestsInOrder(received).map((request) => (
                <tr key={request.decisionId}>
                  <th scope="row">
                    <a href={routeHash({ screen: "countersign-request", decisionId: request.decisionId })}>{request.decisionId}</a>
                  </th>
                  <td>
                    <span className="cell-title">{request.from.name}</span>
                    <code className="cell-sub">{request.from.entry}</code>
                  </td>
                  <td>{t("decision.requestRef", { ...request.request })}</td>
                  <td>{t(`outcome.${request.outcome}`)}</td>
                  <td>{formatDateTime(request.receivedAt, locale)}</td>
                  <td>
                    {request.answer === null ? (
                      <span className="tag status-awaiting-countersignature">{t("countersign.answerState.waiting")}</span>
                    ) : (
                      <>
                        <span className={`tag status-${request.answer.verdict}`}>{t(`countersign.answerState.${request.answer.verdict}`)}</span>{" "}
                        <span className="cell-sub">{t("countersign.answerAt", { at: formatDateTime(request.answer.at, locale) })}</span>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
