// The one list of API error codes (shared/api/errors.ts) is the only source of codes: every core
// error class that reaches the API carries a listed code, and no deliberate core error forgets to.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { CoreError } from "../../electron/core/errors.js";
import { LockedError } from "../../electron/core/session/session-errors.js";
import { ERROR_CODES, ERROR_MEANINGS, isErrorCode } from "../../shared/api/errors.js";

const root = path.resolve(import.meta.dirname, "..", "..");
const coreDir = path.join(root, "electron", "core");

/** Errors of lower layers that the core always translates (into a BundleRefusal or a CLI line)
 *  before they can reach the API; anything escaping untranslated is reported as internal. */
const TRANSLATED = new Set(["AgeDecryptError", "MinisignVerifyError", "MinisignPasswordError", "StrictJsonError"]);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith(".ts") ? [full] : [];
  });
}

const files = sourceFiles(coreDir);
const exportedErrorClasses = files.flatMap((file) =>
  [...readFileSync(file, "utf8").matchAll(/^export (?:abstract )?class (\w+) extends (\w+)/gm)].map((match) => ({ file, name: match[1] ?? "" })),
);

describe("the API's error codes", () => {
  it("are unique, kebab-case, and each says what it means", () => {
    expect(new Set(ERROR_CODES).size).toBe(ERROR_CODES.length);
    for (const code of ERROR_CODES) {
      expect(code).toMatch(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/);
      expect(ERROR_MEANINGS[code].length, code).toBeGreaterThan(10);
    }
    expect(isErrorCode("wrong-passphrase")).toBe(true);
    for (const invented of ["store-locked", "not-unlocked", "session-locked", "toString", "__proto__", 3]) expect(isErrorCode(invented)).toBe(false);
  });

  it("hold every code a core error class sets in its source", () => {
    const set = files.flatMap((file) => [...readFileSync(file, "utf8").matchAll(/readonly code(?:: [^=]+)? = "([^"]+)"/g)].map((m) => m[1] ?? ""));
    const typed = files.flatMap((file) => [...readFileSync(file, "utf8").matchAll(/override readonly code: ((?:"[a-z-]+"(?: \| )?)+)/g)].flatMap((m) => (m[1] ?? "").match(/[a-z-]+/g) ?? []));
    expect(set.length).toBeGreaterThanOrEqual(15);
    expect(typed).toEqual(["locked", "import-busy"]);
    for (const code of [...set, ...typed]) expect(isErrorCode(code), code).toBe(true);
  });

  it("are carried by every exported core error class (bar the translated ones), with a listed code", async () => {
    const checked: string[] = [];
    for (const { file, name } of exportedErrorClasses) {
      const module = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
      const type = module[name];
      if (typeof type !== "function" || !(type.prototype instanceof Error) || type === CoreError) continue;
      if (TRANSLATED.has(name)) {
        expect(type.prototype instanceof CoreError, `${name} is translated, not a CoreError`).toBe(false);
        continue;
      }
      expect(type.prototype instanceof CoreError, `${name} (${path.relative(root, file)}) extends CoreError`).toBe(true);
      const error = Reflect.construct(type, ["example"]) as CoreError;
      expect(isErrorCode(error.code), `${name}.code ${error.code}`).toBe(true);
      checked.push(name);
    }
    expect(checked).toEqual(expect.arrayContaining(["WrongPassphraseError", "BundleRefusal", "LockedError", "KeyringInputError", "RequestNotFoundError", "AgeKeyError"]));
    expect(new LockedError("An import is still finishing.", "import-busy").code).toBe("import-busy");
  });
});
