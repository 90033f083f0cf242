// Verification copies made with the reviewer's key from a real store: the JSON is the canonical
// bytes, the stock minisign verifies it and prints the trusted comment, the PDF shows what a
// court file needs and renders, and nothing already in the folder is overwritten.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { canonicalJsonBytes } from "../../electron/core/crypto/canonical-json.js";
import { encodePublicKey, formatKeyId, generateMinisignKeyPair } from "../../electron/core/crypto/minisign.js";
import { renderCopyPdf, writeVerificationCopy } from "../../electron/core/decisions/export-copy.js";
import { verifyCommand } from "../../electron/core/decisions/pdf/verification-block.js";
import { signDocument } from "../../electron/core/decisions/sign-document.js";
import { DocumentInvalidError } from "../../electron/core/decisions/signed-kinds.js";
import { ExportExistsError } from "../../electron/core/decisions/write-files.js";
import { openTestOffice, type TestOffice } from "../helpers/office.js";
import { tempFolder } from "../helpers/temp.js";
import { exampleCountersignature, exampleDecision, exampleGrievanceResponse, exampleRefusal, UNICODE_NAMES } from "./examples.js";
import { folded, pdfPageCount, pdfText, renderPages, signerOf, stockVerify } from "./support.js";

let office: TestOffice;
let out: string;

beforeEach(() => {
  office = openTestOffice();
  out = join(office.dir, "export");
  mkdirSync(out);
  return () => office.session.store.close();
});

describe("signing with the store's reviewer key", () => {
  it("exports a decision the stock minisign verifies, printing the trusted comment that names its id and digest", async () => {
    const { key, signer, publicKeyLine } = signerOf(office);
    const signed = signDocument("decision", exampleDecision(signer), key);
    const paths = await writeVerificationCopy(out, signed, { publicKeyLine });

    expect(readdirSync(out).sort()).toEqual(["D-2026-0001.json", "D-2026-0001.json.minisig", "D-2026-0001.pdf"]);
    const bytes = readFileSync(paths.json);
    expect(bytes.equals(Buffer.from(signed.bytes))).toBe(true);
    expect(bytes.equals(Buffer.from(canonicalJsonBytes(JSON.parse(bytes.toString("utf8")))))).toBe(true);
    const stock = stockVerify(paths.json, publicKeyLine);
    expect(stock.status, stock.stderr).toBe(0);
    expect(stock.stdout).toContain("Signature and comment signature verified");
    expect(stock.stdout).toContain(`Trusted comment: counterseal decision D-2026-0001 sha256:${signed.digest}`);
  });

  it("exports countersignatures and grievance responses the same way", async () => {
    const { key, signer, publicKeyLine } = signerOf(office);
    const decision = signDocument("decision", exampleDecision(signer, { countersignaturesRequired: true }), key);
    const colleagueKey = generateMinisignKeyPair(office.runtime.ids.randomBytes);
    const colleague = { name: "Νίκος Παπαδόπουλος", office: "Second Office", keyId: formatKeyId(colleagueKey.keyId) };
    const countersignature = signDocument("countersignature", exampleCountersignature(colleague, { id: decision.document.id, digest: decision.digest }), colleagueKey);
    const response = signDocument("grievance-response", exampleGrievanceResponse(signer), key);
    const copies = [
      { signed: countersignature, paths: await writeVerificationCopy(out, countersignature, { publicKeyLine: encodePublicKey(colleagueKey) }), line: encodePublicKey(colleagueKey) },
      { signed: response, paths: await writeVerificationCopy(out, response, { publicKeyLine }), line: publicKeyLine },
    ];
    for (const { signed, paths, line } of copies) {
      const stock = stockVerify(paths.json, line);
      expect(stock.status, stock.stderr).toBe(0);
      expect(stock.stdout).toContain(`Trusted comment: counterseal ${signed.kind} ${signed.document.id} sha256:${signed.digest}`);
    }
    expect(stockVerify(copies[0]?.paths.json ?? "", publicKeyLine).status).not.toBe(0);
  });

  it("never signs a document that breaks its schema, and names the field", () => {
    const { key, signer } = signerOf(office);
    expect(() => signDocument("decision", { ...exampleDecision(signer), reasons: {} }, key)).toThrow(/\$\.reasons\.legality: a reason is required/);
    expect(() => signDocument("decision", exampleDecision({ ...signer, keyId: "ABCDEF" }), key)).toThrow(DocumentInvalidError);
    expect(() => signDocument("decision", exampleDecision({ ...signer, keyId: "ABCDEF" }), key)).toThrow(`$.reviewer.keyId: names key ABCDEF, but the signing key is ${signer.keyId}`);
  });

  it("keeps a superseded decision verifiable beside the decision that supersedes it", async () => {
    const { key, signer, publicKeyLine } = signerOf(office);
    const first = signDocument("decision", exampleDecision(signer), key);
    const second = signDocument("decision", exampleRefusal(signer, first.document.id), key);
    const firstPaths = await writeVerificationCopy(out, first, { publicKeyLine });
    const secondPaths = await writeVerificationCopy(out, second, { publicKeyLine });
    expect(JSON.parse(readFileSync(secondPaths.json, "utf8"))).toMatchObject({ id: "D-2026-0002", supersedes: "D-2026-0001", outcome: "refused" });
    for (const [paths, signed] of [[firstPaths, first], [secondPaths, second]] as const) {
      const stock = stockVerify(paths.json, publicKeyLine);
      expect(stock.status, stock.stderr).toBe(0);
      expect(stock.stdout).toContain(`counterseal decision ${signed.document.id} sha256:${signed.digest}`);
    }
    expect(folded(pdfText(secondPaths.pdf))).toContain("Supersedes decision D-2026-0001");
  });
});

