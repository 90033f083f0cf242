// One table of the report as bars, drawn by Chart.js on a canvas (no style element, so the CSP's
// style-src 'self' holds). Only the parts used are registered, so the bundle keeps the rest out.
// The chart is given the published counts alone: a withheld count is a gap, never a bar of its
// value. The canvas is an image named by its table; the table beside it is the text equivalent.
import { BarController, BarElement, CategoryScale, Chart as ChartJS, Legend, LinearScale, Tooltip, type ChartOptions } from "chart.js";
import { Bar } from "react-chartjs-2";
import type { ReportTableView } from "../../../../shared/api/statistics.js";
import { chartOf, chartSize, type ChartKind } from "./statistics-model.js";

ChartJS.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

/** The palette's colours as the stylesheet sets them (light or dark), read when the chart is drawn. */
function cssColour(name: string, fallback: string): string {
  const value = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return value === "" ? fallback : value;
}

const SERIES_COLOURS = ["--chart-1", "--chart-2", "--chart-3", "--chart-4", "--chart-5", "--chart-6"];

interface Props {
  table: ReportTableView;
  kind: ChartKind;
  /** The accessible name of the image: what it shows and where its numbers are. */
  label: string;
}

export function ReportChart({ table, kind, label }: Props) {
  const chart = chartOf(table);
  const text = cssColour("--text", "#1a1d21");
  const grid = cssColour("--line", "#d5dae1");
  const data = {
    labels: chart.labels,
    datasets: chart.series.map((series, index) => ({
      label: series.label,
      data: series.values,
      backgroundColor: cssColour(SERIES_COLOURS[index % SERIES_COLOURS.length] ?? "--chart-1", "#1f4fd1"),
      borderWidth: 0,
    })),
  };
  const options: ChartOptions<"bar"> = {
    indexAxis: kind === "breakdown" ? "y" : "x",
    responsive: true,
    maintainAspectRatio: false,
    // No motion: the figure is read, not watched, and screenshots stay the same.
    animation: false,
    plugins: {
      legend: { display: chart.series.length > 1, labels: { color: text } },
      tooltip: { enabled: true },
    },
    scales: {
      x: { stacked: kind === "over-time" && chart.series.length > 1, ticks: { color: text, precision: 0 }, grid: { color: grid } },
      y: { stacked: kind === "over-time" && chart.series.length > 1, ticks: { color: text, precision: 0 }, grid: { color: grid } },
    },
  };
  return (
    <div className={`chart-box chart-${chartSize(table, kind)}`}>
      <Bar data={data} options={options} aria-label={label} />
    </div>
  );
}
