// Checks a bag read from a bundle against RFC 8493 and our BagIt profile (sealed-bundle-v1).
//
// The checks run in this fixed order and the first fault found wins, so the same bag always
// gets the same refusal:
//
//   1. bagit.txt present and valid (version 1.0 under the profile)              bag-invalid
//   2. bag-info.txt: under the profile present, with the spec's fields;
//      otherwise optional, Payload-Oxum at most once and well formed             bag-invalid
//   3. no fetch.txt (nothing is fetched across the air gap)                      bag-invalid
//   4. every tag file is UTF-8 without a byte order mark, in path order           bag-invalid
//   5. the manifests required: manifest-sha256.txt and tagmanifest-sha256.txt
//      under the profile, at least one payload manifest otherwise                bag-invalid
//   6. every manifest parses (payload manifests first, then tag manifests; sha256
//      first, then by name): algorithm supported, line syntax, paths inside the
//      bag and listed once, payload manifests list only data/, tag manifests no
//      payload file and no tag manifest                                          bag-invalid
//   7. every payload file is listed in every payload manifest                    bag-unlisted-file
//   8. every manifest line names a file of the bag                               bag-missing-file
//   9. under the profile, every tag file but tag manifests and the .minisig is
//      listed in tagmanifest-sha256.txt                                           bag-unlisted-file
//  10. every digest matches, manifest by manifest, line by line                 bag-digest-mismatch
//  11. Payload-Oxum matches the payload's octets and file count                  bag-invalid
//  12. under the profile, the document data/<Bundle-Type>.json exists            bag-invalid
//
// md5 and sha1 manifests are ignored for trust under the profile: neither parsed nor
// verified (their bytes are still tag files, covered by tagmanifest-sha256.txt). The plain
// RFC layer verifies them, as any BagIt validator would. A manifest in an algorithm we cannot
// compute is refused (bag-invalid) rather than skipped: "present" means "verified" here.
import { createHash } from "node:crypto";
import { BAGIT_TXT, parseBagitTxt } from "./bagit-declaration.js";
import {
  DIGEST_HEX_LENGTH,
  isDigestAlgorithm,
  manifestNameOf,
  parseManifestLines,
  UNTRUSTED_ALGORITHMS,
  type DigestAlgorithm,
  type ManifestLine,
} from "./bagit-manifest.js";
import { BAG_INFO_TXT, checkRfcBagInfo, parseBagInfo, parseTagFields, type BagInfo, type BagInfoField, type PayloadOxum } from "./bagit-tags.js";
import { decodeTagFile } from "./bagit-text.js";
import { refuse } from "./refusal.js";

export const FETCH_TXT = "fetch.txt";
export const PAYLOAD_MANIFEST = "manifest-sha256.txt";
export const TAG_MANIFEST = "tagmanifest-sha256.txt";
export const SIGNATURE_FILE = "tagmanifest-sha256.txt.minisig";
const PAYLOAD_DIR = "data/";

export interface BagFile {
  size: number;
  /** SHA-256 of the file, hex. */
  sha256: string;
}

/** What the import pipeline knows of a bag once the tar layer has been read. */
export interface BagInventory {
  /** Every regular file of the bag, by bag-relative path ("bagit.txt", "data/request.json"). */
  readonly files: ReadonlyMap<string, BagFile>;
  /** The bytes of every tag file, i.e. every file not under data/ (they are small). */
  readonly tagFiles: ReadonlyMap<string, Uint8Array>;
  /** A payload file's digest (hex) under an algorithm other than sha256, computed on demand. */
  digestOf(path: string, algorithm: DigestAlgorithm): string | Promise<string>;
}

/** What the RFC 8493 layer found. */
export interface BagStructure {
  version: string;
  /** bag-info.txt's fields, when it is present. */
  info: readonly BagInfoField[] | undefined;
  /** Payload files, sorted. */
  payloadPaths: readonly string[];
  /** The manifests whose every line was verified, in the order they were checked. */
  verifiedManifests: readonly string[];
}

/** A bag that passed the whole profile. */
export interface CheckedBag {
  info: BagInfo;
  /** data/<Bundle-Type>.json */
  documentPath: string;
  /** Every other payload file, sorted. */
  attachmentPaths: readonly string[];
  /** SHA-256 (hex) of tagmanifest-sha256.txt: the bundle's identity. */
  bundleDigest: string;
}

