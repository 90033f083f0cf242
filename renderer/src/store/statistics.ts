// The statistics screen's state: the transparency report for a period (the year to date in the
// office's time zone until the reviewer picks another), the office's small-count threshold, and
// the last export (CSV, JSON or the signed PDF), which the door writes where the reviewer chooses.
import { create } from "zustand";
import { api } from "../api/client.js";
import type { ReportExported, ReportFormat, TransparencyReportView } from "../../../shared/api/statistics.js";
import { failureFrom, type Failure } from "./failure.js";

export type ReportExportState =
  | { state: "idle" }
  | { state: "busy"; format: ReportFormat }
  | { state: "done"; format: ReportFormat; result: Extract<ReportExported, { saved: true }> }
  | { state: "cancelled"; format: ReportFormat }
  | { state: "failed"; format: ReportFormat; error: Failure };

interface StatisticsState {
  report: TransparencyReportView | null;
  threshold: number | null;
  loading: boolean;
  error: Failure | null;
  exported: ReportExportState;
  /** The report for the period's days, or the year to date when none is given. */
  load: (period?: { from: string; to: string }) => Promise<void>;
  /** Saves the office's threshold and reloads the report with it; throws the API error for the form. */
  saveThreshold: (threshold: number) => Promise<void>;
  /** Exports the report on screen (its period, the office's threshold) in one format. */
  exportReport: (format: ReportFormat) => Promise<void>;
  reset: () => void;
}

const EMPTY = { report: null, threshold: null, loading: false, error: null, exported: { state: "idle" } as ReportExportState };

export const useStatistics = create<StatisticsState>()((set, get) => ({
  ...EMPTY,
  load: async (period) => {
    set({ loading: true, error: null, exported: { state: "idle" } });
    try {
      const [report, settings] = await Promise.all([api.getTransparencyReport(period ?? {}), api.getReportSettings({})]);
      set({ report, threshold: settings.threshold, loading: false });
    } catch (error) {
      set({ loading: false, error: failureFrom(error) });
    }
  },
  saveThreshold: async (threshold) => {
    const saved = await api.updateReportSettings({ threshold });
    set({ threshold: saved.threshold });
    const shown = get().report?.period;
    await get().load(shown === undefined ? undefined : { from: shown.from, to: shown.to });
  },
  exportReport: async (format) => {
    const period = get().report?.period;
    if (period === undefined) return;
    set({ exported: { state: "busy", format } });
    try {
      const result = await api.exportTransparencyReport({ from: period.from, to: period.to, format });
      set({ exported: result.saved ? { state: "done", format, result } : { state: "cancelled", format } });
    } catch (error) {
      const failure = failureFrom(error);
      set({ exported: failure ? { state: "failed", format, error: failure } : { state: "idle" } });
    }
  },
  reset: () => set({ ...EMPTY }),
}));
