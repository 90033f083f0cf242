// Reads the tar layer of a sealed bundle: every entry checked (tar-archive.ts) and, on top, the
// bag layout the spec asks for: exactly one top-level directory, the bag root, of any name.
//
// Each entry carries both its full archive `path` and its `bagPath` relative to the root, so
// the BagIt layer never has to strip the root again. The root directory itself is yielded too
// (bagPath ""), when the archive has an entry for it.
//
// Names must be UTF-8; one that is not is refused as `tar-unsafe-entry` (it would name
// different files on different systems), as are pax headers that declare another charset.
import type { BundleLimits } from "./limits.js";
import { refuse } from "./refusal.js";
import { readTarArchive, type TarArchiveEntry } from "./tar-archive.js";

export type { TarEntryType } from "./tar-entry-rules.js";

export interface TarEntry extends TarArchiveEntry {
  /** The path relative to the bag root: "bagit.txt", "data/request.json"; "" for the root itself. */
  bagPath: string;
}

/**
 * Yields the entries of a bundle's tar archive, refusing (BundleRefusal) at the first fault:
 * tar-invalid, tar-unsafe-entry, tar-duplicate-entry, tar-layout or limit-exceeded.
 *
 * Consume each entry's `body` before asking for the next entry; whatever is left is drained
 * (and discarded) when the next entry is requested. Bodies are streamed, never buffered.
 * Errors thrown by `input` itself (for example an age authentication failure) pass through
 * unchanged.
 */
export async function* readTarEntries(input: AsyncIterable<Uint8Array>, limits: BundleLimits): AsyncGenerator<TarEntry, void, undefined> {
  let root: string | undefined;
  for await (const entry of readTarArchive(input, limits)) {
    const slash = entry.path.indexOf("/");
    const top = slash === -1 ? entry.path : entry.path.slice(0, slash);
    if (slash === -1 && entry.type === "file") {
      refuse("tar-layout", `tar entry ${JSON.stringify(entry.path)} is a file at the top level; a bundle holds one top-level directory, the bag`);
    }
    root ??= top;
    if (top !== root) {
      refuse("tar-layout", `tar entry ${JSON.stringify(entry.path)} is outside the top-level directory ${JSON.stringify(root)}; a bundle holds exactly one`);
    }
    yield { ...entry, bagPath: bagRelativePath(entry.path) };
  }
  if (root === undefined) refuse("tar-layout", "the archive is empty; a bundle holds one top-level directory, the bag");
}

/** The part of an archive path below its top-level directory ("" for the directory itself). */
export function bagRelativePath(archivePath: string): string {
  const slash = archivePath.indexOf("/");
  return slash === -1 ? "" : archivePath.slice(slash + 1);
}
