// What the inbox's full-text search indexes for a request, and how text is folded so that a
// reviewer typing "lodz" finds "Łódź". SQLite's remove_diacritics folds ó and ź but not Ł or ß,
// so letters that do not decompose are mapped here.
const LETTERS: Readonly<Record<string, string>> = {
  ł: "l", đ: "d", ð: "d", þ: "th", ß: "ss", æ: "ae", œ: "oe", ø: "o", ı: "i", ħ: "h", ŧ: "t", ŋ: "n",
};

export function foldForSearch(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[łđðþßæœøıħŧŋ]/g, (letter) => LETTERS[letter] ?? letter);
}

/** The searchable text of a request document: its words, not its structure. */
export function searchTextOf(document: unknown): string {
  const parts: string[] = [];
  const visit = (value: unknown, key: string): void => {
    if (typeof value === "string") {
      if (!SKIPPED_KEYS.has(key)) parts.push(value);
    } else if (Array.isArray(value)) value.forEach((item) => visit(item, key));
    else if (value !== null && typeof value === "object") for (const [name, item] of Object.entries(value)) visit(item, name);
  };
  visit(document, "");
  return foldForSearch(parts.join("\n"));
}

// Machine values a reviewer does not search by words (times, the schema tag, media types).
const SKIPPED_KEYS = new Set(["schema", "submittedAt", "respondBy", "validatedAt", "from", "to", "until", "mediaType", "path"]);

/** A user's search box text as an FTS5 query: every word must appear, as a word prefix. */
export function ftsQueryOf(input: string): string | undefined {
  const words = foldForSearch(input)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0)
    .slice(0, 12);
  return words.length === 0 ? undefined : words.map((word) => `"${word}"*`).join(" AND ");
}
