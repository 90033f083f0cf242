// The transparency report (docs/statistics.md): pure, from the store's one read of case facts and
// grievances, so the CLI, the PDF and the app's charts all show the same numbers. Every table
// counts the cases received in the period (their first revision's receipt, in the office's time
// zone), stored or deleted, with their outcome as it stands when the report is made.
import { DATA_CATEGORIES } from "../vocabulary/data-categories.js";
import { DECISION_OUTCOMES } from "../vocabulary/decision-outcomes.js";
import { EXECUTION_OUTCOMES, NON_COMPLIANCE_GROUNDS, PRODUCING_OUTCOMES } from "../vocabulary/execution-outcomes.js";
import { GRIEVANCE_OUTCOMES } from "../vocabulary/grievance-outcomes.js";
import { INSTRUMENTS } from "../vocabulary/instruments.js";
import { URGENCY_LEVELS } from "../vocabulary/urgencies.js";
import type { CaseFacts, GrievanceFacts, ReportFacts } from "./case-facts.js";
import { summariseDurations } from "./measures.js";
import { periodMonths } from "./months.js";
import { buildTable, compareKeys, labelled, type ReportTable, type TableSpec } from "./tables.js";
import type { PublishedCount } from "./suppression.js";

export const REPORT_SCHEMA = "counterseal.transparency-report/1";
export const DEFAULT_THRESHOLD = 5;

export interface ReportOptions {
  /** The period's days, YYYY-MM-DD, both included, in the office's time zone: the facts are those of the cases received in it. */
  from: string;
  to: string;
  timeZone: string;
  threshold: number;
  generatedAt: string;
}

export interface TimeRow {
  key: string;
  label: string;
  cases: PublishedCount;
  medianHours: number | null;
  meanHours: number | null;
  p90Hours: number | null;
}

export interface TimeTable {
  id: string;
  title: string;
  note: string;
  rows: TimeRow[];
}

export interface TransparencyReport {
  schema: typeof REPORT_SCHEMA;
  period: { from: string; to: string; timeZone: string };
  generatedAt: string;
  threshold: number;
  tables: ReportTable[];
  times: TimeTable[];
  /** The tables in the shape of Reg. 2023/1543 Art 28(2), over EU production and preservation orders. */
  art28: { tables: ReportTable[]; times: TimeTable[] };
}

const ONE = [{ key: "requests", label: "requests" }] as const;
const eachOf = (values: readonly string[], each: (value: string) => void): void => {
  for (const value of values) each(value);
};
const single = <F>(spec: Omit<TableSpec<F>, "columns" | "rowsAdd" | "columnsAdd" | "rowTotals" | "columnTotals" | "rowTotalsAdd" | "columnTotalsAdd"> & { adds: boolean }): TableSpec<F> => ({
  ...spec,
  columns: ONE,
  rowsAdd: false,
  columnsAdd: spec.adds,
  rowTotals: false,
  columnTotals: true,
  rowTotalsAdd: false,
  columnTotalsAdd: false,
});
/** A two-way table whose every case counts in one cell: rows, columns and both lines of totals add up. */
const ADDS_BOTH_WAYS = { rowsAdd: true, columnsAdd: true, rowTotals: true, columnTotals: true, rowTotalsAdd: true, columnTotalsAdd: true } as const;
/** A two-way table whose case may count in several rows (several categories, several grounds): the columns do not add up to their totals, the rows still do. */
const COUNTED_IN_SEVERAL_ROWS = { rowsAdd: true, columnsAdd: false, rowTotals: true, columnTotals: true, rowTotalsAdd: false, columnTotalsAdd: true } as const;
const REQUESTS = "requests";

/** Where a case stands: its final decision's outcome, awaiting a countersignature, or undecided. */
export const STANDINGS = [...DECISION_OUTCOMES, "awaiting-countersignature", "undecided"] as const;
export const standingOf = (fact: CaseFacts): string => (fact.outcome === null ? "undecided" : fact.decisionFinal ? fact.outcome : "awaiting-countersignature");

const isAuthorised = (fact: CaseFacts): boolean => fact.decisionFinal && (fact.outcome === "authorised" || fact.outcome === "authorised-with-modifications");
const executionKey = (fact: CaseFacts): string => fact.executionOutcome ?? "no-record";
const EXECUTION_COLUMNS = labelled([...EXECUTION_OUTCOMES, "no-record"]);
const produced = (fact: CaseFacts): boolean => fact.executionOutcome !== null && PRODUCING_OUTCOMES.includes(fact.executionOutcome);

