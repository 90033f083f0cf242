// The cost of the Argon2id key derivation SQLite3MultipleCiphers runs over the passphrase.
//
// The passphrase guards everything in the store (the office's age identities, the reviewer's
// signing key), and a stolen laptop is an offline attack: the thief guesses at leisure. So the
// derivation is sized for offline guessing, not for an online login: as costly as an unlock can
// bear, about 0.5–1 s on a slow two-core laptop (measured; table and reasons in docs/store.md).
// Each store records the cost it was keyed with (kdf-record.ts), so this default can be raised
// in a later release and a passphrase change moves an older store up to it.

/** Argon2id parameters under SQLite3MultipleCiphers' names: passes, memory in KiB, lanes. */
export interface KdfParameters {
  readonly tcost: number;
  readonly mcost: number;
  readonly pcost: number;
}

/**
 * What new stores and passphrase changes use: 192 MiB, 3 passes, 1 lane. Each parameter at or
 * above RFC 9106's second recommended option (64 MiB, t = 3); about 0.7 s per unlock on the
 * reference machine.
 */
export const RECOMMENDED_KDF: KdfParameters = { tcost: 3, mcost: 192 * 1024, pcost: 1 };

/**
 * What stores made before the cost was recorded were keyed with: OWASP's online minimum
 * (19 MiB, t = 2). A store with no record is opened with these.
 */
export const LEGACY_KDF: KdfParameters = { tcost: 2, mcost: 19 * 1024, pcost: 1 };

/**
 * Bounds a recorded cost must lie within. The floor is Argon2's own (8 KiB per lane); the ceiling
 * keeps a damaged or hostile record from making an unlock allocate gigabytes or run for minutes.
 */
export const KDF_BOUNDS = {
  tcost: { min: 1, max: 16 },
  mcost: { min: 8, max: 2 * 1024 * 1024 },
  pcost: { min: 1, max: 8 },
} as const;

/** Why `parameters` is not a cost this store may use, or null when it is. */
export function kdfParameterProblem(parameters: KdfParameters): string | null {
  for (const name of ["tcost", "mcost", "pcost"] as const) {
    const value = parameters[name];
    const { min, max } = KDF_BOUNDS[name];
    if (!Number.isSafeInteger(value) || value < min || value > max) return `${name} must be a whole number from ${min} to ${max}, not ${String(value)}`;
  }
  if (parameters.mcost < 8 * parameters.pcost) return "mcost must be at least 8 KiB per lane (pcost)";
  return null;
}

export const sameKdf = (a: KdfParameters, b: KdfParameters): boolean => a.tcost === b.tcost && a.mcost === b.mcost && a.pcost === b.pcost;

export const describeKdf = (kdf: KdfParameters): string => `Argon2id m=${kdf.mcost} KiB, t=${kdf.tcost}, p=${kdf.pcost}`;
