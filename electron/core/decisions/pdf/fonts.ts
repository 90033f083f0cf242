// The fonts the office's PDFs embed: DejaVu Sans and DejaVu Sans Bold (Bitstream Vera licence,
// electron/core/decisions/fonts/LICENSE-DejaVu.txt), which cover Latin with every diacritic,
// Greek and Cyrillic, so names like Łódź, Αθήνα or Москва print as written.
//
// The files ship in a `fonts` folder: electron/core/decisions/fonts in the sources, copied by
// scripts/build-node.mjs to dist/electron/cli/fonts beside the CLI bundle. The code that reads
// them is in one of several places (the sources, the CLI's main file or one of its chunks), so
// the folder is looked for here and in the parents above.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const FONT_FILES = { regular: "DejaVuSans.ttf", bold: "DejaVuSans-Bold.ttf" } as const;

export interface FontBytes {
  regular: Uint8Array;
  bold: Uint8Array;
}

const SEARCH_DEPTH = 4;

/** The nearest `fonts` folder holding both files, from `start` upwards. */
export function findFontFolder(start: string = dirname(fileURLToPath(import.meta.url))): string {
  const tried: string[] = [];
  let folder = start;
  for (let level = 0; level <= SEARCH_DEPTH; level++) {
    const candidate = join(folder, "fonts");
    if (Object.values(FONT_FILES).every((file) => existsSync(join(candidate, file)))) return candidate;
    tried.push(candidate);
    const parent = dirname(folder);
    if (parent === folder) break;
    folder = parent;
  }
  throw new Error(`the PDF fonts (${Object.values(FONT_FILES).join(", ")}) are missing; looked in ${tried.join(", ")}`);
}

let cached: FontBytes | undefined;

export function loadFonts(): FontBytes {
  if (cached === undefined) {
    const folder = findFontFolder();
    cached = { regular: readFileSync(join(folder, FONT_FILES.regular)), bold: readFileSync(join(folder, FONT_FILES.bold)) };
  }
  return cached;
}