describe("writing the copy", () => {
  it("refuses to overwrite any of the three files and leaves the folder as it was", async () => {
    const { key, signer, publicKeyLine } = signerOf(office);
    const signed = signDocument("decision", exampleDecision(signer), key);
    writeFileSync(join(out, "D-2026-0001.pdf"), "a clerk's own file");
    await expect(writeVerificationCopy(out, signed, { publicKeyLine })).rejects.toThrow(ExportExistsError);
    await expect(writeVerificationCopy(out, signed, { publicKeyLine })).rejects.toThrow(/refusing to overwrite .*D-2026-0001\.pdf/);
    expect(readdirSync(out)).toEqual(["D-2026-0001.pdf"]);
    expect(readFileSync(join(out, "D-2026-0001.pdf"), "utf8")).toBe("a clerk's own file");
  });

  it("refuses a second export into the same folder, leaving the first intact and no temporary files", async () => {
    const { key, signer, publicKeyLine } = signerOf(office);
    const signed = signDocument("decision", exampleDecision(signer), key);
    const paths = await writeVerificationCopy(out, signed, { publicKeyLine });
    const before = readFileSync(paths.signature, "utf8");
    await expect(writeVerificationCopy(out, signed, { publicKeyLine })).rejects.toThrow(ExportExistsError);
    expect(readdirSync(out).sort()).toEqual(["D-2026-0001.json", "D-2026-0001.json.minisig", "D-2026-0001.pdf"]);
    expect(readFileSync(paths.signature, "utf8")).toBe(before);
  });

  it("refuses a folder that does not exist", async () => {
    const { key, signer, publicKeyLine } = signerOf(office);
    const signed = signDocument("decision", exampleDecision(signer), key);
    await expect(writeVerificationCopy(join(out, "missing"), signed, { publicKeyLine })).rejects.toThrow(/is not a folder/);
    expect(existsSync(join(out, "missing"))).toBe(false);
  });
});

