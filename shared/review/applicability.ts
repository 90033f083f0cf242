// Which of a template's items apply to a request, and, for those that do not, why in plain words.
import { instant } from "./instants.js";
import type { ApplicabilityCondition, ChecklistItem } from "./items.js";
import type { RequestDocument } from "./request-vocabulary.js";
import type { ChecklistTemplate } from "./templates.js";

export type ItemApplicability =
  | { readonly item: ChecklistItem; readonly status: "applies" }
  | { readonly item: ChecklistItem; readonly status: "not-applicable"; readonly reason: string };

const list = (words: readonly string[]): string =>
  words.length <= 1 ? (words[0] ?? "") : `${words.slice(0, -1).join(", ")} or ${words[words.length - 1] ?? ""}`;

export const isEmergency = (request: RequestDocument): boolean => request.urgency.level === "emergency" || request.instrument === "emergency-disclosure";

/** What the condition asks for, e.g. "an eu-production-order asking for traffic, location or content data". */
function describe(condition: ApplicabilityCondition): string {
  const parts = [condition.instruments === undefined ? "a request" : `${list(condition.instruments)} requests`];
  if (condition.anyDataCategory !== undefined) parts.push(`asking for ${list(condition.anyDataCategory)} data`);
  if (condition.emergency === true) parts.push("made in an emergency");
  if (condition.issuerNotJudicial === true) parts.push("issued by an authority other than a court or judge");
  if (condition.nonDisclosureRequested === true) parts.push("asking for non-disclosure");
  if (condition.ongoing === true) parts.push("whose period runs past the date of submission");
  return parts.join(" ");
}

/** The facts of the request that make the condition fail; empty when it holds. */
function failures(condition: ApplicabilityCondition, request: RequestDocument): string[] {
  const out: string[] = [];
  if (condition.instruments !== undefined && !condition.instruments.includes(request.instrument)) out.push(`the instrument is ${request.instrument}`);
  if (condition.anyDataCategory !== undefined && !request.dataCategories.some((category) => condition.anyDataCategory?.includes(category)))
    out.push(`it asks only for ${list(request.dataCategories)} data`);
  if (condition.emergency === true && !isEmergency(request)) out.push(`its urgency is ${request.urgency.level}`);
  if (condition.issuerNotJudicial === true && (request.issuingAuthority.kind === "court" || request.issuingAuthority.kind === "judge"))
    out.push(`it was issued by a ${request.issuingAuthority.kind}`);
  if (condition.nonDisclosureRequested === true && request.nonDisclosure?.requested !== true) out.push("it does not ask for non-disclosure");
  if (condition.ongoing === true) {
    if (request.period === undefined) out.push("it gives no period");
    else if (instant(request.period.to) <= instant(request.submittedAt)) out.push("its period ends before it was submitted");
  }
  return out;
}

export function itemApplicability(item: ChecklistItem, request: RequestDocument): ItemApplicability {
  if (item.appliesWhen.length === 0) return { item, status: "applies" };
  const failed = item.appliesWhen.map((condition) => failures(condition, request));
  if (failed.some((facts) => facts.length === 0)) return { item, status: "applies" };
  const facts = [...new Set(failed.flat())];
  const reason = `Applies only to ${item.appliesWhen.map(describe).join(", or to ")}; ${facts.join("; ")}.`;
  return { item, status: "not-applicable", reason };
}

/** Every item of the template, in order, as applying to the request or not (with the reason). */
export function applicableItems(template: ChecklistTemplate, request: RequestDocument): ItemApplicability[] {
  if (template.instrument !== request.instrument)
    throw new Error(`template ${template.id} is for ${template.instrument} requests; this request is a ${request.instrument}`);
  return template.sections.flatMap((section) => section.items.map((item) => itemApplicability(item, request)));
}
