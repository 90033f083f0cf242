// A small typesetter for the office's A4 documents: headings, wrapped paragraphs, label/value
// rows and ruled tables, with page breaks and a footer on every page. Fonts are DejaVu Sans,
// embedded as subsets under fixed names, and the document's dates come from the caller, so the
// same input gives the same bytes.
import type { PDFDocument, PDFFont, PDFPage } from "pdf-lib";
import { BLACK, rgb } from "./colors.js";
import { loadFonts } from "./fonts.js";

export const PAGE = { width: 595.28, height: 841.89 }; // A4 in points
export const MARGIN = 56;
export const TEXT_WIDTH = PAGE.width - 2 * MARGIN;
const FOOTER_SPACE = 28;
export const GREY = rgb(0.35, 0.35, 0.35);
const RULE = rgb(0.7, 0.7, 0.7);
const BODY = { size: 9.5, leading: 12.5 };

export interface Metadata {
  title: string;
  author: string;
  subject: string;
  /** Creation and modification date: from the document, never the clock. */
  date: Date;
}

export const PDF_PRODUCER = "Counterseal (pdf-lib)";

export type FieldRow = readonly [label: string, value: string] | readonly [label: string, value: string, size: number];

export interface TextStyle {
  size?: number;
  leading?: number;
  bold?: boolean;
  color?: ReturnType<typeof rgb>;
  indent?: number;
}

export class Typesetter {
  readonly pdf: PDFDocument;
  readonly regular: PDFFont;
  readonly bold: PDFFont;
  page: PDFPage;
  y: number;

  private constructor(pdf: PDFDocument, regular: PDFFont, bold: PDFFont) {
    this.pdf = pdf;
    this.regular = regular;
    this.bold = bold;
    this.page = pdf.addPage([PAGE.width, PAGE.height]);
    this.y = PAGE.height - MARGIN;
  }

  static async create(meta: Metadata): Promise<Typesetter> {
    // Loaded here, not at the top: see colors.ts.
    const [{ PDFDocument }, { default: fontkit }] = await Promise.all([import("pdf-lib"), import("@pdf-lib/fontkit")]);
    // updateMetadata: false stops pdf-lib stamping its own producer and the current time.
    const pdf = await PDFDocument.create({ updateMetadata: false });
    pdf.registerFontkit(fontkit);
    const fonts = loadFonts();
    // Subset names are fixed: pdf-lib would otherwise add a random suffix to each.
    const regular = await pdf.embedFont(fonts.regular, { subset: true, customName: "CSREGU+DejaVuSans" });
    const bold = await pdf.embedFont(fonts.bold, { subset: true, customName: "CSBOLD+DejaVuSans-Bold" });
    pdf.setTitle(meta.title);
    pdf.setAuthor(meta.author);
    pdf.setSubject(meta.subject);
    pdf.setProducer(PDF_PRODUCER);
    pdf.setCreator("Counterseal");
    pdf.setLanguage("en");
    pdf.setCreationDate(meta.date);
    pdf.setModificationDate(meta.date);
    return new Typesetter(pdf, regular, bold);
  }

  font(style: TextStyle): PDFFont {
    return style.bold ? this.bold : this.regular;
  }

  /** Starts a new page when fewer than `height` points are left above the footer. */
  ensure(height: number): void {
    if (this.y - height < MARGIN + FOOTER_SPACE) {
      this.page = this.pdf.addPage([PAGE.width, PAGE.height]);
      this.y = PAGE.height - MARGIN;
    }
  }

  gap(points: number): void {
    this.y -= points;
  }

  /** Lines of `text` no wider than `width`; a word too long for a line (a digest, a key) is broken. */
  wrap(text: string, font: PDFFont, size: number, width: number): string[] {
    const lines: string[] = [];
    for (const paragraph of printable(text, font).split("\n")) {
      let line = "";
      for (const word of splitLongWords(paragraph.split(/\s+/).filter(Boolean), font, size, width)) {
        const candidate = line === "" ? word : `${line} ${word}`;
        if (line !== "" && font.widthOfTextAtSize(candidate, size) > width) {
          lines.push(line);
          line = word;
        } else line = candidate;
      }
      lines.push(line);
    }
    return lines;
  }

  text(text: string, style: TextStyle = {}): void {
    const size = style.size ?? BODY.size;
    const leading = style.leading ?? Math.max(BODY.leading, size * 1.3);
    const font = this.font(style);
    const indent = style.indent ?? 0;
    for (const line of this.wrap(text, font, size, TEXT_WIDTH - indent)) {
      this.ensure(leading);
      this.page.drawText(line, { x: MARGIN + indent, y: this.y - size, size, font, color: style.color ?? BLACK });
      this.y -= leading;
    }
  }

