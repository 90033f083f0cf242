// The import pipeline end to end in-process: stored whole, duplicates, conflicts, revisions.
import { describe, expect, it } from "vitest";
import { importBundleFile } from "../../electron/core/bundles/import-bundle.js";
import { getRequestDetail } from "../../electron/core/requests/requests-service.js";
import { readAttachmentInline } from "../../electron/core/requests/attachments-service.js";
import { openTestOffice } from "../helpers/office.js";
import { sampleRequest } from "../helpers/sample-request.js";

const pdf = new TextEncoder().encode("%PDF-1.4\n% a tiny test document\n%%EOF\n");

describe("importBundleFile", () => {
  it("stores the request, its attachment and its provenance", async () => {
    const office = openTestOffice();
    const document = sampleRequest({ attachments: [{ path: "attachments/order.pdf", title: "Signed order", mediaType: "application/pdf" }] });
    const file = await office.seal({ document, attachments: [{ name: "order.pdf", bytes: pdf }] });

    const outcome = await importBundleFile(office.session, file);

    expect(outcome).toEqual({ file, status: "imported", authority: "nl-om-rotterdam", id: "OM-RTM-2026-0117", revision: 1 });
    const view = getRequestDetail(office.session, { authority: "nl-om-rotterdam", id: "OM-RTM-2026-0117" });
    expect(view.document).toEqual(document);
    expect(view.attachments).toEqual([
      expect.objectContaining({ path: "attachments/order.pdf", mediaType: "application/pdf", size: pdf.byteLength }),
    ]);
    expect(view.provenance.signerKeyId).toMatch(/^[0-9A-F]{1,16}$/);
    expect(view.provenance.sealedSha256).toMatch(/^[0-9a-f]{64}$/);
    const content = readAttachmentInline(office.session, { authority: "nl-om-rotterdam", id: "OM-RTM-2026-0117", revision: 1, path: "attachments/order.pdf" });
    expect(Buffer.from(content.base64, "base64")).toEqual(Buffer.from(pdf));
  });

  it("reports the same bag sealed again (or armored) as a duplicate, storing nothing more", async () => {
    const office = openTestOffice();
    const first = await office.seal();
    expect((await importBundleFile(office.session, first)).status).toBe("imported");
    const auditBefore = office.session.store.audit.listAudit().length;

    const again = await office.seal({ armor: true });
    const outcome = await importBundleFile(office.session, again);

    expect(outcome).toMatchObject({ status: "duplicate", authority: "nl-om-rotterdam", id: "OM-RTM-2026-0117", revision: 1 });
    expect(office.session.store.audit.listAudit()).toHaveLength(auditBefore);
  });

  it("refuses another bundle under a stored revision with bundle-conflict", async () => {
    const office = openTestOffice();
    await importBundleFile(office.session, await office.seal());
    const [stored] = office.session.store.requests.listAllRevisions({ limit: 1, offset: 0 });
    const changed = await office.seal({ document: sampleRequest({ facts: "A different account of the facts." }) });

    const outcome = await importBundleFile(office.session, changed);

    expect(outcome).toMatchObject({ status: "refused", code: "bundle-conflict" });
    // The message names the bundle already holding that revision, so the reviewer can find it.
    expect(outcome.status === "refused" && outcome.message).toContain(`revision 1 is already stored from another bundle (digest ${stored?.bundleDigest})`);
  });

  it("links a higher revision to the same case", async () => {
    const office = openTestOffice();
    await importBundleFile(office.session, await office.seal());
    office.runtime.advance(60_000);
    await importBundleFile(office.session, await office.seal({ document: sampleRequest({ revision: 2, proportionality: "Narrowed to one month." }) }));

    const latest = getRequestDetail(office.session, { authority: "nl-om-rotterdam", id: "OM-RTM-2026-0117" });

    expect(latest.revision).toBe(2);
    expect(latest.revisions.map((revision) => revision.revision)).toEqual([1, 2]);
  });
});