/** Checks a bundle's bag against the full profile; refuses with a BundleRefusal. */
export async function checkBag(inventory: BagInventory): Promise<CheckedBag> {
  const { structure, info } = await runChecks(inventory, true);
  if (info === undefined) throw new Error("the profile checks returned no bag-info");
  const documentPath = `${PAYLOAD_DIR}${info.bundleType}.json`;
  return {
    info,
    documentPath,
    attachmentPaths: structure.payloadPaths.filter((path) => path !== documentPath),
    bundleDigest: createHash("sha256").update(tagBytes(inventory, TAG_MANIFEST)).digest("hex"),
  };
}

/**
 * The same ordered checks; with `profile: false` only what RFC 8493 asks of any bag, with our
 * standing policies (UTF-8 tag files, no fetch.txt, names listed once after folding).
 */
export async function checkBagStructure(inventory: BagInventory, options: { profile: boolean }): Promise<BagStructure> {
  return (await runChecks(inventory, options.profile)).structure;
}

interface Manifest {
  path: string;
  kind: "payload" | "tag";
  algorithm: DigestAlgorithm;
  lines: ManifestLine[];
}

async function runChecks(inventory: BagInventory, profile: boolean): Promise<{ structure: BagStructure; info: BagInfo | undefined }> {
  const paths = [...inventory.files.keys()].sort();
  const payloadPaths = paths.filter((path) => path.startsWith(PAYLOAD_DIR));
  const tagPaths = paths.filter((path) => !path.startsWith(PAYLOAD_DIR));

  // 1. bagit.txt
  const declaration = parseBagitTxt(tagBytes(inventory, BAGIT_TXT, `${BAGIT_TXT} is missing`), { profile });
  // 2. bag-info.txt
  let info: BagInfo | undefined;
  let fields: readonly BagInfoField[] | undefined;
  let oxum: PayloadOxum | undefined;
  if (profile) {
    info = parseBagInfo(tagBytes(inventory, BAG_INFO_TXT, `${BAG_INFO_TXT} is missing`));
    fields = info.fields;
    oxum = info.payloadOxum;
  } else if (inventory.files.has(BAG_INFO_TXT)) {
    fields = parseTagFields(tagBytes(inventory, BAG_INFO_TXT));
    oxum = checkRfcBagInfo(fields);
  }
  // 3. no fetch.txt
  if (inventory.files.has(FETCH_TXT)) {
    refuse("bag-invalid", `${FETCH_TXT} is present: a bundle must carry all its files, nothing is fetched across the air gap`);
  }
  // 4. tag files are UTF-8
  for (const path of tagPaths) decodeTagFile(tagBytes(inventory, path), path);
  // 5. required manifests
  if (profile) {
    for (const required of [PAYLOAD_MANIFEST, TAG_MANIFEST]) if (!inventory.files.has(required)) refuse("bag-invalid", `${required} is missing`);
  } else if (!tagPaths.some((path) => manifestNameOf(path)?.kind === "payload")) {
    refuse("bag-invalid", "the bag has no payload manifest (manifest-<algorithm>.txt)");
  }
  // 6. manifest syntax and scope
  const manifests = parseManifests(inventory, tagPaths, profile);
  // 7. payload files listed
  for (const manifest of manifests.filter((m) => m.kind === "payload")) {
    const listed = new Set(manifest.lines.map((line) => line.path));
    const unlisted = payloadPaths.find((path) => !listed.has(path));
    if (unlisted !== undefined) refuse("bag-unlisted-file", `${unlisted} is in the bag but not listed in ${manifest.path}`);
  }
  // 8. listed files present
  for (const manifest of manifests) {
    const missing = manifest.lines.find((line) => !inventory.files.has(line.path));
    if (missing !== undefined) refuse("bag-missing-file", `${manifest.path} line ${missing.line} lists ${missing.path}, which is not in the bag`);
  }
  // 9. tag files listed
  if (profile) {
    const listed = new Set(manifests.find((m) => m.path === TAG_MANIFEST)?.lines.map((line) => line.path));
    const unlisted = tagPaths.find((path) => manifestNameOf(path)?.kind !== "tag" && path !== SIGNATURE_FILE && !listed.has(path));
    if (unlisted !== undefined) refuse("bag-unlisted-file", `${unlisted} is a tag file but not listed in ${TAG_MANIFEST}`);
  }
  // 10. digests
  for (const manifest of manifests) {
    for (const line of manifest.lines) {
      const actual = (await digestOf(inventory, line.path, manifest.algorithm)).toLowerCase();
      if (actual !== line.digest) {
        refuse("bag-digest-mismatch", `${line.path} does not match its ${manifest.algorithm} digest in ${manifest.path} line ${line.line}`);
      }
    }
  }
  // 11. Payload-Oxum
  if (oxum !== undefined) {
    const octets = payloadPaths.reduce((sum, path) => sum + (inventory.files.get(path)?.size ?? 0), 0);
    if (oxum.octets !== octets || oxum.count !== payloadPaths.length) {
      refuse(
        "bag-invalid",
        `${BAG_INFO_TXT}: Payload-Oxum says ${oxum.octets} octets in ${oxum.count} files, the payload has ${octets} octets in ${payloadPaths.length} files`,
      );
    }
  }
  // 12. the document
  if (info !== undefined && !inventory.files.has(`${PAYLOAD_DIR}${info.bundleType}.json`)) {
    refuse("bag-invalid", `${BAG_INFO_TXT}: Bundle-Type is ${info.bundleType}, but the bag has no ${PAYLOAD_DIR}${info.bundleType}.json`);
  }
  const structure = { version: declaration.version, info: fields, payloadPaths, verifiedManifests: manifests.map((m) => m.path) };
  return { structure, info };
}

