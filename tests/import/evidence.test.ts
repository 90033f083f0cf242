// What the store keeps of an imported bundle: the sealed original, re-wrapped to the store's own
// key (a row for a small one, a content-named file for a large one), from which attachments are
// read and the original is written out byte for byte, binary or armored.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { importBundleFile } from "../../electron/core/bundles/import-bundle.js";
import { decryptAge } from "../../electron/core/crypto/age.js";
import { officeIdentities } from "../../electron/core/identity/identity-service.js";
import { readAttachmentInline, saveAttachment } from "../../electron/core/requests/attachments-service.js";
import { exportOriginal } from "../../electron/core/requests/evidence-service.js";
import { getRequestDetail } from "../../electron/core/requests/requests-service.js";
import { EVIDENCE_FILE_MIN_BYTES, evidenceDir } from "../../electron/core/store/index.js";
import { openTestOffice, type TestOffice } from "../helpers/office.js";
import { deterministicBytes } from "../helpers/runtime.js";
import { sampleRequest } from "../helpers/sample-request.js";

const sha256 = (bytes: Uint8Array): string => createHash("sha256").update(bytes).digest("hex");
const keptFiles = (office: TestOffice): string[] => {
  try {
    return readdirSync(evidenceDir(office.storeDir));
  } catch {
    return [];
  }
};

async function importWith(office: TestOffice, files: { name: string; bytes: Uint8Array }[], armor = false) {
  const document = sampleRequest({
    attachments: files.map((file) => ({ path: `attachments/${file.name}`, title: file.name, mediaType: "application/octet-stream" })),
  });
  const sealed = await office.seal({ document, attachments: files, armor });
  const outcome = await importBundleFile(office.session, sealed);
  if (outcome.status !== "imported") throw new Error(`import: ${JSON.stringify(outcome)}`);
  return { sealed, ref: { authority: outcome.authority, id: outcome.id, revision: outcome.revision } };
}

async function exported(office: TestOffice, ref: { authority: string; id: string; revision: number }): Promise<Buffer> {
  const out = join(office.dir, `exported-${Math.random().toString(16).slice(2)}.sealed`);
  const saved = await exportOriginal(office.session, ref, { path: out, replaceExisting: false });
  const bytes = readFileSync(out);
  expect(saved).toMatchObject({ bytes: bytes.length, sha256: sha256(bytes) });
  return bytes;
}

