// A grievance imported as a sealed bundle (Bundle-Type `grievance`) through the one import path:
// registered exactly as one from a letter (deadline, links to the request both ways), with source
// `bundle`, its signer recorded and its sender as where a sealed response goes. Any keyring entry
// may sign one (an authority, a reviewer, a committee), if its key is usable and its entry id is
// the sender External-Identifier names; every other bundle is refused with its code, nothing stored.
import { afterEach, describe, expect, it } from "vitest";
import { importBundleFile } from "../../electron/core/bundles/import-bundle.js";
import { encodePublicKey, formatKeyId, generateMinisignKeyPair } from "../../electron/core/crypto/minisign.js";
import { toHex } from "../../electron/core/crypto/bytes.js";
import { getGrievance, registerGrievance } from "../../electron/core/grievances/grievance-register.js";
import { addAuthorityKey, revokeAuthorityKey } from "../../electron/core/keyring/keyring-service.js";
import { getRequestDetail } from "../../electron/core/requests/requests-service.js";
import { listStoreClocks } from "../../electron/core/review/review-clocks.js";
import { forgeBag } from "../helpers/bundle-forge.js";
import { encryptTo, tarBag } from "../helpers/forge-layers.js";
import { openTestOffice, type TestOffice } from "../helpers/office.js";
import { SAMPLE_AUTHORITY } from "../helpers/sample-request.js";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { letterGrievance } from "./fixtures.js";
import type { MinisignKeyPair } from "../../electron/core/crypto/minisign.js";

let office: TestOffice;
afterEach(() => office.session.store.close());

const grievanceDocument = (overrides: Record<string, unknown> = {}) => ({ schema: "counterseal.grievance/1", ...letterGrievance(), ...overrides });

let sealed = 0;
async function sealGrievance(options: { signer?: MinisignKeyPair; sender?: string; document?: Record<string, unknown>; attachments?: { name: string; bytes: Uint8Array }[] } = {}): Promise<string> {
  const document = options.document ?? grievanceDocument();
  const bag = forgeBag({
    signer: options.signer ?? office.issuer,
    now: office.runtime.clock.now(),
    bundleType: "grievance",
    document,
    externalIdentifier: `${options.sender ?? SAMPLE_AUTHORITY.id}/${String(document["id"])}/1`,
    ...(options.attachments && { attachments: options.attachments }),
  });
  const file = join(office.dir, `grievance-${++sealed}.sealed`);
  writeFileSync(file, await encryptTo(await tarBag(bag), [office.recipient], office.runtime.ids.randomBytes, false));
  return file;
}

const refusedWith = async (file: string) => {
  const before = office.session.store.grievances.listGrievances().length;
  const outcome = await importBundleFile(office.session, file);
  expect(office.session.store.grievances.listGrievances().length).toBe(before);
  return outcome;
};

