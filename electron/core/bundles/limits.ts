// Default import limits of sealed-bundle-v1 (its limits table); every one is configurable per
// import. Those on tag files and age stanzas bound the work done before the signature is checked.
export interface BundleLimits {
  sealedBytes: number;
  entries: number;
  fileBytes: number;
  documentBytes: number;
  documentDepth: number;
  pathBytes: number;
  segmentBytes: number;
  /** One tag file (manifests, bag-info.txt, the signature): buffered, so bounded. */
  tagFileBytes: number;
  /** All tag files together: buffered and hashed before the signature can be checked. */
  tagBytes: number;
  /** Recipient stanzas in the age header: each is tried with every office identity. */
  ageStanzas: number;
}

const MiB = 1024 ** 2;
const GiB = 1024 ** 3;

export const DEFAULT_LIMITS: Readonly<BundleLimits> = {
  sealedBytes: 4 * GiB,
  entries: 10_000,
  fileBytes: 2 * GiB,
  documentBytes: 1024 * 1024,
  documentDepth: 32,
  pathBytes: 1024,
  segmentBytes: 255,
  // 10,000 entries of 1,024-byte paths with their digests fit in one tag file of 16 MiB, and a
  // manifest and tag manifest of that size in 32 MiB.
  tagFileBytes: 16 * MiB,
  tagBytes: 32 * MiB,
  ageStanzas: 64,
};
