// expectRefusal checks the three things every refusal owes us: (a) the exact code, (b) a
// message naming the file, line or field at fault, (c) nothing stored but the audit row that
// records the refusal; and then that the store
// still takes a valid bundle (a refusal must not wedge it).
//
// Coverage: each test file declares the codes it covers with refusalSuite([...]). Its afterAll
// fails the file unless every declared code was asserted by a passing expectRefusal, and no
// other; coverage.test.ts reads the declarations of all files and checks that together they
// name every code of REFUSAL_CODES. (Vitest runs each file in its own worker, so one in-memory
// registry across files is not possible; a declaration proven per file is.)
import { statSync } from "node:fs";
import { afterAll, expect } from "vitest";
import { importBundleFile, type ImportOutcome } from "../../../electron/core/bundles/import-bundle.js";
import type { Session } from "../../../electron/core/session/session.js";
import type { BlobRepository } from "../../../electron/core/store/index.js";
import type { RefusalCode } from "../../../shared/vocabulary/refusal-codes.js";
import { sampleRequest } from "../../helpers/sample-request.js";
import type { StoreSnapshot } from "../../helpers/forge-store.js";
import type { RefusalBench } from "./bench.js";

const declared = new Set<RefusalCode>();
const asserted = new Set<RefusalCode>();

/** Declares the codes this test file covers; see the header comment. */
export function refusalSuite(codes: readonly RefusalCode[]): void {
  for (const code of codes) declared.add(code);
  afterAll(() => {
    expect([...asserted].sort(), "codes asserted by passing refusal tests in this file").toEqual([...declared].sort());
  });
}

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
 * before, and that a valid bundle imports afterwards (and shows in the snapshot, so the
 * snapshot is known to see an import). Returns the message.
 */
export async function expectRefusal(bench: RefusalBench, file: string, code: RefusalCode, expectation: RefusalExpectation): Promise<string> {
  const { office } = bench;
  const reader = bench.reader();
  const before = reader.snapshot();
  const spy = spyOnBlobWrites(office.session);
  let outcome: ImportOutcome;
  try {
    outcome = await importBundleFile(expectation.session ?? office.session, file);
  } finally {
    spy.stop();
  }
  expect(outcome).toEqual({ file, status: "refused", code, message: expect.any(String) });
  if (expectation.streamedBytes !== undefined) expect(spy.bytes, "bytes streamed into blobs before the refusal").toBeGreaterThanOrEqual(expectation.streamedBytes);
  const message = outcome.status === "refused" ? outcome.message : "";
  for (const part of expectation.names) {
    if (typeof part === "string") expect(message).toContain(part);
    else expect(message).toMatch(part);
  }
  const refused = reader.snapshot();
  expect(contentOf(refused), "the store after the refusal, but for its audit row").toEqual(contentOf(before));
  expect(refused.rows.audit_log, "one audit row records the refusal").toBe(before.rows.audit_log + 1);
  const session = expectation.session ?? office.session;
  const [last] = session.store.audit.listAudit({ afterSeq: before.audit.count });
  expect(last, "the refusal's audit row").toMatchObject({ action: "bundle.refused", details: { code, bytes: statSync(file).size } });
  expect(refused.audit).toMatchObject({ ok: true, count: before.audit.count + 1 });

  const id = bench.nextCheckId();
  const check = await bench.seal(bench.bag({ document: sampleRequest({ id }) }));
  expect(await importBundleFile(office.session, check), "a valid bundle after the refusal").toMatchObject({ status: "imported", id });
  const after = reader.snapshot();
  expect(after.revisions).toHaveLength(before.revisions.length + 1);
  expect(after.rows.requests).toBe(before.rows.requests + 1);
  expect(after.audit.count).toBeGreaterThan(before.audit.count);
  asserted.add(code);
  return message;
}

/** A snapshot without the audit log's own counts and head: what the bundle itself could have left. */
function contentOf(snapshot: StoreSnapshot): unknown {
  const { auditHead: _head, audit: _audit, rows, ...rest } = snapshot;
  const { audit_log: _auditRows, ...tables } = rows;
  return { ...rest, tables };
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
      // Deleting the own property brings back the prototype's method.
      delete (blobs as Partial<Pick<BlobRepository, "createBlobWriter">>).createBlobWriter;
    },
  };
}
