// age v1 (https://age-encryption.org/v1) for sealed bundles: X25519 recipients, binary or
// ASCII-armored, streaming both ways with bounded memory. Header, MAC and STREAM are written
// here; ChaCha20-Poly1305 comes from native libsodium (sodium-native, chacha20-poly1305.ts).
import { decodeArmor, encodeArmor, looksArmored } from "./age-armor.js";
import { AgeDecryptError, ageCorrupt, ageInvalid } from "./age-errors.js";
import { deriveKey, encodeAgeHeader, headerMac, readAgeHeader } from "./age-header.js";
import { encodeParsedHeader } from "./age-store-stanza.js";
import type { AgeHeader } from "./age-header.js";
import { decodeAgeIdentity, decodeAgeRecipient } from "./age-keys.js";
import { PAYLOAD_NONCE_LENGTH, decryptPayload, encryptPayload } from "./age-stream.js";
import { FILE_KEY_LENGTH, unwrapX25519Stanza, wrapX25519Stanza } from "./age-x25519.js";
import { ByteReader } from "./byte-reader.js";
import { concatBytes, constantTimeEqual } from "./bytes.js";
import { randomExactly, systemRandom } from "./random.js";
import type { RandomSource } from "./random.js";
import { wipe, x25519PrivateKey } from "./x25519.js";
import type { X25519PrivateKey } from "./x25519.js";

export { AgeDecryptError } from "./age-errors.js";
export type { AgeDecryptErrorCode } from "./age-errors.js";
export { AgeKeyError, ageRecipientOf, generateAgeIdentity, isAgeRecipient, parseAgeIdentityFile } from "./age-keys.js";

export type DecryptAgeOptions = {
  /** The most recipient stanzas a header may have (age-too-many-stanzas past it); 64 by default. */
  maxStanzas?: number;
  /** Sees the binary age file as it is read, to keep it (the store's evidence). */
  keep?: AgeKeeper;
};

/**
 * Keeps the sealed file while it is decrypted: the header (once its MAC holds) with the file
 * key, then every byte of the payload as read (its nonce, then the sealed chunks, before each
 * is authenticated). An armored file is seen as its binary form. The payload pieces are views
 * into the reader's source chunks, which are never reused, so they may be held.
 */
export interface AgeKeeper {
  /** The header exactly as read (binary), whether the file was armored; `fileKey` is wiped after the call returns. */
  header(original: Uint8Array, fileKey: Uint8Array, armored: boolean): void;
  payload(bytes: Uint8Array): void;
}

export type EncryptAgeOptions = {
  /** Write the ASCII armor (`age -a`) instead of binary. */
  armor?: boolean;
  /** Where the file key, ephemeral keys and payload nonce come from; the system CSPRNG by default. */
  random?: RandomSource;
};

const BINARY_MAGIC = "age-encryption.org/";
/** Enough to see past the whitespace an armored file may start with. */
const SNIFF_LENGTH = 1100;

async function openFormat(raw: ByteReader): Promise<ByteReader> {
  const start = await raw.peek(SNIFF_LENGTH);
  if (Buffer.from(start).toString("latin1").startsWith(BINARY_MAGIC)) return raw;
  if (looksArmored(start)) return new ByteReader(decodeArmor(raw));
  throw ageInvalid(start.length === 0 ? "the file is empty: not an age file" : "not an age file (neither the age header nor ASCII armor)");
}

function describeStanzas(header: AgeHeader): string {
  const counts = new Map<string, number>();
  for (const stanza of header.stanzas) counts.set(stanza.type, (counts.get(stanza.type) ?? 0) + 1);
  return [...counts].map(([type, count]) => `${count} × ${type}`).join(", ") || "none";
}

/**
 * Parsed identities, per identity array the caller holds: a caller that passes the same array
 * for every file skips re-importing its keys (~40 µs each). The entry lives only as long as the
 * caller keeps the array, and is checked against the array's current contents.
 */
const parsedIdentities = new WeakMap<readonly string[], { texts: string[]; keys: X25519PrivateKey[] }>();

