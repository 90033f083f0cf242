// What the grant changed against the request, one line per change, for the decision screen
// and the decision record. A granted scope that reaches beyond the request is refused.
import { identifierKey } from "./identifiers.js";
import { instant } from "./instants.js";
import type { GrantedScope, ScopeCondition } from "./scope-schema.js";

export type ScopeChange =
  | { readonly field: "categories"; readonly change: "struck"; readonly summary: string }
  | { readonly field: "targets"; readonly change: "struck" | "narrowed"; readonly summary: string }
  | { readonly field: "period"; readonly change: "narrowed" | "set"; readonly summary: string }
  | { readonly field: "retention"; readonly change: "narrowed" | "set"; readonly summary: string }
  | { readonly field: "conditions"; readonly change: "added"; readonly summary: string };

const key = (target: { kind: GrantedScope["targets"][number]["kind"]; value: string }) => identifierKey(target.kind, target.value);

function conditionWords(condition: ScopeCondition): string {
  const dated = "date" in condition ? ` ${condition.date}` : "";
  return `${condition.kind}${dated}: ${condition.text}`;
}

export function scopeDiff(requested: GrantedScope, granted: GrantedScope): ScopeChange[] {
  const extraCategories = granted.categories.filter((category) => !requested.categories.includes(category));
  if (extraCategories.length > 0) throw new Error(`the granted scope adds ${extraCategories.join(", ")}, which the request did not ask for`);
  const requestedKeys = new Set(requested.targets.map(key));
  const extraTarget = granted.targets.find((target) => !requestedKeys.has(key(target)));
  if (extraTarget !== undefined) throw new Error(`the granted scope adds the ${extraTarget.kind} "${extraTarget.value}", which the request did not name`);

  if (requested.period !== undefined) {
    const [asked, given] = [requested.period, granted.period];
    if (given === undefined) throw new Error("the granted scope drops the requested period, which would widen it");
    if (instant(given.from) < instant(asked.from) || instant(given.to) > instant(asked.to))
      throw new Error(`the granted period ${given.from} – ${given.to} reaches outside the requested ${asked.from} – ${asked.to}`);
  }
  if (requested.retentionDays !== undefined && (granted.retentionDays === undefined || granted.retentionDays > requested.retentionDays))
    throw new Error(`the granted retention (${granted.retentionDays ?? "none"}) is longer than the ${requested.retentionDays} days requested`);

  const changes: ScopeChange[] = [];
  for (const category of requested.categories)
    if (!granted.categories.includes(category)) changes.push({ field: "categories", change: "struck", summary: `${category} data: not granted` });
  const grantedByKey = new Map(granted.targets.map((target) => [key(target), target]));
  for (const target of requested.targets) {
    const kept = grantedByKey.get(key(target));
    if (kept === undefined) changes.push({ field: "targets", change: "struck", summary: `${target.kind} ${target.value}: not granted` });
    else if (kept.restriction !== undefined && kept.restriction !== target.restriction)
      changes.push({ field: "targets", change: "narrowed", summary: `${target.kind} ${target.value}: only ${kept.restriction}` });
  }
  const [asked, given] = [requested.period, granted.period];
  if (given !== undefined && (asked === undefined || asked.from !== given.from || asked.to !== given.to))
    changes.push({
      field: "period",
      change: asked === undefined ? "set" : "narrowed",
      summary: asked === undefined ? `period set to ${given.from} – ${given.to} (none was requested)` : `period ${asked.from} – ${asked.to} narrowed to ${given.from} – ${given.to}`,
    });
  if (granted.retentionDays !== undefined && granted.retentionDays !== requested.retentionDays)
    changes.push({
      field: "retention",
      change: requested.retentionDays === undefined ? "set" : "narrowed",
      summary:
        requested.retentionDays === undefined
          ? `retention limited to ${granted.retentionDays} days (none was requested)`
          : `retention ${requested.retentionDays} days narrowed to ${granted.retentionDays}`,
    });
  for (const condition of granted.conditions) changes.push({ field: "conditions", change: "added", summary: conditionWords(condition) });
  return changes;
}
