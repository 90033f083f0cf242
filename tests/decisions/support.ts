// What the decisions tests share: a signer from a real store, the stock tools run on the
// exported files (minisign, pdftotext, pdftoppm, pdfinfo).
import { execFileSync, spawnSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { reviewerSigner, type ReviewerSigner } from "../../electron/core/decisions/reviewer-key.js";
import type { TestOffice } from "../helpers/office.js";

export const signerOf = (office: TestOffice): ReviewerSigner => reviewerSigner(office.session);

/** `minisign -Vm FILE -P KEY`: its exit status and what it printed. */
export function stockVerify(file: string, publicKeyLine: string): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync("minisign", ["-Vm", file, "-P", publicKeyLine], { encoding: "utf8" });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The PDF's text as pdftotext reads it, in reading order (not laid out). */
export const pdfText = (pdf: string): string => execFileSync("pdftotext", ["-enc", "UTF-8", pdf, "-"], { encoding: "utf8" });

export const pdfPageCount = (pdf: string): number => Number(/^Pages:\s+(\d+)/m.exec(execFileSync("pdfinfo", [pdf], { encoding: "utf8" }))?.[1] ?? 0);

/** Renders every page with pdftoppm; returns the PNG files' sizes in page order. */
export function renderPages(pdf: string, outDir: string): number[] {
  execFileSync("pdftoppm", ["-r", "50", "-png", pdf, join(outDir, "page")]);
  return readdirSync(outDir)
    .filter((name) => name.startsWith("page") && name.endsWith(".png"))
    .sort()
    .map((name) => statSync(join(outDir, name)).size);
}

/** Whitespace folded to single spaces, so a phrase wrapped across lines still matches. */
export const folded = (text: string): string => text.replace(/\s+/g, " ");
