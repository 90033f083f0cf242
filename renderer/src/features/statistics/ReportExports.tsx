// The report's exports: CSV, JSON and the PDF signed with the reviewer's key (with its .minisig
// beside it). The door asks where (main: a folder dialog), so the page names no path; the result
// names the folder and the files written.
import { useTranslation } from "react-i18next";
import { REPORT_FORMATS_SHOWN } from "./report-formats.js";
import { ErrorNote } from "../../components/ErrorNote.js";
import { Icon } from "../../components/Icon.js";
import { useStatistics } from "../../store/statistics.js";

export function ReportExports() {
  const { t } = useTranslation();
  const exported = useStatistics((state) => state.exported);
  const exportReport = useStatistics((state) => state.exportReport);
  const busy = exported.state === "busy";
  return (
    <section className="panel" aria-labelledby="statistics-exports-title">
      <h2 id="statistics-exports-title">{t("statistics.exportsTitle")}</h2>
      <p className="muted">{t("statistics.exportsIntro")}</p>
      <div className="form-actions">
        {REPORT_FORMATS_SHOWN.map(({ format, icon }) => (
          <button key={format} type="button" className="button" disabled={busy} aria-busy={(busy && exported.format === format) || undefined} onClick={() => void exportReport(format)}>
            <Icon name={icon} />
            {busy && exported.format === format ? t("statistics.exporting") : t(`statistics.export.${format}`)}
          </button>
        ))}
      </div>
      <div role="status">
        {exported.state === "done" ? <p className="note note-ok">{t("statistics.exported", { folder: exported.result.folder, files: exported.result.files.join(", ") })}</p> : exported.state === "cancelled" ? <p>{t("statistics.exportCancelled")}</p> : null}
      </div>
      {exported.state === "failed" ? <ErrorNote message={t("statistics.exportFailed", { message: exported.error.message })} code={exported.error.code} /> : null}
    </section>
  );
}
