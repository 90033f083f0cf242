// The decision as printed for a court file: office, request reference, outcome and status,
// requested versus granted scope, conditions, reasons, refusal grounds, the checklist summary,
// the independence declaration, reviewer and countersignatures with key ids, and the
// verification block (digest, QR code, the minisign command).
import type { CountersignatureDocument } from "../../../../shared/formats/countersignature.js";
import type { DecisionDocument } from "../../../../shared/formats/decision.js";
import { areaOfItem } from "../../../../shared/formats/decision.js";
import { CHECKLIST_AREA_TITLES, CHECKLIST_AREAS } from "../../../../shared/vocabulary/checklist-areas.js";
import { DECISION_STATUS_LABELS, countersignaturesOf, decisionStatus } from "../decision-status.js";
import { ANSWER_LABELS, OUTCOME_LABELS, conditionLabel, scopeRows } from "./labels.js";
import { GREY, TEXT_WIDTH, Typesetter, type FieldRow } from "./typesetter.js";
import { drawVerificationBlock, type VerificationFacts } from "./verification-block.js";

export interface DecisionPdfInput {
  document: DecisionDocument;
  verification: VerificationFacts;
  /** Countersignatures received so far; those for another text of the decision are left out. */
  countersignatures: readonly CountersignatureDocument[];
}

export async function renderDecisionPdf(input: DecisionPdfInput): Promise<Uint8Array> {
  const { document: decision, verification } = input;
  const status = decisionStatus(decision, verification.digest, input.countersignatures);
  const out = await Typesetter.create({
    title: `Decision ${decision.id}`,
    author: `${decision.reviewer.name}, ${decision.reviewer.office}`,
    subject: `Decision on request ${decision.request.authority}/${decision.request.id}/${decision.request.revision}: ${decision.outcome}`,
    date: new Date(decision.decidedAt),
  });
  const request = decision.request;

  out.text(decision.reviewer.office, { size: 9, color: GREY });
  out.gap(2);
  out.text(`Decision ${decision.id}`, { size: 16, bold: true });
  out.text(`${OUTCOME_LABELS[decision.outcome]} (${decision.outcome})`, { size: 13, bold: true });
  out.text(`Status: ${DECISION_STATUS_LABELS[status]}`, { size: 10, bold: status !== "final" });
  out.gap(6);
  const facts: FieldRow[] = [
    ["Request", `${request.authority} / ${request.id}, revision ${request.revision}`],
    ["Bundle digest", `sha256:${request.bundleDigest}`, 7.5],
    ["Decided at", decision.decidedAt],
  ];
  if (decision.supersedes !== undefined) facts.push(["Supersedes", `decision ${decision.supersedes}, which this decision replaces`]);
  if (decision.reassessBy !== undefined) facts.push(["Reassess by", decision.reassessBy]);
  if (decision.notifyBy !== undefined) facts.push(["Notify the person by", decision.notifyBy]);
  facts.push(["Four eyes", decision.countersignaturesRequired ? "a second reviewer's countersignature is required" : "no countersignature required"]);
  out.fields(facts, 110);

  out.heading("Scope: requested and granted");
  const requested = scopeRows(decision.requestedScope);
  const granted = scopeRows(decision.grantedScope);
  const column = (TEXT_WIDTH - 100) / 2;
  out.table(
    [
      ["Data categories", requested.categories, granted.categories],
      ["Targets", requested.targets, granted.targets],
      ["Period", requested.period, granted.period],
      ["Retention", requested.retention, granted.retention],
    ],
    [100, column, column],
    { header: ["", "Requested", "Granted"], boldFirstColumn: true },
  );
  const conditions = decision.grantedScope?.conditions ?? [];
  out.heading("Conditions");
  if (conditions.length === 0) out.text("None.");
  for (const condition of conditions) out.text(`• ${conditionLabel(condition)}`, { indent: 6 });

  out.heading("Reasons");
  for (const area of CHECKLIST_AREAS) {
    const reason = decision.reasons[area];
    if (reason === undefined) continue;
    out.text(CHECKLIST_AREA_TITLES[area], { bold: true });
    out.text(reason, { indent: 6 });
    out.gap(3);
  }
  if (CHECKLIST_AREAS.every((area) => decision.reasons[area] === undefined)) out.text("Authorised as requested; no reasons are required.");
  if (decision.refusalGrounds !== undefined) {
    out.text(`Refusal grounds (checklist items): ${decision.refusalGrounds.join(", ")}`, { bold: true });
  }

  drawChecklist(out, decision);

  out.heading("Independence");
  out.text(decision.independence.statement);
  out.text(`Declared at ${decision.independence.declaredAt}.`, { color: GREY });

  out.heading("Signatures");
  out.fields([["Reviewer", `${decision.reviewer.name}, ${decision.reviewer.office}; minisign key ${decision.reviewer.keyId}`]]);
  const answers = countersignaturesOf(decision, verification.digest, input.countersignatures);
  if (answers.length === 0) out.text(decision.countersignaturesRequired ? "Countersignature: none received yet." : "Countersignature: not required.");
  for (const answer of answers) {
    const verdict = answer.verdict === "signed" ? "countersigned" : "declined to countersign";
    out.fields([[answer.verdict === "signed" ? "Countersigned" : "Declined", `${answer.reviewer.name}, ${answer.reviewer.office}; minisign key ${answer.reviewer.keyId}; ${verdict} at ${answer.at} (${answer.id})`]]);
    if (answer.reasons !== undefined) out.text(answer.reasons, { indent: 130 });
  }

  drawVerificationBlock(out, verification);
  return out.finish((page, pages) => `Decision ${decision.id}  ·  sha256:${verification.digest.slice(0, 16)}…  ·  page ${page} of ${pages}`);
}

function drawChecklist(out: Typesetter, decision: DecisionDocument): void {
  const { checklist } = decision;
  out.heading("Checklist");
  out.text(`Template ${checklist.templateId}, version ${checklist.templateVersion}.`);
  out.gap(2);
  out.fields(
    CHECKLIST_AREAS.map((area) => {
      const items = checklist.items.filter((item) => areaOfItem(item.id) === area);
      return [CHECKLIST_AREA_TITLES[area], items.length === 0 ? "no items" : items.map((item) => `${item.id} ${ANSWER_LABELS[item.answer]}`).join(" · ")] as const;
    }),
    175,
  );
  for (const deferred of checklist.deferredItems ?? []) out.text(`Deferred ${deferred.id}: ${deferred.reason}`, { indent: 6 });
  if (checklist.overriddenFindings.length > 0) {
    out.gap(3);
    out.ensure(4 * 12.5);
    out.text("Findings overridden by the reviewer", { bold: true });
    for (const overridden of checklist.overriddenFindings) {
      out.text(`${overridden.itemId} (rule ${overridden.ruleId}): ${overridden.finding}`, { indent: 6 });
      out.text(`Reviewer's note: ${overridden.note}`, { indent: 16, color: GREY });
    }
  }
}
