// bagit.txt, the bag declaration (RFC 8493 §2.1.1): exactly two lines, in this order,
//   BagIt-Version: M.N
//   Tag-File-Character-Encoding: UTF-8
// written exactly so: one space after the colon, nothing else on the line. Our profile reads
// only version 1.0 and UTF-8 tag files; the RFC layer (used for the LoC conformance suite)
// reads any M.N version, still only in UTF-8.
import { readTagLines } from "./bagit-text.js";
import { refuse } from "./refusal.js";

export const BAGIT_TXT = "bagit.txt";

export interface BagDeclaration {
  /** "1.0" under our profile; "M.N" in general. */
  version: string;
}

export function parseBagitTxt(bytes: Uint8Array, options: { profile: boolean } = { profile: true }): BagDeclaration {
  const lines = readTagLines(bytes, BAGIT_TXT);
  const fail = (why: string): never => refuse("bag-invalid", `${BAGIT_TXT} ${why}`);
  const [versionLine, encodingLine, extra] = lines;
  if (versionLine === undefined || encodingLine === undefined || extra !== undefined) {
    return fail(`must have exactly two lines, BagIt-Version and Tag-File-Character-Encoding; it has ${lines.length}`);
  }
  const version = versionLine.text.match(/^BagIt-Version: ([0-9]+\.[0-9]+)$/)?.[1];
  if (version === undefined) return fail(`line 1: expected "BagIt-Version: M.N", found ${JSON.stringify(versionLine.text)}`);
  const encoding = encodingLine.text.match(/^Tag-File-Character-Encoding: (\S+)$/)?.[1];
  if (encoding === undefined) return fail(`line 2: expected "Tag-File-Character-Encoding: UTF-8", found ${JSON.stringify(encodingLine.text)}`);
  if (encoding.toUpperCase() !== "UTF-8") fail(`line 2: tag files must be UTF-8, not ${encoding}`);
  if (options.profile && version !== "1.0") fail(`line 1: BagIt version ${version} is not supported; bundles are BagIt 1.0`);
  return { version };
}
