// Small-count suppression on crafted tables: every small count is withheld, no line that adds up
// is left with exactly one withheld count (so no total gives one away by subtraction), zeros are
// shown, and a table whose margins do not add up withholds only what is small.
import { describe, expect, it } from "vitest";
import { suppressGrid, type CountGrid, type PublishedGrid } from "../../shared/statistics/suppression.js";

const additive = (cells: number[][]): CountGrid => ({
  cells,
  rowTotals: cells.map((row) => row.reduce((a, b) => a + b, 0)),
  columnTotals: (cells[0] ?? []).map((_, c) => cells.reduce((sum, row) => sum + (row[c] ?? 0), 0)),
  grandTotal: cells.flat().reduce((a, b) => a + b, 0),
  rowsAdd: true,
  columnsAdd: true,
  rowTotalsAdd: true,
  columnTotalsAdd: true,
});

const shown = (grid: PublishedGrid) => ({
  cells: grid.cells.map((row) => row.map((cell) => cell.display)),
  rowTotals: grid.rowTotals?.map((cell) => cell.display),
  columnTotals: grid.columnTotals?.map((cell) => cell.display),
  grandTotal: grid.grandTotal?.display,
});

/** Every line that adds up, as published: none may hold exactly one withheld count. */
function linesWithOneWithheld(grid: PublishedGrid): number {
  const lines = [
    ...grid.cells.map((row, r) => [...row, grid.rowTotals?.[r]]),
    ...(grid.cells[0] ?? []).map((_, c) => [...grid.cells.map((row) => row[c]), grid.columnTotals?.[c]]),
    [...(grid.columnTotals ?? []), grid.grandTotal],
    [...(grid.rowTotals ?? []), grid.grandTotal],
  ];
  return lines.filter((line) => line.filter((cell) => cell?.value === null).length === 1).length;
}

describe("small-count suppression", () => {
  it("withholds a one-column table's single small count together with the next smallest count, never its total", () => {
    const published = suppressGrid({ cells: [[40], [3], [12], [0], [25]], columnTotals: [80], rowsAdd: false, columnsAdd: true, rowTotalsAdd: false, columnTotalsAdd: false }, 5);
    expect(published.cells.map((row) => row[0]?.display)).toEqual(["40", "< 5", "x", "0", "25"]);
    expect(published.cells[2]?.[0]).toEqual({ value: null, display: "x", suppressed: "complementary" });
    expect(published.columnTotals?.[0]).toEqual({ value: 80, display: "80", suppressed: null });
    // 80 − 40 − 0 − 25 = 15 is the two withheld counts together: neither can be told.
  });

  it("leaves a table alone when two counts of a line are small already", () => {
    const published = suppressGrid({ cells: [[40], [3], [2], [25]], columnTotals: [70], rowsAdd: false, columnsAdd: true, rowTotalsAdd: false, columnTotalsAdd: false }, 5);
    expect(published.cells.map((row) => row[0]?.display)).toEqual(["40", "< 5", "< 5", "25"]);
  });

  it("protects a row and a column that each hold exactly one small count in a two-way table, cascading until every line is safe", () => {
    const grid = additive([
      [20, 3, 15],
      [30, 12, 40],
      [25, 18, 50],
    ]);
    const published = suppressGrid(grid, 5);
    expect(shown(published)).toEqual({
      cells: [
        ["20", "< 5", "x"],
        ["30", "x", "x"],
        ["25", "18", "50"],
      ],
      rowTotals: ["38", "82", "93"],
      columnTotals: ["75", "33", "105"],
      grandTotal: "213",
    });
    expect(linesWithOneWithheld(published)).toBe(0);
  });

  it("withholds a small margin and protects it in the margins' own line", () => {
    const grid = additive([
      [2, 0, 1],
      [30, 12, 40],
    ]);
    const published = suppressGrid(grid, 5);
    expect(published.rowTotals?.[0]?.display).toBe("< 5");
    expect(published.cells[0]?.map((cell) => cell.display)).toEqual(["< 5", "0", "< 5"]);
    expect(linesWithOneWithheld(published)).toBe(0);
    // Nothing withheld keeps its value in what is published.
    for (const cell of [...published.cells.flat(), ...(published.rowTotals ?? []), ...(published.columnTotals ?? []), published.grandTotal]) {
      if (cell?.suppressed !== null) expect(cell?.value).toBeNull();
    }
  });

  it("shows zeros and counts at the threshold, and withholds only what is small when no margin is a sum", () => {
    const published = suppressGrid({ cells: [[0], [5], [4], [9]], columnTotals: [11], rowsAdd: false, columnsAdd: false, rowTotalsAdd: false, columnTotalsAdd: false }, 5);
    expect(published.cells.map((row) => row[0]?.display)).toEqual(["0", "5", "< 5", "9"]);
    expect(published.columnTotals?.[0]?.display).toBe("11");
  });

  it("uses the office's threshold in what it shows", () => {
    const published = suppressGrid({ cells: [[29], [31], [40]], columnTotals: [100], rowsAdd: false, columnsAdd: true, rowTotalsAdd: false, columnTotalsAdd: false }, 30);
    expect(published.cells.map((row) => row[0]?.display)).toEqual(["< 30", "x", "40"]);
  });

  it("leaves no random two-way table with a line that has exactly one withheld count", () => {
    let seed = 7;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % 14;
    for (let trial = 0; trial < 300; trial++) {
      const cells = Array.from({ length: 2 + (trial % 4) }, () => Array.from({ length: 2 + (trial % 3) }, next));
      const published = suppressGrid(additive(cells), 5);
      expect(linesWithOneWithheld(published), JSON.stringify(cells)).toBe(0);
    }
  });
});
