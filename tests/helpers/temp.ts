// Temporary folders for tests, the one helper for them: `tempFolder` for one test (removed after
// it), `suiteTempFolder` for state several tests share (removed by the caller's afterAll, and in
// any case after the file's last test, also when a filter skipped the block that would have).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach } from "vitest";

const perTest: string[] = [];
const perFile: string[] = [];
const remove = (folder: string): void => rmSync(folder, { recursive: true, force: true });

afterEach(() => {
  for (const folder of perTest.splice(0)) remove(folder);
});
afterAll(() => {
  for (const folder of perFile.splice(0)) remove(folder);
});

const make = (prefix: string): string => mkdtempSync(join(tmpdir(), prefix));

/** A folder removed after the current test. */
export function tempFolder(prefix = "counterseal-test-"): string {
  const folder = make(prefix);
  perTest.push(folder);
  return folder;
}

/** A folder for a describe block or a whole file: `counterseal-<name>-XXXXXX`. */
export function suiteTempFolder(name: string): { dir: string; remove: () => void } {
  const dir = make(`counterseal-${name}-`);
  perFile.push(dir);
  return { dir, remove: () => remove(dir) };
}

/** A folder for the whole test file, removed after its last test. */
export const fileTempFolder = (name: string): string => suiteTempFolder(name).dir;
