// Output files appear whole or not at all: write beside the target, then rename.
import { createWriteStream } from "node:fs";
import { rename, rm } from "node:fs/promises";
import { pipeline } from "node:stream/promises";
import { Readable } from "node:stream";

export async function writeFileAtomically(path: string, content: AsyncIterable<Uint8Array>): Promise<void> {
  const temporary = `${path}.${process.pid}.partial`;
  try {
    await pipeline(Readable.from(content), createWriteStream(temporary, { mode: 0o644 }));
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
