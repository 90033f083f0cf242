// The outer layers of a forged bundle: tar (the app's own writer, or raw blocks for headers no
// packer writes), age (to the office, to a stranger, with a passphrase, or not at all) and a
// legacy minisign signature, which no current tool of ours writes.
import { Encrypter } from "age-encryption";
import { tarArchive, type TarSource } from "../../electron/core/bundles/tar-writer.js";
import { encryptAge } from "../../electron/core/crypto/age.js";
import { encodeBase64 } from "../../electron/core/crypto/base64.js";
import { concatBytes, utf8 } from "../../electron/core/crypto/bytes.js";
import { ed25519Sign } from "../../electron/core/crypto/ed25519.js";
import type { MinisignKeyPair } from "../../electron/core/crypto/minisign.js";
import type { RandomSource } from "../../electron/core/crypto/random.js";
import type { RawEntry } from "../bundles/helpers/tar-build.js";
import type { ForgedBag } from "./bundle-forge.js";

export { buildTar, END_OF_ARCHIVE, type RawEntry } from "../bundles/helpers/tar-build.js";

export async function collectBytes(source: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for await (const part of source) parts.push(part);
  return new Uint8Array(Buffer.concat(parts));
}

/** Every directory the bag's files need, parents first, the root first of all. */
export function bagDirectories(bag: ForgedBag): string[] {
  const directories = new Set<string>([bag.root]);
  for (const path of bag.files.keys()) {
    const segments = path.split("/");
    for (let i = 1; i < segments.length; i++) directories.add(`${bag.root}/${segments.slice(0, i).join("/")}`);
  }
  return [...directories];
}

/** The bag as `counterseal seal` archives it: tar-writer.ts, directories first. */
export async function tarBag(bag: ForgedBag): Promise<Uint8Array> {
  const files: TarSource[] = [...bag.files].map(([path, bytes]) => ({ name: `${bag.root}/${path}`, size: bytes.byteLength, bytes }));
  return collectBytes(tarArchive(bagDirectories(bag), files, bag.now));
}

/** The bag as raw tar entries (see tar-build.ts) for a test to splice hostile ones into. */
export function rawTarEntries(bag: ForgedBag): RawEntry[] {
  return [
    ...bagDirectories(bag).map((name): RawEntry => ({ name: `${name}/`, type: "5" })),
    ...[...bag.files].map(([path, data]): RawEntry => ({ name: `${bag.root}/${path}`, data })),
  ];
}

/** age to X25519 recipients with our encryptor; `random` makes the file key and nonces repeatable. */
export function encryptTo(plaintext: Uint8Array, recipients: readonly string[], random: RandomSource, armor = false): Promise<Uint8Array> {
  async function* once(): AsyncGenerator<Uint8Array> {
    yield plaintext;
  }
  return collectBytes(encryptAge(once(), recipients, { armor, random }));
}

/**
 * A passphrase (scrypt) age file from typage, the age authors' own TypeScript implementation:
 * a real scrypt stanza, not one we wrote. A low work factor keeps it fast; the importer must
 * refuse the stanza before it would ever run scrypt.
 */
export function encryptWithPassphrase(plaintext: Uint8Array, passphrase: string): Promise<Uint8Array> {
  const encrypter = new Encrypter();
  encrypter.setPassphrase(passphrase);
  encrypter.setScryptWorkFactor(10);
  return encrypter.encrypt(plaintext);
}

/**
 * A legacy minisign signature (`minisign -S -l`): "Ed" || key id || Ed25519(message) rather
 * than over BLAKE2b-512(message), plus the global signature over signature || trusted comment.
 */
export function signLegacy(message: Uint8Array, signer: MinisignKeyPair, trustedComment: string): string {
  const seed = signer.secretKey.subarray(0, 32);
  const signature = ed25519Sign(seed, message);
  const global = ed25519Sign(seed, concatBytes(signature, utf8(trustedComment)));
  return (
    `untrusted comment: signature from minisign secret key\n${encodeBase64(concatBytes(utf8("Ed"), signer.keyId, signature))}\n` +
    `trusted comment: ${trustedComment}\n${encodeBase64(global)}\n`
  );
}
