// What the targets leave room for, measured in the same run: the cost of parts that any
// Counterseal import must pay whatever the pipeline does before them. They show how far the
// import itself can still improve, and when a target is out of reach on the machine at hand.
import { randomBytes } from "node:crypto";
import { execFileSync } from "node:child_process";
import { initializeStore } from "../electron/core/identity/identity-service.js";
import { systemRuntime } from "../electron/core/runtime.js";

const PIECE = 1 << 20;
/** Any well-formed digest: the floor skips hashing, so the blob row gets a stand-in. */
const STAND_IN_SHA256 = "0".repeat(64);

/**
 * Seconds to write `bytes` into a fresh store as one attachment, exactly as an import stores
 * one (1 MiB pieces, one transaction, a WAL commit, then the checkpoint and fsyncs of closing),
 * with nothing read, decrypted, parsed or hashed. Key derivation is not timed.
 */
export async function storeWriteSeconds(dir: string, passphrase: string, bytes: number): Promise<number> {
  const session = initializeStore(dir, passphrase, { reviewerName: "Bench", office: "Bench Office" }, systemRuntime);
  const piece = new Uint8Array(randomBytes(PIECE));
  const started = process.hrtime.bigint();
  await session.store.asyncTransaction(async () => {
    const writer = session.store.blobs.createBlobWriter({ givenSha256: true });
    for (let left = bytes; left > 0; left -= PIECE) writer.write(left >= PIECE ? piece : piece.subarray(0, left));
    writer.finish(STAND_IN_SHA256);
  });
  session.store.close();
  return Number(process.hrtime.bigint() - started) / 1e9;
}

/** Seconds for the CLI to start, unlock a store (its Argon2id key derivation) and answer one query. */
export function startUpSeconds(cli: string, storeDir: string, env: NodeJS.ProcessEnv): number {
  const started = process.hrtime.bigint();
  execFileSync(process.execPath, [cli, "--store", storeDir, "requests", "--json"], { env, stdio: ["ignore", "ignore", "inherit"] });
  return Number(process.hrtime.bigint() - started) / 1e9;
}
