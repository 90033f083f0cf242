// `counterseal review REF` and `counterseal clocks`: the review of a request revision, scripted.
// `review --json` prints exactly what getReview answers; its change flags go through the same
// review service as the app, all of one command in one transaction (a refused flag takes back the
// ones before it), and `clocks --json` prints one open clock per line, soonest first.
import type { Command } from "commander";
import type { ReviewRef, ReviewView } from "../../../shared/api/review.js";
import { identifierKey } from "../../../shared/review/identifiers.js";
import { scopeDiff } from "../../../shared/review/scope-diff.js";
import { listStoreClocks } from "../../core/review/review-clocks.js";
import { changeScope, confirmCarriedOver, declareIndependence, getReview, reviewFinding, setAnswer } from "../../core/review/review-service.js";
import { NothingCarriedOverError, ScopeRefusedError } from "../../core/review/review-errors.js";
import { parseRequestRef, RequestNotFoundError } from "../../core/requests/requests-service.js";
import type { Session } from "../../core/session/session.js";
import { assertOfficeStore } from "../../core/auditor/store-mode.js";
import { printJson, withSession } from "../context.js";
import { planChanges, type PlannedChange, type ReviewFlags } from "./review-input.js";

const collect = (value: string, previous: string[]): string[] => [...previous, value];

/** AUTHORITY/ID[/REVISION], as `counterseal show` takes it; without a revision, the latest. */
export function reviewRefOf(session: Session, text: string): ReviewRef {
  const ref = parseRequestRef(text);
  const stored = session.store.requests.getRequest(ref.authority, ref.id, ref.revision);
  if (stored === undefined) throw new RequestNotFoundError(`no stored request ${text}`);
  return { authority: stored.authorityId, id: stored.documentId, revision: stored.revision };
}

/** The granted target a value names, however it is written (its kind is the request's). */
function targetNamed(view: ReviewView, value: string): { kind: ReviewView["grantedScope"]["targets"][number]["kind"]; value: string } {
  const target = view.grantedScope.targets.find((candidate) => identifierKey(candidate.kind, candidate.value) === identifierKey(candidate.kind, value));
  if (target === undefined) throw new ScopeRefusedError(`--strike-target ${value}: no granted target is that identifier (${view.grantedScope.targets.map((t) => t.value).join(", ")})`);
  return { kind: target.kind, value };
}

function apply(session: Session, ref: ReviewRef, change: PlannedChange): void {
  switch (change.kind) {
    case "independence":
      declareIndependence(session, { ...ref, conflict: change.conflict, note: change.note });
      return;
    case "answer":
      setAnswer(session, { ...ref, item: change.item, answer: change.answer, note: change.note });
      return;
    case "confirm": {
      const items = change.items === "all" ? getReview(session, ref).items.filter((item) => item.carriedOver !== null).map((item) => item.id) : change.items;
      if (items.length === 0) throw new NothingCarriedOverError("no answer carried over from an earlier revision waits for confirmation");
      confirmCarriedOver(session, { ...ref, items });
      return;
    }
    case "finding":
      reviewFinding(session, { ...ref, rule: change.rule, status: change.status, note: change.note });
      return;
    case "strike-target":
      changeScope(session, { ...ref, change: { op: "strike-target", ...targetNamed(getReview(session, ref), change.value) } });
      return;
    case "scope":
      changeScope(session, { ...ref, change: change.change });
      return;
  }
}

function describeReview(view: ReviewView): string {
  const applying = view.items.filter((item) => item.applies);
  const open = applying.flatMap((item) => item.findings.filter((finding) => finding.status === "open").map((finding) => `${item.id} ${finding.severity} ${finding.rule}: ${finding.reason}`));
  const independence = view.independence === null ? "not declared" : view.independence.conflict ? `conflict declared: ${view.independence.note ?? ""}` : "declared, no conflict";
  const lines = [
    `${view.request.authority}/${view.request.id} revision ${view.request.revision}: ${view.state}, template ${view.template.id}`,
    `independence: ${independence}`,
    `answered ${applying.length - view.unanswered.length} of ${applying.length}${view.unanswered.length > 0 ? `; unanswered: ${view.unanswered.join(" ")}` : ""}`,
    ...open.map((line) => `open finding ${line}`),
    ...view.clocks.map((clock) => `clock ${clock.kind} due ${clock.due} (${clock.state}): ${clock.source}`),
    ...scopeDiff(view.requestedScope, view.grantedScope).map((change) => `granted: ${change.summary}`),
    view.intrusion.summary,
    ...view.related.map((related) => `related: ${related.authority}/${related.id}/${related.revision} (${related.instrument}, ${related.state}) names ${related.identifier.kind} ${related.identifier.value}`),
  ];
  return `${lines.join("\n")}\n`;
}

export function registerReviewCommands(program: Command): void {
  program
    .command("review")
    .description("show a request revision's review, or change it (all changes of one command together, or none)")
    .argument("<ref>", "AUTHORITY/ID or AUTHORITY/ID/REVISION (the latest revision when omitted)")
    .option("--json", "print the review as one JSON object (what the app's getReview answers)")
    .option("--declare-independence", "declare that you have no conflict of interest in this case (before any answer)")
    .option("--conflict <text>", "with --declare-independence: declare a conflict of interest, saying what it is")
    .option("--set <item=answer>", "answer a checklist item: met, not-met, na or info (repeatable)", collect, [])
    .option("--confirm <item>", "confirm the answer carried over from the previous revision's review (repeatable; all for every one)", collect, [])
    .option("--note <text>", "the note of the one --set, --override or --accept given with it")
    .option("--override <rule>", "override the rule's finding (needs --note)")
    .option("--accept <rule>", "accept the rule's finding (needs --note)")
    .option("--strike-category <category>", "grant without this data category (repeatable)", collect, [])
    .option("--strike-target <value>", "grant without this identifier, however it is written (repeatable)", collect, [])
    .option("--period <from..to>", "grant this period, inside the requested one (RFC 3339 date-times)")
    .option("--retention <days>", "grant this retention in days, no longer than requested")
    .option("--condition <kind[=date][:text]>", "attach a condition, e.g. reassess-by=2027-01-31:TEXT (repeatable)", collect, [])
    .action(async (text: string, flags: ReviewFlags, command: Command) => {
      const changes = planChanges(flags);
      await withSession(command, (session) => {
        if (changes.length > 0) assertOfficeStore(session, "change a review");
        const ref = reviewRefOf(session, text);
        session.store.transaction(() => {
          for (const change of changes) apply(session, ref, change);
        });
        const view = getReview(session, ref);
        if (flags.json) printJson(view);
        else process.stdout.write(describeReview(view));
      });
    });
  program
    .command("clocks")
    .description("list every open clock of the store (requests' and grievances' response deadlines), soonest first")
    .option("--json", "one JSON object per clock")
    .action(async (options: { json?: boolean }, command: Command) => {
      await withSession(command, (session) => {
        for (const clock of listStoreClocks(session)) {
          if (options.json) printJson(clock);
          else process.stdout.write(`${clock.due}  ${clock.state.padEnd(8)}  ${clock.kind.padEnd(18)}  ${"grievance" in clock ? `grievance ${clock.grievance}` : `${clock.authority}/${clock.id}/${clock.revision}`}  ${clock.source}\n`);
        }
      });
    });
}
