// Why a report is refused (shared/api/errors.ts): nothing is written.
import { CoreError } from "../errors.js";

export class ReportInvalidError extends CoreError {
  override readonly name = "ReportInvalidError";
  override readonly code = "report-invalid";
}