describe("importing a grievance bundle", () => {
  it("registers it as a letter's grievance is registered, linked both ways, with source bundle and its signer", async () => {
    office = openTestOffice();
    expect((await importBundleFile(office.session, await office.seal())).status).toBe("imported");
    const file = await sealGrievance();
    expect(await importBundleFile(office.session, file)).toEqual({ file, status: "imported", authority: SAMPLE_AUTHORITY.id, id: "G-2026-0001", revision: 1, bundleType: "grievance" });

    const view = getGrievance(office.session, "G-2026-0001");
    expect(view).toMatchObject({ source: "bundle", received: "2026-11-18", clock: "running", linkedCase: { authority: SAMPLE_AUTHORITY.id, id: "OM-RTM-2026-0117" }, replyTo: SAMPLE_AUTHORITY.id, response: null });
    expect(view.signer).toEqual({ entry: SAMPLE_AUTHORITY.id, keyId: formatKeyId(office.issuer.keyId) });
    // The same deadline a letter received that day gets, in another store with the same settings.
    const letterOffice = openTestOffice();
    try {
      const fromLetter = registerGrievance(letterOffice.session, letterGrievance());
      expect(view.respondBy).toBe(fromLetter.respondBy);
      expect(fromLetter).toMatchObject({ source: "letter", signer: null });
    } finally {
      letterOffice.session.store.close();
    }
  });

  it("links the request's page back, records the signer in the store and the audit row, and a second import is a duplicate", async () => {
    office = openTestOffice();
    await importBundleFile(office.session, await office.seal());
    const file = await sealGrievance();
    await importBundleFile(office.session, file);
    expect(getRequestDetail(office.session, { authority: SAMPLE_AUTHORITY.id, id: "OM-RTM-2026-0117" }).grievances.map((each) => each.id)).toEqual(["G-2026-0001"]);
    // Its response deadline joins the store's clocks.
    expect(listStoreClocks(office.session)).toContainEqual(expect.objectContaining({ kind: "grievance-response", grievance: "G-2026-0001" }));
    const stored = office.session.store.grievances.getGrievance("G-2026-0001");
    expect(stored?.signerKeyId && formatKeyId(stored.signerKeyId)).toBe(formatKeyId(office.issuer.keyId));
    expect(stored?.bundleDigest).toMatch(/^[0-9a-f]{64}$/);
    const row = office.session.store.audit.listAudit().filter((each) => each.action === "grievance.registered").at(-1);
    expect(row?.details).toMatchObject({ source: "bundle", signerKeyId: toHex(office.issuer.keyId), caseId: expect.any(String) });
    expect(await importBundleFile(office.session, file)).toMatchObject({ status: "duplicate", bundleType: "grievance", id: "G-2026-0001" });
  });

  it("takes one signed by a committee or a reviewer entry of the keyring, under that entry's id", async () => {
    office = openTestOffice();
    const committee = generateMinisignKeyPair(office.runtime.ids.randomBytes);
    addAuthorityKey(office.session, { authorityId: "sejm-komisja", kind: "committee", name: "Komisja", country: "PL", minisignPublicKey: encodePublicKey(committee) });
    const file = await sealGrievance({ signer: committee, sender: "sejm-komisja", document: grievanceDocument({ concerns: { kind: "unknown" } }) });
    expect(await importBundleFile(office.session, file)).toMatchObject({ status: "imported", authority: "sejm-komisja" });
    expect(getGrievance(office.session, "G-2026-0001")).toMatchObject({ source: "bundle", replyTo: "sejm-komisja", linkedCase: null });
  });

  it("refuses, storing nothing: an unknown key, a revoked one, a sender that is not the signer's entry, a broken document, an id already registered, an extra file", async () => {
    office = openTestOffice();
    const stranger = generateMinisignKeyPair(office.runtime.ids.randomBytes);
    expect(await refusedWith(await sealGrievance({ signer: stranger }))).toMatchObject({ status: "refused", code: "signer-unknown" });

    expect(await refusedWith(await sealGrievance({ sender: "fr-pnf" }))).toMatchObject({
      status: "refused",
      code: "signer-mismatch",
      message: expect.stringContaining(`belongs to authority "${SAMPLE_AUTHORITY.id}", but the bundle claims to come from "fr-pnf"`),
    });
    expect(await refusedWith(await sealGrievance({ document: grievanceDocument({ grounds: [] }) }))).toMatchObject({ status: "refused", code: "document-invalid", message: expect.stringContaining("$.grounds") });
    expect(await refusedWith(await sealGrievance({ document: grievanceDocument({ schema: "counterseal.grievance/2" }) }))).toMatchObject({ code: "document-invalid", message: expect.stringContaining("$.schema") });
    expect(await refusedWith(await sealGrievance({ attachments: [{ name: "letter.pdf", bytes: new Uint8Array([1, 2, 3]) }] }))).toMatchObject({ code: "document-invalid", message: expect.stringContaining("data/attachments/letter.pdf") });

    registerGrievance(office.session, letterGrievance());
    expect(await refusedWith(await sealGrievance())).toMatchObject({ code: "bundle-conflict", message: expect.stringContaining("entered from a letter") });

    const revoked = generateMinisignKeyPair(office.runtime.ids.randomBytes);
    addAuthorityKey(office.session, { authorityId: "ngo-panoptykon", name: "Panoptykon", country: "PL", minisignPublicKey: encodePublicKey(revoked) });
    revokeAuthorityKey(office.session, formatKeyId(revoked.keyId));
    expect(await refusedWith(await sealGrievance({ signer: revoked, sender: "ngo-panoptykon", document: grievanceDocument({ id: "G-2" }) }))).toMatchObject({ code: "signer-revoked" });
  });
});
