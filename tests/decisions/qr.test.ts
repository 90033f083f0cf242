// The QR code on the paper holds the decision's digest: the page is rasterised with pdftoppm and
// every module read back from the pixels must equal the QR matrix of `sha256:<digest>`.
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { encodePublicKey, formatKeyId, generateMinisignKeyPair } from "../../electron/core/crypto/minisign.js";
import { renderCopyPdf } from "../../electron/core/decisions/export-copy.js";
import { qrMatrix } from "../../electron/core/decisions/pdf/qr.js";
import { signDocument } from "../../electron/core/decisions/sign-document.js";
import { suiteTempFolder } from "../helpers/temp.js";
import { testRuntime } from "../helpers/runtime.js";
import { exampleGrievanceResponse } from "./examples.js";

interface Gray {
  width: number;
  height: number;
  dark(x: number, y: number): boolean;
}

/** A binary PGM (P5) as pdftoppm -gray writes it. */
function readPgm(path: string): Gray {
  const bytes = readFileSync(path);
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(bytes.subarray(0, 64).toString("latin1"));
  if (!header) throw new Error("not a binary PGM");
  const [text = "", width = "0", height = "0"] = header;
  const pixels = bytes.subarray(text.length);
  const w = Number(width);
  return { width: w, height: Number(height), dark: (x, y) => (pixels[y * w + x] ?? 255) < 128 };
}

describe("the QR code", () => {
  it("reads back, module by module, as the QR code of the document's digest", async () => {
    const { dir } = suiteTempFolder("qr");
    const key = generateMinisignKeyPair(testRuntime(undefined, "qr").ids.randomBytes);
    const signed = signDocument("grievance-response", exampleGrievanceResponse({ name: "Anna Müller", office: "Test Office", keyId: formatKeyId(key.keyId) }), key);
    writeFileSync(join(dir, "copy.pdf"), await renderCopyPdf(signed, { publicKeyLine: encodePublicKey(key) }));
    execFileSync("pdftoppm", ["-r", "300", "-gray", "-f", "1", "-l", "1", "-singlefile", join(dir, "copy.pdf"), join(dir, "page")]);
    const page = readPgm(join(dir, "page.pgm"));
    const expected = qrMatrix(`sha256:${signed.digest}`);

    // The code sits at the right margin. Its first row is the top edge of its two upper finder
    // patterns: the first row there with long dark runs (letters have none that long).
    const band = Math.floor(page.width * 0.6);
    const runs = (y: number): [number, number][] => {
      const found: [number, number][] = [];
      for (let x = band; x < page.width; x++) {
        if (!page.dark(x, y)) continue;
        let end = x;
        while (end + 1 < page.width && page.dark(end + 1, y)) end++;
        found.push([x, end]);
        x = end;
      }
      return found;
    };
    const longRuns = (y: number): [number, number][] => runs(y).filter(([start, end]) => end - start >= 50);
    let top = 0;
    while (top < page.height && longRuns(top).length < 2) top++;
    const edges = longRuns(top + 2);
    const left = edges[0]?.[0] ?? 0;
    const right = edges[edges.length - 1]?.[1] ?? 0;
    const cell = (right - left + 1) / expected.length;
    const read = expected.map((row, r) => row.map((_, c) => page.dark(Math.floor(left + (c + 0.5) * cell), Math.floor(top + (r + 0.5) * cell))));
    expect(cell).toBeGreaterThan(5);
    expect(read).toEqual(expected);
  });

  it("differs for another digest", () => {
    expect(qrMatrix(`sha256:${"0".repeat(64)}`)).not.toEqual(qrMatrix(`sha256:${"1".repeat(64)}`));
  });
});
