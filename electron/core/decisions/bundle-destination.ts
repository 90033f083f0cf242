// Where a sealed bundle the office makes goes: into a folder the CLI names (never over a file
// there), or to the path the app's file door chose (its save dialog; replacing only what the
// reviewer confirmed). Its audit row and the file go together: the row is written in a
// transaction that the write ends, so a file that cannot be written leaves no row.
import { join } from "node:path";
import { saveToTarget, type SaveTarget } from "../requests/save-to-target.js";
import type { Session } from "../session/session.js";
import { writeNewFiles } from "./write-files.js";

export type BundleDestination = { folder: string } | { target: SaveTarget };

/** Records (the audit row, a stored answer), then writes `bytes` as `name`; answers the path written. */
export async function writeBundleWith(session: Session, destination: BundleDestination, name: string, bytes: Uint8Array, record: () => void): Promise<string> {
  return session.store.asyncTransaction(async () => {
    record();
    if ("folder" in destination) {
      writeNewFiles(destination.folder, [{ name, bytes }]);
      return join(destination.folder, name);
    }
    await saveToTarget([bytes], destination.target);
    return destination.target.path;
  });
}
