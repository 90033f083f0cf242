// sealed-bundle-v1, inbound: bundles made with tar, age and minisign ALONE (no Counterseal code)
// import with `counterseal import --json`. The issuer's key comes from `minisign -G -W`, the
// office's recipient from `counterseal identity --json`.
import { basename, dirname, join } from "node:path";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  cliOk,
  expectExit,
  identityOf,
  importJson,
  initStore,
  pdfLikeBytes,
  sha256Hex,
  stockRequestBundle,
  type StockBundleInput,
} from "../helpers/cli.js";
import { suiteTempFolder } from "../helpers/temp.js";
import { SAMPLE_AUTHORITY, sampleRequest } from "../helpers/sample-request.js";
import { stockAgeKeygen, stockMinisignKeygen, stockSeal, type StockAgeKey, type StockMinisignKey } from "../helpers/stock-tools.js";

describe.concurrent("bundles made by tar | age with minisign signatures import", () => {
  const temp = suiteTempFolder("interop-inbound");
  const storeDir = join(temp.dir, "store");
  let officeRecipient = "";
  let issuer: StockMinisignKey;
  let added: StockAgeKey;
  let stranger: StockAgeKey;
  const make = (id: string, input: Partial<StockBundleInput> & { overrides?: Record<string, unknown> } = {}) => {
    const { overrides, ...rest } = input;
    const out = join(temp.dir, `${id}.sealed`);
    const document = sampleRequest({ id, ...overrides });
    const bag = stockRequestBundle({ workDir: temp.dir, key: issuer, recipients: [officeRecipient], out, ...rest, document });
    return { out, bag, document };
  };
  const imported = (file: string, id: string) => ({ file, status: "imported", authority: SAMPLE_AUTHORITY.id, id, revision: 1 });

  beforeAll(async () => {
    await initStore(storeDir);
    officeRecipient = (await identityOf(storeDir)).ageRecipients[0] ?? "";
    issuer = stockMinisignKeygen(temp.dir, "issuer");
    added = stockAgeKeygen(temp.dir, "added-to-office");
    stranger = stockAgeKeygen(temp.dir, "stranger");
    await cliOk(["--store", storeDir, "trust", "add", "--authority", SAMPLE_AUTHORITY.id, "--name", SAMPLE_AUTHORITY.name, "--country", "NL", "--minisign-key", issuer.publicKeyFile]);
    await cliOk(["--store", storeDir, "identity", "add-age", added.identityFile]);
  });
  afterAll(() => temp.remove());

  it("binary age; the same bag re-armored or sealed to other recipients is the same bundle (duplicate)", async () => {
    const { out, bag, document } = make("STOCK-BINARY");
    expect(readFileSync(out).subarray(0, 22).toString("latin1")).toBe("age-encryption.org/v1\n");
    const first = await importJson(storeDir, [out]);
    expectExit(first.result, 0);
    expect(first.lines).toEqual([imported(out, "STOCK-BINARY")]);

    const armored = join(temp.dir, "STOCK-BINARY-armored.sealed");
    const resealed = join(temp.dir, "STOCK-BINARY-resealed.sealed");
    stockSeal(dirname(bag), basename(bag), [officeRecipient], armored, true);
    stockSeal(dirname(bag), basename(bag), [stranger.recipient, added.recipient], resealed);
    const again = await importJson(storeDir, [armored, resealed]);
    expectExit(again.result, 0);
    expect(again.lines.map((line) => [line.file, line.status])).toEqual([
      [armored, "duplicate"],
      [resealed, "duplicate"],
    ]);

    const shown = await cliOk(["--store", storeDir, "show", `${SAMPLE_AUTHORITY.id}/STOCK-BINARY`, "--json"]);
    expect((JSON.parse(shown.stdout) as { document: unknown }).document).toEqual(document);
  });

  it("ASCII-armored (age -a), and encrypted to two recipients (the office's either first or second)", async () => {
    const armored = make("STOCK-ARMOR", { armor: true });
    expect(readFileSync(armored.out, "latin1")).toMatch(/^-----BEGIN AGE ENCRYPTED FILE-----\n/);
    const officeSecond = make("STOCK-TWO-A", { recipients: [stranger.recipient, officeRecipient] });
    const officeFirst = make("STOCK-TWO-B", { recipients: [officeRecipient, stranger.recipient] });
    // Only to an identity the office added from an age-keygen file (`identity add-age`).
    const addedOnly = make("STOCK-ADDED", { recipients: [stranger.recipient, added.recipient], armor: true });
    const stanzas = (file: string) => (readFileSync(file, "latin1").match(/\n-> X25519 /g) ?? []).length;
    expect(stanzas(officeSecond.out)).toBe(2);
    expect(stanzas(officeFirst.out)).toBe(2);

    const files = [armored.out, officeSecond.out, officeFirst.out, addedOnly.out];
    const { result, lines } = await importJson(storeDir, files);
    expectExit(result, 0);
    expect(lines).toEqual([
      imported(armored.out, "STOCK-ARMOR"),
      imported(officeSecond.out, "STOCK-TWO-A"),
      imported(officeFirst.out, "STOCK-TWO-B"),
      imported(addedOnly.out, "STOCK-ADDED"),
    ]);
  });

  it("a PDF attachment and file names with spaces and non-ASCII letters, in GNU and pax tar formats", async () => {
    const pdf = pdfLikeBytes("interop-inbound");
    const scan = Buffer.from("Zeugenaussage, Seite 1\n", "utf8");
    const names = ["Beschluss vom 19.11.2026 – Ermittlungsrichter.pdf", "Zeugenaussage Müller (Übersetzung).txt"];
    const attachments = [
      { path: `attachments/${names[0] ?? ""}`, title: "Beschluss", mediaType: "application/pdf" },
      { path: `attachments/${names[1] ?? ""}`, title: "Zeugenaussage", mediaType: "text/plain" },
    ];
    const files = [
      { name: names[0] ?? "", bytes: pdf },
      { name: names[1] ?? "", bytes: scan },
    ];
    const gnu = make("STOCK-UNICODE-GNU", { overrides: { attachments }, attachments: files, root: "Ersuchen vom 20. November – Nr 1" });
    // pax: path names over 100 bytes travel in extended headers.
    const longRoot = `Rechtshilfeersuchen Staatsanwaltschaft München I – Aktenzeichen 123 Js 4567-26 – ${"ä".repeat(20)}`;
    const pax = make("STOCK-UNICODE-PAX", { overrides: { attachments }, attachments: files, root: longRoot, tarFormat: "pax" });
    expect(Buffer.byteLength(`${longRoot}/data/attachments/${names[0] ?? ""}`)).toBeGreaterThan(100);

    const { result, lines } = await importJson(storeDir, [gnu.out, pax.out]);
    expectExit(result, 0);
    expect(lines).toEqual([imported(gnu.out, "STOCK-UNICODE-GNU"), imported(pax.out, "STOCK-UNICODE-PAX")]);

    const shown = await cliOk(["--store", storeDir, "show", `${SAMPLE_AUTHORITY.id}/STOCK-UNICODE-PAX/1`, "--json"]);
    const view = JSON.parse(shown.stdout) as { attachments: unknown[] };
    expect(view.attachments).toEqual(
      expect.arrayContaining([
        { ...attachments[0], size: pdf.length, sha256: sha256Hex(pdf) },
        { ...attachments[1], size: scan.length, sha256: sha256Hex(scan) },
      ]),
    );
    expect(view.attachments).toHaveLength(2);
  });
});
