// Payload and tag manifests (RFC 8493 §2.1.3, §2.2.1): one "<hex digest> <path>" per line.
//
// - The separator is one or more spaces, or tabs. After a single space a "*" is sha256sum's
//   binary-mode marker and not part of the path (`sha256sum -b` writes "<hex> *<path>").
// - Hex digits may be upper or lower case (RFC 8493 allows both); they are kept lower case.
// - In paths, %25, %0D and %0A (either hex case) stand for "%", CR and LF; nothing else is
//   decoded, so "data/%7Efile" names a file called "%7Efile".
// - A path is relative to the bag root, "/"-separated. One leading "./" is dropped (the LoC
//   suite has it in valid bags, and `sha256sum ./data/x` writes it); otherwise no ".", "..",
//   empty segment, leading "/", backslash, NUL or drive letter.
// - A path listed twice is refused, also when the two spellings are equal after Unicode NFC
//   and case folding, as in the tar layer: no two files of a bundle may have such names.
import { readTagLines } from "./bagit-text.js";
import { foldPath } from "./path-folding.js";
import { refuse } from "./refusal.js";

/** Hex digest length of every algorithm a manifest may use here; all are in node:crypto and BoringSSL. */
export const DIGEST_HEX_LENGTH = { md5: 32, sha1: 40, sha224: 56, sha256: 64, sha384: 96, sha512: 128 } as const;
export type DigestAlgorithm = keyof typeof DIGEST_HEX_LENGTH;

/** Algorithms too weak to vouch for anything: our profile neither requires nor verifies them. */
export const UNTRUSTED_ALGORITHMS: readonly DigestAlgorithm[] = ["md5", "sha1"];

export const isDigestAlgorithm = (name: string): name is DigestAlgorithm => Object.hasOwn(DIGEST_HEX_LENGTH, name);

export interface ManifestName {
  kind: "payload" | "tag";
  /** As written in the file name; not necessarily one we support. */
  algorithm: string;
}

/** Which manifest a bag-relative path is, if any: manifest-<alg>.txt or tagmanifest-<alg>.txt at the root. */
export function manifestNameOf(path: string): ManifestName | undefined {
  const match = path.match(/^(tag)?manifest-([a-z0-9]+)\.txt$/);
  if (match === null) return undefined;
  return { kind: match[1] === undefined ? "payload" : "tag", algorithm: match[2] ?? "" };
}

export interface ManifestLine {
  path: string;
  /** Lower-case hex. */
  digest: string;
  /** 1-based line number, for messages. */
  line: number;
}

/** Parses a manifest into its lines, refusing (bag-invalid) with the file name and line number. */
export function parseManifestLines(bytes: Uint8Array, fileName: string, algorithm: DigestAlgorithm): ManifestLine[] {
  const hexLength = DIGEST_HEX_LENGTH[algorithm];
  const pattern = new RegExp(`^([0-9a-fA-F]{${hexLength}})([ \\t]+)(.*)$`);
  const entries: ManifestLine[] = [];
  const firstLine = new Map<string, ManifestLine>();
  for (const { text, number } of readTagLines(bytes, fileName)) {
    const where = `${fileName} line ${number}`;
    const match = text.match(pattern);
    if (match === null) {
      return refuse("bag-invalid", `${where}: expected "<${hexLength} hex digits> <path>", found ${JSON.stringify(text.slice(0, 200))}`);
    }
    const [, hex = "", separator, written = ""] = match;
    const encoded = separator === " " && written.startsWith("*") ? written.slice(1) : written;
    const path = checkManifestPath(decodeManifestPath(encoded), where);
    const entry = { path, digest: hex.toLowerCase(), line: number };
    const key = foldPath(path);
    const earlier = firstLine.get(key);
    if (earlier !== undefined) {
      const same = earlier.path === path ? "" : ` after Unicode normalisation and case folding (as ${JSON.stringify(earlier.path)})`;
      refuse("bag-invalid", `${where}: path ${JSON.stringify(path)} is listed twice${same}, first on line ${earlier.line}`);
    }
    firstLine.set(key, entry);
    entries.push(entry);
  }
  return entries;
}

/** Writes a path as a manifest line needs it: "%" as %25, CR as %0D, LF as %0A. */
export function encodeManifestPath(path: string): string {
  return path.replaceAll("%", "%25").replaceAll("\r", "%0D").replaceAll("\n", "%0A");
}

/** The inverse of encodeManifestPath; any other "%" stays as it is. */
export function decodeManifestPath(encoded: string): string {
  return encoded.replace(/%(25|0[dD]|0[aA])/g, (escape) => {
    const code = escape.slice(1).toUpperCase();
    return code === "25" ? "%" : code === "0D" ? "\r" : "\n";
  });
}

function checkManifestPath(decoded: string, where: string): string {
  const path = decoded.startsWith("./") ? decoded.slice(2) : decoded;
  const outside = (why: string): never => refuse("bag-invalid", `${where}: path ${JSON.stringify(decoded)} ${why}`);
  if (path === "") outside("is empty");
  if (path.startsWith("/") || /^[A-Za-z]:/.test(path)) outside("is absolute; manifest paths are relative to the bag");
  if (path.includes("\\")) outside("contains a backslash; manifest paths are separated by /");
  if (path.includes("\0")) outside("contains a NUL byte");
  for (const segment of path.split("/")) {
    if (segment === "..") outside("leaves the bag");
    if (segment === "." || segment === "") outside(`has a ${JSON.stringify(segment)} path segment`);
  }
  return path;
}
