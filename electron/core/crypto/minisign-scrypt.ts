// libsodium's crypto_pwhash_scryptsalsa208sha256, which minisign uses to encrypt secret keys:
// scrypt whose N, r, p come from (opslimit, memlimit) by libsodium's pickparams().
import { scryptSync } from "node:crypto";

/** What `minisign -G` asks for: libsodium's *_SENSITIVE limits (N = 2^20, r = 8, p = 1: 1 GiB). */
export const MINISIGN_OPSLIMIT = 33_554_432n;
export const MINISIGN_MEMLIMIT = 1_073_741_824n;

/** Refuse key files that would make us allocate more than this (minisign's own default is 1 GiB). */
const MAX_SCRYPT_MEMORY = 2 * 1024 * 1024 * 1024;

export type ScryptParams = { N: number; r: number; p: number };

/** A line-by-line port of libsodium's pickparams() (crypto_pwhash/scryptsalsa208sha256/pwhash_scryptsalsa208sha256.c). */
export function pickScryptParams(opslimitIn: bigint, memlimit: bigint): ScryptParams {
  const opslimit = opslimitIn < 32768n ? 32768n : opslimitIn;
  const r = 8n;
  let nLog2 = 1n;
  let p: bigint;
  if (opslimit < memlimit / 32n) {
    p = 1n;
    const maxN = opslimit / (r * 4n);
    for (nLog2 = 1n; nLog2 < 63n; nLog2 += 1n) {
      if (1n << nLog2 > maxN / 2n) break;
    }
  } else {
    const maxN = memlimit / (r * 128n);
    for (nLog2 = 1n; nLog2 < 63n; nLog2 += 1n) {
      if (1n << nLog2 > maxN / 2n) break;
    }
    let maxrp = opslimit / 4n / (1n << nLog2);
    if (maxrp > 0x3fffffffn) maxrp = 0x3fffffffn;
    p = (maxrp & 0xffffffffn) / r;
  }
  return { N: Number(1n << nLog2), r: Number(r), p: Number(p) };
}

export function scryptSalsa208Sha256(
  password: string,
  salt: Uint8Array,
  opslimit: bigint,
  memlimit: bigint,
  length: number,
): Uint8Array {
  const { N, r, p } = pickScryptParams(opslimit, memlimit);
  const memory = 128 * N * r;
  if (p < 1 || memory > MAX_SCRYPT_MEMORY) {
    throw new RangeError(`scrypt parameters N=${N} r=${r} p=${p} are outside what we accept`);
  }
  const passwordBytes = Buffer.from(password, "utf8");
  try {
    // maxmem leaves room for scrypt's extra 128*r*p bytes of working state.
    return new Uint8Array(scryptSync(passwordBytes, salt, length, { N, r, p, maxmem: memory + 128 * r * p + 32 * 1024 * 1024 }));
  } finally {
    passwordBytes.fill(0);
  }
}
