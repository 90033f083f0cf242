// The two things the app does with the file system through Electron, done by the host instead:
// `pathForFile` (a dropped file's path: here, the path of an uploaded copy) and `chooseSavePath`
// (a save dialog: here, a fresh name in the downloads folder, never a cancel).
import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { declaredLength, hasMediaType } from "./http-body.js";
import { readJsonBody } from "./http-api.js";
import { sanitizeFileName, uniquePathIn } from "./http-file-names.js";
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

/** POST /__upload?name=…: the body, streamed to a fresh folder in uploadsDir, keeping its (sanitised)
 *  name so the UI shows what the reviewer dropped. Answers `{ path }`. */
export async function serveUpload(request: IncomingMessage, response: ServerResponse, url: URL, uploadsDir: string, maxBytes: number): Promise<void> {
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
  sendJson(response, 200, { path: file });
}

const MAX_NAME_BODY_BYTES = 16 * 1024;

/** POST /__host/save-path `{ name }`: a path in downloadsDir that no file has and no earlier answer
 *  gave. Nothing is created: the service writing the file decides how to write it. */
export async function serveSavePath(request: IncomingMessage, response: ServerResponse, downloadsDir: string, given: Set<string>): Promise<void> {
  const body = await readJsonBody(request, response, MAX_NAME_BODY_BYTES);
  if (body === undefined) return;
  const suggested = (body.value as { name?: unknown } | null | undefined)?.name;
  if (typeof suggested !== "string") return refuseJson(response, 400, "invalid-arguments", "Send { name } with the suggested file name.");
  const chosen = await uniquePathIn(downloadsDir, sanitizeFileName(suggested, "download"), given);
  given.add(chosen);
  sendJson(response, 200, { path: chosen });
}
