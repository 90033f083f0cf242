// `counterseal export-original REF --out FILE` and `counterseal delete REF --yes`, fed with a
// bundle made by tar, age and minisign alone: the original comes back byte for byte (its
// SHA-256 the provenance's), and a deleted case is gone with its kept bundle.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cliOk, expectExit, identityOf, importJson, initStore, jsonLines, runCli, sha256Hex, stockRequestBundle } from "../helpers/cli.js";
import { suiteTempFolder } from "../helpers/temp.js";
import { SAMPLE_AUTHORITY, sampleRequest } from "../helpers/sample-request.js";
import { stockMinisignKeygen, type StockMinisignKey } from "../helpers/stock-tools.js";

describe("counterseal export-original and delete", () => {
  const temp = suiteTempFolder("cli-evidence");
  const storeDir = join(temp.dir, "store");
  const store = ["--store", storeDir];
  let recipient = "";
  let issuer: StockMinisignKey;
  const bundle = (id: string) => {
    const out = join(temp.dir, `${id}.sealed`);
    stockRequestBundle({ workDir: temp.dir, document: sampleRequest({ id }), key: issuer, recipients: [recipient], out });
    return out;
  };

  beforeAll(async () => {
    await initStore(storeDir);
    recipient = (await identityOf(storeDir)).ageRecipients[0] ?? "";
    issuer = stockMinisignKeygen(temp.dir, "issuer");
    await cliOk([...store, "trust", "add", "--authority", SAMPLE_AUTHORITY.id, "--name", "Issuer", "--country", "NL", "--minisign-key", issuer.publicKeyFile]);
  });
  afterAll(() => temp.remove());

  it("writes the sealed original exactly as it arrived, never over an existing file", async () => {
    const file = bundle("EXPORT-1");
    expectExit((await importJson(storeDir, [file])).result, 0);
    const out = join(temp.dir, "exported.sealed");
    const result = await cliOk([...store, "export-original", `${SAMPLE_AUTHORITY.id}/EXPORT-1`, "--out", out, "--json"]);
    const original = readFileSync(file);
    expect(JSON.parse(result.stdout)).toEqual({ file: out, bytes: original.length, sha256: sha256Hex(original) });
    expect(readFileSync(out).equals(original)).toBe(true);
    const shown = JSON.parse((await cliOk([...store, "show", `${SAMPLE_AUTHORITY.id}/EXPORT-1/1`, "--json"])).stdout) as { provenance: { sealedSha256: string } };
    expect(shown.provenance.sealedSha256).toBe(sha256Hex(original));

    writeFileSync(out, "already here");
    const again = await runCli([...store, "export-original", `${SAMPLE_AUTHORITY.id}/EXPORT-1`, "--out", out]);
    expectExit(again, 2);
    expect(again.stderr).toMatch(/already exists there; it was left as it was/);
    expect(readFileSync(out, "utf8")).toBe("already here");
    expectExit(await runCli([...store, "export-original", `${SAMPLE_AUTHORITY.id}/NO-SUCH`, "--out", join(temp.dir, "x")]), 2);
  });

  it("deletes a case only with --yes, and it is gone; the audit log keeps a content-free row", async () => {
    const file = bundle("DELETE-1");
    expectExit((await importJson(storeDir, [file])).result, 0);
    const ref = `${SAMPLE_AUTHORITY.id}/DELETE-1`;
    const unconfirmed = await runCli([...store, "delete", ref]);
    expectExit(unconfirmed, 2);
    expect(unconfirmed.stderr).toMatch(/--yes/);
    expect(JSON.parse((await cliOk([...store, "delete", ref, "--yes", "--json"])).stdout)).toEqual({ deleted: 1 });
    expectExit(await runCli([...store, "show", ref]), 2);
    const audit = jsonLines((await cliOk([...store, "audit", "list", "--json"])).stdout) as { action: string; details: Record<string, unknown> }[];
    expect(audit.at(-1)).toMatchObject({ action: "request.deleted", details: { revision: 1, caseDeleted: true } });
    expect(JSON.stringify(audit.at(-1))).not.toContain("DELETE-1");
    expect((await runCli([...store, "audit", "verify"])).code).toBe(0);
    // The same bundle can come in again: nothing of it was left to call it a duplicate.
    expect((await importJson(storeDir, [file])).lines).toMatchObject([{ status: "imported", id: "DELETE-1" }]);
  });
});
