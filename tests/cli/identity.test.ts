// `counterseal identity --json` and `counterseal identity add-age FILE`.
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cliOk, expectExit, identityOf, initStore, runCli, type IdentityJson } from "../helpers/cli.js";
import { suiteTempFolder } from "../helpers/temp.js";
import { stockAgeKeygen } from "../helpers/stock-tools.js";

const AGE_RECIPIENT = /^age1[02-9ac-hj-np-z]{58}$/;

describe.concurrent("counterseal identity", () => {
  const temp = suiteTempFolder("cli-identity");
  const storeDir = join(temp.dir, "store");
  let identity: IdentityJson;
  let rawJson: string;
  beforeAll(async () => {
    await initStore(storeDir, "Björn Reviewer", "Datatilsynet, Oslo");
    rawJson = (await cliOk(["--store", storeDir, "identity", "--json"])).stdout;
    identity = JSON.parse(rawJson) as IdentityJson;
  });
  afterAll(() => temp.remove());

  it("--json prints exactly {reviewer:{name,office,keyId,minisignPublicKey},ageRecipients} on one line", () => {
    expect(rawJson.endsWith("\n")).toBe(true);
    expect(rawJson.trimEnd()).not.toContain("\n");
    expect(Object.keys(identity).sort()).toEqual(["ageRecipients", "reviewer"]);
    expect(Object.keys(identity.reviewer).sort()).toEqual(["keyId", "minisignPublicKey", "name", "office"]);
    expect(identity.reviewer.name).toBe("Björn Reviewer");
    expect(identity.reviewer.office).toBe("Datatilsynet, Oslo");
    expect(identity.ageRecipients).toHaveLength(1);
    expect(identity.ageRecipients[0]).toMatch(AGE_RECIPIENT);
  });

  it("keyId is upper-case hex as minisign prints it, and minisignPublicKey is the line `minisign -P` takes", () => {
    const { keyId, minisignPublicKey } = identity.reviewer;
    // minisign prints the little-endian key number with %PRIX64: upper case, no leading zeros.
    expect(keyId).toMatch(/^[1-9A-F][0-9A-F]{0,15}$/);
    expect(minisignPublicKey).toMatch(/^RW[A-Za-z0-9+/]{54}$/);
    const bytes = Buffer.from(minisignPublicKey, "base64");
    expect(bytes.toString("base64")).toBe(minisignPublicKey);
    expect(bytes).toHaveLength(42);
    expect(bytes.subarray(0, 2).toString("latin1")).toBe("Ed");
    expect(bytes.readBigUInt64LE(2).toString(16).toUpperCase()).toBe(keyId);
  });

  it("the age recipient is one stock `age` encrypts to", () => {
    const recipient = identity.ageRecipients[0] ?? "";
    const sealed = execFileSync("age", ["-r", recipient], { input: "hello" });
    expect(sealed.subarray(0, 21).toString("latin1")).toBe("age-encryption.org/v1");
    expect(sealed.toString("latin1")).toContain("-> X25519 ");
  });

  it("add-age adds every identity of an age-keygen file; a second run adds nothing", async () => {
    const first = stockAgeKeygen(temp.dir, "first");
    const second = stockAgeKeygen(temp.dir, "second");
    const file = join(temp.dir, "two-identities.txt");
    writeFileSync(file, readFileSync(first.identityFile, "utf8") + readFileSync(second.identityFile, "utf8"));
    // What age itself derives from that file: one recipient per identity.
    const fromAge = execFileSync("age-keygen", ["-y", file], { encoding: "utf8" }).trim().split("\n");
    expect(fromAge).toEqual([first.recipient, second.recipient]);

    const added = await cliOk(["--store", storeDir, "identity", "add-age", file]);
    expect(added.stdout).toBe(`added ${first.recipient}\nadded ${second.recipient}\n`);
    const after = await identityOf(storeDir);
    expect(after.reviewer).toEqual(identity.reviewer);
    expect(after.ageRecipients).toEqual([...identity.ageRecipients, first.recipient, second.recipient]);

    const again = await cliOk(["--store", storeDir, "identity", "add-age", file]);
    expect(again.stdout).toBe(`already held ${first.recipient}\nalready held ${second.recipient}\n`);
    expect((await identityOf(storeDir)).ageRecipients).toEqual(after.ageRecipients);
  });

  it("add-age refuses a file with a bad line (exit 2, naming the line) and adds none of it", async () => {
    const good = stockAgeKeygen(temp.dir, "good-but-not-added");
    const file = join(temp.dir, "bad-identities.txt");
    writeFileSync(file, `${readFileSync(good.identityFile, "utf8")}AGE-SECRET-KEY-1NOTAKEY\n`);
    const empty = join(temp.dir, "empty.txt");
    writeFileSync(empty, "# nothing here\n");

    const [bad, none, missing] = await Promise.all([
      runCli(["--store", storeDir, "identity", "add-age", file]),
      runCli(["--store", storeDir, "identity", "add-age", empty]),
      runCli(["--store", storeDir, "identity", "add-age", join(temp.dir, "no-such-file.txt")]),
    ]);
    expectExit(bad, 2);
    expect(bad.stderr).toMatch(/line 4/);
    expectExit(none, 2);
    expect(none.stderr).toMatch(/no identity/);
    expectExit(missing, 2);
    expect(missing.stderr).toContain("no-such-file.txt");
    for (const result of [bad, none, missing]) expect(result.stdout).toBe("");
    expect((await identityOf(storeDir)).ageRecipients).not.toContain(good.recipient);
  });
});
