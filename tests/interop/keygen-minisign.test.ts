// `counterseal keygen` writes minisign's own file formats: minisign signs with PREFIX.key and
// verifies with PREFIX.pub; and the other way, `counterseal seal --key` takes a `minisign -G -W`
// key (see seal-to-stock.test.ts for that bundle opening with the stock tools).
import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cliOk, writeJson } from "../helpers/cli.js";
import { suiteTempFolder } from "../helpers/temp.js";
import { sampleRequest } from "../helpers/sample-request.js";
import { stockAgeKeygen, stockMinisignKeygen } from "../helpers/stock-tools.js";

const minisign = (args: string[]) => spawnSync("minisign", args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });

describe.concurrent("counterseal keygen -W with the real minisign", () => {
  const temp = suiteTempFolder("interop-keygen");
  const path = (name: string) => join(temp.dir, name);
  const prefix = path("issuer");
  let printed = "";
  beforeAll(async () => {
    printed = (await cliOk(["keygen", "--out", prefix, "-W"])).stdout;
  });
  afterAll(() => temp.remove());

  it("minisign -S -s PREFIX.key signs (prehashed) and minisign -V -p PREFIX.pub verifies", () => {
    const message = path("message.bin");
    writeFileSync(message, Buffer.from("tagmanifest bytes \u0000\u00ff\n".repeat(1000), "latin1"));
    const signed = minisign(["-S", "-s", `${prefix}.key`, "-m", message, "-t", "signed by a counterseal keygen key"]);
    expect(signed.status, signed.stderr).toBe(0);
    const verified = minisign(["-V", "-H", "-p", `${prefix}.pub`, "-m", message]);
    expect(verified.status, verified.stderr).toBe(0);
    expect(verified.stdout).toContain("Signature and comment signature verified");
    expect(verified.stdout).toContain("Trusted comment: signed by a counterseal keygen key");

    writeFileSync(message, "tampered\n");
    expect(minisign(["-V", "-p", `${prefix}.pub`, "-m", message]).status).not.toBe(0);
  });

  it("minisign -R recreates exactly PREFIX.pub from PREFIX.key, and the printed key id is minisign's", () => {
    const recreated = minisign(["-R", "-s", `${prefix}.key`, "-p", path("recreated.pub")]);
    expect(recreated.status, recreated.stderr).toBe(0);
    const pub = readFileSync(`${prefix}.pub`, "utf8");
    expect(readFileSync(path("recreated.pub"), "utf8")).toBe(pub);
    const keyId = /^untrusted comment: minisign public key ([0-9A-F]+)\n/.exec(pub)?.[1] ?? "";
    const fromBytes = Buffer.from(pub.split("\n")[1] ?? "", "base64").readBigUInt64LE(2).toString(16).toUpperCase();
    expect(keyId).toBe(fromBytes);
    expect(printed).toContain(`key id ${keyId}:`);
  });

  it("a key from minisign -G -W is accepted by counterseal seal --key", async () => {
    const stock = stockMinisignKeygen(temp.dir, "stock");
    const office = stockAgeKeygen(temp.dir);
    writeJson(path("request.json"), sampleRequest({ id: "KEYGEN-INTEROP" }));
    const sealed = await cliOk(["seal", "--request", path("request.json"), "--key", stock.secretKeyFile, "--to", office.recipient, "--out", path("out.sealed")]);
    expect(sealed.stdout).toContain("KEYGEN-INTEROP");
    // The signature inside names the stock key: decrypt, list, and read the .minisig's key id.
    const tar = execFileSync("age", ["-d", "-i", office.identityFile, path("out.sealed")]);
    const listing = execFileSync("tar", ["-t"], { input: tar, encoding: "utf8" });
    expect(listing).toMatch(/\/tagmanifest-sha256\.txt\.minisig$/m);
    execFileSync("tar", ["-x", "-C", temp.dir, "--wildcards", "*/tagmanifest-sha256.txt.minisig"], { input: tar });
    const root = listing.split("\n")[0]?.split("/")[0] ?? "";
    const signature = readFileSync(join(temp.dir, root, "tagmanifest-sha256.txt.minisig"), "utf8").split("\n")[1] ?? "";
    const signatureBytes = Buffer.from(signature, "base64");
    expect(signatureBytes.subarray(0, 2).toString("latin1")).toBe("ED"); // prehashed
    expect(signatureBytes.subarray(2, 10)).toEqual(Buffer.from(stock.publicKeyLine, "base64").subarray(2, 10));
  });
});
