// File doors for tests of the API table: one that records what it was asked and answers as told,
// and one for tests that save nothing (asking it is a failure of the test).
import path from "node:path";
import type { FileDoor, SaveTarget } from "../../electron/api/file-door.js";

export interface RecordingDoor extends FileDoor {
  /** The suggested names the door was asked about, in order. */
  asked: string[];
}

/** Answers each save with `answer(suggestedName)`: a target, or null for a cancelled dialog. */
export function recordingDoor(answer: (suggestedName: string) => SaveTarget | null): RecordingDoor {
  const asked: string[] = [];
  return {
    asked,
    chooseSavePath: async (suggestedName) => {
      asked.push(suggestedName);
      return answer(suggestedName);
    },
    chooseFolder: () => Promise.reject(new Error("this door only saves single files")),
  };
}

/** A dialog that always answers `folder/<suggested name>`, confirming a replacement when told to. */
export const savingInto = (folder: string, replaceExisting = false): RecordingDoor =>
  recordingDoor((name) => ({ path: path.join(folder, name), replaceExisting }));

export const noSaving: FileDoor = {
  chooseSavePath: () => Promise.reject(new Error("this test does not save anything")),
  chooseFolder: () => Promise.reject(new Error("this test does not save anything")),
};

/** A folder dialog that answers `folder` (or null: cancelled), recording what it was asked. */
export function folderDoor(folder: string | null): FileDoor & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    chooseSavePath: () => Promise.reject(new Error("this door only chooses folders")),
    chooseFolder: async (suggestedName) => {
      asked.push(suggestedName);
      return folder;
    },
  };
}
