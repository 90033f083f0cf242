// Importing many files in one call: bundles share a transaction (one commit per batch), each
// bundle is still all-or-nothing, and an outcome is reported only once it is committed.
import { statSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { BATCH_MAX_FILES, importBundleFiles, type ImportOutcome } from "../../electron/core/bundles/import-bundle.js";
import { openKeyedConnection } from "../../electron/core/store/connection.js";
import { storeFile } from "../../electron/core/store/index.js";
import { openTestOffice, STORE_PASSPHRASE, type TestOffice } from "../helpers/office.js";
import { sampleRequest } from "../helpers/sample-request.js";

const evidence = (seed: number) => ({ name: "evidence.bin", bytes: new Uint8Array(40_000).fill(seed) });
const listing = [{ path: "attachments/evidence.bin", title: "Evidence", mediaType: "application/octet-stream" }];

const sealCase = (office: TestOffice, n: number) =>
  office.seal({ document: sampleRequest({ id: `CASE-${n}`, attachments: listing }), attachments: [evidence(n)] });

/** What another program reading the file sees: committed rows only (WAL isolation). */
function committed(office: TestOffice): { requests: number; blobs: number; chunks: number } {
  const db = openKeyedConnection(storeFile(office.storeDir), STORE_PASSPHRASE);
  try {
    const count = (table: string) => Number(db.prepare(`SELECT count(*) FROM ${table}`).pluck().get());
    return { requests: count("requests"), blobs: count("blobs"), chunks: count("blob_chunks") };
  } finally {
    db.close();
  }
}

describe("importBundleFiles", () => {
  it("stores every good bundle and nothing of a refused one between them", async () => {
    const office = openTestOffice();
    const good = [await sealCase(office, 1), await sealCase(office, 2)];
    // Its attachment is streamed into the store before the document shows it is not listed.
    const unlisted = await office.seal({ document: sampleRequest({ id: "CASE-X" }), attachments: [evidence(9)] });
    const last = await sealCase(office, 3);

    const outcomes = await importBundleFiles(office.session, [good[0] ?? "", unlisted, good[1] ?? "", last]);

    expect(outcomes.map((outcome) => outcome.status)).toEqual(["imported", "refused", "imported", "imported"]);
    expect(outcomes[1]).toMatchObject({ file: unlisted, code: "document-invalid" });
    expect(outcomes.map((outcome) => outcome.status === "imported" && outcome.id)).toEqual(["CASE-1", false, "CASE-2", "CASE-3"]);
    expect(committed(office)).toEqual({ requests: 3, blobs: 3, chunks: 3 });
    // The refused bundle's rows rolled back with its savepoint; the record of its refusal did not.
    const actions = office.session.store.audit.listAudit().map((row) => row.action);
    expect(actions.filter((action) => action === "request.stored" || action === "bundle.refused")).toEqual([
      "request.stored",
      "bundle.refused",
      "request.stored",
      "request.stored",
    ]);
    const refusal = office.session.store.audit.listAudit().find((row) => row.action === "bundle.refused");
    expect(refusal?.details).toEqual({ code: "document-invalid", bytes: statSync(unlisted).size });
    expect(office.session.store.audit.verifyAuditChain()).toMatchObject({ ok: true });
    expect(office.session.store.integrityCheck()).toEqual(["ok"]);
  });

  it("reports a bundle listed twice in one call as a duplicate the second time", async () => {
    const office = openTestOffice();
    const file = await sealCase(office, 1);
    const armored = await office.seal({ document: sampleRequest({ id: "CASE-1", attachments: listing }), attachments: [evidence(1)], armor: true });

    const outcomes = await importBundleFiles(office.session, [file, file, armored]);

    expect(outcomes.map((outcome) => outcome.status)).toEqual(["imported", "duplicate", "duplicate"]);
    expect(committed(office)).toEqual({ requests: 1, blobs: 1, chunks: 1 });
  });

  it(`commits every ${BATCH_MAX_FILES} files and reports each outcome only after its commit`, async () => {
    const office = openTestOffice();
    const files: string[] = [];
    for (let n = 0; n <= BATCH_MAX_FILES; n++) files.push(await sealCase(office, n));
    const events: string[] = [];
    const seenAtOutcome: number[] = [];

    await importBundleFiles(office.session, files, {
      onProgress: (index, read, total) => {
        if (read === total) events.push(`read ${index}`);
      },
      onOutcome: (index, outcome: ImportOutcome) => {
        events.push(`outcome ${index}`);
        expect(outcome.status).toBe("imported");
        if (index === 0 || index === BATCH_MAX_FILES - 1 || index === BATCH_MAX_FILES) seenAtOutcome.push(committed(office).requests);
      },
    });

    // The first batch's outcomes all come after its last file was read and before the next batch's first.
    const at = (event: string) => events.indexOf(event);
    expect(at(`outcome 0`)).toBeGreaterThan(at(`read ${BATCH_MAX_FILES - 1}`));
    expect(at(`outcome ${BATCH_MAX_FILES - 1}`)).toBeLessThan(at(`read ${BATCH_MAX_FILES}`));
    // Whatever an outcome says is already on disk for any other reader.
    expect(seenAtOutcome).toEqual([BATCH_MAX_FILES, BATCH_MAX_FILES, BATCH_MAX_FILES + 1]);
  }, 60_000);
});
