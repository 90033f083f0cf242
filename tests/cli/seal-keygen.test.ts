// `counterseal seal` (its refusals, and a seal → import → show round trip) and `counterseal keygen`.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  cliOk,
  expectExit,
  identityOf,
  importJson,
  initStore,
  pdfLikeBytes,
  runCli,
  sha256Hex,
  writeJson,
} from "../helpers/cli.js";
import { suiteTempFolder } from "../helpers/temp.js";
import { SAMPLE_AUTHORITY, sampleRequest } from "../helpers/sample-request.js";
import { stockAgeKeygen, stockMinisignKeygen, type StockAgeKey, type StockMinisignKey } from "../helpers/stock-tools.js";

describe.concurrent("counterseal seal and keygen (independent, side by side)", () => {
  describe("counterseal seal refuses bad input and writes nothing", () => {
    const temp = suiteTempFolder("cli-seal-refusals");
    const path = (name: string) => join(temp.dir, name);
    let key: StockMinisignKey;
    let office: StockAgeKey;
    beforeAll(() => {
      key = stockMinisignKeygen(temp.dir);
      office = stockAgeKeygen(temp.dir);
      writeFileSync(path("order.pdf"), pdfLikeBytes("seal-refusals", 2000));
      writeFileSync(path("extra.txt"), "not listed\n");
      writeJson(path("plain.json"), sampleRequest());
      writeJson(path("lists-order.json"), sampleRequest({ attachments: [{ path: "attachments/order.pdf", title: "Order", mediaType: "application/pdf" }] }));
      writeJson(path("unknown-field.json"), sampleRequest({ colour: "blue" }));
    });
    afterAll(() => temp.remove());

    it("an attachment not listed, listed but not given, or given twice exits 1 naming it; bad input exits 1 or 2", async () => {
      const seal = (request: string, out: string, ...more: string[]) =>
        runCli(["seal", "--request", path(request), "--key", key.secretKeyFile, "--to", office.recipient, "--out", path(out), ...more]);
      const [unlisted, notGiven, twice, badDocument, badRecipient, noRecipient] = await Promise.all([
        seal("plain.json", "unlisted.sealed", "--attach", path("extra.txt")),
        seal("lists-order.json", "not-given.sealed"),
        seal("lists-order.json", "twice.sealed", "--attach", path("order.pdf"), "--attach", path("order.pdf")),
        seal("unknown-field.json", "bad-document.sealed"),
        seal("plain.json", "bad-recipient.sealed", "--to", "age1notarecipient"),
        runCli(["seal", "--request", path("plain.json"), "--key", key.secretKeyFile, "--out", path("no-recipient.sealed")]),
      ]);
      expectExit(unlisted, 1);
      expect(unlisted.stderr).toMatch(/extra\.txt.*"attachments\/extra\.txt"/);
      expectExit(notGiven, 1);
      expect(notGiven.stderr).toContain('"attachments/order.pdf"');
      expectExit(twice, 1);
      expect(twice.stderr).toMatch(/order\.pdf is given twice/);
      expectExit(badDocument, 1);
      expect(badDocument.stderr).toContain("colour");
      expectExit(badRecipient, 2);
      expect(badRecipient.stderr).toContain("age1notarecipient");
      expectExit(noRecipient, 2);
      expect(noRecipient.stderr).toMatch(/recipient/);
      for (const result of [unlisted, notGiven, twice, badDocument, badRecipient, noRecipient]) expect(result.stdout).toBe("");
      expect(readdirSync(temp.dir).filter((name) => name.includes(".sealed"))).toEqual([]);
    });
  });

  describe("counterseal seal → counterseal import", () => {
    const temp = suiteTempFolder("cli-seal-import");
    const storeDir = join(temp.dir, "store");
    afterAll(() => temp.remove());

    it("a sealed request with attachments imports, and show lists each attachment's size and sha256", async () => {
      await initStore(storeDir);
      const issuer = stockMinisignKeygen(temp.dir);
      const other = stockAgeKeygen(temp.dir, "other-office");
      const [recipient] = (await identityOf(storeDir)).ageRecipients;
      await cliOk(["--store", storeDir, "trust", "add", "--authority", SAMPLE_AUTHORITY.id, "--name", SAMPLE_AUTHORITY.name, "--country", "NL", "--minisign-key", issuer.publicKeyFile]);
      const pdf = pdfLikeBytes("seal-import");
      const note = Buffer.from("Übersetzung: siehe Anlage.\n", "utf8");
      writeFileSync(join(temp.dir, "order 2026-11.pdf"), pdf);
      writeFileSync(join(temp.dir, "note.txt"), note);
      const attachments = [
        { path: "attachments/order 2026-11.pdf", title: "Signed order", mediaType: "application/pdf" },
        { path: "attachments/note.txt", title: "Translator's note", mediaType: "text/plain" },
      ];
      const document = sampleRequest({ id: "SEAL-IMPORT-1", attachments });
      writeJson(join(temp.dir, "request.json"), document);
      const out = join(temp.dir, "out.sealed");

      const sealed = await cliOk([
        "seal", "--request", join(temp.dir, "request.json"), "--attach", join(temp.dir, "order 2026-11.pdf"), "--attach", join(temp.dir, "note.txt"),
        "--key", issuer.secretKeyFile, "--to", other.recipient, "--to", recipient ?? "", "--armor", "--out", out,
      ]);
      expect(sealed.stdout).toContain(`${SAMPLE_AUTHORITY.id}/SEAL-IMPORT-1/1`);
      expect(readFileSync(out, "latin1")).toMatch(/^-----BEGIN AGE ENCRYPTED FILE-----\r?\n/);

      const { result, lines } = await importJson(storeDir, [out]);
      expectExit(result, 0);
      expect(lines).toEqual([{ file: out, status: "imported", authority: SAMPLE_AUTHORITY.id, id: "SEAL-IMPORT-1", revision: 1 }]);
      const shown = await cliOk(["--store", storeDir, "show", `${SAMPLE_AUTHORITY.id}/SEAL-IMPORT-1/1`, "--json"]);
      const view = JSON.parse(shown.stdout) as { document: unknown; attachments: unknown[] };
      expect(view.document).toEqual(document);
      expect(view.attachments).toEqual(
        expect.arrayContaining([
          { ...attachments[0], size: pdf.length, sha256: sha256Hex(pdf) },
          { ...attachments[1], size: note.length, sha256: sha256Hex(note) },
        ]),
      );
      expect(view.attachments).toHaveLength(2);
    });
  });

  describe("counterseal keygen", () => {
    const temp = suiteTempFolder("cli-keygen");
    afterAll(() => temp.remove());

    it("-W writes PREFIX.key (mode 600) and PREFIX.pub; refuses to overwrite them unless --force", async () => {
      const prefix = join(temp.dir, "issuer");
      const made = await cliOk(["keygen", "--out", prefix, "-W"]);
      const pub = readFileSync(`${prefix}.pub`, "utf8");
      const keyId = /^untrusted comment: minisign public key ([0-9A-F]{1,16})\n[A-Za-z0-9+/]{56}\n$/.exec(pub)?.[1];
      expect(keyId).toBeDefined();
      expect(made.stdout).toContain(`key id ${keyId ?? "?"}`);
      expect(readFileSync(`${prefix}.key`, "utf8")).toMatch(/^untrusted comment: minisign (encrypted )?secret key\n[A-Za-z0-9+/]+=*\n$/);
      expect(statSync(`${prefix}.key`).mode & 0o777).toBe(0o600);

      const before = [readFileSync(`${prefix}.key`), readFileSync(`${prefix}.pub`)];
      const again = await runCli(["keygen", "--out", prefix, "-W"]);
      expectExit(again, 2);
      expect(again.stderr).toMatch(/exists.*--force/);
      expect([readFileSync(`${prefix}.key`), readFileSync(`${prefix}.pub`)]).toEqual(before);

      await cliOk(["keygen", "--out", prefix, "-W", "--force"]);
      expect(readFileSync(`${prefix}.pub`)).not.toEqual(before[1]);
    });

    it("without -W and without COUNTERSEAL_KEY_PASSWORD (no terminal), exits 2 and writes nothing", async () => {
      const prefix = join(temp.dir, "needs-password");
      const result = await runCli(["keygen", "--out", prefix], { env: { COUNTERSEAL_KEY_PASSWORD: undefined } });
      expectExit(result, 2);
      expect(result.stderr).toContain("COUNTERSEAL_KEY_PASSWORD");
      expect(existsSync(`${prefix}.key`) || existsSync(`${prefix}.pub`)).toBe(false);
    });
  });
});
