// Refusals of the session state itself: nothing is unlocked, or an import still holds the store.
export class LockedError extends Error {
  override readonly name = "LockedError";
  constructor(
    message: string,
    readonly code: "locked" | "import-busy" = "locked",
  ) {
    super(message);
  }
}
