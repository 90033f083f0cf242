// The bench every refusal test runs on: a fresh office (real encrypted store, trusted issuer),
// the forge, and expectRefusal, which checks the three things every refusal owes us: (a) the
// exact code, (b) a message naming what is at fault, (c) nothing stored, and then that the
// store still takes a valid bundle (a refusal must not wedge it).
//
// Coverage: each test file declares the codes it covers with refusalSuite([...]). An afterAll
// then fails the file unless every declared code was asserted by a passing expectRefusal, and
// no other; coverage.test.ts reads the declarations of all files and checks that together they
// name every code of REFUSAL_CODES. (Vitest runs files in separate workers, so a single
// in-memory registry across files is not possible; declaration + per-file proof is.)
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, expect } from "vitest";
import { importBundleFile, type ImportOutcome } from "../../../electron/core/bundles/import-bundle.js";
import type { Session } from "../../../electron/core/session.js";
import type { BlobRepository } from "../../../electron/core/store/index.js";
import type { RefusalCode } from "../../../shared/formats/refusal-codes.js";
import { forgeBag, type ForgedBag, type ForgeInput } from "../../helpers/bundle-forge.js";
import { encryptTo, tarBag } from "../../helpers/forge-layers.js";
import { openStoreReader } from "../../helpers/forge-store.js";
import { openTestOffice, type TestOffice } from "../../helpers/office.js";
import { sampleRequest } from "../../helpers/sample-request.js";

export interface RefusalBench {
  office: TestOffice;
  /** The office's seeded randomness, for keys, file keys and nonces. */
  random: (length: number) => Uint8Array;
  /** A valid bag signed by the office's trusted issuer, ready to break. */
  bag(input?: Partial<ForgeInput>): ForgedBag;
  /**
   * A valid bag with two listed attachments: a 1.5 MiB one (more than a store blob chunk, so
   * blob rows are written while it streams in) and a small one after it in the archive. A
   * refusal found after the tar layer must roll those rows back.
   */
  bagWithAttachments(document?: Record<string, unknown>): ForgedBag;
  /** The bag archived and encrypted to the office, written to a file. */
  seal(bag: ForgedBag, options?: { armor?: boolean }): Promise<string>;
  /** Any plaintext (usually a hand-built tar) encrypted to the office. */
  sealPlaintext(plaintext: Uint8Array, options?: { armor?: boolean }): Promise<string>;
  /** Bytes written as they are, as a sealed file would arrive. */
  write(bytes: Uint8Array): string;
}

export function openBench(): RefusalBench {
  const office = openTestOffice();
  const random = office.runtime.ids.randomBytes;
  let files = 0;
  const write = (bytes: Uint8Array): string => {
    const file = join(office.dir, `forged-${++files}.sealed`);
    writeFileSync(file, bytes);
    return file;
  };
  const sealPlaintext = async (plaintext: Uint8Array, options: { armor?: boolean } = {}) =>
    write(await encryptTo(plaintext, [office.recipient], random, options.armor ?? false));
  return {
    office,
    random,
    bag: (input = {}) => forgeBag({ signer: office.issuer, now: office.runtime.clock.now(), ...input }),
    bagWithAttachments: (document = sampleRequest()) =>
      forgeBag({
        signer: office.issuer,
        now: office.runtime.clock.now(),
        document: { ...document, attachments: ATTACHMENTS.map(({ name, title, mediaType }) => ({ path: `attachments/${name}`, title, mediaType })) },
        attachments: ATTACHMENTS,
      }),
    seal: async (bag, options) => sealPlaintext(await tarBag(bag), options),
    sealPlaintext,
    write,
  };
}

const ATTACHMENTS = [
  { name: "order.pdf", title: "Signed production order", mediaType: "application/pdf", bytes: patterned(1536 * 1024, "%PDF-1.4 order ") },
  { name: "annex.txt", title: "Annex", mediaType: "text/plain", bytes: patterned(3000, "annex line\n") },
];

function patterned(size: number, text: string): Uint8Array {
  return new Uint8Array(Buffer.alloc(size, text));
}

const declared = new Set<RefusalCode>();
const asserted = new Set<RefusalCode>();

/** Declares the codes this test file covers; see the header comment. */
export function refusalSuite(codes: readonly RefusalCode[]): void {
  for (const code of codes) declared.add(code);
  afterAll(() => {
    expect([...asserted].sort(), "codes asserted by passing refusal tests in this file").toEqual([...declared].sort());
  });
}

/** A valid bundle under a document id no test refuses, to show the store still imports. */
export const CHECK_DOCUMENT_ID = "OM-RTM-2026-CHECK";

export interface RefusalExpectation {
  /** Substrings (or patterns) of the message naming the file, line or field at fault. */
  names: readonly (string | RegExp)[];
  /**
   * The importer must have streamed at least this many bytes into store blobs before it
   * refused: proof that the "nothing stored" check had something to roll back.
   */
  streamedBytes?: number;
  /** The session to import with (for smaller limits); the office's own by default. */
  session?: Session;
}

/**
 * Imports `file`, expecting refusal `code`; checks the message, that the store is exactly as
 * before, and that a valid bundle still imports afterwards (and shows up in the snapshot, so
 * the snapshot is known to see an import). Returns the message for further checks.
 */
export async function expectRefusal(bench: RefusalBench, file: string, code: RefusalCode, expectation: RefusalExpectation): Promise<string> {
  const { office } = bench;
  const reader = openStoreReader(office.session);
  const spy = spyOnBlobWrites(office.session);
  try {
    const before = reader.snapshot();
    const outcome: ImportOutcome = await importBundleFile(expectation.session ?? office.session, file);
    spy.stop();
    expect(outcome).toEqual({ file, status: "refused", code, message: expect.any(String) });
    if (expectation.streamedBytes !== undefined) expect(spy.bytes, "bytes streamed into blobs before the refusal").toBeGreaterThanOrEqual(expectation.streamedBytes);
    const message = outcome.status === "refused" ? outcome.message : "";
    for (const part of expectation.names) {
      if (typeof part === "string") expect(message).toContain(part);
      else expect(message).toMatch(part);
    }
    expect(reader.snapshot(), "the store after the refusal").toEqual(before);

    const check = await bench.seal(bench.bag({ document: sampleRequest({ id: CHECK_DOCUMENT_ID }) }));
    expect(await importBundleFile(office.session, check)).toMatchObject({ status: "imported", id: CHECK_DOCUMENT_ID });
    const after = reader.snapshot();
    expect(after.revisions).toHaveLength(before.revisions.length + 1);
    expect(after.rows.requests).toBe(before.rows.requests + 1);
    expect(after.audit.count).toBeGreaterThan(before.audit.count);
    asserted.add(code);
    return message;
  } finally {
    spy.stop();
    reader.close();
  }
}

/** Counts bytes written through the store's blob writers until stopped. */
function spyOnBlobWrites(session: Session): { readonly bytes: number; stop(): void } {
  const blobs = session.store.blobs;
  const original = blobs.createBlobWriter;
  let bytes = 0;
  blobs.createBlobWriter = function (this: BlobRepository) {
    const writer = original.call(this);
    return {
      write: (chunk) => {
        bytes += chunk.byteLength;
        writer.write(chunk);
      },
      finish: () => writer.finish(),
    };
  };
  return {
    get bytes() {
      return bytes;
    },
    stop: () => {
      // Removing the own property brings back the prototype's method.
      delete (blobs as Partial<Pick<BlobRepository, "createBlobWriter">>).createBlobWriter;
    },
  };
}
