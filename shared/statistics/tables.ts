// Building one published table of the report from case facts: each fact counts in the cells its
// `place` names (a request asking for three data categories counts in three rows), the margins
// count each fact once, and suppression (suppression.ts) withholds what is too small before any
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
  rows: readonly Labelled[];
  /** The (row, column) cells a fact counts in; none leaves it out of the table. */
  place(fact: F): readonly (readonly [row: string, column: string])[];
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

/** Counts the facts into the spec's grid and publishes it with suppression. */
export function buildTable<F>(spec: TableSpec<F>, facts: readonly F[], threshold: number): ReportTable {
  const rowIndex = new Map(spec.rows.map((row, index) => [row.key, index]));
  const columnIndex = new Map(spec.columns.map((column, index) => [column.key, index]));
  const cells = spec.rows.map(() => spec.columns.map(() => 0));
  const rowTotals = spec.rows.map(() => 0);
  const columnTotals = spec.columns.map(() => 0);
  let grand = 0;
  for (const fact of facts) {
    const seenRows = new Set<number>();
    const seenColumns = new Set<number>();
    for (const [rowKey, columnKey] of spec.place(fact)) {
      const row = rowIndex.get(rowKey);
      const column = columnIndex.get(columnKey);
      if (row === undefined || column === undefined) continue;
      const line = cells[row];
      if (line !== undefined) line[column] = (line[column] ?? 0) + 1;
      seenRows.add(row);
      seenColumns.add(column);
    }
    for (const row of seenRows) rowTotals[row] = (rowTotals[row] ?? 0) + 1;
    for (const column of seenColumns) columnTotals[column] = (columnTotals[column] ?? 0) + 1;
    if (seenRows.size > 0) grand += 1;
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
  const rows: TableRow[] = spec.rows.map((row, index) => {
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

/** Rows for the values present among the facts, sorted, when the vocabulary is open (authorities, providers). */
export function presentRows<F>(facts: readonly F[], keyOf: (fact: F) => string | null, unknownLabel = "not stated"): Labelled[] {
  const keys = new Set<string>();
  for (const fact of facts) keys.add(keyOf(fact) ?? "");
  return [...keys].sort((a, b) => (a === "" ? 1 : b === "" ? -1 : a < b ? -1 : a > b ? 1 : 0)).map((key) => ({ key, label: key === "" ? unknownLabel : key }));
}

export const labelled = (keys: readonly string[]): Labelled[] => keys.map((key) => ({ key, label: key }));
