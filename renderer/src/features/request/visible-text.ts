// Text from a request shown as it is stored: every invisible format, bidi or control character
// (other than line breaks and tabs, which lay prose out) is replaced by a visible token such as
// ⟨U+202E⟩, so a right-to-left override or a zero-width space cannot make the text read
// differently from its bytes. Pure, for the components in VisibleText.tsx and for tests.
import { codePointLabel, describeCodePoint } from "../../../../shared/formats/invisible-characters.js";

export type VisiblePiece = { kind: "text"; text: string } | { kind: "hidden"; codePoint: number; token: string; description: string };

/** Format (Cf), control (Cc) and separator (Zl, Zp) characters, less the ones prose is made of. */
const HIDDEN = /[\p{Cf}\p{Cc}\u2028\u2029]/u;
const LAYOUT = new Set(["\n", "\t", "\r"]);

export const hiddenToken = (codePoint: number): string => `⟨${codePointLabel(codePoint)}⟩`;

export function markHiddenCharacters(text: string): VisiblePiece[] {
  const pieces: VisiblePiece[] = [];
  let run = "";
  for (const char of text) {
    if (!HIDDEN.test(char) || LAYOUT.has(char)) {
      run += char;
      continue;
    }
    if (run !== "") pieces.push({ kind: "text", text: run });
    run = "";
    const codePoint = char.codePointAt(0) ?? 0;
    pieces.push({ kind: "hidden", codePoint, token: hiddenToken(codePoint), description: describeCodePoint(codePoint) });
  }
  if (run !== "") pieces.push({ kind: "text", text: run });
  return pieces;
}

/** The text as the reviewer sees it, tokens in place of hidden characters (for copying and tests). */
export const visibleText = (text: string): string =>
  markHiddenCharacters(text)
    .map((piece) => (piece.kind === "text" ? piece.text : piece.token))
    .join("");
