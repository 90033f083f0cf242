// sealed-bundle-v1, outbound: a bundle made by `counterseal seal` opens with `age -d -i`, verifies
// with `minisign -V -H -p` and `sha256sum -c` on both manifests (stockOpen), and carries the
// request and attachments byte for byte. Signing keys: `minisign -G -W`, `counterseal keygen -W`,
// and an encrypted `counterseal keygen` key (password from COUNTERSEAL_KEY_PASSWORD).
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cliOk, expectExit, pdfLikeBytes, runCli, writeJson } from "../helpers/cli.js";
import { suiteTempFolder } from "../helpers/temp.js";
import { SAMPLE_AUTHORITY, sampleRequest } from "../helpers/sample-request.js";
import { stockAgeKeygen, stockMinisignKeygen, stockOpen, type StockAgeKey } from "../helpers/stock-tools.js";

const KEY_PASSWORD = "issuer key password, tests only";

interface SealInput {
  request: string;
  requestBytes: Buffer;
  attachments: { file: string; name: string; bytes: Buffer }[];
}

/** Every file under `dir`, as `/`-separated paths relative to it. */
function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (sub: string) => {
    for (const entry of readdirSync(sub, { withFileTypes: true })) {
      const full = join(sub, entry.name);
      if (entry.isDirectory()) walk(full);
      else out.push(relative(dir, full).split("\\").join("/"));
    }
  };
  walk(dir);
  return out.sort();
}

const manifestPaths = (file: string): string[] =>
  readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => /^[0-9a-f]{64}[ \t]+\*?(.+)$/.exec(line)?.[1] ?? `malformed: ${line}`)
    .sort();

/** Opens with stock tools (stockOpen throws if any step fails) and checks the bag's contents. */
function expectOpensWithStockTools(sealed: string, identity: StockAgeKey, publicKeyFile: string, input: SealInput, outDir: string): void {
  const bag = stockOpen(sealed, identity.identityFile, outDir, publicKeyFile);
  expect(readFileSync(join(bag, "data", "request.json"))).toEqual(input.requestBytes);
  for (const attachment of input.attachments) {
    expect(readFileSync(join(bag, "data", "attachments", attachment.name)), attachment.name).toEqual(attachment.bytes);
  }
  // BagIt: the payload manifest lists every file under data/ and nothing else; the tag manifest
  // lists the tag files but not the tag manifests or the signature.
  const payload = filesUnder(bag).filter((path) => path.startsWith("data/"));
  expect(payload).toEqual(["data/request.json", ...input.attachments.map((a) => `data/attachments/${a.name}`)].sort());
  expect(manifestPaths(join(bag, "manifest-sha256.txt"))).toEqual(payload);
  expect(manifestPaths(join(bag, "tagmanifest-sha256.txt"))).toEqual(["bag-info.txt", "bagit.txt", "manifest-sha256.txt"]);
  expect(readFileSync(join(bag, "bagit.txt"), "utf8")).toMatch(/^BagIt-Version: 1\.0\r?\nTag-File-Character-Encoding: UTF-8\r?\n$/);
  const info = readFileSync(join(bag, "bag-info.txt"), "utf8");
  const octets = payload.reduce((sum, path) => sum + statSync(join(bag, path)).size, 0);
  expect(info).toMatch(/^Bundle-Type: request$/m);
  expect(info).toMatch(/^Bundle-Version: 1$/m);
  expect(info).toContain(`External-Identifier: ${SAMPLE_AUTHORITY.id}/`);
  expect(info).toMatch(new RegExp(`^Payload-Oxum: ${octets}\\.${payload.length}$`, "m"));
}

