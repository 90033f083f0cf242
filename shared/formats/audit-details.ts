// One strict schema per audit action for what its details hold (electron/core/store/audit-chain.ts
// hashes their RFC 8785 canonical JSON, so a stored text never changes: a new action is added,
// never renamed). Content-free by design: vocabulary words, digests, counts and key ids, never a
// name, an identifier value or free text. The entry and actor schemas are in audit.ts.
import { z } from "zod";
import { isAuditAction, type AuditAction } from "../vocabulary/audit-actions.js";
import { DEVIATION_TYPES, EVALUATION_CONCLUSIONS, FINDING_VERDICTS, RECOMMENDATIONS } from "../vocabulary/auditor-findings.js";
import { GRIEVANCE_OUTCOMES } from "../vocabulary/grievance-outcomes.js";
import { COMPLAINANT_KINDS, GRIEVANCE_GROUNDS, GRIEVANCE_REMEDIES } from "../vocabulary/grievance-vocabulary.js";
import { REFUSAL_CODES } from "../vocabulary/refusal-codes.js";
import { SIGNED_DOCUMENT_KINDS } from "../vocabulary/signed-document-kinds.js";
import { CASE_STATES } from "../vocabulary/case-states.js";
import { CHECKLIST_ANSWERS } from "../vocabulary/checklist-answers.js";
import { DATA_CATEGORIES } from "../vocabulary/data-categories.js";
import { DECISION_OUTCOMES } from "../vocabulary/decision-outcomes.js";
import { SCOPE_CONDITION_KINDS } from "../vocabulary/scope-conditions.js";
import { TARGET_KINDS } from "../vocabulary/targets.js";
import { COUNTERSIGNATURE_VERDICTS } from "../vocabulary/countersignature-verdicts.js";
import { EXECUTION_OUTCOMES, EXECUTION_SOURCES, NON_COMPLIANCE_GROUNDS } from "../vocabulary/execution-outcomes.js";

/** A stored audit text that this vocabulary does not describe. */
export class AuditFormatError extends Error {
  override readonly name = "AuditFormatError";
}

const hexOf = (bytes: number, what: string) => z.string().regex(new RegExp(`^[0-9a-f]{${bytes * 2}}$`), `${what}: ${bytes * 2} lower-case hex digits`);
export const sha256 = hexOf(32, "a SHA-256 digest");
const storedKeyId = hexOf(8, "a key id's 8 bytes");
/** Milliseconds since the epoch, as the store keeps every instant. */
const storedTime = z.number().int();
// Review rows are content-free: item ids, answers, rule ids and vocabulary words, never the
// reviewer's notes, an identifier's value or any other free text (the store holds those).
const itemId = z.string().regex(/^[LNM][0-9]{1,2}$/, "a checklist item id such as L1, N12 or M3");
const ruleId = z.string().regex(/^[LNM][0-9]{1,2}-[a-z0-9-]+$/, "a rule id such as M3-period");

