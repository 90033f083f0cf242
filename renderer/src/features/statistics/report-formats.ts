// The export buttons, in order: the two data formats, then the signed PDF.
import type { ReportFormat } from "../../../../shared/api/statistics.js";
import type { IconName } from "../../components/Icon.js";

export const REPORT_FORMATS_SHOWN: readonly { format: ReportFormat; icon: IconName }[] = [
  { format: "csv", icon: "file" },
  { format: "json", icon: "file" },
  { format: "pdf", icon: "lock" },
];
