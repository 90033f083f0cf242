// Shared by the crypto tests: stream helpers and real programs (seeded randomness is
// tests/helpers/runtime.ts, temporary folders tests/helpers/temp.ts).
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { AgeDecryptError } from "../../electron/core/crypto/age.js";
import type { AgeDecryptErrorCode } from "../../electron/core/crypto/age.js";

/** Yields `bytes` in pieces of the given sizes (cycled), like a file or socket would. */
export async function* chunked(bytes: Uint8Array, sizes: readonly number[] = [65536]): AsyncGenerator<Uint8Array> {
  let offset = 0;
  for (let i = 0; offset < bytes.length; i++) {
    const size = Math.max(1, sizes[i % sizes.length] ?? 65536);
    yield bytes.slice(offset, offset + size);
    offset += size;
  }
}

export async function collect(source: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for await (const part of source) parts.push(part);
  return new Uint8Array(Buffer.concat(parts));
}

export type DecryptOutcome = { released: Uint8Array; code: AgeDecryptErrorCode | null; message: string | null };

/** Runs a decryption to its end, keeping what was released before any failure. */
export async function settle(source: AsyncIterable<Uint8Array>): Promise<DecryptOutcome> {
  const parts: Uint8Array[] = [];
  try {
    for await (const part of source) parts.push(part);
    return { released: new Uint8Array(Buffer.concat(parts)), code: null, message: null };
  } catch (error) {
    if (!(error instanceof AgeDecryptError)) throw error;
    return { released: new Uint8Array(Buffer.concat(parts)), code: error.code, message: error.message };
  }
}

/**
 * Byte equality that stays fast on megabytes (vitest's deep equality walks element by element)
 * and still says where two buffers differ.
 */
export function describeDifference(actual: Uint8Array, expected: Uint8Array): string {
  if (Buffer.from(actual.buffer, actual.byteOffset, actual.length).equals(Buffer.from(expected.buffer, expected.byteOffset, expected.length))) return "equal";
  let index = 0;
  while (index < actual.length && index < expected.length && actual[index] === expected[index]) index++;
  return `differ: lengths ${actual.length} and ${expected.length}, first difference at byte ${index}`;
}

export const sha256Hex = (bytes: Uint8Array): string => createHash("sha256").update(bytes).digest("hex");


export type ProgramResult = { status: number | null; stdout: string; stderr: string };

export function runProgram(command: string, args: readonly string[], options: { input?: string | Uint8Array; cwd?: string } = {}): ProgramResult {
  const result = spawnSync(command, args, { input: options.input, cwd: options.cwd, encoding: "utf8", maxBuffer: 1 << 30 });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export function runProgramBytes(command: string, args: readonly string[], input?: Uint8Array): Buffer {
  const result = spawnSync(command, args, { input, maxBuffer: 1 << 30 });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed: ${result.stderr.toString()}`);
  return result.stdout;
}
