// The auditor screens' pure parts: what a pack still lacks before its report can be signed, the
// audit excerpt's rows in a shape a table can show, the finding form's checks (the core's rules,
// said before the call), and a read-only document broken into labelled parts.
import type { AuditPackCaseView, AuditPackView } from "../../../../shared/api/auditor.js";
import type { DeviationType, FindingVerdict, Recommendation } from "../../../../shared/vocabulary/auditor-findings.js";

/** The randomly sampled cases without a finding yet: the report is signed only when there are none. */
export const sampledWithoutFinding = (view: AuditPackView): string[] =>
  view.cases.filter((each) => each.selection === "sample" && each.finding === null).map((each) => each.reference);

/** The case that follows `reference` in the pack's order, to go on to once a finding is saved. */
export function nextCase(view: AuditPackView, reference: string): AuditPackCaseView | null {
  const index = view.cases.findIndex((each) => each.reference === reference);
  return index < 0 ? null : (view.cases[index + 1] ?? null);
}

export interface ExcerptRow {
  seq: number;
  at: string | null;
  action: string;
  objectId: string;
  rowHash: string;
}

const field = (row: Record<string, unknown>, name: string): unknown => row[name];

/** The audit excerpt's rows as the pack carried them (seq, time in ms, action, object, row hash). */
export function excerptRows(audit: readonly unknown[]): ExcerptRow[] {
  return audit.flatMap((value) => {
    if (typeof value !== "object" || value === null) return [];
    const row = value as Record<string, unknown>;
    const seq = field(row, "seq");
    const at = field(row, "at");
    return [
      {
        seq: typeof seq === "number" ? seq : 0,
        at: typeof at === "number" ? new Date(at).toISOString() : null,
        action: String(field(row, "action") ?? ""),
        objectId: String(field(row, "objectId") ?? ""),
        rowHash: String(field(row, "rowHash") ?? ""),
      },
    ];
  });
}

export interface FindingForm {
  verdict: FindingVerdict | null;
  deviationType: DeviationType | null;
  recommendation: Recommendation | null;
  note: string;
}

export type FindingProblem = "verdict" | "deviation-type" | "recommendation" | "note";

/** What the form lacks, in the order the fields appear (the core refuses the same). */
export function findingProblems(form: FindingForm): FindingProblem[] {
  const problems: FindingProblem[] = [];
  if (form.verdict === null) problems.push("verdict");
  if (form.verdict === "deviation" && form.deviationType === null) problems.push("deviation-type");
  if (form.recommendation === null) problems.push("recommendation");
  if (form.verdict === "deviation" && form.deviationType === "other" && form.note.trim() === "") problems.push("note");
  return problems;
}

/** The form as a finding on record fills it, or empty. */
export function formOf(finding: AuditPackCaseView["finding"]): FindingForm {
  if (finding === null) return { verdict: null, deviationType: null, recommendation: null, note: "" };
  return { verdict: finding.verdict, deviationType: finding.deviationType, recommendation: finding.recommendation, note: finding.note ?? "" };
}

export type DocumentPart = { kind: "value"; label: string; text: string } | { kind: "group"; label: string; parts: DocumentPart[] };

/** `dataCategories` -> `Data categories`: the document's own field names, made readable. */
export const fieldLabel = (key: string): string => {
  const words = key.replace(/([a-z0-9])([A-Z])/g, "$1 $2").replace(/[-_]/g, " ").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/**
 * A JSON document as labelled parts, for reading only: objects become groups of their fields,
 * arrays groups numbered from 1, and everything else its text. The office's documents are shown
 * as they came, whatever fields they carry.
 */
export function documentParts(value: unknown, label = ""): DocumentPart[] {
  if (Array.isArray(value)) return value.length === 0 ? [{ kind: "value", label, text: "—" }] : [{ kind: "group", label, parts: value.flatMap((item, index) => documentParts(item, String(index + 1))) }];
  if (typeof value === "object" && value !== null) {
    const parts = Object.entries(value).flatMap(([key, item]) => documentParts(item, fieldLabel(key)));
    return label === "" ? parts : [{ kind: "group", label, parts }];
  }
  const text = value === null || value === undefined ? "—" : String(value);
  return [{ kind: "value", label, text }];
}

/** A rate given in percent (4.9508) as the locale writes it, to two decimals: "4.95%". */
export const formatRate = (percent: number, locale: string): string =>
  new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 2, minimumFractionDigits: 0 }).format(percent / 100);
