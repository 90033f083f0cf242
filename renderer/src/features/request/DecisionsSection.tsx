// The decisions made on this request, any revision, newest first, each linking to its page.
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import type { RequestDetail } from "../../../../shared/api/requests.js";
import { ErrorNote } from "../../components/ErrorNote.js";
import { useDecisions } from "../../store/decisions.js";
import { decisionsOfRequest } from "../decisions/decision-model.js";
import { DecisionsTable } from "../decisions/DecisionsTable.js";

export function DecisionsSection({ detail }: { detail: RequestDetail }) {
  const { t } = useTranslation();
  const list = useDecisions((state) => state.list);
  const error = useDecisions((state) => state.listError);
  const loadList = useDecisions((state) => state.loadList);
  useEffect(() => {
    void loadList();
  }, [detail.authority, detail.id, loadList]);
  if (error) return <ErrorNote message={t("decisions.loadFailed", { message: error.message })} code={error.code} />;
  if (list === null) return <p role="status">{t("decisions.loading")}</p>;
  const mine = decisionsOfRequest(list, detail.authority, detail.id);
  if (mine.length === 0) return <p className="muted">{t("request.decisions.none")}</p>;
  return <DecisionsTable decisions={mine} caption={t("request.decisions.caption", { id: detail.id })} showRequest={false} />;
}
