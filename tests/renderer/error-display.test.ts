// Failed calls are handled in one place (renderer/src/store/failure.ts): screens render the Failure
// they are given with ErrorNote and never look at an error's code or class themselves.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const src = path.resolve(import.meta.dirname, "..", "..", "renderer", "src");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** The handler itself, the client that raises ApiCallError, and the session store (it owns the lock). */
const HANDLERS = new Set(["api/errors.ts", "api/client.ts", "store/failure.ts", "store/session.ts"]);

describe("error display", () => {
  const files = sourceFiles(src).map((file) => ({ name: path.relative(src, file).split(path.sep).join("/"), text: readFileSync(file, "utf8") }));

  it("leaves every look at an error's code or class to the failure handler", () => {
    const offenders = files
      .filter(({ name }) => !HANDLERS.has(name))
      .filter(({ text }) => /ApiCallError|isLockedError|toFailure|\b(?:error|failure)\??\.code\s*[!=]==|switch \((?:error|failure)\??\.code\)|\(error as |error instanceof |from "[./]*api\/errors\.js"/.test(text))
      .map(({ name }) => name);
    expect(offenders).toEqual([]);
  });

  it("sends every caught error in a store or component through failureFrom", () => {
    const catching = files.filter(({ name, text }) => !HANDLERS.has(name) && /catch \(error\)/.test(text));
    expect(catching.length).toBeGreaterThanOrEqual(8);
    for (const { name, text } of catching) expect(text, name).toMatch(/failureFrom\(error/);
  });

  it("knows no invented lock codes", () => {
    for (const { name, text } of files) expect(text, name).not.toMatch(/store-locked|not-unlocked|session-locked/);
  });
});
