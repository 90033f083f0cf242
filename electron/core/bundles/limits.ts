// Default import limits of sealed-bundle-v1; every one is configurable per import.
export interface BundleLimits {
  sealedBytes: number;
  entries: number;
  fileBytes: number;
  documentBytes: number;
  documentDepth: number;
  pathBytes: number;
  segmentBytes: number;
}

const GiB = 1024 ** 3;

export const DEFAULT_LIMITS: Readonly<BundleLimits> = {
  sealedBytes: 4 * GiB,
  entries: 10_000,
  fileBytes: 2 * GiB,
  documentBytes: 1024 * 1024,
  documentDepth: 32,
  pathBytes: 1024,
  segmentBytes: 255,
};