describe("the kept evidence", () => {
  it("keeps a small bundle in its row and writes it back byte for byte, its SHA-256 the provenance's", async () => {
    const office = openTestOffice();
    const note = deterministicBytes("note", 20_000);
    const { sealed, ref } = await importWith(office, [{ name: "note.bin", bytes: note }]);
    expect(readFileSync(sealed).length).toBeLessThan(EVIDENCE_FILE_MIN_BYTES);
    expect(keptFiles(office)).toEqual([]);

    const original = await exported(office, ref);
    expect(original.equals(readFileSync(sealed))).toBe(true);
    expect(sha256(original)).toBe(getRequestDetail(office.session, ref).provenance.sealedSha256);
    const inline = readAttachmentInline(office.session, { ...ref, path: "attachments/note.bin" });
    expect(Buffer.from(inline.base64, "base64").equals(Buffer.from(note))).toBe(true);
    expect(office.session.store.audit.listAudit().slice(-2)).toMatchObject([
      { action: "request.original-exported", details: { sealedSha256: sha256(original), bytes: original.length } },
      { action: "attachment.viewed", details: { path: "attachments/note.bin", bytes: note.length } },
    ]);
  });

  it("keeps a large bundle as one content-named file that the office's age identity cannot open", async () => {
    const office = openTestOffice();
    const big = deterministicBytes("big", 3 * 1024 * 1024 + 123);
    const small = deterministicBytes("small", 20_000);
    const { sealed, ref } = await importWith(office, [
      { name: "big.bin", bytes: big },
      { name: "small.bin", bytes: small },
    ]);
    const files = keptFiles(office);
    expect(files).toEqual([expect.stringMatching(/^[0-9a-f]{64}\.age$/)]);
    const kept = readFileSync(join(evidenceDir(office.storeDir), files[0] ?? ""));
    expect(kept.subarray(0, 60).toString("latin1")).toMatch(/^age-encryption\.org\/v1\n-> counterseal-store-v1 /);
    expect(kept.includes(Buffer.from(small.subarray(0, 64)))).toBe(false);

    // The office's identity (which other machines of the office may hold) opens the original, not the kept file.
    const identityFile = join(office.dir, "office.agekey");
    writeFileSync(identityFile, `${officeIdentities(office.session).join("\n")}\n`);
    const keptCopy = join(office.dir, "kept.age");
    writeFileSync(keptCopy, kept);
    expect(() => execFileSync("age", ["-d", "-i", identityFile, keptCopy], { stdio: "pipe" })).toThrow();
    await expect(async () => {
      for await (const piece of decryptAge([kept], officeIdentities(office.session))) void piece;
    }).rejects.toThrow(/none of our 1 age identities/);

    const original = await exported(office, ref);
    expect(original.equals(readFileSync(sealed))).toBe(true);
    const exportedCopy = join(office.dir, "exported-check.sealed");
    writeFileSync(exportedCopy, original);
    const tar = execFileSync("age", ["-d", "-i", identityFile, exportedCopy], { maxBuffer: 64 * 1024 * 1024 });
    expect(tar.includes(Buffer.from(small))).toBe(true);
  });

  it("reads a small attachment of a large bundle, and streams a large one to a file, from their places", async () => {
    const office = openTestOffice();
    const big = deterministicBytes("big", 2 * 1024 * 1024 + 7);
    const small = deterministicBytes("small", 20_000);
    const { ref } = await importWith(office, [
      { name: "big.bin", bytes: big },
      { name: "small.bin", bytes: small },
    ]);
    const inline = readAttachmentInline(office.session, { ...ref, path: "attachments/small.bin" });
    expect(Buffer.from(inline.base64, "base64").equals(Buffer.from(small))).toBe(true);
    const out = join(office.dir, "big.bin");
    expect(await saveAttachment(office.session, { ...ref, path: "attachments/big.bin" }, { path: out, replaceExisting: false })).toEqual({ bytes: big.length, name: "big.bin" });
    expect(readFileSync(out).equals(Buffer.from(big))).toBe(true);
  });

  it("writes an armored original back byte for byte, armor and all", async () => {
    const office = openTestOffice();
    for (const size of [1_000, 400_000]) {
      const { sealed, ref } = await importWith(office, [{ name: `a-${size}.bin`, bytes: deterministicBytes(`armored-${size}`, size) }], true);
      expect(readFileSync(sealed, "latin1").startsWith("-----BEGIN AGE ENCRYPTED FILE-----")).toBe(true);
      const original = await exported(office, ref);
      expect(original.equals(readFileSync(sealed)), `armored bundle with ${size} bytes`).toBe(true);
      office.session.store.requests.deleteCase(office.session.actor, office.session.store.requests.getRequest(ref.authority, ref.id)?.caseId ?? "");
    }
  });

  it("keeps an armored original with CRLF line ends and surrounding whitespace byte for byte", async () => {
    const office = openTestOffice();
    const { sealed: lf } = { sealed: await office.seal({ armor: true }) };
    const crlf = join(office.dir, "crlf.sealed");
    writeFileSync(crlf, Buffer.from(`\n  \n${readFileSync(lf, "latin1").replace(/\n/g, "\r\n")}\r\n\t\n`, "latin1"));
    const outcome = await importBundleFile(office.session, crlf);
    expect(outcome).toMatchObject({ status: "imported" });
    if (outcome.status !== "imported") return;
    const original = await exported(office, outcome);
    expect(original.equals(readFileSync(crlf))).toBe(true);
  });

  it("refuses an armored file whose lines mix LF and CRLF, which cannot be kept byte for byte, storing nothing", async () => {
    const office = openTestOffice();
    const lf = await office.seal({ armor: true });
    const mixed = join(office.dir, "mixed.sealed");
    const lines = readFileSync(lf, "latin1").split("\n");
    writeFileSync(mixed, Buffer.from(lines.map((line, i) => (i === 1 ? `${line}\r` : line)).join("\n"), "latin1"));
    expect(await importBundleFile(office.session, mixed)).toMatchObject({ status: "refused", code: "age-invalid", message: expect.stringMatching(/lines do not all end alike/) });
    expect(office.session.store.requests.listAllRevisions({ limit: 10, offset: 0 })).toEqual([]);
  });
});
