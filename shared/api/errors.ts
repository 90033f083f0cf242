// Every error code an API answer can carry, with what it means. This is the one list: core errors
// set their code from it (electron/core/errors.ts), the dispatcher passes through only codes on it,
// the CLI derives its exit codes from it, and the renderer shows and branches on it. Plain data
// with no imports, so the renderer can use it without zod or the core.

export const ERROR_MEANINGS = {
  // The dispatcher itself (electron/api/dispatch.ts).
  "invalid-arguments": "The arguments do not match the method's schema; the message names each failing field.",
  "unknown-method": "No API method has that name.",
  internal: "An unexpected failure (a bug, SQLite, the disk); its details stay in the core's log.",
  // The Electron shell (electron/main/ipc.ts).
  forbidden: "The call came from a frame that is not the app's own window.",
  // The session (electron/core/session).
  locked: "The store is locked: nothing is unlocked, or a lock is pending.",
  "import-busy": "An import still holds the store; the action can be tried again when it ends.",
  // The store (electron/core/store/errors.ts).
  "wrong-passphrase": "The passphrase does not open the store (or the file is not an encrypted store).",
  "store-exists": "A store is already there; it was not touched.",
  "store-missing": "There is no store in the store directory.",
  "store-too-new": "A newer Counterseal wrote the store; it was left unchanged.",
  "not-a-store": "The file opens but is not a (completely created) Counterseal store.",
  "store-damaged": "A file of the store (its key-derivation record, a kept bundle) is damaged or missing; the message names it.",
  "store-layout-too-old": "A development store that holds requests in the layout before kept evidence; it was left unchanged.",
  "weak-passphrase": "A new passphrase is too short or too easy to guess; the message says why.",
  "store-busy": "A transaction is running and this write came from outside it.",
  "duplicate-key": "The keyring already holds this key id or public key.",
  "unknown-key": "The keyring holds no key with this id.",
  "key-already-revoked": "The key was revoked before; the first revocation stands.",
  // The audit log (electron/core/audit).
  "audit-row-unreadable": "A stored audit row does not match its action's schema; the message names its seq.",
  // Keys and keyring input (electron/core/crypto, electron/core/keyring).
  "invalid-age-identity": "An age identity or recipient is malformed.",
  "invalid-minisign-key": "A minisign key or signature is not in minisign's format.",
  "invalid-keyring-entry": "A keyring entry's field is not valid; the message names it.",
  // Requests (electron/core/requests).
  "request-not-found": "No stored request (or attachment) matches the reference.",
  "attachment-too-large": "The attachment is too large to show; it can be saved instead.",
  "save-target-exists": "A file appeared where the attachment was to be saved; it was left as it was and nothing was replaced.",
  // Signed documents (electron/core/decisions).
  "signed-document-invalid": "A decision, countersignature or response fails its schema or rules; it was not signed. The message names each field.",
  "export-target-exists": "A file of the export is already in the chosen folder; nothing was written or replaced.",
  // Deciding (electron/core/decisions/decide.ts).
  "decision-not-found": "The store holds no decision with that id.",
  "decision-invalid": "The decision asked for does not fit the review (an outcome that does not match the granted scope, a refusal without a not-met item, an unknown item to defer…); the message names the fault.",
  "decision-reasons-required": "The outcome needs a reason for each checklist area and some are missing; the message names them (draftReasons offers a draft).",
  "review-incomplete": "The review has open items that are neither answered nor deferred with a reason; the message names them.",
  "decision-exists": "The request revision has a current decision (or the id is taken): a new one must supersede it; nothing was signed.",
  "decision-superseded": "The decision to supersede is already superseded, or is not a decision on this request revision; nothing was signed.",
  // Four eyes between two stores (electron/core/decisions/countersign-*.ts).
  "countersign-not-awaiting": "The decision is final, superseded or needs no countersignature, so no countersignature request was sealed; nothing was written.",
  "countersign-request-not-found": "The store holds no countersignature request from a colleague for that decision id.",
  "countersign-answered": "This store has already countersigned or declined that decision (or the answer's id is taken); an answer is never replaced.",
  // The grievance register (electron/core/grievances).
  "grievance-not-found": "The register holds no grievance with that id.",
  "grievance-exists": "The register already holds a grievance with that id; it was left as it was.",
  "grievance-answered": "The grievance has its signed response (or the response id is taken); a signed response is never replaced.",
  "grievance-unanswered": "The grievance has no signed response yet, so there is nothing to export.",
  "grievance-invalid": "The grievance or its response is not valid; the message names each field.",
  "no-reply-recipient": "The addressee is not in the keyring with an age recipient, so nothing can be sealed to them; nothing was written.",
  // The review (electron/core/review).
  "review-item-unknown": "The checklist item is not in this review's template, or does not apply to the request; the message names it.",
  "review-answer-invalid": "An answer other than met, not-met, na or info; the message names it.",
  "independence-required": "No answer can be given before the reviewer's independence declaration for this review.",
  "review-closed": "The review is decided or superseded: it can no longer be changed.",
  "finding-unknown": "No finding of the rules engine on this request has that rule id; the message names it.",
  "nothing-carried-over": "The item has no answer from the previous revision's review waiting for confirmation.",
  "scope-refused": "A scope change would widen the request or leave nothing granted (a period outside the requested one, a target not named…); the message says why.",
  "evidence-invalid": "An evidence reference names an attachment or a field the request does not have.",
  "review-note-required": "A declared conflict of interest, or a finding accepted or overridden, needs a note saying why.",
  "review-setting-invalid": "A review setting (time zone, bound on targets or days) is not valid; the message names it.",
  "review-template-unknown": "The review was started on a checklist template this version of Counterseal does not know.",
  // Retention (electron/core/settings/retention-settings.ts).
  "retention-setting-invalid": "A retention period is not a whole number of days from 1, or names no decision outcome; the message says which.",
  "retention-not-due": "A case confirmed for deletion is no longer due under the retention rule (a newer revision, a superseded decision, a changed rule); nothing was deleted.",
  // The execution record (electron/core/executions).
  "execution-invalid": "The execution record does not fit (a decision that is not a current, final authorisation, a missing production time or ground, an unknown outcome or ground, a time in the future); the message names the fault; nothing was stored.",
  "execution-exists": "The decision has its execution record (or the id is taken); a record is never replaced.",
  // The transparency report (electron/core/statistics).
  "report-invalid": "The report's period, format or threshold is not valid (a date that is not YYYY-MM-DD, a period that ends before it starts, a threshold that is not a whole number from 1); the message says which.",
  // Audit packs and auditor mode (electron/core/sampling/audit-pack.ts, electron/core/auditor).
  "auditor-store-read-only": "This is an auditor's store: case data are read-only, and requests, reviews and decisions cannot be imported, changed or made in it; only the auditor's findings are written.",
  "not-an-auditor-store": "The command is for an auditor's store (counterseal init --auditor); this one is an office's.",
  "audit-pack-refused": "An audit pack was refused: not sealed to this store, not signed by a key in its keyring, or its plan, draw, decisions or audit excerpts do not check out; the message names the first fault. Nothing was stored.",
  "audit-pack-not-found": "The store holds no audit pack with that id (or holds several and none was named).",
  "audit-pack-case-unknown": "The audit pack holds no case with that reference.",
  "finding-invalid": "A finding is not valid: a deviation needs its type, a compliant case has none; the message names the field.",
  "findings-incomplete": "Not every sampled case of the pack has a finding yet, so the report cannot be signed; the message names them.",
  "pack-recipient-invalid": "The committee's recipient is neither an age recipient (age1…) nor a readable file of them.",
  // The file door (electron/api/import-tokens.ts): the page names files only by main's tokens.
  "import-token-unknown": "A file to import was named by a token main did not issue, already used, or issued before the store was locked.",
  // Import (electron/core/bundles/refusal.ts): the bundle's own refusal code travels beside it.
  "bundle-refused": "A bundle was refused; its refusal code (sealed-bundle-v1) says why.",
  // The renderer's client (renderer/src/api/client.ts), when the core cannot be reached.
  "bridge-missing": "The window has no bridge to the core.",
  "bridge-failed": "The bridge to the core did not answer.",
  // The browser test host (electron/host), which serves the same API over HTTP.
  "host-bad-request": "The test host could not read the request's address.",
  "host-forbidden": "The test host refused a caller that is not its own page.",
  "host-not-found": "The test host has no API route there.",
  "host-method-not-allowed": "The test host route does not take this HTTP method.",
  "host-unsupported-media-type": "The test host route does not take this content type.",
  "host-body-too-large": "The request body is larger than the test host accepts.",
  "host-upload-too-large": "The uploaded file is larger than the test host accepts.",
  "host-invalid-json": "The request body is not valid JSON.",
  "host-unreachable": "The page could not reach the test host.",
  "host-bad-answer": "The test host answered with something that is not an API result.",
} as const;

export type ErrorCode = keyof typeof ERROR_MEANINGS;

export const ERROR_CODES = Object.keys(ERROR_MEANINGS) as readonly ErrorCode[];

export const isErrorCode = (value: unknown): value is ErrorCode => typeof value === "string" && Object.hasOwn(ERROR_MEANINGS, value);
