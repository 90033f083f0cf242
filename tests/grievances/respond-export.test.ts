// Responding to a grievance and exporting the response, checked with the stock tools: the
// response is signed once and never replaced; its verification copy verifies with `minisign -Vm`;
// its sealed reply opens with `age -d`, and its bag verifies with `minisign -V -H` and sha256sum;
// a reply to someone the keyring cannot seal to is refused before anything is written.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { encodePublicKey, generateMinisignKeyPair } from "../../electron/core/crypto/minisign.js";
import { exportGrievanceResponse } from "../../electron/core/grievances/grievance-export.js";
import { getGrievance, registerGrievance } from "../../electron/core/grievances/grievance-register.js";
import { respondToGrievance } from "../../electron/core/grievances/grievance-response.js";
import { addAuthorityKey } from "../../electron/core/keyring/keyring-service.js";
import { openTestOffice, type TestOffice } from "../helpers/office.js";
import { stockAgeKeygen, stockOpen } from "../helpers/stock-tools.js";
import { pdfText, signerOf, stockVerify, folded } from "../decisions/support.js";
import { letterGrievance } from "./fixtures.js";

let office: TestOffice;
let out: string;
beforeEach(() => {
  office = openTestOffice();
  out = join(office.dir, "export");
  mkdirSync(out);
});
afterEach(() => office.session.store.close());

const REASONS = "Zakres był właściwy, lecz osoby nie powiadomiono do 2026-11-01, jak wymagała decyzja.";

function answer(id = "G-2026-0001") {
  return respondToGrievance(office.session, { id, outcome: "partly-upheld", remedies: ["notification", "deletion"], reasons: REASONS });
}

/** A provider in the keyring with an age recipient whose identity the test holds. */
function providerInKeyring(): { identityFile: string } {
  const age = stockAgeKeygen(office.dir, "provider");
  addAuthorityKey(office.session, {
    authorityId: "pl-provider",
    name: "Dostawca Sp. z o.o.",
    country: "PL",
    minisignPublicKey: encodePublicKey(generateMinisignKeyPair(office.runtime.ids.randomBytes)),
    ageRecipient: age.recipient,
  });
  return { identityFile: age.identityFile };
}

describe("responding to a grievance", () => {
  it("signs the response once, stores it, and meets the deadline's clock", () => {
    registerGrievance(office.session, letterGrievance());
    const view = answer();
    expect(view.clock).toBe("met");
    expect(view.response).toMatchObject({ id: "G-2026-0001-R", outcome: "partly-upheld", remedies: ["notification", "deletion"], reasons: REASONS, reviewerKeyId: signerOf(office).signer.keyId });
    const row = office.session.store.audit.listAudit().at(-1);
    expect(row).toMatchObject({ action: "grievance.responded", details: { responseId: "G-2026-0001-R", outcome: "partly-upheld", sha256: view.response?.sha256 } });
    expect(row?.detailsJson).not.toContain("Zakres");

    expect(() => respondToGrievance(office.session, { id: "G-2026-0001", outcome: "dismissed", remedies: [], reasons: "Changed my mind." })).toThrow(
      expect.objectContaining({ code: "grievance-answered" }),
    );
    expect(getGrievance(office.session, "G-2026-0001").response?.outcome).toBe("partly-upheld");
  });

  it.each([
    ["a dismissal ordering a remedy", { outcome: "dismissed", remedies: ["deletion"] }, /\$\.remedies: a dismissed grievance orders no remedies/],
    ["an upheld grievance ordering nothing", { outcome: "upheld", remedies: [] }, /\$\.remedies: a grievance that is upheld orders at least one remedy/],
    ["empty reasons", { outcome: "dismissed", remedies: [], reasons: " " }, /\$\.reasons/],
    ["the grievance's own id", { outcome: "dismissed", remedies: [], responseId: "G-2026-0001" }, /\$\.id/],
  ] as const)("refuses %s, naming the field, and signs and stores nothing", (_label, args, message) => {
    registerGrievance(office.session, letterGrievance());
    const before = office.session.store.audit.listAudit().length;
    expect(() => respondToGrievance(office.session, { id: "G-2026-0001", reasons: "Because.", ...args, remedies: [...args.remedies] })).toThrow(
      expect.objectContaining({ code: "grievance-invalid", message: expect.stringMatching(message) }),
    );
    expect(getGrievance(office.session, "G-2026-0001").response).toBeNull();
    expect(office.session.store.audit.listAudit()).toHaveLength(before);
  });

  it("refuses a grievance the register does not hold", () => {
    expect(() => answer("G-404")).toThrow(expect.objectContaining({ code: "grievance-not-found" }));
  });
});

