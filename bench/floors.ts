// The crypto floor, measured in the same run: the work no import of a sealed bundle can skip,
// done with the same primitives (native libsodium, node's SHA-256) and none of the pipeline
// around them. Per small bundle: read the file, one X25519 (the file key's stanza), two Ed25519
// verifications (minisign's signature and its trusted comment), SHA-256 over the sealed bytes
// and over the plaintext, and decrypting every payload chunk. For the large bundle the same,
// plus writing the sealed bytes once to a file with its fsync, as the store keeps them.
import { closeSync, fstatSync, fsyncSync, openSync, readFileSync, readSync, writeSync } from "node:fs";
import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import { readAgeHeader } from "../electron/core/crypto/age-header.js";
import { encodeParsedHeader } from "../electron/core/crypto/age-store-stanza.js";
import { CHUNK_SIZE, PAYLOAD_NONCE_LENGTH } from "../electron/core/crypto/age-stream.js";
import { unwrapX25519Stanza } from "../electron/core/crypto/age-x25519.js";
import { deriveKey } from "../electron/core/crypto/age-header.js";
import { ByteReader } from "../electron/core/crypto/byte-reader.js";
import { ChaCha20Poly1305Session, POLY1305_TAG_LENGTH } from "../electron/core/crypto/chacha20-poly1305.js";
import { ed25519PublicKeyFromSeed, ed25519Sign, ed25519Verify } from "../electron/core/crypto/ed25519.js";
import { decodeAgeIdentity } from "../electron/core/crypto/age-keys.js";
import { x25519PrivateKey } from "../electron/core/crypto/x25519.js";

const SEALED_CHUNK = CHUNK_SIZE + POLY1305_TAG_LENGTH;
const READ_BLOCK = 16 * SEALED_CHUNK;

/** Seconds for the CLI to start, unlock a store (its Argon2id key derivation) and answer one query. */
export function startUpSeconds(cli: string, storeDir: string, env: NodeJS.ProcessEnv): number {
  const started = process.hrtime.bigint();
  execFileSync(process.execPath, [cli, "--store", storeDir, "requests", "--json"], { env, stdio: ["ignore", "ignore", "inherit"] });
  return Number(process.hrtime.bigint() - started) / 1e9;
}

/** Two Ed25519 verifications of a tag manifest's size, as minisign's signature needs. */
function signatureWork(): () => void {
  const seed = new Uint8Array(32).fill(7);
  const publicKey = ed25519PublicKeyFromSeed(seed);
  const message = new Uint8Array(64).fill(1); // minisign signs the BLAKE2b-512 of the manifest
  const comment = new Uint8Array(64 + 60).fill(2); // and the signature with its trusted comment
  const first = ed25519Sign(seed, message);
  const second = ed25519Sign(seed, comment);
  return () => {
    if (!ed25519Verify(publicKey, message, first) || !ed25519Verify(publicKey, comment, second)) throw new Error("floor: verification failed");
  };
}

interface Opened {
  payloadKey: Uint8Array;
  payloadStart: number;
}

/** Reads the header from the first bytes: the one X25519 (and its HKDF and wrap) of the floor. */
async function openHeader(first: Uint8Array, identity: string): Promise<Opened> {
  const header = await readAgeHeader(new ByteReader([first]));
  const key = x25519PrivateKey(decodeAgeIdentity(identity));
  const stanza = header.stanzas[0];
  const fileKey = stanza ? unwrapX25519Stanza(key, stanza) : null;
  if (!fileKey) throw new Error("floor: the identity does not open the bundle");
  const headerLength = encodeParsedHeader(header).length;
  const nonce = first.subarray(headerLength, headerLength + PAYLOAD_NONCE_LENGTH);
  return { payloadKey: deriveKey(fileKey, nonce, "payload"), payloadStart: headerLength + PAYLOAD_NONCE_LENGTH };
}

function decryptChunks(session: ChaCha20Poly1305Session, sealed: Uint8Array, firstCounter: number, lastCounter: number, plain: ReturnType<typeof createHash>): void {
  const nonce = new Uint8Array(12);
  for (let at = 0, counter = firstCounter; at < sealed.length; at += SEALED_CHUNK, counter++) {
    new DataView(nonce.buffer).setUint32(7, counter);
    nonce[11] = counter === lastCounter ? 1 : 0;
    const opened = session.open(nonce, sealed.subarray(at, at + SEALED_CHUNK));
    if (opened === null) throw new Error("floor: a chunk failed authentication");
    plain.update(opened);
  }
}

/** Seconds per small bundle of the crypto floor over `files` (read from disk each time). */
export async function smallFloorSecondsPerBundle(files: readonly string[], identity: string): Promise<number> {
  const verify = signatureWork();
  const started = process.hrtime.bigint();
  for (const file of files) {
    const bytes = readFileSync(file);
    createHash("sha256").update(bytes).digest();
    const { payloadKey, payloadStart } = await openHeader(bytes.subarray(0, 4096), identity);
    const session = new ChaCha20Poly1305Session(payloadKey);
    const sealed = bytes.subarray(payloadStart);
    const plain = createHash("sha256");
    decryptChunks(session, sealed, 0, Math.ceil(sealed.length / SEALED_CHUNK) - 1, plain);
    plain.digest();
    session.dispose();
    verify();
  }
  return Number(process.hrtime.bigint() - started) / 1e9 / files.length;
}

/** Seconds of the floor for one large bundle: read, hash, decrypt, hash the plaintext, write the file once and fsync it. */
export async function largeFloorSeconds(file: string, identity: string, copy: string): Promise<number> {
  const started = process.hrtime.bigint();
  const input = openSync(file, "r");
  const output = openSync(copy, "w", 0o600);
  try {
    const block = Buffer.allocUnsafe(READ_BLOCK);
    let read = readSync(input, block, 0, 4096, 0);
    const { payloadKey, payloadStart } = await openHeader(block.subarray(0, read), identity);
    const size = fstatSync(input).size;
    const lastCounter = Math.ceil((size - payloadStart) / SEALED_CHUNK) - 1;
    const sealedHash = createHash("sha256").update(block.subarray(0, payloadStart));
    writeSync(output, block, 0, payloadStart);
    const plain = createHash("sha256");
    const session = new ChaCha20Poly1305Session(payloadKey);
    let counter = 0;
    for (let position = payloadStart; position < size; position += read) {
      read = readSync(input, block, 0, Math.min(READ_BLOCK, size - position), position);
      const sealed = block.subarray(0, read);
      sealedHash.update(sealed);
      decryptChunks(session, sealed, counter, lastCounter, plain);
      counter += Math.ceil(read / SEALED_CHUNK);
      writeSync(output, sealed);
    }
    session.dispose();
    sealedHash.digest();
    plain.digest();
    fsyncSync(output);
  } finally {
    closeSync(input);
    closeSync(output);
  }
  return Number(process.hrtime.bigint() - started) / 1e9;
}
