// Small-count suppression for the transparency report (docs/statistics.md, "Suppression").
// Primary: a count from 1 to threshold − 1 is withheld and shown as "< threshold". Secondary: in
// a table whose rows (or columns) add up to their totals, a line (a row with its total, a column
// with its total, the totals with the grand total) holding exactly one withheld count would give
// it away by subtraction, so one more count of that line is withheld, shown as "x": the smallest
// count above zero, a count inside the table before a total. This repeats until no line has
// exactly one withheld count. Zero is shown: it says nothing about anyone.

/** A count as published: its value, or null and why it is withheld. */
export interface PublishedCount {
  value: number | null;
  /** What a reader sees: the number, "< 5" (too small), or "x" (withheld so that no total gives a small one away). */
  display: string;
  suppressed: "small" | "complementary" | null;
}

/**
 * A table of counts before suppression: `cells[row][column]`, and the margins when it has them.
 * Which of them add up is said, not assumed: a request asks for several data categories, so a
 * table by category has rows that add up (each order is of one kind) but columns that do not.
 * - `rowsAdd`: each row's cells add up to `rowTotals[row]`;
 * - `columnsAdd`: each column's cells add up to `columnTotals[column]`;
 * - `rowTotalsAdd` / `columnTotalsAdd`: those margins add up to `grandTotal`.
 * A margin that is not a sum is published but constrains nothing.
 */
export interface CountGrid {
  cells: number[][];
  rowTotals?: number[];
  columnTotals?: number[];
  grandTotal?: number;
  rowsAdd: boolean;
  columnsAdd: boolean;
  rowTotalsAdd: boolean;
  columnTotalsAdd: boolean;
}

export interface PublishedGrid {
  cells: PublishedCount[][];
  rowTotals?: PublishedCount[];
  columnTotals?: PublishedCount[];
  grandTotal?: PublishedCount;
}

type Key = string;
interface Entry {
  key: Key;
  value: number;
  /** A margin is withheld only after every count inside the table is considered. */
  margin: boolean;
}

const cellKey = (row: number, column: number): Key => `c${row},${column}`;
const ROW_TOTAL = (row: number): Key => `r${row}`;
const COLUMN_TOTAL = (column: number): Key => `k${column}`;
const GRAND: Key = "g";

/** The lines whose members add up (each line's last member is its total). */
function linesOf(grid: CountGrid): Entry[][] {
  const rows = grid.cells.length;
  const columns = grid.cells[0]?.length ?? 0;
  const at = (row: number, column: number): Entry => ({ key: cellKey(row, column), value: grid.cells[row]?.[column] ?? 0, margin: false });
  const lines: Entry[][] = [];
  if (grid.rowsAdd && grid.rowTotals !== undefined) {
    for (let row = 0; row < rows; row++) {
      lines.push([...Array.from({ length: columns }, (_, column) => at(row, column)), { key: ROW_TOTAL(row), value: grid.rowTotals[row] ?? 0, margin: true }]);
    }
  }
  if (grid.columnsAdd && grid.columnTotals !== undefined) {
    for (let column = 0; column < columns; column++) {
      lines.push([...Array.from({ length: rows }, (_, row) => at(row, column)), { key: COLUMN_TOTAL(column), value: grid.columnTotals[column] ?? 0, margin: true }]);
    }
  }
  if (grid.grandTotal !== undefined) {
    const grand = { key: GRAND, value: grid.grandTotal, margin: true };
    if (grid.columnTotalsAdd && grid.columnTotals !== undefined) {
      lines.push([...grid.columnTotals.map((value, column) => ({ key: COLUMN_TOTAL(column), value, margin: true })), grand]);
    }
    if (grid.rowTotalsAdd && grid.rowTotals !== undefined) {
      lines.push([...grid.rowTotals.map((value, row) => ({ key: ROW_TOTAL(row), value, margin: true })), grand]);
    }
  }
  return lines;
}

/** Every count of the grid with its key. */
function entriesOf(grid: CountGrid): Map<Key, number> {
  const out = new Map<Key, number>();
  grid.cells.forEach((row, r) => row.forEach((value, c) => out.set(cellKey(r, c), value)));
  grid.rowTotals?.forEach((value, r) => out.set(ROW_TOTAL(r), value));
  grid.columnTotals?.forEach((value, c) => out.set(COLUMN_TOTAL(c), value));
  if (grid.grandTotal !== undefined) out.set(GRAND, grid.grandTotal);
  return out;
}

/** The counts to withhold and why: small ones first, then their complements line by line. */
export function suppressionOf(grid: CountGrid, threshold: number): Map<Key, "small" | "complementary"> {
  const withheld = new Map<Key, "small" | "complementary">();
  for (const [key, value] of entriesOf(grid)) if (value > 0 && value < threshold) withheld.set(key, "small");
  const lines = linesOf(grid);
  for (let changed = true; changed; ) {
    changed = false;
    for (const line of lines) {
      if (line.filter((entry) => withheld.has(entry.key)).length !== 1) continue;
      const candidates = line.filter((entry) => !withheld.has(entry.key));
      const pick = [...candidates].sort((a, b) => Number(a.value === 0) - Number(b.value === 0) || Number(a.margin) - Number(b.margin) || a.value - b.value)[0];
      if (pick === undefined) continue;
      withheld.set(pick.key, "complementary");
      changed = true;
    }
  }
  return withheld;
}

const published = (value: number, why: "small" | "complementary" | undefined, threshold: number): PublishedCount =>
  why === undefined ? { value, display: String(value), suppressed: null } : { value: null, display: why === "small" ? `< ${threshold}` : "x", suppressed: why };

/** The grid as published: every withheld count without its value. */
export function suppressGrid(grid: CountGrid, threshold: number): PublishedGrid {
  const withheld = suppressionOf(grid, threshold);
  const show = (key: Key, value: number): PublishedCount => published(value, withheld.get(key), threshold);
  return {
    cells: grid.cells.map((row, r) => row.map((value, c) => show(cellKey(r, c), value))),
    ...(grid.rowTotals === undefined ? {} : { rowTotals: grid.rowTotals.map((value, r) => show(ROW_TOTAL(r), value)) }),
    ...(grid.columnTotals === undefined ? {} : { columnTotals: grid.columnTotals.map((value, c) => show(COLUMN_TOTAL(c), value)) }),
    ...(grid.grandTotal === undefined ? {} : { grandTotal: show(GRAND, grid.grandTotal) }),
  };
}