  heading(text: string): void {
    this.ensure(15 + BODY.leading * 3);
    this.gap(8);
    this.text(text, { size: 11, leading: 15, bold: true });
    this.page.drawLine({ start: { x: MARGIN, y: this.y + 2 }, end: { x: PAGE.width - MARGIN, y: this.y + 2 }, thickness: 0.5, color: RULE });
    this.gap(4);
  }

  /** Rows of label and value (and a smaller size for a long value); the label column is `labelWidth` points wide. */
  fields(rows: readonly FieldRow[], labelWidth = 130): void {
    for (const [label, value, size] of rows) {
      this.table([[label, value]], [labelWidth, TEXT_WIDTH - labelWidth], { boldFirstColumn: true, ruled: false, ...(size === undefined ? {} : { size }) });
    }
  }

  /** A table whose cells wrap; a header row, when given, is bold and repeated after a page break. */
  table(rows: readonly (readonly string[])[], widths: readonly number[], options: { header?: readonly string[]; boldFirstColumn?: boolean; ruled?: boolean; size?: number } = {}): void {
    const size = options.size ?? BODY.size;
    const leading = BODY.leading;
    const padding = 3;
    const drawRow = (cells: readonly string[], header: boolean): void => {
      const wrapped = cells.map((cell, index) => {
        const font = header || (options.boldFirstColumn && index === 0) ? this.bold : this.regular;
        return { font, lines: this.wrap(cell, font, size, (widths[index] ?? 0) - 2 * padding) };
      });
      const height = Math.max(...wrapped.map((cell) => cell.lines.length)) * leading + 2 * padding;
      const broke = this.y - height < MARGIN + FOOTER_SPACE;
      this.ensure(height);
      if (broke && !header && options.header) drawRow(options.header, true);
      let x = MARGIN;
      wrapped.forEach((cell, index) => {
        cell.lines.forEach((line, lineIndex) => {
          this.page.drawText(line, { x: x + padding, y: this.y - padding - size - lineIndex * leading, size, font: cell.font });
        });
        x += widths[index] ?? 0;
      });
      this.y -= height;
      if (options.ruled ?? true) this.page.drawLine({ start: { x: MARGIN, y: this.y }, end: { x: MARGIN + widths.reduce((a, b) => a + b, 0), y: this.y }, thickness: 0.4, color: RULE });
    };
    if (options.header) drawRow(options.header, true);
    for (const row of rows) drawRow(row, false);
  }

  /** Draws `footer(page, pages)` at the foot of every page, then returns the file's bytes. */
  async finish(footer: (page: number, pages: number) => string): Promise<Uint8Array> {
    const pages = this.pdf.getPages();
    pages.forEach((page, index) => {
      page.drawText(footer(index + 1, pages.length), { x: MARGIN, y: MARGIN - 20, size: 7.5, font: this.regular, color: GREY });
    });
    return this.pdf.save({ useObjectStreams: false });
  }
}

const characterSets = new WeakMap<PDFFont, Set<number>>();

/**
 * The text as the font can show it. A letter the font has no glyph for would print as nothing,
 * and an invisible control or format character (a zero-width space, a direction mark) could
 * hide in a name, so both are written as [U+ followed by the code point in hex], e.g. [U+6771]: the paper then shows that the signed file
 * holds a character it cannot draw. Line ends and tabs stay layout.
 */
export function printable(text: string, font: PDFFont): string {
  let supported = characterSets.get(font);
  if (supported === undefined) {
    supported = new Set(font.getCharacterSet());
    characterSets.set(font, supported);
  }
  let out = "";
  for (const char of text.replace(/\r\n?/g, "\n").replace(/\t/g, " ")) {
    const code = char.codePointAt(0) ?? 0;
    const invisible = /[\p{Cc}\p{Cf}]/u.test(char) && char !== "\n";
    out += !invisible && (char === "\n" || supported.has(code)) ? char : `[U+${code.toString(16).toUpperCase().padStart(4, "0")}]`;
  }
  return out;
}

function splitLongWords(words: readonly string[], font: PDFFont, size: number, width: number): string[] {
  const out: string[] = [];
  for (const word of words) {
    if (font.widthOfTextAtSize(word, size) <= width) {
      out.push(word);
      continue;
    }
    let piece = "";
    for (const char of word) {
      if (piece !== "" && font.widthOfTextAtSize(piece + char, size) > width) {
        out.push(piece);
        piece = "";
      }
      piece += char;
    }
    if (piece !== "") out.push(piece);
  }
  return out;
}
