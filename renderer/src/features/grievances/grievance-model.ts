// The grievance register's logic without a DOM: its order (open ones by the soonest response
// deadline, answered ones after), the hand-entered form's fields as the grievance the core
// checks, and whether a response can be sealed back to its addressee.
import type { GrievanceEntry, GrievanceView } from "../../../../shared/api/grievances.js";
import type { KeyringEntry } from "../../../../shared/api/keyring.js";
import type { ComplainantKind, GrievanceConcernKind, GrievanceGround } from "../../../../shared/vocabulary/grievance-vocabulary.js";
import { canSealTo } from "../decisions/decision-model.js";

/** Open grievances first, soonest response deadline first; answered ones after, in the same order. */
export const byDeadline = (grievances: readonly GrievanceView[]): GrievanceView[] =>
  [...grievances].sort((a, b) => Number(a.response !== null) - Number(b.response !== null) || Date.parse(a.respondBy) - Date.parse(b.respondBy) || a.id.localeCompare(b.id));

export interface GrievanceDraft {
  id: string;
  complainantKind: ComplainantKind;
  complainantName: string;
  contact: string;
  concernsKind: GrievanceConcernKind;
  concernAuthority: string;
  concernId: string;
  concernRevision: string;
  concernDecision: string;
  concernDescription: string;
  grounds: readonly GrievanceGround[];
  statement: string;
  remedySought: string;
  /** YYYY-MM-DD, as a date input gives it. */
  received: string;
  /** A keyring authority sealed responses go to, or "" for none. */
  replyTo: string;
}

export const EMPTY_GRIEVANCE: GrievanceDraft = {
  id: "",
  complainantKind: "data-subject",
  complainantName: "",
  contact: "",
  concernsKind: "request",
  concernAuthority: "",
  concernId: "",
  concernRevision: "",
  concernDecision: "",
  concernDescription: "",
  grounds: [],
  statement: "",
  remedySought: "",
  received: "",
  replyTo: "",
};

export type GrievanceField = "id" | "complainantName" | "concernAuthority" | "concernId" | "concernRevision" | "concernDecision" | "grounds" | "statement" | "remedySought" | "received";

/** What the form's fields are missing, by field: the core checks again and names anything else. */
export function grievanceEntryOf(draft: GrievanceDraft): { ok: true; entry: GrievanceEntry; replyTo: string | null } | { ok: false; missing: GrievanceField[] } {
  const value = (text: string) => text.trim();
  const missing: GrievanceField[] = [];
  const need = (field: GrievanceField, text: string) => value(text) === "" && missing.push(field);
  need("id", draft.id);
  need("complainantName", draft.complainantName);
  need("statement", draft.statement);
  need("remedySought", draft.remedySought);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.received)) missing.push("received");
  if (draft.grounds.length === 0) missing.push("grounds");
  let concerns: GrievanceEntry["concerns"];
  if (draft.concernsKind === "request") {
    need("concernAuthority", draft.concernAuthority);
    need("concernId", draft.concernId);
    const revision = Number(draft.concernRevision);
    if (value(draft.concernRevision) !== "" && !(Number.isInteger(revision) && revision >= 1)) missing.push("concernRevision");
    concerns = { kind: "request", authority: value(draft.concernAuthority), id: value(draft.concernId), ...(value(draft.concernRevision) !== "" && { revision }) };
  } else if (draft.concernsKind === "decision") {
    need("concernDecision", draft.concernDecision);
    concerns = { kind: "decision", decisionId: value(draft.concernDecision) };
  } else {
    concerns = { kind: "unknown", ...(value(draft.concernDescription) !== "" && { description: value(draft.concernDescription) }) };
  }
  if (missing.length > 0) return { ok: false, missing };
  return {
    ok: true,
    entry: {
      id: value(draft.id),
      complainant: { kind: draft.complainantKind, name: value(draft.complainantName), ...(value(draft.contact) !== "" && { contact: value(draft.contact) }) },
      concerns,
      grounds: [...draft.grounds],
      statement: value(draft.statement),
      remedySought: value(draft.remedySought),
      received: draft.received,
    },
    replyTo: draft.replyTo === "" ? null : draft.replyTo,
  };
}

/** Why a response cannot be sealed back (null: it can): no keyring entry named, or none with a usable age recipient. */
export function sealUnavailable(view: GrievanceView, keyring: readonly KeyringEntry[], now: Date): "no-reply-to" | "no-recipient" | null {
  if (view.replyTo === null) return "no-reply-to";
  return canSealTo(keyring, view.replyTo, now) ? null : "no-recipient";
}

/** The keyring's authorities, once each, for the "reply to" choice. */
export const keyringAuthorities = (keyring: readonly KeyringEntry[]): { id: string; name: string }[] =>
  [...new Map(keyring.map((entry) => [entry.authorityId, { id: entry.authorityId, name: entry.name }])).values()].sort((a, b) => a.id.localeCompare(b.id));
