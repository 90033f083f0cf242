// The bridge's two import functions. Neither lets the page name a path: the open dialog is main's,
// and a dropped File is turned into its path here, by Electron's own API (a File the page made up
// has none), then registered with main, which answers a token. `invoke` and the path lookup are
// injected so tests can drive them.
import { CHOOSE_IMPORT_CHANNEL, REGISTER_DROP_CHANNEL, type CountersealBridge, type PickedFile } from "../../shared/api/bridge.js";
import type { PickedImportFile } from "../../shared/api/requests.js";
import { fail, type ApiResult } from "../../shared/api/result.js";
import type { Invoke } from "./api-functions.js";

export type FileFunctions = Pick<CountersealBridge, "chooseImportFiles" | "tokenForDroppedFile">;

export const NOT_FROM_DISK_MESSAGE = "Only files dropped from the computer's own folders can be imported.";

export function createFileFunctions(invoke: Invoke, pathForFile: (file: PickedFile) => string): FileFunctions {
  return {
    // Main answers an ApiResult it built itself (electron/main/file-door.ts).
    chooseImportFiles: () => invoke(CHOOSE_IMPORT_CHANNEL, undefined) as Promise<ApiResult<PickedImportFile[]>>,
    tokenForDroppedFile: async (file) => {
      let filePath = "";
      try {
        filePath = pathForFile(file);
      } catch {
        // Not a DOM File at all: it has no path either.
      }
      if (filePath === "") return fail("invalid-arguments", NOT_FROM_DISK_MESSAGE);
      return invoke(REGISTER_DROP_CHANNEL, filePath) as Promise<ApiResult<PickedImportFile>>;
    },
  };
}