/** Step 6: every manifest we verify, parsed, in checking order. */
function parseManifests(inventory: BagInventory, tagPaths: readonly string[], profile: boolean): Manifest[] {
  const named = tagPaths.flatMap((path) => {
    const name = manifestNameOf(path);
    return name === undefined ? [] : [{ path, ...name }];
  });
  const rank = (m: { kind: string; algorithm: string }) => (m.kind === "payload" ? 0 : 2) + (m.algorithm === "sha256" ? 0 : 1);
  named.sort((a, b) => rank(a) - rank(b) || (a.path < b.path ? -1 : 1));
  const manifests: Manifest[] = [];
  for (const { path, kind, algorithm } of named) {
    if (!isDigestAlgorithm(algorithm)) {
      return refuse("bag-invalid", `${path} uses the digest algorithm ${algorithm}, which cannot be verified here (supported: ${Object.keys(DIGEST_HEX_LENGTH).join(", ")})`);
    }
    if (profile && UNTRUSTED_ALGORITHMS.includes(algorithm)) continue;
    const lines = parseManifestLines(tagBytes(inventory, path), path, algorithm);
    for (const line of lines) {
      const where = `${path} line ${line.line}: ${line.path}`;
      const isPayload = line.path.startsWith(PAYLOAD_DIR);
      if (kind === "payload" && !isPayload) refuse("bag-invalid", `${where} is not a payload file; a payload manifest lists only files under data/`);
      if (kind === "tag" && isPayload) refuse("bag-invalid", `${where} is a payload file; a tag manifest lists only tag files`);
      if (kind === "tag" && manifestNameOf(line.path)?.kind === "tag") refuse("bag-invalid", `${where} is a tag manifest, which a tag manifest must not list`);
    }
    manifests.push({ path, kind, algorithm, lines });
  }
  return manifests;
}

async function digestOf(inventory: BagInventory, path: string, algorithm: DigestAlgorithm): Promise<string> {
  const file = inventory.files.get(path);
  if (file === undefined) throw new Error(`no file ${path} in the inventory`);
  if (algorithm === "sha256") return file.sha256;
  const bytes = inventory.tagFiles.get(path);
  if (bytes !== undefined) return createHash(algorithm).update(bytes).digest("hex");
  return inventory.digestOf(path, algorithm);
}

function tagBytes(inventory: BagInventory, path: string, missing?: string): Uint8Array {
  const bytes = inventory.tagFiles.get(path);
  if (bytes !== undefined) return bytes;
  if (missing !== undefined && !inventory.files.has(path)) return refuse("bag-invalid", missing);
  throw new Error(`the bag inventory lacks the bytes of the tag file ${path}`);
}