function timeRow(key: string, label: string, durations: readonly number[], threshold: number): TimeRow {
  const n = durations.length;
  const cases: PublishedCount = n > 0 && n < threshold ? { value: null, display: `< ${threshold}`, suppressed: "small" } : { value: n, display: String(n), suppressed: null };
  const summary = cases.value === null ? undefined : summariseDurations(durations);
  return { key, label, cases, medianHours: summary?.medianHours ?? null, meanHours: summary?.meanHours ?? null, p90Hours: summary?.p90Hours ?? null };
}

const ORDER_TYPES = labelled(["production", "production-emergency", "preservation"]);
const orderType = (fact: CaseFacts): string | undefined =>
  fact.instrument === "eu-preservation-order" ? "preservation" : fact.instrument === "eu-production-order" ? (fact.urgency === "emergency" ? "production-emergency" : "production") : undefined;
const EMERGENCY_COLUMNS = labelled(["non-emergency", "emergency"]);
const emergencyKey = (fact: CaseFacts): string => (fact.urgency === "emergency" ? "emergency" : "non-emergency");
/** Art 8: the enforcing State is notified of a production order for traffic data (beyond identification) or content. */
const NOTIFIED_CATEGORIES = new Set(["traffic", "location", "content"]);

export function buildTransparencyReport(facts: ReportFacts, options: ReportOptions): TransparencyReport {
  const { threshold } = options;
  const cases = facts.cases;
  const { grievances } = facts;
  const authorised = cases.filter(isAuthorised);
  const refused = cases.filter((fact) => fact.decisionFinal && fact.outcome === "refused");
  const build = (spec: TableSpec<CaseFacts>, of: readonly CaseFacts[]): ReportTable => buildTable(spec, of, threshold, (fact) => fact.cases);
  // Every month of the period is a row, a month with no request too: a bar of zero is a fact.
  const months = labelled(periodMonths(options.from, options.to).map((month) => month.month));

  const tables: ReportTable[] = [
    build(single<CaseFacts>({ id: "received-by-instrument", title: "Requests received by instrument", rowLabel: "instrument", rows: labelled(INSTRUMENTS), place: (f, count) => count(f.instrument, REQUESTS), adds: true, note: "Each request counts once; the rows add up to the total." }), cases),
    build(single<CaseFacts>({ id: "received-by-country", title: "Requests received by issuing country", rowLabel: "country", rows: "present", place: (f, count) => count(f.country ?? "", REQUESTS), adds: true, note: "ISO 3166-1 alpha-2 codes; the rows add up to the total." }), cases),
    build(single<CaseFacts>({ id: "received-by-authority", title: "Requests received by issuing authority", rowLabel: "authority", rows: "present", place: (f, count) => count(f.authority, REQUESTS), adds: true, note: "The authority's keyring id; the rows add up to the total." }), cases),
    build(single<CaseFacts>({ id: "received-by-provider", title: "Requests received by provider", rowLabel: "provider", rows: "present", place: (f, count) => count(f.provider ?? "", REQUESTS), adds: true, note: "The provider addressed; the rows add up to the total." }), cases),
    build(single<CaseFacts>({ id: "received-by-data-category", title: "Requests received by data category", rowLabel: "data category", rows: labelled(DATA_CATEGORIES), place: (f, count) => eachOf(f.categories, (category) => count(category, REQUESTS)), adds: false, note: "A request asking for several categories counts in each; the rows do not add up to the total, which counts each request once." }), cases),
    build(single<CaseFacts>({ id: "received-by-urgency", title: "Requests received by urgency", rowLabel: "urgency", rows: labelled(URGENCY_LEVELS), place: (f, count) => count(f.urgency, REQUESTS), adds: true, note: "The rows add up to the total." }), cases),
    build(single<CaseFacts>({ id: "received-by-month", title: "Requests received by month", rowLabel: "month", rows: months, place: (f, count) => count(f.month, REQUESTS), adds: true, note: "Each request counts in the month the office received its first revision (the office's time zone); the first and last months count only the period's days. The rows add up to the total." }), cases),
    build(
      { ...single<CaseFacts>({ id: "outcomes", title: "Outcomes", rowLabel: "outcome", rows: labelled(STANDINGS), place: (f, count) => count(standingOf(f), REQUESTS), adds: true, note: "The current, final decision on each request's latest revision; a decision awaiting its countersignature is not yet an outcome. The rows add up to the total; the rate is each row's share of it." }), rate: { label: "share of requests", kind: "share" } },
      cases,
    ),
    build(
      {
        id: "outcomes-by-month",
        title: "Outcomes by month received",
        rowLabel: "month",
        note: "The requests received each month, by where each stands now (as in Outcomes): a request counts in the month the office received its first revision, whenever it was decided. Rows and columns add up to their totals.",
        columns: labelled(STANDINGS),
        rows: months,
        place: (f, count) => count(f.month, standingOf(f)),
        ...ADDS_BOTH_WAYS,
      },
      cases,
    ),
    build(
      {
        id: "compliance-by-provider",
        title: "Compliance by provider (final authorisations)",
        rowLabel: "provider",
        note: "Each final authorisation counts once, by what its execution record says (no-record: none yet). Rows and columns add up to their totals; the rate is the share complied with in full or in part.",
        columns: EXECUTION_COLUMNS,
        rows: "present",
        place: (f, count) => count(f.provider ?? "", executionKey(f)),
        ...ADDS_BOTH_WAYS,
        rate: { label: "compliance rate", kind: "of-row", columns: PRODUCING_OUTCOMES },
      },
      authorised,
    ),
    build(single<CaseFacts>({ id: "non-compliance-by-ground", title: "Non-compliance by the provider's ground", rowLabel: "ground", rows: labelled(NON_COMPLIANCE_GROUNDS), place: (f, count) => (f.executionGround === null ? undefined : count(f.executionGround, REQUESTS)), adds: true, note: "Final authorisations the provider did not comply with; the rows add up to the total." }), authorised),
    build(single<CaseFacts>({ id: "refusals-by-ground", title: "Refusals by ground", rowLabel: "checklist item", rows: labelled([...new Set(refused.flatMap((f) => f.refusalGrounds))].sort(compareItems)), place: (f, count) => eachOf(f.refusalGrounds, (ground) => count(ground, REQUESTS)), adds: false, note: "The checklist items (docs/review.md) a refusal rests on; a refusal on several grounds counts in each, so the rows do not add up to the total of refusals." }), refused),
    build(
      { ...single<CaseFacts>({ id: "non-disclosure", title: "Requests with a non-disclosure request", rowLabel: "non-disclosure", rows: labelled(["requested", "not-requested"]), place: (f, count) => count(f.nonDisclosure ? "requested" : "not-requested", REQUESTS), adds: true, note: "Whether the issuer asked that the person not be told; the rate is the share of requests." }), rate: { label: "share of requests", kind: "share" } },
      cases,
    ),
    buildTable(
      single<GrievanceFacts>({ id: "grievances", title: "Grievances received, by outcome", rowLabel: "outcome", rows: labelled([...GRIEVANCE_OUTCOMES, "unanswered"]), place: (g, count) => count(g.outcome ?? "unanswered", REQUESTS), adds: true, note: "Grievances received in the period (the register keeps them when a case is deleted), by the office's response; the rows add up to the total received." }),
      grievances,
      threshold,
      (g) => g.grievances,
    ),
  ];

  const decided = cases.filter((f) => f.decisionFinal);
  const toDecision = (of: readonly CaseFacts[]): number[] => of.flatMap((f) => f.receiptToDecisionMs);
  const toData = (of: readonly CaseFacts[]): number[] => of.filter(produced).flatMap((f) => f.issueToDataMs);
  const times: TimeTable[] = [
    {
      id: "receipt-to-decision",
      title: "Time from receipt to decision",
      note: "From the office's receipt of a request's first revision to the final decision on its latest, in hours.",
      rows: [timeRow("all", "all requests", toDecision(decided), threshold), timeRow("emergency", "emergencies", toDecision(decided.filter((f) => f.urgency === "emergency")), threshold)],
    },
    {
      id: "response-times-by-provider",
      title: "Provider response times",
      note: "From the request's issue to the data's production, for final authorisations complied with in full or in part, in hours.",
      rows: byProvider(authorised).map(([provider, of]) => timeRow(provider, provider === "" ? "not stated" : provider, toData(of), threshold)),
    },
  ];

  const orders = cases.filter((f) => orderType(f) !== undefined);
  const production = orders.filter((f) => f.instrument === "eu-production-order");
  const productionAuthorised = production.filter(isAuthorised);
  const art28Tables: ReportTable[] = [
    build(
      {
        id: "art28-orders-by-data-category",
        title: "Orders by type of data (Art 28(2))",
        rowLabel: "data category",
        note: "European Production and Preservation Orders received; an order for several categories counts in each row, so the columns do not add up to their totals, which count each order once. Each row adds up to its total.",
        columns: ORDER_TYPES,
        rows: labelled(DATA_CATEGORIES),
        place: (f, count) => eachOf(f.categories, (category) => count(category, orderType(f) ?? "")),
        ...COUNTED_IN_SEVERAL_ROWS,
      },
      orders,
    ),
    build(
      {
        id: "art28-orders-by-addressee",
        title: "Orders by addressee (Art 28(2))",
        rowLabel: "provider",
        note: "European Production and Preservation Orders received, by the provider addressed; rows and columns add up to their totals.",
        columns: ORDER_TYPES,
        rows: "present",
        place: (f, count) => count(f.provider ?? "", orderType(f) ?? ""),
        ...ADDS_BOTH_WAYS,
      },
      orders,
    ),
    build(
      {
        id: "art28-production-compliance",
        title: "Production orders complied with and not complied with (Art 28(2))",
        rowLabel: "execution",
        note: "Final authorisations of European Production Orders, by their execution record; rows and columns add up to their totals.",
        columns: EMERGENCY_COLUMNS,
        rows: EXECUTION_COLUMNS,
        place: (f, count) => count(executionKey(f), emergencyKey(f)),
        ...ADDS_BOTH_WAYS,
      },
      productionAuthorised,
    ),
    build(
      {
        id: "art28-non-compliance-grounds",
        title: "Grounds for not complying with production orders (Art 28(2))",
        rowLabel: "ground",
        note: "Final authorisations of European Production Orders the provider did not comply with, by its ground; rows and columns add up to their totals.",
        columns: EMERGENCY_COLUMNS,
        rows: labelled(NON_COMPLIANCE_GROUNDS),
        place: (f, count) => (f.executionGround === null ? undefined : count(f.executionGround, emergencyKey(f))),
        ...ADDS_BOTH_WAYS,
      },
      productionAuthorised,
    ),
    build(
      {
        id: "art28-refusals-by-ground",
        title: "Orders refused, by ground (Art 28(2))",
        rowLabel: "checklist item",
        note: "European Production and Preservation Orders the office refused, by the checklist items the refusal rests on; a refusal on several grounds counts in each row, so the columns do not add up to their totals.",
        columns: ORDER_TYPES,
        rows: labelled([...new Set(orders.filter((f) => f.decisionFinal && f.outcome === "refused").flatMap((f) => f.refusalGrounds))].sort(compareItems)),
        place: (f, count) => (f.decisionFinal && f.outcome === "refused" ? eachOf(f.refusalGrounds, (ground) => count(ground, orderType(f) ?? "")) : undefined),
        ...COUNTED_IN_SEVERAL_ROWS,
      },
      orders,
    ),
    build(
      {
        id: "art28-notifications",
        title: "Production orders notified to the enforcing State (Art 8, Art 28(2))",
        rowLabel: "notification",
        note: "European Production Orders for traffic, location or content data, of which the enforcing State is notified, and the others; rows and columns add up to their totals.",
        columns: EMERGENCY_COLUMNS,
        rows: labelled(["notified", "not-notified"]),
        place: (f, count) => count(f.categories.some((category) => NOTIFIED_CATEGORIES.has(category)) ? "notified" : "not-notified", emergencyKey(f)),
        ...ADDS_BOTH_WAYS,
      },
      production,
    ),
  ];
  const art28Times: TimeTable[] = [
    {
      id: "art28-issue-to-data",
      title: "Time from issue to receipt of the data (Art 28(2))",
      note: "Final authorisations of European Production Orders complied with in full or in part: from the order's issue to the data's production, in hours (the Regulation asks for the mean).",
      rows: [timeRow("non-emergency", "non-emergency", toData(productionAuthorised.filter((f) => f.urgency !== "emergency")), threshold), timeRow("emergency", "emergency", toData(productionAuthorised.filter((f) => f.urgency === "emergency")), threshold)],
    },
  ];

  return {
    schema: REPORT_SCHEMA,
    period: { from: options.from, to: options.to, timeZone: options.timeZone },
    generatedAt: options.generatedAt,
    threshold,
    tables,
    times,
    art28: { tables: art28Tables, times: art28Times },
  };
}

/** The facts by provider ("" for none stated), in the tables' row order. */
function byProvider(facts: readonly CaseFacts[]): [string, CaseFacts[]][] {
  const groups = new Map<string, CaseFacts[]>();
  for (const fact of facts) {
    const key = fact.provider ?? "";
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [fact]);
    else group.push(fact);
  }
  return [...groups].sort(([a], [b]) => compareKeys(a, b));
}

/** Checklist item ids in checklist order: L before N before M, then by number. */
function compareItems(a: string, b: string): number {
  const area = (id: string): number => "LNM".indexOf(id.charAt(0));
  return area(a) - area(b) || Number(a.slice(1)) - Number(b.slice(1));
}
