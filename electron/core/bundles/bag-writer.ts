// Writes the tag files of a sealed-bundle-v1 bag (BagIt 1.0 profile) for a document and its payload.
// Pure: callers hand in the payload digests; nothing here touches the disk.

export type BundleType = "request" | "grievance" | "decision" | "grievance-response" | "audit-pack";

export interface PayloadFile {
  /** Path relative to the bag root, e.g. `data/request.json`. */
  bagPath: string;
  size: number;
  sha256: string;
}

export interface BagDescription {
  bundleType: BundleType;
  externalIdentifier: string;
  sourceOrganization: string;
  /** YYYY-MM-DD */
  baggingDate: string;
  payload: readonly PayloadFile[];
}

export interface TagFile {
  bagPath: string;
  bytes: Uint8Array;
}

const utf8 = new TextEncoder();

/** RFC 8493 §2.1.3: only %, CR and LF are percent-encoded in manifest paths. */
export const encodeManifestPath = (path: string): string =>
  path.replaceAll("%", "%25").replaceAll("\r", "%0D").replaceAll("\n", "%0A");

export const manifestText = (entries: readonly { bagPath: string; sha256: string }[]): string =>
  entries.map((entry) => `${entry.sha256}  ${encodeManifestPath(entry.bagPath)}\n`).join("");

export function bagitTxt(): Uint8Array {
  return utf8.encode("BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n");
}

export function bagInfoTxt(bag: BagDescription): Uint8Array {
  const octets = bag.payload.reduce((sum, file) => sum + file.size, 0);
  const lines = [
    `Bundle-Type: ${bag.bundleType}`,
    "Bundle-Version: 1",
    `External-Identifier: ${bag.externalIdentifier}`,
    `Source-Organization: ${oneLine(bag.sourceOrganization)}`,
    `Bagging-Date: ${bag.baggingDate}`,
    `Payload-Oxum: ${octets}.${bag.payload.length}`,
  ];
  return utf8.encode(lines.join("\n") + "\n");
}

/**
 * The tag files in the order they are written, ending with tagmanifest-sha256.txt (whose bytes
 * are what the sender signs). `sha256` hashes tag file bytes.
 */
export function tagFiles(bag: BagDescription, sha256: (bytes: Uint8Array) => string): TagFile[] {
  const listed: TagFile[] = [
    { bagPath: "bagit.txt", bytes: bagitTxt() },
    { bagPath: "bag-info.txt", bytes: bagInfoTxt(bag) },
    { bagPath: "manifest-sha256.txt", bytes: utf8.encode(manifestText(sortedByPath(bag.payload))) },
  ];
  const tagManifest = manifestText(listed.map((file) => ({ bagPath: file.bagPath, sha256: sha256(file.bytes) })));
  return [...listed, { bagPath: "tagmanifest-sha256.txt", bytes: utf8.encode(tagManifest) }];
}

const sortedByPath = <T extends { bagPath: string }>(files: readonly T[]): T[] =>
  [...files].sort((a, b) => (a.bagPath < b.bagPath ? -1 : a.bagPath > b.bagPath ? 1 : 0));

// bag-info values are single lines; folding a sender's name with newlines would forge labels.
const oneLine = (value: string): string => value.replace(/[\r\n]+/g, " ").trim();
