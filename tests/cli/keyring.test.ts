// `counterseal trust add | revoke | list` (also `keyring …`): the keyring of issuing authorities, with keys made by
// the real `minisign -G -W`. The tests share one store and run side by side, so each looks only
// at the keys it added.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cliOk, expectExit, initStore, keyringOf, runCli, type CliResult, type KeyringEntryJson } from "../helpers/cli.js";
import { suiteTempFolder } from "../helpers/temp.js";
import { stockAgeKeygen, stockMinisignKeygen, type StockMinisignKey } from "../helpers/stock-tools.js";

const ENTRY_FIELDS = ["addedAt", "ageRecipient", "authorityId", "country", "keyId", "kind", "minisignPublicKey", "name", "revokedAt", "validFrom", "validUntil"];

/** The key id minisign itself prints in the .pub file's comment line. */
const printedKeyId = (key: StockMinisignKey): string => {
  const match = /^untrusted comment: minisign public key ([0-9A-F]+)$/m.exec(readFileSync(key.publicKeyFile, "utf8"));
  if (!match?.[1]) throw new Error("no key id in the .pub comment");
  return match[1];
};

/** A minisign public key line with a chosen 8-byte key id (the Ed25519 key of `base`). */
function withKeyId(base: StockMinisignKey, keyIdLittleEndian: number[]): string {
  const bytes = Buffer.from(base.publicKeyLine, "base64");
  Buffer.from(keyIdLittleEndian).copy(bytes, 2);
  return bytes.toString("base64");
}

const find = (entries: KeyringEntryJson[], keyId: string): KeyringEntryJson | undefined => entries.find((entry) => entry.keyId === keyId);

type Fault = "country" | "garbage" | "secret" | "duplicate" | "sameKeyOtherAuthority" | "recipient" | "window";
interface RefusedAdds {
  results: Record<Fault, CliResult>;
  fresh: StockMinisignKey;
  taken: StockMinisignKey;
  after: KeyringEntryJson[];
}

