// Building one published table of the report from case facts: each fact (a group of cases)
// counts its cases in the cells its `place` names (a request asking for three data categories
// counts in three rows), the margins count each case once, and suppression (suppression.ts) withholds what is too small before any
// number leaves. Rates are published only where their count and its whole are both shown.
import { share } from "./measures.js";
import { suppressGrid, type PublishedCount } from "./suppression.js";

export interface Labelled {
  key: string;
  label: string;
}

export interface TableRow extends Labelled {
  cells: PublishedCount[];
  /** The row's total, when the table has one. */
  total?: PublishedCount;
  /** The table's rate for this row (see ReportTable.rateLabel); null when withheld or undefined. */
  rate?: number | null;
}

export interface ReportTable {
  id: string;
  title: string;
  /** What the rows are (instrument, country, …). */
  rowLabel: string;
  columns: Labelled[];
  rows: TableRow[];
  /** The columns' totals and the grand total. */
  totals?: { cells: PublishedCount[]; total?: PublishedCount };
  /** What `rate` is, when the table has one. */
  rateLabel?: string;
  /** How to read the table: what it counts, and whether its rows or columns add up. */
  note: string;
}

export interface TableSpec<F> {
  id: string;
  title: string;
  rowLabel: string;
  note: string;
  columns: readonly Labelled[];
  /** The rows in order; `present`: one per key the facts count in, sorted (authorities, providers), "" last as `not stated`. */
  rows: readonly Labelled[] | "present";
  /** Calls `count` for each (row, column) cell the fact counts in; none leaves it out of the table. */
  place(fact: F, count: (row: string, column: string) => void): void;
  rowsAdd: boolean;
  columnsAdd: boolean;
  /** Show each row's total (facts counted in the row, each once). */
  rowTotals: boolean;
  /** Show each column's total and the grand total (facts counted in the table, each once). */
  columnTotals: boolean;
  rowTotalsAdd: boolean;
  columnTotalsAdd: boolean;
  /** A rate per row: of the grand total (`share`), or of the row's total for some columns (`of-row`). */
  rate?: { label: string; kind: "share" } | { label: string; kind: "of-row"; columns: readonly string[] };
}

/** Counts the facts (each standing for `weightOf(fact)` cases) into the spec's grid and publishes it with suppression. */
export function buildTable<F>(spec: TableSpec<F>, facts: readonly F[], threshold: number, weightOf: (fact: F) => number): ReportTable {
  const present = spec.rows === "present";
  const fixedRows = spec.rows === "present" ? [] : spec.rows;
  const rowIndex = new Map(fixedRows.map((row, index) => [row.key, index]));
  const columnIndex = new Map(spec.columns.map((column, index) => [column.key, index]));
  const newRow = (): number[] => spec.columns.map(() => 0);
  let cells = fixedRows.map(newRow);
  let rowTotals = fixedRows.map(() => 0);
  const columnTotals = spec.columns.map(() => 0);
  let grand = 0;
  // Which fact last counted in each row and column, so the margins count a fact once however many
  // of their cells it is in (no allocation per fact: 100,000 facts go through ~20 tables).
  let rowSeenBy: number[] = fixedRows.map(() => -1);
  const columnSeenBy = new Int32Array(spec.columns.length).fill(-1);
  let current = -1;
  let weight = 0;
  let counted = false;
  const count = (rowKey: string, columnKey: string): void => {
    let row = rowIndex.get(rowKey);
    const column = columnIndex.get(columnKey);
    if (column === undefined) return;
    if (row === undefined) {
      if (!present) return;
      row = cells.length;
      rowIndex.set(rowKey, row);
      cells.push(newRow());
      rowTotals.push(0);
      rowSeenBy.push(-1);
    }
    const line = cells[row];
    if (line !== undefined) line[column] = (line[column] ?? 0) + weight;
    if (rowSeenBy[row] !== current) {
      rowSeenBy[row] = current;
      rowTotals[row] = (rowTotals[row] ?? 0) + weight;
    }
    if (columnSeenBy[column] !== current) {
      columnSeenBy[column] = current;
      columnTotals[column] = (columnTotals[column] ?? 0) + weight;
    }
    counted = true;
  };
  for (const fact of facts) {
    current += 1;
    weight = weightOf(fact);
    counted = false;
    spec.place(fact, count);
    if (counted) grand += weight;
  }
  let rowLabels: Labelled[] = [...fixedRows];
  if (present) {
    const order = [...rowIndex.keys()].sort(compareKeys);
    const at = (key: string): number => rowIndex.get(key) ?? 0;
    cells = order.map((key) => cells[at(key)] ?? newRow());
    rowTotals = order.map((key) => rowTotals[at(key)] ?? 0);
    rowSeenBy = [];
    rowLabels = order.map((key) => ({ key, label: key === "" ? NOT_STATED : key }));
  }
  const single = spec.columns.length === 1;
  const published = suppressGrid(
    {
      cells,
      ...(spec.rowTotals ? { rowTotals } : {}),
      ...(spec.columnTotals ? { columnTotals, ...(single ? {} : { grandTotal: grand }) } : {}),
      rowsAdd: spec.rowsAdd,
      columnsAdd: spec.columnsAdd,
      rowTotalsAdd: spec.rowTotalsAdd,
      columnTotalsAdd: spec.columnTotalsAdd,
    },
    threshold,
  );
  const whole = single ? published.columnTotals?.[0] : published.grandTotal;
  const rows: TableRow[] = rowLabels.map((row, index) => {
    const rowCells = published.cells[index] ?? [];
    const total = published.rowTotals?.[index];
    const out: TableRow = { ...row, cells: rowCells, ...(total === undefined ? {} : { total }) };
    if (spec.rate?.kind === "share") {
      const part = single ? rowCells[0] : total;
      out.rate = part?.value != null && whole?.value != null && whole.value > 0 ? share(part.value, whole.value) : null;
    } else if (spec.rate?.kind === "of-row") {
      const wanted = spec.rate.columns.map((key) => rowCells[columnIndex.get(key) ?? -1]);
      const shown = wanted.every((cell) => cell?.value != null) && total?.value != null && total.value > 0;
      out.rate = shown ? share(wanted.reduce((sum, cell) => sum + (cell?.value ?? 0), 0), total.value ?? 1) : null;
    }
    return out;
  });
  return {
    id: spec.id,
    title: spec.title,
    rowLabel: spec.rowLabel,
    columns: [...spec.columns],
    rows,
    ...(published.columnTotals === undefined ? {} : { totals: { cells: published.columnTotals, ...(published.grandTotal === undefined ? {} : { total: published.grandTotal }) } }),
    ...(spec.rate === undefined ? {} : { rateLabel: spec.rate.label }),
    note: spec.note,
  };
}

const NOT_STATED = "not stated";

/** Open vocabularies' keys in code-unit order (the same everywhere), the unstated one last. */
export const compareKeys = (a: string, b: string): number => (a === "" ? (b === "" ? 0 : 1) : b === "" ? -1 : a < b ? -1 : a > b ? 1 : 0);

export const labelled = (keys: readonly string[]): Labelled[] => keys.map((key) => ({ key, label: key }));
