// Every decision of the store, newest first, with its status: the signed record of what the
// office answered. Each row opens the decision's page.
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { ErrorNote } from "../../components/ErrorNote.js";
import { useDecisions } from "../../store/decisions.js";
import { DecisionsTable } from "./DecisionsTable.js";
import { newestFirst } from "./decision-model.js";

export function DecisionsScreen() {
  const { t } = useTranslation();
  const list = useDecisions((state) => state.list);
  const error = useDecisions((state) => state.listError);
  const loadList = useDecisions((state) => state.loadList);

  useEffect(() => {
    void loadList();
  }, [loadList]);

  return (
    <div className="screen">
      <div className="screen-head">
        <h1 tabIndex={-1}>{t("decisions.title")}</h1>
        {list ? <p className="screen-count">{t("decisions.count", { count: list.length })}</p> : null}
      </div>
      <p className="muted">{t("decisions.intro")}</p>
      {error ? <ErrorNote message={t("decisions.loadFailed", { message: error.message })} code={error.code} /> : null}
      {list === null ? error ? null : <p role="status">{t("decisions.loading")}</p> : list.length === 0 ? <p className="empty">{t("decisions.empty")}</p> : <DecisionsTable decisions={newestFirst(list)} caption={t("decisions.caption")} showRequest />}
    </div>
  );
}
