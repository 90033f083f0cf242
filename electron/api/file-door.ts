// What the API table needs from the door it is served through to touch the file system on the
// reviewer's behalf. The page names no path: the door chooses them. In the app that is main's
// save dialog (electron/main/file-door.ts); in the e2e test host a fresh name in its downloads
// folder (electron/host/http-files.ts).
import type { SaveTarget } from "../core/requests/attachments-service.js";

export type { SaveTarget };

export interface FileDoor {
  /**
   * Where to save a file offered as `suggestedName`, or null when the reviewer cancels.
   * `replaceExisting` is true only when the reviewer confirmed replacing a file already there.
   */
  chooseSavePath(suggestedName: string): Promise<SaveTarget | null>;
  /**
   * A folder to write an export's new files into (a verification copy is three files), or null
   * when the reviewer cancels. `suggestedName` says what goes there. Nothing in it is replaced:
   * the export refuses a name already taken (electron/core/decisions/write-files.ts).
   */
  chooseFolder(suggestedName: string): Promise<string | null>;
}
