// Registering grievances and reading the register. A grievance is checked against its schema
// (docs/decisions.md), given its response deadline (the office's period, to midnight in the
// office's time zone), linked to the stored case it names, and stored in one transaction with a
// content-free audit row. The register's views are what the API and the CLI show.
import type { GrievanceEntry, GrievanceView } from "../../../shared/api/grievances.js";
import { grievanceDocumentSchema, GRIEVANCE_SCHEMA, type GrievanceDocument } from "../../../shared/formats/grievance.js";
import { grievanceResponseDocumentSchema } from "../../../shared/formats/grievance-response.js";
import { describeZodIssue } from "../../../shared/formats/request.js";
import { DUE_SOON_MS } from "../../../shared/review/clocks.js";
import { addDays, endOfDay, parseCivilDate } from "../../../shared/review/zoned-time.js";
import type { ClockState } from "../../../shared/vocabulary/clock-kinds.js";
import { canonicalJson } from "../crypto/canonical-json.js";
import { formatKeyId } from "../crypto/minisign.js";
import { isKeyringAuthority } from "../keyring/reply-recipient.js";
import type { Session } from "../session/session.js";
import { getGrievanceSettings } from "../settings/grievance-settings.js";
import type { StoredGrievance, StoredGrievanceResponse } from "../store/index.js";
import { GrievanceInvalidError, GrievanceNotFoundError } from "./grievance-errors.js";

export interface RegisterOptions {
  /** A keyring authority that sealed responses go to (a provider or body with an age recipient). */
  replyTo?: string;
  source?: "letter" | "bundle";
  /** A grievance imported as a bundle: the key that signed it and the bundle's digest. */
  signer?: { keyId: Uint8Array; bundleDigest: string };
}

/** `fields` are a grievance document's but its schema line: checked here, each fault named. */
export function registerGrievance(session: Session, fields: GrievanceEntry | Readonly<Record<string, unknown>>, options: RegisterOptions = {}): GrievanceView {
  const document = parseGrievance({ ...fields, schema: GRIEVANCE_SCHEMA });
  if (options.replyTo !== undefined && !isKeyringAuthority(session, options.replyTo)) {
    throw new GrievanceInvalidError(`replyTo: ${options.replyTo} is not an authority of the keyring; add it (with its age recipient) first, or leave it out`);
  }
  const { responseDays, timeZone } = getGrievanceSettings(session);
  const respondBy = new Date(endOfDay(addDays(parseCivilDate(document.received), responseDays), timeZone));
  const concerns = document.concerns;
  const caseId = concerns.kind === "request" ? (session.store.grievances.findCaseId(concerns.authority, concerns.id) ?? null) : null;
  const stored = session.store.grievances.registerGrievance(session.actor, {
    id: document.id,
    documentJson: canonicalJson(document),
    source: options.source ?? "letter",
    received: document.received,
    respondBy,
    caseId,
    replyAuthorityId: options.replyTo ?? null,
    signerKeyId: options.signer?.keyId ?? null,
    bundleDigest: options.signer?.bundleDigest ?? null,
    complainantKind: document.complainant.kind,
    grounds: document.grounds,
  });
  return grievanceViewOf(session, stored);
}

export function listGrievances(session: Session): GrievanceView[] {
  return session.store.grievances.listGrievances().map((grievance) => grievanceViewOf(session, grievance));
}

export function getGrievance(session: Session, id: string): GrievanceView {
  return grievanceViewOf(session, findGrievance(session, id));
}

/** The grievances about a stored request's case, for the request's page (the link back). */
export function grievancesAboutCase(session: Session, authority: string, id: string): GrievanceView[] {
  const caseId = session.store.grievances.findCaseId(authority, id);
  return caseId === undefined ? [] : session.store.grievances.grievancesOfCase(caseId).map((grievance) => grievanceViewOf(session, grievance));
}

export function findGrievance(session: Session, id: string): StoredGrievance {
  const stored = session.store.grievances.getGrievance(id);
  if (stored === undefined) throw new GrievanceNotFoundError(`the register holds no grievance ${id}`);
  return stored;
}

export function storedGrievanceDocument(stored: StoredGrievance): GrievanceDocument {
  return grievanceDocumentSchema.parse(JSON.parse(stored.documentJson));
}

function parseGrievance(value: unknown): GrievanceDocument {
  const parsed = grievanceDocumentSchema.safeParse(value, { reportInput: true });
  if (!parsed.success) throw new GrievanceInvalidError(`the grievance is not valid: ${parsed.error.issues.map(describeZodIssue).join("; ")}`);
  return parsed.data;
}

function grievanceViewOf(session: Session, stored: StoredGrievance): GrievanceView {
  const document = storedGrievanceDocument(stored);
  const concerns = document.concerns;
  return {
    id: document.id,
    source: stored.source,
    complainant: document.complainant,
    concerns,
    grounds: document.grounds,
    statement: document.statement,
    remedySought: document.remedySought,
    received: document.received,
    respondBy: stored.respondBy.toISOString(),
    clock: deadlineState(stored, session.runtime.clock.now()),
    linkedCase: stored.caseId !== null && concerns.kind === "request" ? { authority: concerns.authority, id: concerns.id } : null,
    replyTo: stored.replyAuthorityId,
    signer: signerOf(session, stored),
    response: stored.response === null ? null : responseSummary(stored.response),
  };
}

function signerOf(session: Session, stored: StoredGrievance): GrievanceView["signer"] {
  if (stored.signerKeyId === null) return null;
  const key = session.store.keyring.findKeyById(stored.signerKeyId);
  return { entry: key?.authorityId ?? "", keyId: formatKeyId(stored.signerKeyId) };
}

function responseSummary(stored: StoredGrievanceResponse): NonNullable<GrievanceView["response"]> {
  const response = grievanceResponseDocumentSchema.parse(JSON.parse(new TextDecoder().decode(stored.bytes)));
  const { id, outcome, remedies, reasons, respondedAt } = response;
  return { id, outcome, remedies, reasons, respondedAt, sha256: stored.sha256, reviewerKeyId: response.reviewer.keyId };
}

/** The response deadline as a clock: met once answered, else by how much time is left. */
export function deadlineState(stored: StoredGrievance, now: Date): ClockState {
  if (stored.response !== null) return "met";
  const left = stored.respondBy.getTime() - now.getTime();
  if (left < 0) return "overdue";
  return left <= DUE_SOON_MS ? "due-soon" : "running";
}