describe.concurrent("counterseal seal → age, minisign, sha256sum (independent, side by side)", () => {
  describe("bundles made by counterseal seal open and verify with age, minisign and sha256sum", () => {
    const temp = suiteTempFolder("interop-outbound");
    const path = (name: string) => join(temp.dir, name);
    let office: StockAgeKey;
    let second: StockAgeKey;
    let input: SealInput;
    beforeAll(() => {
      office = stockAgeKeygen(temp.dir, "office");
      second = stockAgeKeygen(temp.dir, "second-office");
      const names = ["Beschluss vom 19.11.2026 – Ermittlungsrichter.pdf", "note.txt"];
      const attachments = [
        { file: path(names[0] ?? ""), name: names[0] ?? "", bytes: pdfLikeBytes("interop-outbound") },
        { file: path(names[1] ?? ""), name: names[1] ?? "", bytes: Buffer.from("Übersetzung folgt.\r\nNo final newline", "utf8") },
      ];
      for (const attachment of attachments) writeFileSync(attachment.file, attachment.bytes);
      const document = sampleRequest({
        id: "SEALED-OUT-1",
        attachments: [
          { path: `attachments/${names[0] ?? ""}`, title: "Beschluss", mediaType: "application/pdf" },
          { path: "attachments/note.txt", title: "Note", mediaType: "text/plain" },
        ],
      });
      const request = path("request.json");
      input = { request, requestBytes: writeJson(request, document), attachments };
    });
    afterAll(() => temp.remove());

    const sealArgs = (key: string, out: string, ...more: string[]) => [
      "seal", "--request", input.request, ...input.attachments.flatMap((a) => ["--attach", a.file]), "--key", key, "--out", out, ...more,
    ];

    it("signed with a key from minisign -G -W, binary age to one recipient", async () => {
      const issuer = stockMinisignKeygen(temp.dir, "minisign-issuer");
      const out = path("minisign-key.sealed");
      await cliOk(sealArgs(issuer.secretKeyFile, out, "--to", office.recipient));
      expect(readFileSync(out).subarray(0, 22).toString("latin1")).toBe("age-encryption.org/v1\n");
      expectOpensWithStockTools(out, office, issuer.publicKeyFile, input, path("open-minisign"));
    });

    it("signed with a key from counterseal keygen -W, armored, to two recipients: each opens it", async () => {
      const prefix = path("keygen-w");
      await cliOk(["keygen", "--out", prefix, "-W"]);
      const out = path("keygen-w.sealed");
      await cliOk(sealArgs(`${prefix}.key`, out, "--to", office.recipient, "--to", second.recipient, "--armor"));
      expect(readFileSync(out, "latin1")).toMatch(/^-----BEGIN AGE ENCRYPTED FILE-----\n/);
      expectOpensWithStockTools(out, office, `${prefix}.pub`, input, path("open-keygen-w-1"));
      expectOpensWithStockTools(out, second, `${prefix}.pub`, input, path("open-keygen-w-2"));
    });

    it("a tampered bundle does not open: stockOpen (and so these checks) can fail", async () => {
      const issuer = stockMinisignKeygen(temp.dir, "tamper-issuer");
      const out = path("tampered.sealed");
      await cliOk(sealArgs(issuer.secretKeyFile, out, "--to", office.recipient));
      const bytes = readFileSync(out);
      bytes[bytes.length - 20] = (bytes[bytes.length - 20] ?? 0) ^ 0x01;
      writeFileSync(out, bytes);
      expect(() => stockOpen(out, office.identityFile, path("open-tampered"), issuer.publicKeyFile)).toThrow();
      // And a bundle verified against another signer's key is refused by minisign.
      const intact = path("other-signer.sealed");
      await cliOk(sealArgs(issuer.secretKeyFile, intact, "--to", office.recipient));
      const someoneElse = stockMinisignKeygen(temp.dir, "someone-else");
      expect(() => stockOpen(intact, office.identityFile, path("open-other-signer"), someoneElse.publicKeyFile)).toThrow(/minisign/);
    });
  });

  describe("an encrypted key from counterseal keygen (password in COUNTERSEAL_KEY_PASSWORD)", () => {
    const temp = suiteTempFolder("interop-encrypted-key");
    const path = (name: string) => join(temp.dir, name);
    const prefix = path("encrypted");
    const withPassword = { env: { COUNTERSEAL_KEY_PASSWORD: KEY_PASSWORD } };
    beforeAll(async () => {
      await cliOk(["keygen", "--out", prefix], withPassword);
    });
    afterAll(() => temp.remove());

    it("is written encrypted, as minisign -G writes it", () => {
      const key = readFileSync(`${prefix}.key`, "utf8");
      expect(key).toMatch(/^untrusted comment: minisign encrypted secret key\n/);
      const bytes = Buffer.from(key.split("\n")[1] ?? "", "base64");
      expect(bytes.subarray(0, 4).toString("latin1")).toBe("EdSc"); // Ed25519, scrypt-encrypted
    });

    it("counterseal seal uses it; the bundle opens and verifies with the stock tools", async () => {
      const office = stockAgeKeygen(temp.dir, "office");
      const bytes = writeJson(path("request.json"), sampleRequest({ id: "SEALED-ENCRYPTED-KEY" }));
      const out = path("encrypted-key.sealed");
      const args = ["seal", "--request", path("request.json"), "--key", `${prefix}.key`, "--to", office.recipient, "--out", out];
      const noPassword = await runCli(args, { env: { COUNTERSEAL_KEY_PASSWORD: undefined } });
      expectExit(noPassword, 2);
      expect(noPassword.stderr).toContain("COUNTERSEAL_KEY_PASSWORD");
      await cliOk(args, withPassword);
      expectOpensWithStockTools(out, office, `${prefix}.pub`, { request: path("request.json"), requestBytes: bytes, attachments: [] }, path("open"));
    });

    // The brief expected minisign to ask for the password on the terminal only; minisign 0.11 reads
    // it from stdin when stdin is not a terminal, so this sub-case runs instead of being skipped.
    it("minisign -S signs with it (password on stdin) and minisign -V verifies with PREFIX.pub", () => {
      const message = path("message.txt");
      writeFileSync(message, "signed by minisign with a counterseal keygen key\n");
      execFileSync("minisign", ["-S", "-s", `${prefix}.key`, "-m", message], { input: `${KEY_PASSWORD}\n`, stdio: ["pipe", "pipe", "pipe"] });
      const verified = execFileSync("minisign", ["-V", "-H", "-p", `${prefix}.pub`, "-m", message], { encoding: "utf8" });
      expect(verified).toContain("Signature and comment signature verified");
    });
  });
});
