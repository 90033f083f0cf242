// `counterseal audit checkpoint | export` and `audit verify --file --pubkey` as real processes over
// a real store: the files verify with stock minisign, the export verifies with no store at all,
// and a damaged export exits 1 naming the entry.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cliOk, expectExit, identityOf, initStore, jsonLines, runCli } from "../helpers/cli.js";
import { suiteTempFolder } from "../helpers/temp.js";

describe("counterseal audit checkpoint, export and verify --file", () => {
  const temp = suiteTempFolder("cli-audit-export");
  const storeDir = join(temp.dir, "store");
  const store = ["--store", storeDir];
  const pub = join(temp.dir, "reviewer.pub");
  beforeAll(async () => {
    await initStore(storeDir);
    writeFileSync(pub, `untrusted comment: reviewer\n${(await identityOf(storeDir)).reviewer.minisignPublicKey}\n`);
  }, 60_000);
  afterAll(() => temp.remove());

  it("signs a checkpoint of the head, records it, and writes a statement stock minisign verifies", async () => {
    const head = JSON.parse((await cliOk([...store, "audit", "verify", "--json"])).stdout) as { headSeq: number; headHash: string };
    const out = join(temp.dir, "head.json");
    const checkpoint = JSON.parse((await cliOk([...store, "audit", "checkpoint", "--out", out, "--json"])).stdout) as Record<string, unknown>;
    expect(checkpoint).toEqual({
      headSeq: head.headSeq,
      headHash: head.headHash,
      signedAt: expect.stringMatching(/Z$/),
      signer: expect.stringMatching(/^[0-9A-F]+$/),
      recordedAt: head.headSeq + 1,
      signature: readFileSync(`${out}.minisig`, "utf8"),
      file: out,
      signatureFile: `${out}.minisig`,
    });
    expect(JSON.parse(readFileSync(out, "utf8"))).toEqual({ format: "counterseal.audit-checkpoint/1", headSeq: head.headSeq, headHash: head.headHash, signedAt: checkpoint["signedAt"], signer: checkpoint["signer"] });
    const verified = execFileSync("minisign", ["-Vm", out, "-p", pub], { encoding: "utf8" });
    expect(verified).toContain(`Trusted comment: counterseal audit-checkpoint seq ${head.headSeq} head ${head.headHash}`);
    const last = jsonLines((await cliOk([...store, "audit", "list", "--after", String(head.headSeq), "--json"])).stdout);
    expect(last).toEqual([expect.objectContaining({ action: "audit.checkpointed", objectType: "audit-log", details: { headSeq: head.headSeq, headHash: head.headHash, signedAt: Date.parse(String(checkpoint["signedAt"])), signature: checkpoint["signature"] } })]);
    const text = await cliOk([...store, "audit", "checkpoint"]);
    expect(text.stdout).toMatch(new RegExp(`^checkpoint of entry ${head.headSeq + 1} \\([0-9a-f]{64}\\) signed by key [0-9A-F]+ at \\S+Z, recorded as entry ${head.headSeq + 2}\\n$`));
    // A checkpoint whose file cannot be written is not recorded either.
    const refused = await runCli([...store, "audit", "checkpoint", "--out", out]);
    expectExit(refused, 2);
    expect(refused.stderr).toMatch(/refusing to overwrite .*head\.json, .*head\.json\.minisig/);
    expect(JSON.parse((await cliOk([...store, "audit", "verify", "--json"])).stdout)).toMatchObject({ headSeq: head.headSeq + 2 });
  });

  it("exports the chain signed, verifies it with no store and with minisign, and refuses to overwrite", async () => {
    const file = join(temp.dir, "audit.jsonl");
    const exported = JSON.parse((await cliOk([...store, "audit", "export", "--out", file, "--json"])).stdout) as { count: number; headSeq: number; headHash: string; trustedComment: string };
    expect(exported).toEqual({ file, signatureFile: `${file}.minisig`, count: 6, headSeq: 6, headHash: expect.stringMatching(/^[0-9a-f]{64}$/), signer: expect.any(String), trustedComment: `counterseal audit-export seq 6 head ${exported.headHash}` });
    expect(execFileSync("minisign", ["-Vm", file, "-p", pub], { encoding: "utf8" })).toContain(`Trusted comment: ${exported.trustedComment}`);

    // Anywhere: no store, no passphrase.
    const anywhere = { env: { COUNTERSEAL_PASSPHRASE: undefined } };
    const noStore = ["--store", join(temp.dir, "no-store-here")];
    const verified = await cliOk([...noStore, "audit", "verify", "--file", file, "--pubkey", pub, "--json"], anywhere);
    expect(JSON.parse(verified.stdout)).toEqual({
      file,
      ok: true,
      signature: { ok: true, keyId: expect.any(String), trustedComment: exported.trustedComment },
      chain: { ok: true, count: 6, headSeq: 6, headHash: exported.headHash },
    });
    const words = await cliOk([...noStore, "audit", "verify", "--file", file, "--pubkey", readFileSync(pub, "utf8").split("\n")[1] ?? ""], anywhere);
    expect(words.stdout).toBe(`${file}: verified\n  ok     signature: by key ${JSON.parse(verified.stdout).signature.keyId}, trusted comment "${exported.trustedComment}"\n  ok     chain: 6 entries intact; head 6 ${exported.headHash}\n`);

    const again = await runCli([...store, "audit", "export", "--out", file]);
    expectExit(again, 2);
    expect(again.stderr).toMatch(/refusing to overwrite .*audit\.jsonl, .*audit\.jsonl\.minisig/);
    // The refused export left no entry behind.
    expect(JSON.parse((await cliOk([...store, "audit", "verify", "--json"])).stdout)).toMatchObject({ headSeq: 6 });
  });

  it("exits 1 naming the entry of a damaged export, and the signature that no longer holds", async () => {
    const file = join(temp.dir, "audit.jsonl");
    const damaged = join(temp.dir, "damaged.jsonl");
    const lines = readFileSync(file, "utf8").split("\n");
    lines.splice(3, 1);
    writeFileSync(damaged, lines.join("\n"));
    writeFileSync(`${damaged}.minisig`, readFileSync(`${file}.minisig`));
    const json = await runCli(["audit", "verify", "--file", damaged, "--pubkey", pub, "--json"]);
    expectExit(json, 1);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, signature: { ok: false, reason: "the signature does not match the file" }, chain: { ok: false, seq: 3, line: 4, reason: "row 3 is missing: line 4 holds row 4" } });
    const words = await runCli(["audit", "verify", "--file", damaged, "--pubkey", pub]);
    expectExit(words, 1);
    expect(words.stdout).toBe(`${damaged}: FAILED\n  FAILED signature: the signature does not match the file\n  FAILED chain: broken at entry 3 (line 4): row 3 is missing: line 4 holds row 4\n`);

    const unsigned = join(temp.dir, "unsigned.jsonl");
    writeFileSync(unsigned, readFileSync(file));
    const missing = await runCli(["audit", "verify", "--file", unsigned, "--pubkey", pub, "--json"]);
    expectExit(missing, 1);
    expect(JSON.parse(missing.stdout)).toMatchObject({ ok: false, signature: { ok: false, reason: `no signature file ${unsigned}.minisig` }, chain: { ok: true } });
  });

  it("refuses --file without --pubkey, --pubkey without --file, and a file that is not there", async () => {
    const file = join(temp.dir, "audit.jsonl");
    expect(existsSync(file)).toBe(true);
    for (const [args, message] of [
      [["--file", file], /--file needs --pubkey/],
      [["--pubkey", pub], /--pubkey goes with --file/],
      [["--file", join(temp.dir, "nothing.jsonl"), "--pubkey", pub], /--file .*nothing\.jsonl: no such file/],
      [["--file", file, "--pubkey", "not a key"], /--pubkey not a key: /],
    ] as const) {
      const result = await runCli([...store, "audit", "verify", ...args]);
      expectExit(result, 2);
      expect(result.stderr).toMatch(message);
    }
  });
});
