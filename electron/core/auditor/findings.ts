// The auditor's findings on a pack's cases: compliant, or a deviation of a named type, each with
// a red, amber or green recommendation and an optional note. The only thing an auditor's store
// writes after an import; recording a case again replaces its finding, and each time leaves a row.
import type { AuditorFinding, RecordFindingArgs } from "../../../shared/api/auditor.js";
import { DEVIATION_TYPES } from "../../../shared/vocabulary/auditor-findings.js";
import type { Session } from "../session/session.js";
import { AuditPackCaseUnknownError, FindingInvalidError } from "./auditor-errors.js";
import { findingView, findPack } from "./auditor-views.js";

export function recordFinding(session: Session, args: RecordFindingArgs): AuditorFinding {
  const pack = findPack(session, args.pack);
  const cases = session.store.auditPacks.casesOf(pack.id);
  if (!cases.some((each) => each.reference === args.reference)) {
    throw new AuditPackCaseUnknownError(`pack ${pack.id} holds no case ${args.reference}; its cases are ${cases.map((each) => each.reference).join(", ")}`);
  }
  const deviationType = args.deviationType ?? null;
  if (args.verdict === "deviation" && deviationType === null) throw new FindingInvalidError(`a deviation needs its type: one of ${DEVIATION_TYPES.join(", ")}`);
  if (args.verdict === "compliant" && deviationType !== null) throw new FindingInvalidError(`a compliant case has no deviation type (${deviationType} was given)`);
  if (deviationType === "other" && (args.note ?? "").trim() === "") throw new FindingInvalidError("a deviation of type other needs a note saying what it is");
  const note = args.note === undefined || args.note.trim() === "" ? null : args.note.trim();
  const stored = session.store.auditPacks.recordFinding(session.actor, { packId: pack.id, reference: args.reference, verdict: args.verdict, deviationType, recommendation: args.recommendation, note });
  return findingView(stored, cases);
}

export function listFindings(session: Session, packId: string | undefined): AuditorFinding[] {
  const pack = findPack(session, packId);
  const cases = session.store.auditPacks.casesOf(pack.id);
  return session.store.auditPacks.findingsOf(pack.id).map((finding) => findingView(finding, cases));
}
