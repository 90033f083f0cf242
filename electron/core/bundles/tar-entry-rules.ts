// What a tar entry of a bundle may be. No tar reader checks any of this when reading
// (library-notes: all pass links, devices, "..", absolute and backslash names and duplicates).
import type { BundleLimits } from "./limits.js";
import { foldPath } from "./path-folding.js";
import { refuse } from "./refusal.js";

export type TarEntryType = "file" | "directory";

const REFUSED_TYPES: Readonly<Record<string, string>> = {
  link: "a hard link",
  symlink: "a symbolic link",
  "character-device": "a character device",
  "block-device": "a block device",
  fifo: "a FIFO",
  "contiguous-file": "a contiguous file",
};

/** Maps tar-stream's entry type to ours; everything but regular files and directories is refused. */
export function entryTypeOf(type: string | null, displayName: string): TarEntryType {
  if (type === "file") return "file";
  if (type === "directory") return "directory";
  const what = type === null ? "an entry of an unknown or unsupported type (sparse, vendor-specific)" : (REFUSED_TYPES[type] ?? `a ${type} entry`);
  return refuse("tar-unsafe-entry", `tar entry ${displayName} is ${what}; bundles hold only regular files and directories`);
}

/**
 * Decodes a name as tar-stream produced it. Header and GNU long names were read as latin1 so
 * that every byte survives and can be checked here; pax names were checked by the framing
 * check and decoded as UTF-8 already. A name that is not UTF-8 is refused as unsafe: it would
 * name different files on different systems.
 */
export function decodeEntryName(name: string, fromPax: boolean): string {
  if (fromPax) return name;
  const bytes = Buffer.from(name, "latin1");
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return refuse("tar-unsafe-entry", `tar entry ${displayBytes(bytes)} has a name that is not valid UTF-8`);
  }
}

/**
 * Checks a decoded name and returns it without the trailing "/" of a directory. Nothing is
 * rewritten: a name that is not already canonical ("./x", "a//b", "a/../b") is refused.
 */
export function checkEntryPath(name: string, type: TarEntryType): string {
  const shown = JSON.stringify(name);
  const path = type === "directory" && name.endsWith("/") ? name.slice(0, -1) : name;
  const unsafe = (why: string): never => refuse("tar-unsafe-entry", `tar entry ${shown}: ${why}`);
  if (path === "") unsafe("the name is empty");
  if (path.includes("\0")) unsafe("the name contains a NUL byte");
  if (path.includes("\\")) unsafe("the name contains a backslash");
  if (path.startsWith("/")) unsafe("the name is an absolute path");
  if (/^[A-Za-z]:/.test(path)) unsafe("the name starts with a drive letter");
  for (const segment of path.split("/")) {
    if (segment === "") unsafe("the name has an empty path segment");
    if (segment === "." || segment === "..") unsafe(`the name has a "${segment}" path segment`);
  }
  return path;
}

const utf8Length = (text: string): number => Buffer.byteLength(text, "utf8");

/** The configurable limits that one entry can pass; `index` counts entries from 1. */
export function checkEntryLimits(path: string, type: TarEntryType, size: number, index: number, limits: BundleLimits): void {
  const shown = JSON.stringify(path);
  if (index > limits.entries) refuse("limit-exceeded", `the archive has more than ${limits.entries} entries (at ${shown})`);
  if (utf8Length(path) > limits.pathBytes) {
    refuse("limit-exceeded", `tar entry ${shown}: the path is ${utf8Length(path)} bytes, more than the limit of ${limits.pathBytes}`);
  }
  for (const segment of path.split("/")) {
    if (utf8Length(segment) > limits.segmentBytes) {
      refuse("limit-exceeded", `tar entry ${shown}: a path segment is ${utf8Length(segment)} bytes, more than the limit of ${limits.segmentBytes}`);
    }
  }
  if (type === "file" && size > limits.fileBytes) {
    refuse("limit-exceeded", `tar entry ${shown}: the file is ${size} bytes, more than the limit of ${limits.fileBytes}`);
  }
}

type Seen = "file" | "directory" | "implied-directory";

/**
 * Refuses a path seen before, compared after NFC and case folding, and a path that is both a
 * file and a directory (a file "a" and an entry "a/b"), which no file system can hold.
 */
export class DuplicateEntryCheck {
  private readonly seen = new Map<string, { kind: Seen; path: string }>();

  add(path: string, type: TarEntryType): void {
    const segments = path.split("/");
    for (let i = 1; i < segments.length; i++) {
      const parent = segments.slice(0, i).join("/");
      const key = foldPath(parent);
      const earlier = this.seen.get(key);
      if (earlier?.kind === "file") {
        refuse("tar-duplicate-entry", `tar entry ${JSON.stringify(path)} lies inside ${JSON.stringify(earlier.path)}, which is a file`);
      }
      if (earlier === undefined) this.seen.set(key, { kind: "implied-directory", path: parent });
    }
    const key = foldPath(path);
    const earlier = this.seen.get(key);
    if (earlier === undefined || (earlier.kind === "implied-directory" && type === "directory")) {
      this.seen.set(key, { kind: type, path });
      return;
    }
    const why =
      earlier.kind === "implied-directory"
        ? "is a file, but earlier entries lie inside it"
        : earlier.path === path
          ? "appears twice"
          : `is the same path as ${JSON.stringify(earlier.path)} after Unicode normalisation and case folding`;
    refuse("tar-duplicate-entry", `tar entry ${JSON.stringify(path)} ${why}`);
  }
}

/** A name as tar-stream gave it, quoted for a message; bytes that are not UTF-8 shown as \xNN. */
export function displayName(name: string, fromPax: boolean): string {
  if (fromPax) return JSON.stringify(name);
  const bytes = Buffer.from(name, "latin1");
  try {
    return JSON.stringify(new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes));
  } catch {
    return displayBytes(bytes);
  }
}

/** Shows raw name bytes readably in a message: ASCII as is, other bytes as \xNN. */
export function displayBytes(bytes: Uint8Array): string {
  let out = "";
  for (const byte of bytes) out += byte >= 0x20 && byte < 0x7f && byte !== 0x22 && byte !== 0x5c ? String.fromCharCode(byte) : `\\x${byte.toString(16).padStart(2, "0")}`;
  return `"${out}"`;
}
