// The base of every error the core raises on purpose: it carries its API code (shared/api/errors.ts),
// so the dispatcher and the CLI read the code off the error instead of keeping a table of classes.
// Callers inside the core still branch on the class.
//
// Not CoreErrors: the lower layers' own errors that a core service always translates before they
// leave it (AgeDecryptError, MinisignVerifyError, MinisignPasswordError and StrictJsonError become
// a BundleRefusal or a CLI message), and accidents (SqliteError, I/O errors, plain Error for a
// broken invariant). Any of those reaching the API is reported as "internal".
import type { ErrorCode } from "../../shared/api/errors.js";

export abstract class CoreError extends Error {
  abstract readonly code: ErrorCode;
}
