// The audit log's typed vocabulary: who acts (Actor, and its stored text), what each action's
// details hold (one strict schema per action), and an entry as the API returns it.
//
// Stored rows are covered by the hash chain (electron/core/store/audit-chain.ts), so the texts
// here are fixed: an actor is stored as `reviewer:<KEYID>` or `system`, details as the RFC 8785
// canonical JSON of the values these schemas accept. Changing a stored text would break every
// existing store's chain; a new kind of actor or a new action is added, never renamed.
import { z } from "zod";
import { AUDIT_OBJECT_TYPES, type AuditAction } from "../vocabulary/audit-actions.js";
import { AUDIT_DETAILS, AuditFormatError, sha256 } from "./audit-details.js";

export { AUDIT_DETAILS, AuditFormatError, parseAuditDetails, type AuditDetails } from "./audit-details.js";

// ---- Actor -------------------------------------------------------------------------------

/**
 * Who made a change:
 * - `reviewer`: the store's reviewer, named by the id of their minisign signing key as minisign
 *   prints it (upper-case hex without leading zeros, as `formatKeyId` writes it). Every change
 *   made through the app or the CLI in an unlocked session.
 * - `system`: the store acting on its own, with no reviewer yet or none involved: creating itself,
 *   and the passphrase change of a store opened without a session.
 */
export const ACTOR_KINDS = ["reviewer", "system"] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

const printedKeyId = z.string().regex(/^(0|[1-9A-F][0-9A-F]{0,15})$/, "a minisign key id in upper-case hex without leading zeros");

export const actorSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("reviewer"), keyId: printedKeyId }),
  z.strictObject({ kind: z.literal("system") }),
]);

export type Actor = z.infer<typeof actorSchema>;

export const SYSTEM_ACTOR: Actor = Object.freeze({ kind: "system" });

export const reviewerActorOf = (keyId: string): Actor => ({ kind: "reviewer", keyId });

/** The text stored in audit_log.actor (and hashed into the chain). */
export function formatActor(actor: Actor): string {
  const checked = actorSchema.safeParse(actor);
  if (!checked.success) throw new AuditFormatError(`Not an audit actor: ${z.prettifyError(checked.error)}`);
  return checked.data.kind === "reviewer" ? `reviewer:${checked.data.keyId}` : "system";
}

/** The actor a stored text names; refuses any text formatActor would not have written. */
export function parseActor(text: string): Actor {
  if (text === "system") return SYSTEM_ACTOR;
  const match = text.match(/^reviewer:(.*)$/s);
  const keyId = match?.[1];
  if (keyId !== undefined && printedKeyId.safeParse(keyId).success) return reviewerActorOf(keyId);
  throw new AuditFormatError(`Unknown audit actor ${JSON.stringify(text.slice(0, 80))}: expected "system" or "reviewer:<KEYID>".`);
}

// ---- An entry as the API returns it --------------------------------------------------------

const hash = sha256;

const entryFor = <A extends AuditAction>(action: A) =>
  z.strictObject({
    seq: z.number().int().min(1),
    /** ISO 8601, UTC, milliseconds. */
    at: z.iso.datetime(),
    actor: actorSchema,
    action: z.literal(action),
    objectType: z.literal(AUDIT_OBJECT_TYPES[action]),
    objectId: z.string(),
    details: AUDIT_DETAILS[action],
    detailsDigest: hash,
    prevHash: hash,
    rowHash: hash,
  });

export const auditEntry = z.discriminatedUnion("action", [
  entryFor("store.created"),
  entryFor("store.unlocked"),
  entryFor("store.rekeyed"),
  entryFor("settings.changed"),
  entryFor("reviewer.created"),
  entryFor("reviewer.updated"),
  entryFor("age-identity.added"),
  entryFor("authority-key.added"),
  entryFor("authority-key.revoked"),
  entryFor("request.stored"),
  entryFor("attachment.saved"),
  entryFor("blobs.orphans-deleted"),
  entryFor("bundle.refused"),
  entryFor("attachment.viewed"),
  entryFor("grievance.registered"),
  entryFor("grievance.responded"),
  entryFor("document.exported"),
  entryFor("review.started"),
  entryFor("review.independence-declared"),
  entryFor("review.answer-set"),
  entryFor("review.carried-over-confirmed"),
  entryFor("review.finding-reviewed"),
  entryFor("review.scope-changed"),
  entryFor("audit.checkpointed"),
  entryFor("audit.exported"),
  entryFor("request.deleted"),
  entryFor("request.original-exported"),
  entryFor("evidence.orphans-removed"),
  entryFor("decision.signed"),
  entryFor("countersignature.requested"),
  entryFor("countersignature.request-received"),
  entryFor("countersignature.given"),
  entryFor("countersignature.received"),
  entryFor("execution.recorded"),
  entryFor("report.exported"),
  entryFor("audit-pack.exported"),
  entryFor("audit-pack.imported"),
  entryFor("auditor.finding-recorded"),
  entryFor("auditor.report-signed"),
]);

export type AuditEntry = z.infer<typeof auditEntry>;

/**
 * The chain checked from its first row: intact, with the number of rows and the head to keep
 * elsewhere (a log cut short at its end is only caught against a head kept before), or the
 * first row that does not hold and why.
 */
export const auditVerification = z.discriminatedUnion("ok", [
  z.strictObject({ ok: z.literal(true), count: z.number().int().min(0), headSeq: z.number().int().min(0), headHash: hash }),
  z.strictObject({ ok: z.literal(false), seq: z.number().int().min(1), reason: z.string() }),
]);

export type AuditVerification = z.infer<typeof auditVerification>;

// Every action has its entry schema: this fails to compile when one is added to the vocabulary only.
const everyActionHasAnEntry: [Exclude<AuditAction, AuditEntry["action"]>] extends [never] ? true : false = true;
void everyActionHasAnEntry;
