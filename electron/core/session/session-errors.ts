// Refusals of the session state itself: nothing is unlocked, or an import still holds the store.
import { CoreError } from "../errors.js";

export class LockedError extends CoreError {
  override readonly name = "LockedError";
  constructor(
    message: string,
    override readonly code: "locked" | "import-busy" = "locked",
  ) {
    super(message);
  }
}
