// `auditor import` on real stores: an office's pack into a committee's auditor store, re-checked
// (frame, draw, decision signatures, audit excerpts) and stored in one transaction; every refusal
// names its fault and stores nothing, including packs re-signed by the office after tampering.
import { createHash } from "node:crypto";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { reviewerSigner } from "../../electron/core/decisions/reviewer-key.js";
import { importAuditPack } from "../../electron/core/auditor/pack-import.js";
import { openAuditPack } from "../../electron/core/auditor/pack-reader.js";
import { sealBundle } from "../../electron/core/bundles/seal-bundle.js";
import { sealPack, PACK_DOCUMENT } from "../../electron/core/sampling/pack-seal.js";
import type { Session } from "../../electron/core/session/session.js";
import { SAMPLE_AUTHORITY, sampleRequest } from "../helpers/sample-request.js";
import { stockAgeKeygen } from "../helpers/stock-tools.js";
import { decidedOffice, makePack, openAuditorStore, trustOffice, type AuditorStore, type DecidedOffice } from "./auditor-fixture.js";

const open: Session[] = [];
afterEach(() => {
  for (const session of open.splice(0)) if (session.store.isOpen) session.store.close();
});

async function setup(): Promise<{ office: DecidedOffice; auditor: AuditorStore; file: string }> {
  const office = await decidedOffice();
  const auditor = openAuditorStore();
  open.push(office.session, auditor.session);
  const pack = await makePack(office, auditor.recipient, { purposive: [{ reason: "long-running-measure", reference: "nl-om-rotterdam/AUD-2026-004/1" }] });
  return { office, auditor, file: pack.file };
}

/** data/audit-pack.json as a tampering test edits it. */
interface PackJson {
  id: string;
  draw: { sample: string[]; spares: string[]; strata: { sample: string[] }[]; frameHash: string };
  cases: { audit: string; decisions: { document: string; sha256: string }[] }[];
  frame: { references: string };
}

/** What the auditor store holds: its packs and its audit head. */
const held = (auditor: AuditorStore) => ({ packs: auditor.session.store.auditPacks.listPacks().length, head: auditor.session.store.audit.auditHead() });

async function refusal(auditor: AuditorStore, file: string): Promise<{ code: string; message: string }> {
  try {
    await importAuditPack(auditor.session, file);
  } catch (error) {
    return { code: (error as { code?: string }).code ?? String(error), message: (error as Error).message };
  }
  return { code: "no error", message: "" };
}

/** The pack opened, changed by `mutate`, and sealed and signed again with the office's own key, as a dishonest office could. */
async function tampered(office: DecidedOffice, auditor: AuditorStore, file: string, mutate: (files: Map<string, Uint8Array>, document: PackJson) => void): Promise<string> {
  const opened = await openAuditPack(auditor.session, file);
  const files = new Map(opened.files);
  const document = JSON.parse(new TextDecoder().decode(files.get(PACK_DOCUMENT)));
  mutate(files, document);
  files.set(PACK_DOCUMENT, new TextEncoder().encode(JSON.stringify(document)));
  const payload = [{ path: PACK_DOCUMENT, bytes: files.get(PACK_DOCUMENT) ?? new Uint8Array() }, ...[...files].filter(([path]) => path !== PACK_DOCUMENT).map(([path, bytes]) => ({ path, bytes }))];
  const sealed = await sealPack({ packId: document.id, files: payload, office: "Test Office", signer: reviewerSigner(office.session).key, recipients: [auditor.recipient], now: office.runtime.clock.now() });
  const out = join(office.dir, `tampered-${Math.random().toString(36).slice(2)}.sealed`);
  writeFileSync(out, sealed.bytes);
  return out;
}

