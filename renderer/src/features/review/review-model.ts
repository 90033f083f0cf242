// The workspace's logic without a DOM: which items are questions, progress per checklist, where
// j/k move, what a key means, and what still stands between the review and a decision.
import type { ReviewClock, ReviewItem, ReviewView, ScopeChangeArgs } from "../../../../shared/api/review.js";
import type { ChecklistAnswer } from "../../../../shared/vocabulary/checklist-answers.js";
import { CHECKLIST_AREAS, type ChecklistArea } from "../../../../shared/vocabulary/checklist-areas.js";
import type { ClockState } from "../../../../shared/vocabulary/clock-kinds.js";

/** The answer keys, in the order the radio group shows them: 1 met, 2 not met, 3 n/a, 4 needs information. */
export const ANSWER_KEYS: Readonly<Record<string, ChecklistAnswer>> = { "1": "met", "2": "not-met", "3": "na", "4": "info" };

export type WorkspaceKeyAction = { kind: "answer"; answer: ChecklistAnswer } | { kind: "note" } | { kind: "move"; delta: 1 | -1 };

export interface WorkspaceKey {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  /** True inside text fields and selects, where the keys type. */
  inTextField: boolean;
}

/** The workspace's own keys; null for anything else (typing in a field, a modifier held). */
export function workspaceKeyAction(event: WorkspaceKey): WorkspaceKeyAction | null {
  if (event.inTextField || event.ctrlKey || event.metaKey || event.altKey) return null;
  const answer = ANSWER_KEYS[event.key];
  if (answer) return { kind: "answer", answer };
  if (event.key === "n") return { kind: "note" };
  if (event.key === "j") return { kind: "move", delta: 1 };
  if (event.key === "k") return { kind: "move", delta: -1 };
  return null;
}

/** The questions of the review, in checklist order (the template's order within each area). */
export function questions(items: readonly ReviewItem[]): ReviewItem[] {
  return CHECKLIST_AREAS.flatMap((area) => items.filter((item) => item.applies && item.area === area));
}

export const questionsIn = (items: readonly ReviewItem[], area: ChecklistArea): ReviewItem[] => items.filter((item) => item.applies && item.area === area);

export const notApplicableIn = (items: readonly ReviewItem[], area: ChecklistArea): ReviewItem[] => items.filter((item) => !item.applies && item.area === area);

/** An answer the reviewer has given on this revision (a carried-over one counts once confirmed). */
export const isAnswered = (item: ReviewItem): boolean => item.answer !== null && item.carriedOver === null;

export const openFindings = (item: ReviewItem) => item.findings.filter((finding) => finding.status === "open");

export interface AreaProgress {
  area: ChecklistArea;
  answered: number;
  total: number;
  /** Blocking items answered "not met": a favourable decision is not possible while any stands. */
  blockingNotMet: number;
  openFindings: number;
}

export function areaProgress(items: readonly ReviewItem[], area: ChecklistArea): AreaProgress {
  const inArea = questionsIn(items, area);
  return {
    area,
    answered: inArea.filter(isAnswered).length,
    total: inArea.length,
    blockingNotMet: inArea.filter((item) => item.blocking && isAnswered(item) && item.answer === "not-met").length,
    openFindings: inArea.reduce((sum, item) => sum + openFindings(item).length, 0),
  };
}

/** The item j (+1) or k (-1) moves to, across the three checklists; it stops at either end. */
export function neighbourItem(items: readonly ReviewItem[], currentId: string | null, delta: 1 | -1): string | null {
  const list = questions(items);
  if (list.length === 0) return null;
  const index = list.findIndex((item) => item.id === currentId);
  if (index === -1) return list[0]?.id ?? null;
  return list[Math.min(list.length - 1, Math.max(0, index + delta))]?.id ?? null;
}

/** Where the workspace opens: the first question without an answer, else the first question. */
export function firstOpenItem(items: readonly ReviewItem[]): string | null {
  const list = questions(items);
  return (list.find((item) => !isAnswered(item)) ?? list[0])?.id ?? null;
}

export interface Completeness {
  independenceDeclared: boolean;
  /** Applicable items without an answer of this revision, as the core counts them. */
  unanswered: ReviewItem[];
  /** Carried-over answers still waiting for the reviewer's confirmation. */
  unconfirmed: ReviewItem[];
  /** Findings neither accepted nor overridden. */
  openFindings: { item: ReviewItem; rule: string }[];
  ready: boolean;
}

/** What stands between this review and a decision. The core's `unanswered` list is the authority. */
export function completeness(view: ReviewView): Completeness {
  const byId = new Map(view.items.map((item) => [item.id, item]));
  const listed = view.unanswered.map((id) => byId.get(id)).filter((item): item is ReviewItem => item !== undefined);
  const unconfirmed = listed.filter((item) => item.carriedOver !== null);
  const unanswered = listed.filter((item) => item.carriedOver === null);
  const findings = questions(view.items).flatMap((item) => openFindings(item).map((finding) => ({ item, rule: finding.rule })));
  const independenceDeclared = view.independence !== null;
  return { independenceDeclared, unanswered, unconfirmed, openFindings: findings, ready: independenceDeclared && view.unanswered.length === 0 && findings.length === 0 };
}

const CLOCK_URGENCY: Readonly<Record<ClockState, number>> = { overdue: 0, "due-soon": 1, running: 2, met: 3 };

/** Clocks as the reviewer should read them: overdue first, then soonest due; met ones last. */
export function orderedClocks(clocks: readonly ReviewClock[]): ReviewClock[] {
  return [...clocks].sort((a, b) => CLOCK_URGENCY[a.state] - CLOCK_URGENCY[b.state] || Date.parse(a.due) - Date.parse(b.due));
}

/** A save key for one thing the reviewer changes, so its saving/failed state shows beside it. */
export const saveKey = {
  independence: "independence",
  answer: (item: string) => `answer:${item}`,
  confirm: (item: string) => `confirm:${item}`,
  finding: (rule: string) => `finding:${rule}`,
  /** Per part of the scope, so a refused change shows beside the form that sent it. */
  scope: (part: ScopePart) => `scope:${part}`,
} as const;

export type ScopePart = "categories" | "targets" | "period" | "retention" | "conditions";

const SCOPE_PART_OF_OP: Readonly<Record<ScopeChangeArgs["op"], ScopePart>> = {
  "strike-category": "categories",
  "strike-target": "targets",
  "narrow-target": "targets",
  "set-period": "period",
  "set-retention": "retention",
  "add-condition": "conditions",
  "remove-condition": "conditions",
};

export const scopePartOf = (change: ScopeChangeArgs): ScopePart => SCOPE_PART_OF_OP[change.op];
