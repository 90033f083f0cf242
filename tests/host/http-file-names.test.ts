import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { sanitizeFileName, uniquePathIn } from "../../electron/host/http-file-names.js";
import { tempFolder } from "../helpers/temp.js";

describe("sanitizeFileName", () => {
  it("keeps ordinary names, including non-Latin letters", () => {
    for (const name of ["bundle.tar", "Request 2026-11 (final).age", "Anfrage_Überwachung.pdf", "запрос.tar"]) expect(sanitizeFileName(name)).toBe(name);
  });

  it("keeps only the last segment, on either separator", () => {
    expect(sanitizeFileName("../../etc/passwd")).toBe("passwd");
    expect(sanitizeFileName("C:\\Users\\ada\\x.tar")).toBe("x.tar");
    expect(sanitizeFileName("dir/")).toBe("file");
  });

  it("removes what hides, truncates or misleads", () => {
    expect(sanitizeFileName(".env")).toBe("env");
    expect(sanitizeFileName("...")).toBe("file");
    expect(sanitizeFileName("name. . ")).toBe("name");
    expect(sanitizeFileName("a\u0000b")).toBe("a_b");
    expect(sanitizeFileName("invoice\u202Efdp.exe")).toBe("invoice_fdp.exe");
    expect(sanitizeFileName("a:b*c?.txt")).toBe("a_b_c_.txt");
    expect(sanitizeFileName("", "upload")).toBe("upload");
  });

  it("bounds the length and keeps the extension", () => {
    const long = sanitizeFileName(`${"a".repeat(300)}.tar`);
    expect(long).toHaveLength(120);
    expect(long.endsWith(".tar")).toBe(true);
  });
});

describe("uniquePathIn", () => {
  it("numbers names that are on disk or already given", async () => {
    const dir = tempFolder();
    expect(await uniquePathIn(dir, "r.pdf", new Set())).toBe(path.join(dir, "r.pdf"));
    writeFileSync(path.join(dir, "r.pdf"), "");
    expect(await uniquePathIn(dir, "r.pdf", new Set())).toBe(path.join(dir, "r (2).pdf"));
    expect(await uniquePathIn(dir, "r.pdf", new Set([path.join(dir, "r (2).pdf")]))).toBe(path.join(dir, "r (3).pdf"));
    writeFileSync(path.join(dir, "notes"), "");
    expect(await uniquePathIn(dir, "notes", new Set())).toBe(path.join(dir, "notes (2)"));
  });
});
