// File names chosen by the page (an uploaded file's name, a suggested save name) become names on
// this machine's disk. Only the last path segment survives, reduced to a portable character set, so
// a name can never climb out of its folder, hide itself, or carry control characters.
import { stat } from "node:fs/promises";
import path from "node:path";

const MAX_NAME_LENGTH = 120;

export function sanitizeFileName(name: string, fallback = "file"): string {
  // Both separators: a browser on any system may send "C:\\x\\bundle.tar" or "../../bundle.tar".
  const lastSegment = name.split(/[/\\]/).pop() ?? "";
  const portable = lastSegment
    .normalize("NFC")
    .replace(/[^\p{L}\p{N} ._()+-]/gu, "_")
    // A leading dot would hide the file (and "." / ".." name folders); trailing dots and spaces
    // are dropped by some file systems, so two different names could meet on disk.
    .replace(/^[.\s]+/, "")
    .replace(/[.\s]+$/, "");
  const bounded = shortenKeepingExtension(portable, MAX_NAME_LENGTH);
  return bounded === "" ? fallback : bounded;
}

function shortenKeepingExtension(name: string, max: number): string {
  if (name.length <= max) return name;
  const extension = path.extname(name).slice(0, 16);
  return name.slice(0, max - extension.length) + extension;
}

/**
 * "report.pdf", then "report (2).pdf", "report (3).pdf"… the first that is neither on disk nor in
 * `taken`. A folder's name has no extension: "a.r1.D1", then "a.r1.D1 (2)".
 */
export async function uniquePathIn(directory: string, name: string, taken: ReadonlySet<string>, { folder = false } = {}): Promise<string> {
  const extension = folder ? "" : path.extname(name);
  const stem = name.slice(0, name.length - extension.length);
  for (let n = 1; ; n += 1) {
    const candidate = path.join(directory, n === 1 ? name : `${stem} (${n})${extension}`);
    if (!taken.has(candidate) && !(await exists(candidate))) return candidate;
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}
