// A QR code drawn as filled squares, so the PDF needs no image: a clerk's phone reads the
// decision's digest off the paper and compares it with the file's.
import type { PDFPage } from "pdf-lib";
import { BLACK, WHITE } from "./colors.js";
import QRCode from "qrcode";

/** The modules of a QR code for `text` (error correction M), row by row. */
export function qrMatrix(text: string): boolean[][] {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: "M" });
  return Array.from({ length: modules.size }, (_, row) => Array.from({ length: modules.size }, (_, column) => modules.get(row, column) !== 0));
}

/** Draws the code with its bottom-left corner at (x, y), `size` points wide, quiet zone included. */
export function drawQr(page: PDFPage, text: string, x: number, y: number, size: number): void {
  const matrix = qrMatrix(text);
  const quiet = 4;
  const cell = size / (matrix.length + 2 * quiet);
  page.drawRectangle({ x, y, width: size, height: size, color: WHITE });
  // One rectangle per run of dark modules in a row: fewer objects, and no seams between them.
  matrix.forEach((row, r) => {
    for (let c = 0; c < row.length; c++) {
      if (!row[c]) continue;
      let end = c;
      while (row[end + 1]) end++;
      page.drawRectangle({ x: x + (quiet + c) * cell, y: y + size - (quiet + r + 1) * cell, width: (end - c + 1) * cell, height: cell, color: BLACK });
      c = end;
    }
  });
}
