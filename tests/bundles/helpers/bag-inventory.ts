// Bag inventories for tests: from a directory on disk (the LoC conformance suite) or from
// files in memory, plus a builder of valid profile bags to break one rule at a time.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { BagInventory } from "../../../electron/core/bundles/bag-check.js";
import { encodeManifestPath } from "../../../electron/core/bundles/bagit-manifest.js";

const encoder = new TextEncoder();
const hex = (algorithm: string, bytes: Uint8Array): string => createHash(algorithm).update(bytes).digest("hex");

export type BagFiles = Map<string, Uint8Array>;

export function inventoryOf(files: ReadonlyMap<string, Uint8Array>): BagInventory & { digestRequests: string[] } {
  const digestRequests: string[] = [];
  return {
    files: new Map([...files].map(([path, bytes]) => [path, { size: bytes.length, sha256: hex("sha256", bytes) }])),
    tagFiles: new Map([...files].filter(([path]) => !path.startsWith("data/"))),
    digestRequests,
    digestOf(path, algorithm) {
      digestRequests.push(`${algorithm} ${path}`);
      const bytes = files.get(path);
      if (bytes === undefined) throw new Error(`no ${path}`);
      return Promise.resolve(hex(algorithm, bytes));
    },
  };
}

/** Every regular file under a bag directory, by bag-relative "/"-separated path. */
export function filesOfDirectory(root: string): BagFiles {
  const files: BagFiles = new Map();
  const walk = (dir: string, prefix: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = prefix + entry.name;
      if (entry.isDirectory()) walk(join(dir, entry.name), `${path}/`);
      else if (entry.isFile()) files.set(path, readFileSync(join(dir, entry.name)));
    }
  };
  walk(root, "");
  return files;
}

export const inventoryOfDirectory = (root: string) => inventoryOf(filesOfDirectory(root));

export function manifestText(files: ReadonlyMap<string, Uint8Array>, paths: Iterable<string>, algorithm = "sha256"): string {
  return [...paths].map((path) => `${hex(algorithm, files.get(path) ?? new Uint8Array())}  ${encodeManifestPath(path)}\n`).join("");
}

export interface BagOptions {
  payload?: Record<string, string | Uint8Array>;
  bagInfo?: string;
  /** Extra tag files, written before the tag manifest is computed. */
  tags?: Record<string, string | Uint8Array>;
}

export const REQUEST_BAG_INFO = [
  "Bundle-Type: request",
  "Bundle-Version: 1",
  "External-Identifier: FR-PARQUET-PARIS/REQ-2024-0042/1",
  "Source-Organization: Parquet de Paris",
  "Bagging-Date: 2024-06-01",
].join("\n");

/** A valid bundle bag (profile), every manifest and Payload-Oxum computed. */
export function validBag(options: BagOptions = {}): BagFiles {
  const files: BagFiles = new Map();
  const payload = options.payload ?? { "data/request.json": '{"schema":"counterseal.request/1"}', "data/attachments/order.pdf": "%PDF-1.7 order" };
  for (const [path, content] of Object.entries(payload)) files.set(path, typeof content === "string" ? encoder.encode(content) : content);
  const payloadPaths = [...files.keys()];
  const octets = payloadPaths.reduce((sum, path) => sum + (files.get(path)?.length ?? 0), 0);
  files.set("bagit.txt", encoder.encode("BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"));
  files.set("bag-info.txt", encoder.encode(`${options.bagInfo ?? REQUEST_BAG_INFO}\nPayload-Oxum: ${octets}.${payloadPaths.length}\n`));
  files.set("manifest-sha256.txt", encoder.encode(manifestText(files, payloadPaths)));
  for (const [path, content] of Object.entries(options.tags ?? {})) files.set(path, typeof content === "string" ? encoder.encode(content) : content);
  const tagPaths = [...files.keys()].filter((path) => !path.startsWith("data/"));
  files.set("tagmanifest-sha256.txt", encoder.encode(manifestText(files, tagPaths)));
  files.set("tagmanifest-sha256.txt.minisig", encoder.encode("untrusted comment: signature from minisign secret key\nRWQ...\n"));
  return files;
}

/** A copy of the bag with some files replaced (a string or bytes) or removed (undefined). */
export function edited(files: BagFiles, changes: Record<string, string | Uint8Array | undefined>): BagFiles {
  const copy = new Map(files);
  for (const [path, content] of Object.entries(changes)) {
    if (content === undefined) copy.delete(path);
    else copy.set(path, typeof content === "string" ? encoder.encode(content) : content);
  }
  return copy;
}

/** Recomputes tagmanifest-sha256.txt after edits, so a test reaches the step it aims at. */
export function resealed(files: BagFiles): BagFiles {
  const tagPaths = [...files.keys()].filter((path) => !path.startsWith("data/") && !path.startsWith("tagmanifest-"));
  return edited(files, { "tagmanifest-sha256.txt": manifestText(files, tagPaths) });
}

export const text = (files: BagFiles, path: string): string => Buffer.from(files.get(path) ?? new Uint8Array()).toString("utf8");