export const AUDIT_DETAILS = {
  "store.created": z.strictObject({ schemaVersion: z.number().int().min(1) }),
  /** The app unlocked the store, after this many failed attempts since its last unlock (electron/core/session/unlock.ts). */
  "store.unlocked": z.strictObject({ failedAttempts: z.number().int().min(0) }),
  /** The key-derivation cost the store was re-keyed at (rows before it was recorded have none). */
  "store.rekeyed": z.strictObject({
    kdf: z.strictObject({ tcost: z.number().int(), mcost: z.number().int(), pcost: z.number().int() }).optional(),
  }),
  /** The settings that changed, with their new values. */
  "settings.changed": z.strictObject({
    idleLockMinutes: z.number().int().optional(),
    locale: z.string().optional(),
    /** The review's office settings (electron/core/settings/review-settings.ts). */
    timeZone: z.string().optional(),
    maxTargets: z.number().int().optional(),
    maxPeriodDays: z.number().int().optional(),
    /** The office's response period for grievances, in days (electron/core/settings/grievance-settings.ts). */
    grievanceResponseDays: z.number().int().optional(),
    /** The four-eyes rule (electron/core/settings/countersign-settings.ts): outcomes, and categories an authorisation grants. */
    countersignOutcomes: z.array(z.enum(DECISION_OUTCOMES)).optional(),
    /** Days after a final decision, by outcome, before its case may be deleted (electron/core/settings/retention-settings.ts). */
    retentionAfterDecision: z.partialRecord(z.enum(DECISION_OUTCOMES), z.number().int().min(1)).optional(),
    countersignCategories: z.array(z.enum(DATA_CATEGORIES)).optional(),
    /** The transparency report's small-count threshold (electron/core/settings/report-settings.ts). */
    reportThreshold: z.number().int().min(1).optional(),
    /** Set once, when a committee's store is created in auditor mode (electron/core/auditor/store-mode.ts). */
    storeMode: z.literal("auditor").optional(),
  }),
  "reviewer.created": z.strictObject({ name: z.string(), office: z.string(), keyId: storedKeyId }),
  "reviewer.updated": z.strictObject({ name: z.string(), office: z.string(), keyId: storedKeyId }),
  /** The recipient and label only: the identity itself is a secret. */
  "age-identity.added": z.strictObject({ recipient: z.string().startsWith("age1"), label: z.string() }),
  "authority-key.added": z.strictObject({
    authorityId: z.string().min(1),
    name: z.string(),
    country: z.string().regex(/^[A-Z]{2}$/),
    keyId: storedKeyId,
    publicKey: hexOf(32, "an Ed25519 public key"),
    ageRecipient: z.string().nullable(),
    validFrom: storedTime.nullable(),
    validUntil: storedTime.nullable(),
    /** The authority's name and country before this key renamed it; null for its first key. */
    previousAuthority: z.strictObject({ name: z.string(), country: z.string() }).nullable(),
    /** The entry's kind when it is not an issuing authority (migration 007); absent on an authority's key. */
    kind: z.enum(["reviewer", "committee"]).optional(),
  }),
  "authority-key.revoked": z.strictObject({ authorityId: z.string().min(1), keyId: storedKeyId, revokedAt: storedTime }),
  "request.stored": z.strictObject({
    caseId: z.string().min(1),
    newCase: z.boolean(),
    authorityId: z.string().min(1),
    documentId: z.string().min(1),
    revision: z.number().int().min(1),
    bundleDigest: sha256,
    sealedSha256: sha256,
    signerKeyId: storedKeyId,
    attachments: z.array(z.strictObject({ path: z.string().min(1), size: z.number().int().min(0), sha256 })),
    /** Revisions of the case this one superseded (older ones, or itself when a newer one was stored first). */
    supersededRevisions: z.array(z.number().int().min(1)).min(1).optional(),
  }),
  "attachment.saved": z.strictObject({ path: z.string().min(1), sha256, bytes: z.number().int().min(0) }),
  "blobs.orphans-deleted": z.strictObject({ blobIds: z.array(z.string().min(1)).min(1) }),
  /**
   * An import that stored nothing: its refusal code and the sealed file's size. Neither the file's
   * name nor the refusal's sentence, which can quote the document: the log stays content-free.
   */
  "bundle.refused": z.strictObject({ code: z.enum(REFUSAL_CODES), bytes: z.number().int().min(0) }),
  /** An attachment shown inline to the reviewer (opening it in the app, not saving it). */
  "attachment.viewed": z.strictObject({ path: z.string().min(1), sha256, bytes: z.number().int().min(0) }),
  /** The words of the vocabulary only: never the complainant's name, contact or statement. */
  "grievance.registered": z.strictObject({
    source: z.enum(["letter", "bundle"]),
    complainantKind: z.enum(COMPLAINANT_KINDS),
    grounds: z.array(z.enum(GRIEVANCE_GROUNDS)).min(1),
    received: z.iso.date(),
    respondBy: storedTime,
    caseId: z.string().min(1).nullable(),
    /** Source `bundle`: the keyring key that signed it (migration 007). */
    signerKeyId: storedKeyId.optional(),
  }),
  "grievance.responded": z.strictObject({
    responseId: z.string().min(1),
    outcome: z.enum(GRIEVANCE_OUTCOMES),
    remedies: z.array(z.enum(GRIEVANCE_REMEDIES)),
    /** SHA-256 of the signed bytes: what the verification copy's digest must be. */
    sha256,
  }),
  /** A signed document written out: its verification copy, and the sealed reply when sealed. */
  "document.exported": z.strictObject({
    kind: z.enum(SIGNED_DOCUMENT_KINDS),
    id: z.string().min(1),
    sha256,
    /** The keyring authority the reply was sealed to; null for a verification copy alone. */
    sealedTo: z.string().min(1).nullable(),
  }),
  /** The first change to a request revision's review: it records the template and starts the case. */
  "review.started": z.strictObject({
    requestId: z.string().min(1),
    authorityId: z.string().min(1),
    documentId: z.string().min(1),
    revision: z.number().int().min(1),
    templateId: z.string().min(1),
    templateVersion: z.string().min(1),
    /** The revision whose answers this review offers to carry over; null when none was reviewed. */
    previousRevision: z.number().int().min(1).nullable(),
    state: z.enum(CASE_STATES),
  }),
  "review.independence-declared": z.strictObject({ conflict: z.boolean(), withNote: z.boolean() }),
  "review.answer-set": z.strictObject({ item: itemId, answer: z.enum(CHECKLIST_ANSWERS), withNote: z.boolean(), evidence: z.number().int().min(0) }),
  "review.carried-over-confirmed": z.strictObject({
    fromRevision: z.number().int().min(1),
    items: z.array(z.strictObject({ item: itemId, answer: z.enum(CHECKLIST_ANSWERS) })).min(1),
  }),
  "review.finding-reviewed": z.strictObject({ rule: ruleId, item: itemId, status: z.enum(["accepted", "overridden"]) }),
  /** The operation and its vocabulary words only: no identifier values, dates or condition texts. */
  "review.scope-changed": z.strictObject({
    op: z.enum(["strike-category", "strike-target", "narrow-target", "set-period", "set-retention", "add-condition", "remove-condition"]),
    category: z.enum(DATA_CATEGORIES).optional(),
    targetKind: z.enum(TARGET_KINDS).optional(),
    retentionDays: z.number().int().min(0).optional(),
    conditionKind: z.enum(SCOPE_CONDITION_KINDS).optional(),
  }),
  /**
   * The reviewer's key signed the head as it stood before this row (electron/core/audit/checkpoint.ts):
   * the signed time and the .minisig text of the checkpoint statement, so the checkpoint can be
   * handed out again later. Content-free: seqs, hashes and a signature.
   */
  "audit.checkpointed": z.strictObject({
    headSeq: z.number().int().min(0),
    headHash: sha256,
    signedAt: storedTime,
    signature: z.string().startsWith("untrusted comment: "),
  }),
  /** A content-free export of the chain was written; it holds every row to this one, which its signature covers. */
  "audit.exported": z.strictObject({ headSeq: z.number().int().min(0), headHash: sha256 }),
  // Content-free on purpose: which stored bundle went, by its digests, and nothing of what it said.
  "request.deleted": z.strictObject({
    caseId: z.string().min(1),
    revision: z.number().int().min(1),
    bundleDigest: sha256,
    sealedSha256: sha256,
    caseDeleted: z.boolean(),
  }),
  "request.original-exported": z.strictObject({ sealedSha256: sha256, bytes: z.number().int().min(0) }),
  "evidence.orphans-removed": z.strictObject({ files: z.number().int().min(1), unfinished: z.number().int().min(0) }),
  /**
   * A decision signed and stored, and the case state it left: the outcome, the refusal grounds
   * (item ids, so statistics can count them), the signed bytes' SHA-256 and the decision it
   * supersedes. Never the reasons or the scope's identifiers.
   */
  "decision.signed": z.strictObject({
    requestId: z.string().min(1),
    outcome: z.enum(DECISION_OUTCOMES),
    refusalGrounds: z.array(itemId),
    sha256,
    supersedes: z.string().min(1).nullable(),
    countersignaturesRequired: z.boolean(),
    state: z.enum(CASE_STATES),
  }),
  /** A decision sealed to a colleague for countersignature (docs/decisions.md, Four eyes): to which entry and key, which text. */
  "countersignature.requested": z.strictObject({ to: z.string().min(1), toKeyId: storedKeyId, decisionSha256: sha256, sealedSha256: sha256 }),
  /** A colleague's decision received for countersignature, kept read-only. */
  "countersignature.request-received": z.strictObject({ fromKeyId: storedKeyId, decisionSha256: sha256, bundleDigest: sha256 }),
  /** This store's countersignature (signed or declined) of a colleague's decision, sealed back to them. */
  "countersignature.given": z.strictObject({
    decisionId: z.string().min(1),
    decisionSha256: sha256,
    verdict: z.enum(COUNTERSIGNATURE_VERDICTS),
    sha256,
    sealedTo: z.string().min(1),
  }),
  /** A countersignature of one of this store's decisions came back, and the decision's status with it. */
  "countersignature.received": z.strictObject({
    decisionId: z.string().min(1),
    verdict: z.enum(COUNTERSIGNATURE_VERDICTS),
    sha256,
    signerKeyId: storedKeyId,
    status: z.enum(["final", "awaiting-countersignature", "countersignature-declined"]),
  }),
  /**
   * What happened after an authorisation (electron/core/executions): the decision it follows, the
   * outcome and its vocabulary ground, when the data were produced, where the record came from
   * and, for a bundle, the SHA-256 of the issuer's signed document. Whether a note was given, never the note.
   */
  "execution.recorded": z.strictObject({
    decisionId: z.string().min(1),
    outcome: z.enum(EXECUTION_OUTCOMES),
    ground: z.enum(NON_COMPLIANCE_GROUNDS).nullable(),
    producedAt: storedTime.nullable(),
    source: z.enum(EXECUTION_SOURCES),
    documentSha256: sha256.nullable(),
    withNote: z.boolean(),
  }),
  /** A transparency report written out (electron/core/statistics): its format, period, threshold and the SHA-256 of the file. */
  "report.exported": z.strictObject({
    format: z.enum(["csv", "json", "pdf"]),
    from: z.iso.date(),
    to: z.iso.date(),
    threshold: z.number().int().min(1),
    sha256,
  }),
  /**
   * An audit pack sealed for the committee (electron/core/sampling/audit-pack.ts): the draw by its
   * frame hash and seed, how many cases went in, the head its audit excerpts were checkpointed
   * at, and the sealed file's SHA-256. Content-free: no reference, no case content.
   */
  "audit-pack.exported": z.strictObject({
    frameHash: sha256,
    seed: sha256,
    population: z.number().int().min(0),
    sample: z.number().int().min(0),
    purposive: z.number().int().min(0),
    headSeq: z.number().int().min(0),
    headHash: sha256,
    recipients: z.number().int().min(1),
    sealedSha256: sha256,
  }),
  /** An auditor's store took in an audit pack: its bundle digest, the office key that signed it and how many cases it holds. */
  "audit-pack.imported": z.strictObject({
    bundleDigest: sha256,
    signerKeyId: storedKeyId,
    frameHash: sha256,
    cases: z.number().int().min(0),
  }),
  /** The auditor's finding on one case of a pack (the object id is `<pack id>:<reference>`); never the note itself. */
  "auditor.finding-recorded": z.strictObject({
    verdict: z.enum(FINDING_VERDICTS),
    deviationType: z.enum(DEVIATION_TYPES).nullable(),
    recommendation: z.enum(RECOMMENDATIONS),
    withNote: z.boolean(),
  }),
  /** The findings report signed (the object id is the report's id): its digest and the evaluation it states. */
  "auditor.report-signed": z.strictObject({
    pack: z.string().min(1),
    sha256,
    sampleSize: z.number().int().min(0),
    deviations: z.number().int().min(0),
    conclusion: z.enum(EVALUATION_CONCLUSIONS),
  }),
} as const satisfies Record<AuditAction, z.ZodType>;

export type AuditDetails<A extends AuditAction> = z.infer<(typeof AUDIT_DETAILS)[A]>;

/** Checks `details` against its action's schema; the error names the action and the fields at fault. */
export function parseAuditDetails<A extends AuditAction>(action: A, details: unknown): AuditDetails<A> {
  if (!isAuditAction(action)) throw new AuditFormatError(`Unknown audit action ${JSON.stringify(String(action).slice(0, 80))}.`);
  const checked = AUDIT_DETAILS[action].safeParse(details);
  if (!checked.success) throw new AuditFormatError(`Audit details of ${action} do not match its schema: ${z.prettifyError(checked.error)}`);
  return checked.data as AuditDetails<A>;
}
