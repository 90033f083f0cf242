// Writes a set of new files into a folder the reviewer chose, all or none: nothing that is
// already there is overwritten, each file goes to a temporary name first and is then moved into
// place without replacing anything, and a failure removes what this call had written.
import { closeSync, existsSync, fsyncSync, linkSync, openSync, renameSync, rmSync, statSync, unlinkSync, writeSync } from "node:fs";
import { basename, join } from "node:path";
import { CoreError } from "../errors.js";

export interface NewFile {
  name: string;
  bytes: Uint8Array;
}

export class ExportExistsError extends CoreError {
  override readonly name = "ExportExistsError";
  readonly code = "export-target-exists";
  readonly paths: readonly string[];
  constructor(...paths: string[]) {
    super(`refusing to overwrite ${paths.join(", ")}: the file${paths.length > 1 ? "s are" : " is"} already there; choose another folder or move ${paths.length > 1 ? "them" : "it"} away`);
    this.paths = paths;
  }
}

/** Writes every file or none; returns their paths. */
export function writeNewFiles(folder: string, files: readonly NewFile[]): string[] {
  const stats = statSync(folder, { throwIfNoEntry: false });
  if (stats === undefined || !stats.isDirectory()) throw new Error(`${folder} is not a folder; create it first`);
  for (const file of files) if (basename(file.name) !== file.name) throw new Error(`${file.name} is not a plain file name`);
  const targets = files.map((file) => join(folder, file.name));
  const taken = targets.filter((path) => existsSync(path));
  if (taken.length > 0) throw new ExportExistsError(...taken);

  const written: string[] = [];
  try {
    for (const [index, file] of files.entries()) {
      const target = targets[index] ?? "";
      const temporary = join(folder, `.${file.name}.${process.pid}.partial`);
      writeDurably(temporary, file.bytes);
      try {
        placeWithoutReplacing(temporary, target);
      } finally {
        rmSync(temporary, { force: true });
      }
      written.push(target);
    }
    return targets;
  } catch (error) {
    for (const path of written) rmSync(path, { force: true });
    throw error;
  }
}

function writeDurably(path: string, bytes: Uint8Array): void {
  const fd = openSync(path, "wx", 0o644);
  try {
    let offset = 0;
    while (offset < bytes.byteLength) offset += writeSync(fd, bytes, offset, bytes.byteLength - offset);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * A hard link fails when the target exists, so no file that appeared since the check is lost.
 * File systems without hard links (FAT on a USB stick) get a rename after a last check.
 */
function placeWithoutReplacing(temporary: string, target: string): void {
  try {
    linkSync(temporary, target);
    unlinkSync(temporary);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EEXIST") throw new ExportExistsError(target);
    if (code !== "EPERM" && code !== "ENOTSUP" && code !== "EOPNOTSUPP" && code !== "ENOSYS") throw error;
    if (existsSync(target)) throw new ExportExistsError(target);
    renameSync(temporary, target);
  }
}
