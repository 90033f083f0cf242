// Reads a request body into memory up to a limit. Past the limit the rest is read and thrown
// away rather than the socket being cut: the client then sees a clean 413 instead of a reset,
// and on a loopback-only, token-gated host there is nobody to defend against by cutting early.
import type { IncomingMessage } from "node:http";

export type BodyReadResult = { ok: true; body: Buffer } | { ok: false; reason: "too-large" | "aborted" };

/** The declared Content-Length, if any, so an oversized body is refused before it is read. */
export function declaredLength(request: IncomingMessage): number | undefined {
  const header = request.headers["content-length"];
  if (header === undefined || !/^\d+$/.test(header)) return undefined;
  return Number(header);
}

export function readLimitedBody(request: IncomingMessage, maxBytes: number): Promise<BodyReadResult> {
  const declared = declaredLength(request);
  if (declared !== undefined && declared > maxBytes) {
    request.resume();
    return Promise.resolve({ ok: false, reason: "too-large" });
  }
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let received = 0;
    let overflowed = false;
    request.on("data", (chunk: Buffer) => {
      if (overflowed) return;
      received += chunk.length;
      if (received <= maxBytes) {
        chunks.push(chunk);
        return;
      }
      overflowed = true;
      chunks.length = 0;
      // Answer now; the listener stays, so the rest is drained and the connection stays usable.
      resolve({ ok: false, reason: "too-large" });
    });
    // resolve() keeps the first answer, so "close" after "end" changes nothing.
    request.on("end", () => resolve(overflowed ? { ok: false, reason: "too-large" } : { ok: true, body: Buffer.concat(chunks) }));
    request.on("error", () => resolve({ ok: false, reason: "aborted" }));
    request.on("close", () => resolve({ ok: false, reason: "aborted" }));
  });
}

/** "application/json" with or without parameters ("; charset=utf-8"), nothing else. */
export function hasMediaType(request: IncomingMessage, mediaType: string): boolean {
  const header = request.headers["content-type"];
  return header !== undefined && header.split(";", 1)[0]?.trim().toLowerCase() === mediaType;
}
