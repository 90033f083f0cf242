// Why an execution record is refused (shared/api/errors.ts); a refused record stores nothing.
import { CoreError } from "../errors.js";

export class ExecutionInvalidError extends CoreError {
  override readonly name = "ExecutionInvalidError";
  override readonly code = "execution-invalid";
}
