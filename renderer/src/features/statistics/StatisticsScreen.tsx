// Transparency statistics: the period (the year to date in the office's time zone at first), how
// small counts are withheld at the office's threshold, every table and time of the report with
// its numbers exactly as published and, beside them, bars over time and breakdowns; Art 28(2)'s
// tables; the exports; and the threshold setting.
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { ErrorNote } from "../../components/ErrorNote.js";
import { Icon } from "../../components/Icon.js";
import { useStatistics } from "../../store/statistics.js";
import { PeriodForm } from "./PeriodForm.js";
import { ReportExports } from "./ReportExports.js";
import { ReportTableFigure, TimeTableSection } from "./ReportTableView.js";
import { ThresholdForm } from "./ThresholdForm.js";

function SuppressionNote({ threshold }: { threshold: number }) {
  const { t } = useTranslation();
  return (
    <div className="note note-info statistics-suppression" role="note" aria-label={t("statistics.suppressionLabel")}>
      <Icon name="info" />
      <div>
        <p>{threshold === 1 ? t("statistics.suppressionNone") : t("statistics.suppression", { threshold, below: threshold - 1 })}</p>
        <p>{t("statistics.suppressionChart")}</p>
      </div>
    </div>
  );
}

export function StatisticsScreen() {
  const { t } = useTranslation();
  const report = useStatistics((state) => state.report);
  const threshold = useStatistics((state) => state.threshold);
  const loading = useStatistics((state) => state.loading);
  const error = useStatistics((state) => state.error);
  const load = useStatistics((state) => state.load);
  useEffect(() => {
    // The year to date the first time; afterwards the period shown stays while the reviewer moves
    // about, counted afresh each time the screen opens (a decision or a record may have come since).
    const shown = useStatistics.getState().report?.period;
    void load(shown === undefined ? undefined : { from: shown.from, to: shown.to });
  }, [load]);

  return (
    <div className="screen screen-statistics">
      <div className="screen-head">
        <h1 tabIndex={-1}>{t("statistics.title")}</h1>
      </div>
      {error ? <ErrorNote message={t("statistics.loadFailed", { message: error.message })} code={error.code} /> : null}
      {report ? (
        <>
          <section className="panel">
            <PeriodForm from={report.period.from} to={report.period.to} timeZone={report.period.timeZone} busy={loading} onSubmit={(period) => void load(period)} />
          </section>
          <p className="statistics-showing" role="status">
            {loading ? t("statistics.loading") : t("statistics.showingPeriod", { from: report.period.from, to: report.period.to, timeZone: report.period.timeZone })}
          </p>
          <SuppressionNote threshold={report.threshold} />
          <section className="panel" aria-labelledby="statistics-tables-title">
            <h2 id="statistics-tables-title">{t("statistics.tables")}</h2>
            {report.tables.map((table) => (
              <ReportTableFigure key={table.id} table={table} />
            ))}
            {report.times.map((table) => (
              <TimeTableSection key={table.id} table={table} />
            ))}
          </section>
          <section className="panel" aria-labelledby="statistics-art28-title">
            <h2 id="statistics-art28-title">{t("statistics.art28")}</h2>
            <p className="muted">{t("statistics.art28Intro")}</p>
            {report.art28.tables.map((table) => (
              <ReportTableFigure key={table.id} table={table} />
            ))}
            {report.art28.times.map((table) => (
              <TimeTableSection key={table.id} table={table} />
            ))}
          </section>
          <ReportExports />
          {threshold !== null ? <ThresholdForm threshold={threshold} /> : null}
        </>
      ) : error ? null : (
        <p role="status">{t("statistics.loading")}</p>
      )}
    </div>
  );
}
