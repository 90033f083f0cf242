// The store's key-derivation record: `counterseal.kdf.json` beside `counterseal.db`.
//
// The Argon2id cost must be known before the database can be read (it derives the key that
// decrypts page 1), so it cannot live inside the store. It lives in this small plaintext file,
// which holds nothing secret: the cost, and during a passphrase change the cost being moved to
// (`pending`). A SHA-256 over its content tells a damaged record (truncated, edited by hand) from a
// wrong passphrase. It is not a defence against someone who can write the folder: whatever
// they change, the derived key only fails to open the store.
//
// No record means a store from before the cost was recorded: LEGACY_KDF.
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { sha256Hex } from "./bytes.js";
import { canonicalJson } from "../crypto/canonical-json.js";
import { StoreError } from "./errors.js";
import { kdfParameterProblem, type KdfParameters } from "./kdf.js";
import { PRIVATE_FILE_MODE } from "./permissions.js";

export const KDF_RECORD_FILE_NAME = "counterseal.kdf.json";
export const kdfRecordFile = (dir: string): string => join(dir, KDF_RECORD_FILE_NAME);

const FORMAT = "counterseal-store-kdf";
const VERSION = 1;

export interface KdfRecord {
  /** The cost the store's pages are keyed with. */
  readonly kdf: KdfParameters;
  /** Set only while a passphrase change is under way: the store may already be keyed with this. */
  readonly pending?: KdfParameters;
}

/** The record is unreadable: the store cannot be unlocked until it is restored. */
export class KdfRecordError extends StoreError {
  override name = "KdfRecordError";
  override readonly code = "store-damaged";
}

const parameters = z.strictObject({ tcost: z.number(), mcost: z.number(), pcost: z.number() });
const recordSchema = z.strictObject({
  format: z.literal(FORMAT),
  version: z.literal(VERSION),
  algorithm: z.literal("argon2id"),
  kdf: parameters,
  pending: parameters.optional(),
  sha256: z.string(),
});

type RecordBody = { readonly [key: string]: unknown };

function body(record: KdfRecord): RecordBody {
  const kdf = { tcost: record.kdf.tcost, mcost: record.kdf.mcost, pcost: record.kdf.pcost };
  const pending = record.pending && { tcost: record.pending.tcost, mcost: record.pending.mcost, pcost: record.pending.pcost };
  return { format: FORMAT, version: VERSION, algorithm: "argon2id", kdf, ...(pending ? { pending } : {}) };
}

const digestOf = (content: RecordBody): string => sha256Hex(canonicalJson(content));

/** The record in `dir`, or null when there is none (a store from before records). */
export function readKdfRecord(dir: string): KdfRecord | null {
  const file = kdfRecordFile(dir);
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
  const damaged = (why: string): KdfRecordError =>
    new KdfRecordError(
      `The store's key-derivation record ${file} is damaged (${why}), so the store cannot be unlocked. ` +
        "Restore that file from a backup of the store folder; the store itself was left unchanged.",
    );
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw damaged("it is not JSON");
  }
  const parsed = recordSchema.safeParse(json);
  if (!parsed.success) throw damaged(`unexpected content at ${parsed.error.issues[0]?.path.join(".") || "the top level"}`);
  const { kdf, pending, sha256 } = parsed.data;
  const record: KdfRecord = pending ? { kdf, pending } : { kdf };
  if (digestOf(body(record)) !== sha256) throw damaged("its checksum does not match its content");
  for (const cost of [kdf, pending]) {
    const problem = cost && kdfParameterProblem(cost);
    if (problem) throw damaged(problem);
  }
  return record;
}

/**
 * Replaces the record atomically: written to a temporary file, flushed, renamed over the old one,
 * and the folder flushed, so a crash leaves either the old record or the new one, never half.
 */
export function writeKdfRecord(dir: string, record: KdfRecord): void {
  const content = body(record);
  const text = `${JSON.stringify({ ...content, sha256: digestOf(content) }, null, 2)}\n`;
  const file = kdfRecordFile(dir);
  const temporary = `${file}.tmp`;
  const fd = openSync(temporary, "w", PRIVATE_FILE_MODE);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, file);
  syncFolder(dir);
}

export function removeKdfRecord(dir: string): void {
  rmSync(kdfRecordFile(dir), { force: true });
  rmSync(`${kdfRecordFile(dir)}.tmp`, { force: true });
}

/** Makes a rename durable. Windows cannot open a folder for flushing, and NTFS journals renames. */
function syncFolder(dir: string): void {
  if (process.platform === "win32") return;
  const fd = openSync(dir, "r");
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