describe("auditor import", () => {
  it("stores the pack with its cases and verified decisions in one transaction, then answers duplicate", async () => {
    const { auditor, file } = await setup();
    const before = auditor.session.store.audit.auditHead().seq;
    expect(await refusal(auditor, file)).toMatchObject({ code: "audit-pack-refused", message: expect.stringContaining("not in this store's keyring") });
    expect(held(auditor).head.seq).toBe(before);
    trustOffice(auditor, open[0] as Session);
    const imported = await importAuditPack(auditor.session, file);
    expect(imported).toMatchObject({ status: "imported", office: "Test Office", population: 6, sample: 3, purposive: 1, decisionsVerified: 5 });
    const cases = auditor.session.store.auditPacks.casesOf(imported.id);
    expect(cases.map((each) => [each.reference, each.selection, each.purposiveReason])).toEqual([
      ["nl-om-rotterdam/AUD-2026-002/1", "sample", null],
      ["nl-om-rotterdam/AUD-2026-001/1", "sample", null],
      ["nl-om-rotterdam/AUD-2026-003/1", "sample", null],
      ["nl-om-rotterdam/AUD-2026-004/1", "purposive", "long-running-measure"],
    ]);
    expect(auditor.session.store.auditPacks.decisionsOf(imported.id).map((decision) => [decision.id, decision.current])).toEqual([
      ["D-2026-001", true],
      ["D-2026-002", true],
      ["D-2026-003", true],
      ["D-2026-004", false],
      ["D-2026-004b", true],
    ]);
    const last = auditor.session.store.audit.listAudit().at(-1);
    expect(last).toMatchObject({ action: "audit-pack.imported", objectId: imported.id, details: { bundleDigest: imported.bundleDigest, frameHash: imported.frameHash, cases: 4 } });
    const head = auditor.session.store.audit.auditHead();
    expect(await importAuditPack(auditor.session, file)).toMatchObject({ status: "duplicate", id: imported.id });
    expect(auditor.session.store.audit.auditHead()).toEqual(head);
  });

  it("refuses a pack sealed to someone else, and any store that is not an auditor's", async () => {
    const { office, auditor } = await setup();
    trustOffice(auditor, office.session);
    const other = await makePack(office, stockAgeKeygen(office.dir, "stranger").recipient, { id: "AP-STRANGER" });
    const before = held(auditor);
    expect(await refusal(auditor, other.file)).toMatchObject({ code: "audit-pack-refused", message: expect.stringContaining("does not open with this store's age identities") });
    expect(held(auditor)).toEqual(before);
    await expect(importAuditPack(office.session, other.file)).rejects.toMatchObject({ code: "not-an-auditor-store" });
    // A request bundle sealed to the auditor and signed by a trusted key is still no pack.
    const request = await sealBundle({
      bundleType: "request",
      documentBytes: new TextEncoder().encode(JSON.stringify(sampleRequest({ id: "NOT-A-PACK" }))),
      identifier: { authority: SAMPLE_AUTHORITY.id, id: "NOT-A-PACK", revision: 1 },
      sourceOrganization: "Test Office",
      attachments: [],
      signer: reviewerSigner(office.session).key,
      recipients: [auditor.recipient],
      armor: true,
      now: office.runtime.clock.now(),
    });
    const chunks: Uint8Array[] = [];
    for await (const chunk of request) chunks.push(chunk);
    const requestFile = join(office.dir, "request-to-auditor.sealed");
    writeFileSync(requestFile, Buffer.concat(chunks));
    expect(await refusal(auditor, requestFile)).toMatchObject({ code: "audit-pack-refused", message: expect.stringContaining("Bundle-Type request; an auditor imports audit-pack bundles") });
    expect(await refusal(auditor, join(office.dir, "missing.sealed"))).toMatchObject({ code: "audit-pack-refused", message: expect.stringContaining("there is no such file") });
    expect(held(auditor)).toEqual(before);
  });

  it("refuses, naming the fault, packs the office re-signed after changing the draw, a decision, an excerpt or the frame", async () => {
    const { office, auditor, file } = await setup();
    trustOffice(auditor, office.session);
    const before = held(auditor);
    const cases: [string, (files: Map<string, Uint8Array>, document: PackJson) => void, RegExp][] = [
      ["a spare swapped into the sample", (_files, document) => {
        const spare = document.draw.spares[0] ?? "";
        document.draw.sample[0] = spare;
        (document.draw.strata[0] ?? { sample: [] }).sample[0] = spare;
      }, /sample drawn again from the frame and seed .* is not the plan's sample/],
      ["a case left out", (_files, document) => {
        document.cases.splice(1, 1);
      }, /cases are not exactly the plan's sample followed by its purposive picks/],
      ["a decision rewritten (its digest updated)", (files, document) => {
        const decision = document.cases[0]?.decisions[0] ?? { document: "", sha256: "" };
        const bytes = new TextEncoder().encode(new TextDecoder().decode(files.get(decision.document)).replace('"authorised"', '"refused"'));
        files.set(decision.document, bytes);
        decision.sha256 = createHash("sha256").update(bytes).digest("hex");
      }, /decisions\/D-2026-002\.json: the signature does not match the file/],
      ["an excerpt row's details changed", (files, document) => {
        const path = document.cases[1]?.audit ?? "";
        files.set(path, new TextEncoder().encode(new TextDecoder().decode(files.get(path)).replace('"newCase":true', '"newCase":false')));
      }, /audit\.jsonl line 1 \(seq \d+\): its details do not match its details digest/],
      ["a case dropped from the frame", (files, document) => {
        const lines = new TextDecoder().decode(files.get(document.frame.references)).split("\n");
        const frame = new TextEncoder().encode(lines.slice(1).join("\n"));
        files.set(document.frame.references, frame);
        document.draw.frameHash = createHash("sha256").update(frame).digest("hex");
      }, /lists 5 references; the plan says the population is 6/],
    ];
    for (const [what, mutate, message] of cases) {
      const result = await refusal(auditor, await tampered(office, auditor, file, mutate));
      expect(result.code, what).toBe("audit-pack-refused");
      expect(result.message, what).toMatch(message);
      expect(held(auditor), what).toEqual(before);
    }
  });
});
