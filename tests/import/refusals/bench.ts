// The bench every refusal test runs on: an office (real encrypted store, trusted issuer), the
// forge bound to it, and a reader of the store file for snapshots. A file shares one bench
// across its tests (sharedBench: the store's KDF is paid once per file, not per test); a test
// that must start from an empty store, or needs the office's own sealer, opens its own
// (openBench). Every refusal check compares snapshots before and after, so sharing is safe.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, onTestFinished } from "vitest";
import { forgeBag, type ForgedBag, type ForgeInput } from "../../helpers/bundle-forge.js";
import { encryptTo, tarBag } from "../../helpers/forge-layers.js";
import { createForgeOffice, type ForgeOffice } from "../../helpers/forge-office.js";
import { openStoreReader, type StoreReader } from "../../helpers/forge-store.js";
import { openTestOffice, type TestOffice } from "../../helpers/office.js";
import { sampleRequest } from "../../helpers/sample-request.js";
import { suiteTempFolder } from "../../helpers/temp.js";

export interface RefusalBench<Office extends ForgeOffice = ForgeOffice> {
  office: Office;
  /** The office's seeded randomness, for keys, file keys and nonces. */
  random: (length: number) => Uint8Array;
  /** A second connection to the store file, opened on first use. */
  reader(): StoreReader;
  /** A document id not used before on this bench, for the check bundle after a refusal. */
  nextCheckId(): string;
  /** A valid bag signed by the office's trusted issuer, ready to break. */
  bag(input?: Partial<ForgeInput>): ForgedBag;
  /**
   * A valid bag with two listed attachments: a 1.5 MiB one (so the sealed bundle is kept as a
   * file in evidence/, written while it streams in) and a small one after it in the archive. A
   * refusal found after the tar layer must remove that file and roll back every row.
   */
  bagWithAttachments(document?: Record<string, unknown>): ForgedBag;
  /** The bag archived and encrypted to the office, written to a file. */
  seal(bag: ForgedBag, options?: { armor?: boolean }): Promise<string>;
  /** Any plaintext (usually a hand-built tar) encrypted to the office. */
  sealPlaintext(plaintext: Uint8Array, options?: { armor?: boolean }): Promise<string>;
  /** Bytes written as they are, as a sealed file would arrive. */
  write(bytes: Uint8Array): string;
  close(): void;
}

const ATTACHMENTS = [
  { name: "order.pdf", title: "Signed production order", mediaType: "application/pdf", bytes: patterned(1536 * 1024, "%PDF-1.4 order ") },
  { name: "annex.txt", title: "Annex", mediaType: "text/plain", bytes: patterned(3000, "annex line\n") },
];

function patterned(size: number, text: string): Uint8Array {
  return new Uint8Array(Buffer.alloc(size, text));
}

function benchOn<Office extends ForgeOffice>(office: Office): RefusalBench<Office> {
  const random = office.runtime.ids.randomBytes;
  const now = (): Date => office.runtime.clock.now();
  let reader: StoreReader | undefined;
  let files = 0;
  let checks = 0;
  const write = (bytes: Uint8Array): string => {
    const file = join(office.dir, `forged-${++files}.sealed`);
    writeFileSync(file, bytes);
    return file;
  };
  const sealPlaintext = async (plaintext: Uint8Array, options: { armor?: boolean } = {}) =>
    write(await encryptTo(plaintext, [office.recipient], random, options.armor ?? false));
  return {
    office,
    random,
    reader: () => (reader ??= openStoreReader(office.session)),
    nextCheckId: () => `OM-RTM-2026-CHECK-${++checks}`,
    bag: (input = {}) => forgeBag({ signer: office.issuer, now: now(), ...input }),
    bagWithAttachments: (document = sampleRequest()) =>
      forgeBag({
        signer: office.issuer,
        now: now(),
        document: { ...document, attachments: ATTACHMENTS.map(({ name, title, mediaType }) => ({ path: `attachments/${name}`, title, mediaType })) },
        attachments: ATTACHMENTS,
      }),
    seal: async (bag, options) => sealPlaintext(await tarBag(bag), options),
    sealPlaintext,
    write,
    close: () => {
      reader?.close();
      reader = undefined;
    },
  };
}

/** A bench of its own for one test, on openTestOffice (whose folder goes after the test). */
export function openBench(): RefusalBench<TestOffice> {
  const bench = benchOn(openTestOffice());
  onTestFinished(() => bench.close());
  return bench;
}

/** One bench for every test of the calling file; call at the top level of the file. */
export function sharedBench(): () => RefusalBench {
  let bench: RefusalBench | undefined;
  let dir: string | undefined;
  const suite = suiteTempFolder("refusals");
  beforeAll(() => {
    dir = suite.dir;
    bench = benchOn(createForgeOffice(dir));
  });
  afterAll(() => {
    bench?.close();
    if (bench?.office.session.store.isOpen === true) bench.office.session.store.close();
    if (dir !== undefined) suite.remove();
  });
  return () => {
    if (bench === undefined) throw new Error("sharedBench() is used before its beforeAll ran");
    return bench;
  };
}
