// One audit pack: the evaluation kept in view beside the page, the sampling plan, the cases (the
// random sample in draw order, then purposive picks, marked as such) with each one's finding, and
// the signed findings report, offered once every sampled case has a finding. The door asks for the
// folder (main: a folder dialog), so the page names no path; the answer names the files written.
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import type { AuditPackView } from "../../../../shared/api/auditor.js";
import { routeHash } from "../../app/routes.js";
import { ErrorNote } from "../../components/ErrorNote.js";
import { Icon } from "../../components/Icon.js";
import { useAuditor } from "../../store/auditor.js";
import { useNavigation } from "../../store/navigation.js";
import { sampledWithoutFinding } from "./auditor-model.js";
import { EvaluationPanel } from "./EvaluationPanel.js";
import { FindingSummary, SelectionTag } from "./FindingSummary.js";
import { SamplingPlanSection } from "./SamplingPlanSection.js";

export function AuditPackScreen({ id }: { id: string }) {
  const { t } = useTranslation();
  const view = useAuditor((state) => state.view);
  const error = useAuditor((state) => state.viewError);
  const loadPack = useAuditor((state) => state.loadPack);
  const navigate = useNavigation((state) => state.navigate);

  useEffect(() => {
    void loadPack(id);
  }, [id, loadPack]);

  const back = (
    <button type="button" className="button button-quiet back-button" onClick={() => navigate({ screen: "audit-packs" })}>
      <Icon name="back" />
      {t("auditor.pack.back")}
    </button>
  );
  if (!view || view.summary.id !== id) {
    return (
      <div className="screen">
        {back}
        <h1 tabIndex={-1}>{t("auditor.pack.title", { id })}</h1>
        {error ? <ErrorNote message={t("auditor.pack.loadFailed", { message: error.message })} code={error.code} /> : <p role="status">{t("auditor.pack.loading")}</p>}
      </div>
    );
  }
  return (
    <div className="screen screen-audit-pack">
      {back}
      <h1 tabIndex={-1}>{t("auditor.pack.title", { id })}</h1>
      <div className="audit-layout">
        <div className="audit-main">
          <CasesSection view={view} />
          <ReportSection view={view} />
          <SamplingPlanSection summary={view.summary} />
        </div>
        <aside className="audit-aside" aria-label={t("auditor.evaluation.title")}>
          <EvaluationPanel evaluation={view.evaluation} />
        </aside>
      </div>
    </div>
  );
}

function CasesSection({ view }: { view: AuditPackView }) {
  const { t } = useTranslation();
  return (
    <section className="panel" aria-labelledby="audit-cases">
      <h2 id="audit-cases">{t("auditor.pack.cases", { count: view.cases.length })}</h2>
      <div className="table-wrap">
        <table className="table" aria-labelledby="audit-cases">
          <thead>
            <tr>
              <th scope="col">{t("auditor.pack.case")}</th>
              <th scope="col">{t("auditor.pack.selection")}</th>
              <th scope="col">{t("auditor.pack.finding")}</th>
            </tr>
          </thead>
          <tbody>
            {view.cases.map((each) => (
              <tr key={each.reference}>
                <th scope="row">
                  <a href={routeHash({ screen: "audit-case", pack: view.summary.id, reference: each.reference })}>{each.reference}</a>
                </th>
                <td>
                  <SelectionTag selection={each.selection} reason={each.purposiveReason} />
                </td>
                <td>
                  <FindingSummary finding={each.finding} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function ReportSection({ view }: { view: AuditPackView }) {
  const { t } = useTranslation();
  const exported = useAuditor((state) => state.exported);
  const exportReport = useAuditor((state) => state.exportReport);
  const missing = sampledWithoutFinding(view);
  const busy = exported.state === "busy";
  return (
    <section className="panel" aria-labelledby="audit-report">
      <h2 id="audit-report">{t("auditor.report.title")}</h2>
      <p className="muted">{t("auditor.report.intro")}</p>
      {missing.length > 0 ? (
        <p className="note note-warning">{t("auditor.report.missing", { count: missing.length, cases: missing.join(", ") })}</p>
      ) : (
        <div className="form-actions">
          <button type="button" className="button button-primary" disabled={busy} aria-busy={busy} onClick={() => void exportReport(view.summary.id)}>
            <Icon name="file" />
            {busy ? t("auditor.report.exporting") : t("auditor.report.export")}
          </button>
        </div>
      )}
      <div role="status">
        {exported.state === "done" ? (
          <p className="note note-ok">{t("auditor.report.done", { folder: exported.result.folder, files: exported.result.files.join(", "), sha256: exported.result.sha256 })}</p>
        ) : exported.state === "cancelled" ? (
          <p>{t("auditor.report.cancelled")}</p>
        ) : null}
      </div>
      {exported.state === "failed" ? <ErrorNote message={t("auditor.report.failed", { message: exported.error.message })} code={exported.error.code} /> : null}
    </section>
  );
}