describe("exporting a response", () => {
  it("writes a verification copy that the stock minisign verifies, with a PDF that prints the names", async () => {
    registerGrievance(office.session, letterGrievance());
    const sha256 = answer().response?.sha256;
    const result = await exportGrievanceResponse(office.session, "G-2026-0001", out, { seal: false });

    expect(readdirSync(out).sort()).toEqual(["G-2026-0001-R.json", "G-2026-0001-R.json.minisig", "G-2026-0001-R.pdf"]);
    expect(result).toEqual({ files: [join(out, "G-2026-0001-R.json"), join(out, "G-2026-0001-R.json.minisig"), join(out, "G-2026-0001-R.pdf")], sealedTo: null, sha256 });
    const stock = stockVerify(join(out, "G-2026-0001-R.json"), signerOf(office).publicKeyLine);
    expect(stock.status, stock.stderr).toBe(0);
    expect(stock.stdout).toContain(`counterseal grievance-response G-2026-0001-R sha256:${sha256}`);
    const text = folded(pdfText(join(out, "G-2026-0001-R.pdf")));
    expect(text).toContain("Анна Müller-Wójcik");
    expect(text).toContain("Zakres był właściwy");
    expect(office.session.store.audit.listAudit().at(-1)).toMatchObject({ action: "document.exported", details: { kind: "grievance-response", id: "G-2026-0001-R", sha256, sealedTo: null } });
  });

  it("seals the reply to the complainant's keyring entry; the stock age, tar, minisign and sha256sum open and verify it", async () => {
    const provider = providerInKeyring();
    registerGrievance(office.session, letterGrievance({ complainant: { kind: "provider", name: "Dostawca Sp. z o.o." } }), { replyTo: "pl-provider" });
    answer();
    const result = await exportGrievanceResponse(office.session, "G-2026-0001", out, { seal: true });
    expect(result.sealedTo).toBe("pl-provider");

    const publicKeyFile = join(office.dir, "reviewer.pub");
    writeFileSync(publicKeyFile, `untrusted comment: reviewer\n${signerOf(office).publicKeyLine}\n`);
    const bag = stockOpen(join(out, "G-2026-0001-R.sealed"), provider.identityFile, join(office.dir, "opened"), publicKeyFile);
    const inside = readFileSync(join(bag, "data", "grievance-response.json"));
    expect(inside.equals(readFileSync(join(out, "G-2026-0001-R.json")))).toBe(true);
    expect(readFileSync(join(bag, "bag-info.txt"), "utf8")).toMatch(/^Bundle-Type: grievance-response$[\s\S]*^External-Identifier: pl-provider\/G-2026-0001-R\/1$/m);
    // The copy inside the bag verifies on its own too, against the signature carried beside it.
    const document = join(bag, "data", "grievance-response.json");
    const signature = join(bag, "data", "attachments", "G-2026-0001-R.json.minisig");
    const stock = spawnSync("minisign", ["-Vm", document, "-x", signature, "-P", signerOf(office).publicKeyLine], { encoding: "utf8" });
    expect(stock.status, stock.stderr).toBe(0);
    expect(readdirSync(join(bag, "data", "attachments")).sort()).toEqual(["G-2026-0001-R.json.minisig", "G-2026-0001-R.pdf"]);
  });

  it("refuses to seal to a complainant not in the keyring, or with no age recipient, and writes nothing", async () => {
    registerGrievance(office.session, letterGrievance());
    answer();
    await expect(exportGrievanceResponse(office.session, "G-2026-0001", out, { seal: true })).rejects.toMatchObject({ code: "no-reply-recipient", message: expect.stringContaining("verification copy") });
    addAuthorityKey(office.session, { authorityId: "pl-ngo", name: "Fundacja", country: "PL", minisignPublicKey: encodePublicKey(generateMinisignKeyPair(office.runtime.ids.randomBytes)) });
    registerGrievance(office.session, letterGrievance({ id: "G-2026-0002" }), { replyTo: "pl-ngo" });
    answer("G-2026-0002");
    await expect(exportGrievanceResponse(office.session, "G-2026-0002", out, { seal: true })).rejects.toMatchObject({ code: "no-reply-recipient", message: expect.stringContaining("pl-ngo") });
    expect(readdirSync(out)).toEqual([]);
    expect(office.session.store.audit.listAudit().some((row) => row.action === "document.exported")).toBe(false);
  });

  it("refuses an unanswered grievance, and never writes over a file already there", async () => {
    registerGrievance(office.session, letterGrievance());
    await expect(exportGrievanceResponse(office.session, "G-2026-0001", out, { seal: false })).rejects.toMatchObject({ code: "grievance-unanswered" });
    answer();
    writeFileSync(join(out, "G-2026-0001-R.pdf"), "mine");
    await expect(exportGrievanceResponse(office.session, "G-2026-0001", out, { seal: false })).rejects.toMatchObject({ code: "export-target-exists" });
    expect(readdirSync(out)).toEqual(["G-2026-0001-R.pdf"]);
    expect(readFileSync(join(out, "G-2026-0001-R.pdf"), "utf8")).toBe("mine");
    expect(existsSync(join(out, "G-2026-0001-R.json"))).toBe(false);
  });
});
