// Interop with the real `age` and `age-keygen` (1.1) in both directions.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ageRecipientOf, decryptAge, encryptAge, generateAgeIdentity, parseAgeIdentityFile } from "../../electron/core/crypto/age.js";
import { chunked, collect, describeDifference, runProgram, runProgramBytes } from "./support.js";
import { seededRandom } from "../helpers/runtime.js";
import { suiteTempFolder } from "../helpers/temp.js";

const temp = suiteTempFolder("age-interop");
afterAll(() => temp.remove());
const path = (name: string): string => join(temp.dir, name);
const CHUNK = 65_536;
const SIZES = [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 2 * CHUNK, 300_001];

function ageKeygen(name: string): { identityFile: string; recipient: string } {
  const identityFile = path(name);
  expect(runProgram("age-keygen", ["-o", identityFile]).status).toBe(0);
  return { identityFile, recipient: runProgram("age-keygen", ["-y", identityFile]).stdout.trim() };
}

describe("age keys", () => {
  it("reads age-keygen identity files and derives the recipient age-keygen -y prints", () => {
    const key = ageKeygen("keygen.txt");
    const text = readFileSync(key.identityFile, "utf8");
    const identities = parseAgeIdentityFile(text);
    expect(identities).toHaveLength(1);
    expect(ageRecipientOf(identities[0] ?? "")).toBe(key.recipient);
    expect(text).toContain(`# public key: ${key.recipient}`);
  });

  it("gives our generated identities the recipient age-keygen -y prints", () => {
    for (const seed of ["a", "b", "c"]) {
      const identity = generateAgeIdentity(seededRandom(`interop-${seed}`));
      writeFileSync(path("ours.txt"), `${identity}\n`);
      expect(runProgram("age-keygen", ["-y", path("ours.txt")]).stdout.trim()).toBe(ageRecipientOf(identity));
    }
  });
});

describe("files made by age open with ours", () => {
  const office = ageKeygen("office.txt");
  const other = ageKeygen("other.txt");
  const officeIdentities = parseAgeIdentityFile(readFileSync(office.identityFile, "utf8"));

  it.each(SIZES)("age -r, binary and -a armored, %i bytes", async (size) => {
    const plaintext = seededRandom(`from-age/${size}`)(size);
    for (const armor of [[], ["-a"]]) {
      const sealed = runProgramBytes("age", ["-r", other.recipient, "-r", office.recipient, ...armor], plaintext);
      const opened = await collect(decryptAge(chunked(new Uint8Array(sealed), [CHUNK]), officeIdentities));
      expect(describeDifference(opened, plaintext)).toBe("equal");
    }
  });
});

describe("files made by ours open with age -d", () => {
  const office = ageKeygen("office-d.txt");

  it.each(SIZES)("binary and armored, %i bytes", async (size) => {
    const plaintext = seededRandom(`to-age/${size}`)(size);
    for (const armor of [false, true]) {
      const sealed = await collect(encryptAge(chunked(plaintext, [10_000]), [ageRecipientOf(generateAgeIdentity()), office.recipient], { armor }));
      if (armor) expect(Buffer.from(sealed).toString("latin1")).toMatch(/^-----BEGIN AGE ENCRYPTED FILE-----\n[\s\S]*\n-----END AGE ENCRYPTED FILE-----\n$/);
      writeFileSync(path("sealed.age"), sealed);
      const opened = runProgramBytes("age", ["-d", "-i", office.identityFile, path("sealed.age")]);
      expect(describeDifference(new Uint8Array(opened), plaintext)).toBe("equal");
    }
  });

  it("age -d refuses what we made when it is damaged", async () => {
    const sealed = await collect(encryptAge(chunked(new Uint8Array(1000)), [office.recipient]));
    sealed[sealed.length - 3] = (sealed[sealed.length - 3] ?? 0) ^ 1;
    writeFileSync(path("damaged.age"), sealed);
    expect(runProgram("age", ["-d", "-i", office.identityFile, path("damaged.age")]).status).not.toBe(0);
  });
});
