// Streams a bag as a POSIX tar archive (ustar, with pax headers where names need them).
import { once } from "node:events";
import tar from "tar-stream";

type PackHeader = Parameters<tar.Pack["entry"]>[0];

export interface TarSource {
  /** Path inside the archive, e.g. `REQ-1/data/request.json`. */
  name: string;
  size: number;
  /** Small files are given as bytes; large ones as a stream opened when their turn comes. */
  bytes?: Uint8Array;
  open?: () => AsyncIterable<Uint8Array>;
}

export function tarArchive(directories: readonly string[], files: readonly TarSource[], mtime: Date): AsyncIterable<Uint8Array> {
  const pack = tar.pack();
  const produce = async () => {
    for (const name of directories) await addEntry(pack, { name, type: "directory", mode: 0o755, mtime });
    for (const file of files) {
      const header = { name: file.name, type: "file" as const, size: file.size, mode: 0o644, mtime };
      if (file.bytes) await addEntry(pack, header, file.bytes);
      else if (file.open) await streamEntry(pack, header, file.open());
      else throw new Error(`tar source ${file.name} has neither bytes nor a stream`);
    }
    pack.finalize();
  };
  produce().catch((error: unknown) => pack.destroy(error instanceof Error ? error : new Error(String(error))));
  return pack as AsyncIterable<Uint8Array>;
}

function addEntry(pack: tar.Pack, header: PackHeader, bytes?: Uint8Array): Promise<void> {
  return new Promise((resolve, reject) => {
    const callback = (error?: Error | null) => (error ? reject(error) : resolve());
    if (bytes) pack.entry(header, bytes, callback);
    else pack.entry(header, callback);
  });
}

async function streamEntry(pack: tar.Pack, header: PackHeader, body: AsyncIterable<Uint8Array>): Promise<void> {
  let written = 0;
  let sink!: ReturnType<tar.Pack["entry"]>;
  const done = new Promise<void>((resolve, reject) => {
    sink = pack.entry(header, (error?: Error | null) => (error ? reject(error) : resolve()));
  });
  for await (const chunk of body) {
    written += chunk.byteLength;
    if (written > (header.size ?? 0)) throw new Error(`${header.name} grew while it was being sealed`);
    if (!sink.write(chunk)) await once(sink, "drain");
  }
  if (written !== header.size) throw new Error(`${header.name} changed size while it was being sealed`);
  // streamx's typings demand an argument; ending with no further data is what is meant.
  (sink as unknown as { end(): void }).end();
  await done;
}