describe.concurrent("counterseal trust", () => {
  const temp = suiteTempFolder("cli-trust");
  const storeDir = join(temp.dir, "store");
  const store = ["--store", storeDir];
  const key = (name: string) => stockMinisignKeygen(temp.dir, name);
  beforeAll(() => initStore(storeDir));
  afterAll(() => temp.remove());

  it("add takes a minisign .pub file; list --json shows every field, key id as minisign prints it", async () => {
    const issuer = key("rotterdam");
    const added = await cliOk([...store, "trust", "add", "--authority", "nl-om-rotterdam", "--name", "OM Rotterdam", "--country", "NL", "--minisign-key", issuer.publicKeyFile]);
    expect(added.stdout).toContain(printedKeyId(issuer));

    const listed = await cliOk([...store, "trust", "list", "--json"]);
    expect(listed.stdout.trimEnd()).not.toContain("\n");
    const entries = JSON.parse(listed.stdout) as KeyringEntryJson[];
    expect(Array.isArray(entries)).toBe(true);
    const entry = find(entries, printedKeyId(issuer));
    expect(Object.keys(entry ?? {}).sort()).toEqual(ENTRY_FIELDS);
    expect(entry).toEqual({
      authorityId: "nl-om-rotterdam",
      kind: "authority",
      name: "OM Rotterdam",
      country: "NL",
      keyId: printedKeyId(issuer),
      minisignPublicKey: issuer.publicKeyLine,
      ageRecipient: null,
      validFrom: null,
      validUntil: null,
      revokedAt: null,
      addedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
    });
    expect(Math.abs(Date.parse(entry?.addedAt ?? "") - Date.now())).toBeLessThan(120_000);
    // `keyring` is the same command under the name the rest of the product uses.
    const viaKeyring = JSON.parse((await cliOk([...store, "keyring", "list", "--json"])).stdout) as KeyringEntryJson[];
    expect(find(viaKeyring, printedKeyId(issuer))).toEqual(entry);
  });

  it("add --kind reviewer|committee: an entry of that kind, named <kind>:<key id> unless --id names it; --authority stays required for an authority", async () => {
    const [colleague, committee, named] = [key("colleague"), key("committee"), key("named-colleague")];
    const recipient = stockAgeKeygen(temp.dir, "colleague").recipient;
    const added = await cliOk([...store, "keyring", "add", "--kind", "reviewer", "--name", "Νίκος Παπαδόπουλος", "--country", "PL", "--minisign-key", colleague.publicKeyFile, "--age-recipient", recipient]);
    expect(added.stdout).toContain(`for reviewer reviewer:${printedKeyId(colleague)}`);
    await cliOk([...store, "keyring", "add", "--kind", "committee", "--id", "sejm-komisja", "--name", "Komisja", "--country", "PL", "--minisign-key", committee.publicKeyFile]);
    await cliOk([...store, "keyring", "add", "--kind", "reviewer", "--id", "reviewer:anna", "--name", "Anna", "--country", "PL", "--minisign-key", named.publicKeyFile]);
    const entries = JSON.parse((await cliOk([...store, "keyring", "list", "--json"])).stdout) as KeyringEntryJson[];
    expect(find(entries, printedKeyId(colleague))).toMatchObject({ authorityId: `reviewer:${printedKeyId(colleague)}`, kind: "reviewer", ageRecipient: recipient, name: "Νίκος Παπαδόπουλος" });
    expect(find(entries, printedKeyId(committee))).toMatchObject({ authorityId: "sejm-komisja", kind: "committee", ageRecipient: null });
    expect(find(entries, printedKeyId(named))).toMatchObject({ authorityId: "reviewer:anna", kind: "reviewer" });
    expect((await cliOk([...store, "keyring", "list"])).stdout).toMatch(/sejm-komisja {2}PL {2}Komisja {2}\(committee\)/);

    const fresh = key("fresh-for-kinds");
    const noAuthority = await runCli([...store, "keyring", "add", "--name", "X", "--country", "NL", "--minisign-key", fresh.publicKeyFile]);
    expectExit(noAuthority, 2);
    expect(noAuthority.stderr).toContain("--authority <id> is required");
    const badKind = await runCli([...store, "keyring", "add", "--kind", "friend", "--id", "x", "--name", "X", "--country", "NL", "--minisign-key", fresh.publicKeyFile]);
    expectExit(badKind, 2);
    expect(badKind.stderr).toContain("--kind friend: use authority, reviewer, committee");
    // One id is one entry of one kind: an authority's key never joins a reviewer's entry.
    const otherKind = await runCli([...store, "keyring", "add", "--authority", "reviewer:anna", "--name", "Anna", "--country", "PL", "--minisign-key", fresh.publicKeyFile]);
    expectExit(otherKind, 2);
    expect(otherKind.stderr).toContain("reviewer:anna is already a keyring entry of kind reviewer");
    const after = JSON.parse((await cliOk([...store, "keyring", "list", "--json"])).stdout) as KeyringEntryJson[];
    expect(find(after, printedKeyId(fresh))).toBeUndefined();
  });

  it("add takes the base64 line, an age recipient and a validity window (dates or RFC 3339)", async () => {
    const [byLine, byTime] = [key("munich"), key("lyon")];
    const reply = stockAgeKeygen(temp.dir, "munich-replies");
    await Promise.all([
      cliOk([
        ...store, "trust", "add", "--authority", "de-ag-muenchen", "--name", "Amtsgericht München", "--country", "DE",
        "--minisign-key", byLine.publicKeyLine, "--age-recipient", reply.recipient, "--valid-from", "2026-01-01", "--valid-until", "2099-12-31",
      ]),
      cliOk([
        ...store, "trust", "add", "--authority", "fr-tj-lyon", "--name", "Tribunal judiciaire de Lyon", "--country", "FR",
        "--minisign-key", byTime.publicKeyFile, "--valid-from", "2026-03-01T09:30:00+01:00", "--valid-until", "2030-06-30T23:00:00Z",
      ]),
    ]);
    const entries = await keyringOf(storeDir);
    expect(find(entries, printedKeyId(byLine))).toMatchObject({
      authorityId: "de-ag-muenchen",
      name: "Amtsgericht München",
      country: "DE",
      minisignPublicKey: byLine.publicKeyLine,
      ageRecipient: reply.recipient,
      validFrom: "2026-01-01T00:00:00.000Z",
      validUntil: "2099-12-31T23:59:59.999Z",
      revokedAt: null,
    });
    expect(find(entries, printedKeyId(byTime))).toMatchObject({
      authorityId: "fr-tj-lyon",
      ageRecipient: null,
      validFrom: "2026-03-01T08:30:00.000Z",
      validUntil: "2030-06-30T23:00:00.000Z",
    });
  });

  // Run once, shared by the next two tests: every refused `trust add`, side by side.
  let refusals: Promise<RefusedAdds> | undefined;
  const refusedAdds = (): Promise<RefusedAdds> =>
    (refusals ??= (async () => {
      const [fresh, taken] = [key("fresh"), key("taken")];
      await cliOk([...store, "trust", "add", "--authority", "pl-po-lodz", "--name", "Prokuratura", "--country", "PL", "--minisign-key", taken.publicKeyFile]);
      const garbagePub = join(temp.dir, "garbage.pub");
      writeFileSync(garbagePub, "untrusted comment: minisign public key 1234\nRWQnotbase64!!\n");
      const add = (authority: string, country: string, minisignKey: string, ...more: string[]) =>
        runCli([...store, "trust", "add", "--authority", authority, "--name", "Some Authority", "--country", country, "--minisign-key", minisignKey, ...more]);
      const [country, garbage, secret, duplicate, sameKeyOtherAuthority, recipient, window] = await Promise.all([
        add("xx-bad-country", "XX", fresh.publicKeyFile),
        add("xx-bad-key", "NL", garbagePub),
        add("xx-secret-key", "NL", fresh.secretKeyFile),
        add("pl-po-lodz", "PL", taken.publicKeyFile),
        add("xx-other", "NL", taken.publicKeyLine),
        add("xx-recipient", "NL", fresh.publicKeyFile, "--age-recipient", "age1notarecipient"),
        add("xx-window", "NL", fresh.publicKeyFile, "--valid-from", "2027-01-01", "--valid-until", "2026-01-01"),
      ]);
      const results = { country, garbage, secret, duplicate, sameKeyOtherAuthority, recipient, window };
      return { results, fresh, taken, after: await keyringOf(storeDir) };
    })());

  it("a bad country, a bad key or a duplicate key exits 2 naming the fault, and adds nothing", async () => {
    const { results, fresh, taken, after } = await refusedAdds();
    const faults: Record<Fault, RegExp> = {
      country: /country "XX" is not an ISO 3166-1 alpha-2 code/,
      garbage: /minisign public key/,
      secret: /minisign public key/,
      duplicate: /already in the keyring/,
      sameKeyOtherAuthority: /already in the keyring/,
      recipient: /age recipient "age1notarecipient"/,
      window: /validity window/,
    };
    for (const [fault, message] of Object.entries(faults) as [Fault, RegExp][]) {
      expectExit(results[fault], 2);
      expect(results[fault].stderr, fault).toMatch(message);
      expect(results[fault].stdout, fault).toBe("");
    }
    expect(find(after, printedKeyId(fresh))).toBeUndefined();
    expect(after.filter((entry) => entry.minisignPublicKey === taken.publicKeyLine)).toEqual([
      expect.objectContaining({ authorityId: "pl-po-lodz", name: "Prokuratura", country: "PL", revokedAt: null }),
    ]);
    expect(after.filter((entry) => entry.authorityId.startsWith("xx-"))).toEqual([]);
  });

  // Keyring messages name key ids as minisign and `trust list` print them ("29584829FD4167F8"),
  // never as raw little-endian bytes, so a reviewer can match the two.
  it("the duplicate-key message names the key id as minisign and `trust list` print it", async () => {
    const { results, taken } = await refusedAdds();
    expect(results.duplicate.stderr).toContain(printedKeyId(taken));
  });

  it("revoke accepts the key id in lower case and with leading zeros (minisign prints none)", async () => {
    const [plain, forA, forB] = [key("revoke-a"), key("revoke-b"), key("revoke-c")];
    // Key ids whose top bytes are zero, so minisign prints them short: "EDCBA987654321", "7654321".
    const shortA = withKeyId(forA, [0x21, 0x43, 0x65, 0x87, 0xa9, 0xcb, 0xed, 0x00]);
    const shortB = withKeyId(forB, [0x21, 0x43, 0x65, 0x07, 0x00, 0x00, 0x00, 0x00]);
    await Promise.all(
      [plain.publicKeyFile, shortA, shortB].map((minisignKey, index) =>
        cliOk([...store, "trust", "add", "--authority", `se-revoke-${index}`, "--name", "Åklagarmyndigheten", "--country", "SE", "--minisign-key", minisignKey]),
      ),
    );
    const printed = printedKeyId(plain);
    const started = Date.now();
    await Promise.all([
      cliOk([...store, "trust", "revoke", printed.toLowerCase()]),
      cliOk([...store, "trust", "revoke", "00edcba987654321"]),
      cliOk([...store, "trust", "revoke", "0007654321"]),
    ]);
    const after = await keyringOf(storeDir);
    expect(find(after, "EDCBA987654321")?.authorityId).toBe("se-revoke-1");
    expect(find(after, "7654321")?.authorityId).toBe("se-revoke-2");
    for (const keyId of [printed, "EDCBA987654321", "7654321"]) {
      const revokedAt = find(after, keyId)?.revokedAt ?? "";
      expect(revokedAt, keyId).toMatch(/Z$/);
      expect(Date.parse(revokedAt)).toBeGreaterThanOrEqual(started - 1000);
      expect(Date.parse(revokedAt)).toBeLessThanOrEqual(Date.now() + 1000);
    }
  });

  it("revoke refuses an unknown key, an already revoked key and a malformed id (exit 2), changing nothing", async () => {
    const once = key("revoke-once");
    await cliOk([...store, "trust", "add", "--authority", "ie-garda", "--name", "An Garda Síochána", "--country", "IE", "--minisign-key", once.publicKeyFile]);
    await cliOk([...store, "trust", "revoke", printedKeyId(once)]);
    const revokedAt = find(await keyringOf(storeDir), printedKeyId(once))?.revokedAt;
    expect(revokedAt).toMatch(/Z$/);
    const [again, unknown, malformed] = await Promise.all([
      runCli([...store, "trust", "revoke", printedKeyId(once)]),
      runCli([...store, "trust", "revoke", "123456789ABCDEF"]),
      runCli([...store, "trust", "revoke", "not-a-key-id"]),
    ]);
    expectExit(again, 2);
    expect(again.stderr).toMatch(/already revoked/);
    expectExit(unknown, 2);
    expect(unknown.stderr).toMatch(/not in the keyring/);
    expectExit(malformed, 2);
    expect(malformed.stderr).toMatch(/"not-a-key-id" is not a minisign key id/);
    const after = await keyringOf(storeDir);
    expect(find(after, printedKeyId(once))?.revokedAt).toBe(revokedAt);
    expect(find(after, "123456789ABCDEF")).toBeUndefined();
  });
});
