// Printable order forms for the demo (EPOC summaries, court orders, letters of request),
// drawn with pdf-lib's built-in Helvetica so no font file ships with the app.
// Output is byte-for-byte reproducible: fixed producer/creator, dates from the reference,
// no random IDs. That keeps demo bundle digests stable and lets tests compare bytes.
import { type PDFFont, type PDFPage, PDFDocument, StandardFonts, rgb } from "pdf-lib";

export interface PdfSection {
  heading: string;
  /** Paragraphs; each is wrapped to the page width. */
  paragraphs: string[];
}

export interface OrderPdf {
  /** Document title, also written to the PDF's metadata. */
  title: string;
  /** Small line above the title: the issuing body. */
  issuer: string;
  /** Lines under the title: file numbers, dates. */
  meta: string[];
  sections: PdfSection[];
  /** Closing block: place, date, signatory. */
  signature: string[];
  /** Printed at the foot of every page. */
  footer: string;
  author: string;
  /** The PDF's creation and modification date. */
  date: Date;
}

export const DEMO_PDF_PRODUCER = "Counterseal demo data (pdf-lib)";
export const DEMO_PDF_CREATOR = "Counterseal demo";

const PAGE = { width: 595.28, height: 841.89 }; // A4 in points
const MARGIN = 56;
const BODY = { size: 9.5, leading: 12.5 };
const HEADING = { size: 10.5, leading: 15 };
const GREY = rgb(0.35, 0.35, 0.35);

// Helvetica in a PDF is WinAnsi-encoded: letters outside it (ł, ę, ș, …) make pdf-lib throw.
// Fold them to their base letter, as a clerk would when typing on a foreign keyboard.
const FOLDS: Readonly<Record<string, string>> = {
  "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ı": "i", "ħ": "h", "Ħ": "H",
  "≥": ">=", "≤": "<=", "→": "->", "‑": "-", "−": "-", "\u00a0": " ", "\u202f": " ", "\u2009": " ",
};

/** Text that `font` can encode: unencodable letters folded, anything else replaced by `?`. */
export function toFontText(text: string, font: PDFFont): string {
  const supported = new Set(font.getCharacterSet());
  let out = "";
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (supported.has(code)) {
      out += char;
      continue;
    }
    const folded = FOLDS[char] ?? char.normalize("NFD").replace(/\p{M}/gu, "");
    out += [...folded].every((c) => supported.has(c.codePointAt(0) ?? 0)) && folded !== "" ? folded : "?";
  }
  return out;
}

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line === "" ? word : `${line} ${word}`;
    if (line !== "" && font.widthOfTextAtSize(candidate, size) > width) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line !== "") lines.push(line);
  return lines;
}

export async function renderOrderPdf(spec: OrderPdf): Promise<Uint8Array> {
  // updateMetadata: false stops pdf-lib stamping its own producer and the current time.
  const pdf = await PDFDocument.create({ updateMetadata: false });
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const clean = (text: string): string => toFontText(text, regular);

  pdf.setTitle(clean(spec.title));
  pdf.setAuthor(clean(spec.author));
  pdf.setSubject("Demonstration document: fictional persons and data");
  pdf.setProducer(DEMO_PDF_PRODUCER);
  pdf.setCreator(DEMO_PDF_CREATOR);
  pdf.setCreationDate(spec.date);
  pdf.setModificationDate(spec.date);

  const textWidth = PAGE.width - 2 * MARGIN;
  let page: PDFPage = pdf.addPage([PAGE.width, PAGE.height]);
  let y = PAGE.height - MARGIN;
  const ensure = (height: number): void => {
    if (y - height < MARGIN + 24) {
      page = pdf.addPage([PAGE.width, PAGE.height]);
      y = PAGE.height - MARGIN;
    }
  };
  const block = (text: string, font: PDFFont, size: number, leading: number, color = rgb(0, 0, 0)): void => {
    for (const line of wrap(clean(text), font, size, textWidth)) {
      ensure(leading);
      page.drawText(line, { x: MARGIN, y: y - size, size, font, color });
      y -= leading;
    }
  };

  block(spec.issuer, regular, 9, 12, GREY);
  y -= 4;
  block(spec.title, bold, 14, 18);
  for (const line of spec.meta) block(line, regular, 9, 12, GREY);
  y -= 6;
  for (const section of spec.sections) {
    ensure(HEADING.leading + BODY.leading * 2);
    y -= 4;
    block(section.heading, bold, HEADING.size, HEADING.leading);
    for (const paragraph of section.paragraphs) {
      block(paragraph, regular, BODY.size, BODY.leading);
      y -= 3;
    }
  }
  y -= 12;
  ensure(BODY.leading * spec.signature.length);
  for (const line of spec.signature) block(line, regular, BODY.size, BODY.leading);

  const pages = pdf.getPages();
  pages.forEach((each, index) => {
    const footer = clean(`${spec.footer}  -  page ${index + 1} of ${pages.length}`);
    each.drawText(footer, { x: MARGIN, y: MARGIN - 20, size: 7.5, font: regular, color: GREY });
  });
  return pdf.save({ useObjectStreams: false });
}
