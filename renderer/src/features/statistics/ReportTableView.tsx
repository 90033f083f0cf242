// One table of the transparency report as the report publishes it: its title, note and every
// count exactly as displayed ("12", "< 5", "x"), with rates as percentages where the report gives
// them. A charted table is a figure: the bars, and this table beside them as their text equivalent.
import { useId } from "react";
import { useTranslation } from "react-i18next";
import type { ReportTableView as ReportTableData, TimeTableView } from "../../../../shared/api/statistics.js";
import { formatNumber, formatPercent } from "../../i18n/format.js";
import { useLocale } from "../../store/settings.js";
import { ReportChart } from "./ReportChart.js";
import { chartKindOf, chartOf } from "./statistics-model.js";

type Count = ReportTableData["rows"][number]["cells"][number];

function CountCell({ count }: { count: Count | undefined }) {
  if (count === undefined) return <td />;
  return <td className={count.suppressed === null ? "num" : "num count-withheld"}>{count.display}</td>;
}

function CountsTable({ table, captionId }: { table: ReportTableData; captionId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const hasTotals = table.rows.some((row) => row.total !== undefined);
  const hasRate = table.rateLabel !== undefined;
  return (
    <div className="table-wrap">
      <table className="table report-table" aria-labelledby={captionId}>
        <thead>
          <tr>
            <th scope="col">{table.rowLabel}</th>
            {table.columns.map((column) => (
              <th scope="col" key={column.key} className="num">
                {column.label}
              </th>
            ))}
            {hasTotals ? <th scope="col" className="num">{t("statistics.total")}</th> : null}
            {hasRate ? <th scope="col" className="num">{table.rateLabel}</th> : null}
          </tr>
        </thead>
        <tbody>
          {table.rows.length === 0 ? (
            <tr>
              <td colSpan={1 + table.columns.length + (hasTotals ? 1 : 0) + (hasRate ? 1 : 0)} className="muted">
                {t("statistics.noneInPeriod")}
              </td>
            </tr>
          ) : null}
          {table.rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.label}</th>
              {row.cells.map((cell, index) => (
                <CountCell key={table.columns[index]?.key ?? index} count={cell} />
              ))}
              {hasTotals ? <CountCell count={row.total} /> : null}
              {hasRate ? <td className="num">{row.rate === null || row.rate === undefined ? "" : formatPercent(row.rate, locale)}</td> : null}
            </tr>
          ))}
        </tbody>
        {table.totals !== undefined ? (
          <tfoot>
            <tr>
              <th scope="row">{t("statistics.total")}</th>
              {table.totals.cells.map((cell, index) => (
                <CountCell key={table.columns[index]?.key ?? index} count={cell} />
              ))}
              {hasTotals ? <CountCell count={table.totals.total} /> : null}
              {hasRate ? <td /> : null}
            </tr>
          </tfoot>
        ) : null}
      </table>
    </div>
  );
}

export function ReportTableFigure({ table }: { table: ReportTableData }) {
  const { t } = useTranslation();
  const captionId = useId();
  const kind = chartKindOf(table);
  if (kind === undefined) {
    return (
      <section className="report-section" aria-labelledby={captionId}>
        <h3 id={captionId}>{table.title}</h3>
        <p className="muted report-note">{table.note}</p>
        <CountsTable table={table} captionId={captionId} />
      </section>
    );
  }
  const withheld = chartOf(table).withheld;
  return (
    <figure className="report-section report-figure" aria-labelledby={captionId}>
      <figcaption>
        <h3 id={captionId}>{table.title}</h3>
        <p className="muted report-note">{table.note}</p>
      </figcaption>
      {/* A table of one column sits beside its bars; a wider one goes below them, at full width. */}
      <div className={table.columns.length > 1 ? "report-figure-body report-figure-stacked" : "report-figure-body"}>
        <div className="report-chart">
          <ReportChart table={table} kind={kind} label={t("statistics.chartLabel", { title: table.title })} />
          {withheld > 0 ? <p className="muted report-chart-gap">{t("statistics.chartWithheld", { count: withheld })}</p> : null}
        </div>
        <CountsTable table={table} captionId={captionId} />
      </div>
    </figure>
  );
}

export function TimeTableSection({ table }: { table: TimeTableView }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const captionId = useId();
  const hours = (value: number | null) => (value === null ? "" : formatNumber(value, locale));
  return (
    <section className="report-section" aria-labelledby={captionId}>
      <h3 id={captionId}>{table.title}</h3>
      <p className="muted report-note">{table.note}</p>
      <div className="table-wrap">
        <table className="table report-table" aria-labelledby={captionId}>
          <thead>
            <tr>
              <th scope="col">{t("statistics.time.group")}</th>
              <th scope="col" className="num">{t("statistics.time.cases")}</th>
              <th scope="col" className="num">{t("statistics.time.median")}</th>
              <th scope="col" className="num">{t("statistics.time.mean")}</th>
              <th scope="col" className="num">{t("statistics.time.p90")}</th>
            </tr>
          </thead>
          <tbody>
            {table.rows.length === 0 ? (
              <tr>
                <td colSpan={5} className="muted">
                  {t("statistics.noneInPeriod")}
                </td>
              </tr>
            ) : null}
            {table.rows.map((row) => (
              <tr key={row.key}>
                <th scope="row">{row.label}</th>
                <CountCell count={row.cases} />
                <td className="num">{hours(row.medianHours)}</td>
                <td className="num">{hours(row.meanHours)}</td>
                <td className="num">{hours(row.p90Hours)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