function identityKeys(identities: readonly string[]): X25519PrivateKey[] {
  const cached = parsedIdentities.get(identities);
  if (cached !== undefined && cached.texts.length === identities.length && cached.texts.every((text, i) => text === identities[i])) {
    return cached.keys;
  }
  // The scalars stay in this cache while the caller keeps its array (above); the decoded copies
  // they were made from are wiped at once.
  const keys = identities.map((identity) => {
    const scalar = decodeAgeIdentity(identity);
    const key = x25519PrivateKey(scalar);
    wipe(scalar);
    return key;
  });
  parsedIdentities.set(identities, { texts: [...identities], keys });
  return keys;
}

function unwrapFileKey(header: AgeHeader, identities: readonly string[]): Uint8Array {
  const scryptStanzas = header.stanzas.filter((stanza) => stanza.type === "scrypt").length;
  if (scryptStanzas > 0) {
    if (header.stanzas.length === 1) {
      throw new AgeDecryptError("age-passphrase", "the file is encrypted with a passphrase (scrypt): only files encrypted to an age recipient are accepted");
    }
    throw ageInvalid("malformed age header: a scrypt stanza must be the only stanza");
  }
  for (const key of identityKeys(identities)) {
    for (const stanza of header.stanzas) {
      const fileKey = unwrapX25519Stanza(key, stanza);
      if (fileKey !== null) return fileKey;
    }
  }
  throw new AgeDecryptError(
    "age-no-identity",
    `none of our ${identities.length} age identities can open this file (its recipients: ${describeStanzas(header)})`,
  );
}

/**
 * Decrypts an age file (binary or armored) chunk by chunk. Each yielded piece has been
 * authenticated, but the file as a whole is good only if iteration ends without an error:
 * on an AgeDecryptError, discard everything received.
 */
export async function* decryptAge(
  input: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  identities: readonly string[],
  options: DecryptAgeOptions = {},
): AsyncGenerator<Uint8Array> {
  const raw = new ByteReader(input);
  try {
    const reader = await openFormat(raw);
    const header = await readAgeHeader(reader, options.maxStanzas);
    const fileKey = unwrapFileKey(header, identities);
    let payloadKey: Uint8Array;
    try {
      if (!constantTimeEqual(headerMac(fileKey, header.macInput), header.mac)) {
        throw ageCorrupt("the age header's MAC does not match: the header was altered or damaged");
      }
      options.keep?.header(encodeParsedHeader(header), fileKey, reader !== raw);
      const nonce = Uint8Array.from(await reader.read(PAYLOAD_NONCE_LENGTH));
      options.keep?.payload(nonce);
      if (nonce.length < PAYLOAD_NONCE_LENGTH) throw ageCorrupt("the age file is truncated: it ends inside the payload nonce");
      payloadKey = deriveKey(fileKey, nonce, "payload");
    } finally {
      fileKey.fill(0);
    }
    try {
      const keep = options.keep;
      yield* decryptPayload(payloadKey, reader, keep && ((piece) => keep.payload(piece)));
    } finally {
      payloadKey.fill(0);
    }
  } finally {
    await raw.close();
  }
}

async function* encryptBinary(
  input: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  recipientKeys: Uint8Array[],
  random: RandomSource,
): AsyncGenerator<Uint8Array> {
  const fileKey = randomExactly(random, FILE_KEY_LENGTH);
  const stanzas = recipientKeys.map((publicKey) => wrapX25519Stanza(publicKey, fileKey, random));
  const header = encodeAgeHeader(stanzas, fileKey);
  const nonce = randomExactly(random, PAYLOAD_NONCE_LENGTH);
  const payloadKey = deriveKey(fileKey, nonce, "payload");
  fileKey.fill(0);
  try {
    yield concatBytes(header, nonce);
    yield* encryptPayload(payloadKey, input);
  } finally {
    payloadKey.fill(0);
  }
}

/** Encrypts to age X25519 recipients (`age1…`), streaming; `age -d` opens the result. */
export async function* encryptAge(
  input: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  recipients: readonly string[],
  opts: EncryptAgeOptions = {},
): AsyncGenerator<Uint8Array> {
  if (recipients.length === 0) throw new RangeError("age encryption needs at least one recipient");
  const recipientKeys = recipients.map(decodeAgeRecipient);
  const binary = encryptBinary(input, recipientKeys, opts.random ?? systemRandom);
  yield* opts.armor === true ? encodeArmor(binary) : binary;
}
