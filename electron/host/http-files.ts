// The two things the app does with the file system through main, done by the host instead:
// files to import (here, uploaded copies, registered for a token like a drop in the app) and the
// save dialog (here, a fresh name in the downloads folder, never a cancel). The page names no path.
import { createWriteStream } from "node:fs";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { declaredLength, hasMediaType } from "./http-body.js";
import { sanitizeFileName, uniquePathIn } from "./http-file-names.js";
import type { FileDoor } from "../api/file-door.js";
import type { ImportFileRegistry } from "../api/import-tokens.js";
import { toApiError } from "../api/dispatch-errors.js";
import { refuseJson, sendJson } from "./http-respond.js";

export const MAX_UPLOAD_BYTES = 4 * 1024 ** 3;

class TooLarge extends Error {}

/** Counts bytes on their way to disk and stops the copy past the limit. */
async function* limited(source: AsyncIterable<Buffer>, maxBytes: number): AsyncGenerator<Buffer> {
  let received = 0;
  for await (const chunk of source) {
    received += chunk.length;
    if (received > maxBytes) throw new TooLarge();
    yield chunk;
  }
}

export interface UploadOptions {
  uploadsDir: string;
  maxBytes: number;
  /** The API table's registry: the copy is imported by token, as a drop is in the app. */
  importFiles: ImportFileRegistry;
}

/** POST /__upload?name=…: the body, streamed to a fresh folder in uploadsDir, keeping its (sanitised)
 *  name so the UI shows what the reviewer dropped. Answers an ApiResult of `{ token, name, size }`. */
export async function serveUpload(request: IncomingMessage, response: ServerResponse, url: URL, { uploadsDir, maxBytes, importFiles }: UploadOptions): Promise<void> {
  if (!hasMediaType(request, "application/octet-stream")) {
    return refuseJson(response, 415, "host-unsupported-media-type", "Uploads must be sent as application/octet-stream.");
  }
  const declared = declaredLength(request);
  if (declared !== undefined && declared > maxBytes) {
    request.resume();
    return refuseJson(response, 413, "host-upload-too-large", `The file is larger than the test host accepts (${maxBytes} bytes).`);
  }
  const name = sanitizeFileName(url.searchParams.get("name") ?? "", "upload");
  // A folder per upload: two files dropped with the same name never meet, and names stay as given.
  const folder = await mkdtemp(path.join(uploadsDir, "upload-"));
  const file = path.join(folder, name);
  try {
    // destroyOnReturn false: stopping at the limit must not destroy the request (and so the socket),
    // or the client would see a reset instead of the 413 below.
    const source = request.iterator({ destroyOnReturn: false }) as AsyncIterable<Buffer>;
    await pipeline(limited(source, maxBytes), createWriteStream(file, { flags: "wx" }));
  } catch (error) {
    await rm(folder, { recursive: true, force: true });
    if (!(error instanceof TooLarge)) return void response.destroy();
    // Drain what is still coming so the client reads the 413 instead of a reset.
    request.resume();
    return refuseJson(response, 413, "host-upload-too-large", `The file is larger than the test host accepts (${maxBytes} bytes).`);
  }
  try {
    sendJson(response, 200, { ok: true, value: await importFiles.register(file, name) });
  } catch (error) {
    // Locked, most likely: a copy no token names is of no use, and it is the reviewer's data.
    await rm(folder, { recursive: true, force: true });
    sendJson(response, 200, { ok: false, error: toApiError(error) });
  }
}

/**
 * The host's file door for the API table: a save goes to a fresh name in `downloadsDir`, one no
 * file has and no earlier answer gave, never replacing anything (there is no dialog to confirm
 * it), and never anywhere else: only the suggested name's sanitised last segment is used. An
 * export's folder is likewise a fresh, empty one there.
 */
export function createDownloadsDoor(downloadsDir: string): FileDoor {
  const given = new Set<string>();
  return {
    async chooseSavePath(suggestedName) {
      await mkdir(downloadsDir, { recursive: true });
      const chosen = await uniquePathIn(downloadsDir, sanitizeFileName(suggestedName, "download"), given);
      given.add(chosen);
      return { path: chosen, replaceExisting: false };
    },
    // An export gets a folder of its own, new and empty, named after what goes there.
    async chooseFolder(suggestedName) {
      await mkdir(downloadsDir, { recursive: true });
      const chosen = await uniquePathIn(downloadsDir, sanitizeFileName(suggestedName, "export"), given, { folder: true });
      given.add(chosen);
      await mkdir(chosen);
      return chosen;
    },
  };
}
