// `counterseal verify FILE…`: every file named, each by the verifier for its kind. Today that is
// the verification copy (`<id>.json`, or its `.json.minisig` or `.pdf` standing for it) of any
// kind signed-kinds.ts knows, the auditor's findings report among them; a sealed reply gets its
// own entry in VERIFIERS, with a report of its own type.
import { existsSync, statSync } from "node:fs";
import { resolve } from "node:path";
import type { MinisignPublicKey } from "../crypto/minisign.js";
import { JSON_LIMITS, verifyCopy, type CopyReport } from "./verify-copy.js";

export interface UnverifiableReport {
  file: string;
  type: "unverifiable";
  ok: false;
  detail: string;
}

export type FileReport = CopyReport | UnverifiableReport;

interface Verifier {
  /** The file this verifier checks for the path given, or undefined when the path is not its kind. */
  target(path: string): string | undefined;
  verify(path: string, keys: readonly MinisignPublicKey[]): FileReport;
}

const VERIFIERS: readonly Verifier[] = [
  {
    target: (path) => {
      const json = path.match(/^(.*\.json)(\.minisig)?$/)?.[1] ?? (path.endsWith(".pdf") ? `${path.slice(0, -".pdf".length)}.json` : undefined);
      return json;
    },
    verify: (path, keys) => verifyCopy(path, keys),
  },
];

/** One report per distinct file checked, in the order named; the copy's three files count once. */
export function verifyFiles(paths: readonly string[], keys: readonly MinisignPublicKey[]): FileReport[] {
  const seen = new Set<string>();
  const reports: FileReport[] = [];
  for (const path of paths) {
    const verifier = VERIFIERS.find((each) => each.target(path) !== undefined);
    const target = verifier?.target(path) ?? path;
    if (seen.has(resolve(target))) continue;
    seen.add(resolve(target));
    if (verifier === undefined) reports.push({ file: path, type: "unverifiable", ok: false, detail: "not a verification copy (<id>.json, <id>.json.minisig or <id>.pdf)" });
    else if (!existsSync(target)) reports.push({ file: target, type: "unverifiable", ok: false, detail: `${target} does not exist` });
    else if (statSync(target).size > JSON_LIMITS.maxBytes)
      reports.push({ file: target, type: "unverifiable", ok: false, detail: `${target} is larger than the ${JSON_LIMITS.maxBytes} bytes a document may have` });
    else reports.push(verifyReadable(verifier, target, keys));
  }
  return reports;
}

/** A file that cannot be read (a folder, no permission) fails alone; the other files are still checked. */
function verifyReadable(verifier: Verifier, target: string, keys: readonly MinisignPublicKey[]): FileReport {
  try {
    return verifier.verify(target, keys);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (typeof code !== "string" || !code.startsWith("E")) throw error;
    return { file: target, type: "unverifiable", ok: false, detail: `${target} cannot be read (${code}): ${(error as Error).message}` };
  }
}