describe("the PDF", () => {
  it("shows the outcome, the reference, the digest, the key and the exact verify command, and every page renders", async () => {
    const { key, signer, publicKeyLine } = signerOf(office);
    const signed = signDocument("decision", exampleDecision(signer), key);
    const paths = await writeVerificationCopy(out, signed, { publicKeyLine });
    const text = pdfText(paths.pdf);
    const flat = folded(text);
    expect(flat).toContain("Authorised with modifications (authorised-with-modifications)");
    expect(flat).toContain("nl-om-rotterdam / OM-RTM-2026-0117, revision 1");
    expect(text).toContain(`sha256:${signed.digest}`);
    expect(text).toContain(verifyCommand({ id: "D-2026-0001", publicKeyLine }));
    expect(flat).toContain(`minisign key ${signer.keyId}`);
    expect(flat).toContain("Status: Final");
    expect(flat).toContain("Purpose limitation: Only for the investigation");
    expect(flat).toContain("M3 NOT MET");
    expect(flat).toContain("Reviewer's note: Bounded by the grant");
    for (const name of UNICODE_NAMES) expect(text).toContain(name);

    const pages = pdfPageCount(paths.pdf);
    expect(pages).toBeGreaterThanOrEqual(1);
    const pngs = renderPages(paths.pdf, tempFolder());
    expect(pngs).toHaveLength(pages);
    for (const size of pngs) expect(size).toBeGreaterThan(1000);
  });

  it("shows a refusal's grounds and that nothing is granted", async () => {
    const { key, signer, publicKeyLine } = signerOf(office);
    const signed = signDocument("decision", exampleRefusal(signer, "D-2026-0001"), key);
    const text = folded(pdfText(pdfFile(await renderCopyPdf(signed, { publicKeyLine }))));
    expect(text).toContain("Refused (refused)");
    expect(text).toContain("Refusal grounds (checklist items): N9, M3");
    expect(text).toContain("Data categories subscriber, traffic nothing granted");
    expect(text).toContain("Status: Awaiting countersignature: not final");
  });

  it("prints Polish, Cyrillic and accented names in a grievance response", async () => {
    const { key, signer, publicKeyLine } = signerOf(office);
    const named = { ...signer, name: "Zofia Wójcik-Müller", office: "Urząd w Łódź" };
    const response = signDocument("grievance-response", exampleGrievanceResponse(named), key);
    const paths = await writeVerificationCopy(out, response, { publicKeyLine });
    const text = folded(pdfText(paths.pdf));
    for (const name of ["Zofia Wójcik-Müller", "Urząd w Łódź", "Анна Müller", "ul. Piotrkowska 1, 90-001 Łódź"]) expect(text).toContain(name);
    expect(text).toContain("Partly upheld (partly-upheld)");
    expect(text).toContain("Deletion of the data (deletion)");
  });

  it("says a four-eyes decision awaits its countersignature until one for these very bytes is there", async () => {
    const { key, signer, publicKeyLine } = signerOf(office);
    const colleagueKey = generateMinisignKeyPair(office.runtime.ids.randomBytes);
    const decision = signDocument("decision", exampleDecision(signer, { countersignaturesRequired: true }), key);
    const colleague = { name: "Иван Петров", office: "Second Office", keyId: formatKeyId(colleagueKey.keyId) };
    const countersignature = signDocument("countersignature", exampleCountersignature(colleague, { id: decision.document.id, digest: decision.digest }), colleagueKey);
    const ofOtherText = { ...countersignature.document, decision: { id: decision.document.id, digest: "f".repeat(64) } };

    const awaiting = folded(pdfText(pdfFile(await renderCopyPdf(decision, { publicKeyLine, countersignatures: [ofOtherText] }))));
    expect(awaiting).toContain("Status: Awaiting countersignature: not final");
    expect(awaiting).toContain("Countersignature: none received yet.");
    expect(awaiting).not.toContain("Иван Петров");

    const final = folded(pdfText(pdfFile(await renderCopyPdf(decision, { publicKeyLine, countersignatures: [countersignature.document] }))));
    expect(final).toContain("Status: Final");
    expect(final).toContain(`Иван Петров, Second Office; minisign key ${colleague.keyId}; countersigned at 2026-11-25T14:00:00Z`);
  });

  it("shows a letter the font lacks, or an invisible character, as its code point instead of dropping it", async () => {
    const { key, signer, publicKeyLine } = signerOf(office);
    const signed = signDocument("grievance-response", exampleGrievanceResponse({ ...signer, name: "東京 Ta\u200Bro" }), key);
    const text = folded(pdfText(pdfFile(await renderCopyPdf(signed, { publicKeyLine }))));
    expect(text).toContain("[U+6771][U+4EAC] Ta[U+200B]ro");
  });

  it("is the same bytes for the same document", async () => {
    const { key, signer, publicKeyLine } = signerOf(office);
    const signed = signDocument("decision", exampleDecision(signer), key);
    const first = await renderCopyPdf(signed, { publicKeyLine });
    const second = await renderCopyPdf(signed, { publicKeyLine });
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);
    expect(Buffer.from(first).toString("latin1")).toContain("/CreationDate (D:20261124103000Z)");
  });
});

function pdfFile(bytes: Uint8Array): string {
  const path = join(tempFolder(), "preview.pdf");
  writeFileSync(path, bytes);
  return path;
}
