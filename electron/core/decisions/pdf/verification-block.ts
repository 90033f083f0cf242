// The part of every printed document that ties the paper to the file: the SHA-256 of
// `<id>.json` in large type and as a QR code, and the one stock command that verifies it.
import { drawQr } from "./qr.js";
import { GREY, MARGIN, TEXT_WIDTH, type Typesetter } from "./typesetter.js";

export interface VerificationFacts {
  /** The document's id: the files are `<id>.json` and `<id>.json.minisig`. */
  id: string;
  digest: string;
  /** The signer's public key, the base64 line `minisign -P` takes. */
  publicKeyLine: string;
  keyId: string;
  trustedComment: string;
}

/** `minisign -Vm <id>.json -P <key>`: verifies the copy with no other software. */
export const verifyCommand = (facts: Pick<VerificationFacts, "id" | "publicKeyLine">): string => `minisign -Vm ${facts.id}.json -P ${facts.publicKeyLine}`;

const QR_SIZE = 112;

export function drawVerificationBlock(out: Typesetter, facts: VerificationFacts): void {
  out.heading("Verification");
  out.ensure(QR_SIZE + 10);
  const top = out.y;
  drawQr(out.page, `sha256:${facts.digest}`, MARGIN + TEXT_WIDTH - QR_SIZE, top - QR_SIZE, QR_SIZE);
  const size = 15;
  out.page.drawText(`SHA-256 of ${facts.id}.json`, { x: MARGIN, y: top - 10, size: 8.5, font: out.regular, color: GREY });
  // Four groups of sixteen digits, two to a line, so a clerk can read them aloud in pieces.
  const groups = facts.digest.match(/.{1,16}/g) ?? [];
  [groups.slice(0, 2), groups.slice(2, 4)].forEach((line, index) => {
    out.page.drawText(line.join(" "), { x: MARGIN, y: top - 34 - index * (size + 6), size, font: out.bold });
  });
  out.page.drawText(`sha256:${facts.digest}`, { x: MARGIN, y: top - 86, size: 6.5, font: out.regular, color: GREY });
  out.y = top - QR_SIZE - 8;
  out.text(`Signed with minisign key ${facts.keyId}; the signature's trusted comment reads:`, { size: 8.5 });
  out.text(facts.trustedComment, { size: 7, color: GREY, indent: 8 });
  out.gap(4);
  out.text(`To verify, with ${facts.id}.json and ${facts.id}.json.minisig in one folder, run:`, { size: 8.5 });
  drawOneLine(out, verifyCommand(facts));
  out.text("minisign prints \"Signature and comment signature verified\" and the trusted comment above; any other answer means the file is not the one signed.", { size: 8.5 });
}

/** The command on one line, in the largest size from 8 pt down that fits, so it can be copied whole. */
function drawOneLine(out: Typesetter, text: string): void {
  let size = 8;
  while (size > 5 && out.regular.widthOfTextAtSize(text, size) > TEXT_WIDTH - 8) size -= 0.25;
  out.ensure(size * 2 + 4);
  out.page.drawText(text, { x: MARGIN + 8, y: out.y - size - 2, size, font: out.regular });
  out.y -= size * 2 + 4;
}
