// Forges request bundles layer by layer for refusal tests. A ForgedBag starts as the valid bag
// `counterseal seal` would write (same bag-writer, same signer), kept as an editable map of
// bag path → bytes. A test breaks exactly one thing, then re-stamps only the layers that
// must stay consistent, so that the one fault it means is the only one the importer can find.
// Tar, age and on-disk steps live in forge-layers.ts.
import { bagInfoTxt, bagitTxt, manifestText, type BundleType, type PayloadFile } from "../../electron/core/bundles/bag-writer.js";
import { bagRootName } from "../../electron/core/bundles/seal-bundle.js";
import { sha256Hex } from "../../electron/core/crypto/digest.js";
import { signPrehashed, type MinisignKeyPair } from "../../electron/core/crypto/minisign.js";
import { sampleRequest } from "./sample-request.js";

export const PAYLOAD_MANIFEST = "manifest-sha256.txt";
export const TAG_MANIFEST = "tagmanifest-sha256.txt";
export const SIGNATURE = "tagmanifest-sha256.txt.minisig";

const utf8 = new TextEncoder();
const bytesOf = (content: string | Uint8Array): Uint8Array => (typeof content === "string" ? utf8.encode(content) : content);
const textOf = (bytes: Uint8Array): string => Buffer.from(bytes).toString("utf8");

export interface ForgeInput {
  signer: MinisignKeyPair;
  now: Date;
  /** The request document; sampleRequest() by default. Ignored when documentBytes is given. */
  document?: Record<string, unknown>;
  /** The exact bytes of data/<type>.json, for documents JSON.stringify cannot write. */
  documentBytes?: Uint8Array;
  /** Files put under data/attachments/ (the document must list them itself). */
  attachments?: readonly { name: string; bytes: Uint8Array }[];
  bundleType?: BundleType;
  /** External-Identifier; from the document by default. */
  externalIdentifier?: string;
  /** The bag's top-level directory in the archive; the sealer's name for it by default. */
  root?: string;
}

export class ForgedBag {
  /** Bag path → bytes. Insertion order is the archive order. */
  readonly files = new Map<string, Uint8Array>();
  readonly root: string;
  signer: MinisignKeyPair;
  readonly now: Date;

  constructor(input: ForgeInput) {
    const type = input.bundleType ?? "request";
    const document = input.document ?? sampleRequest();
    const documentBytes = input.documentBytes ?? utf8.encode(JSON.stringify(document));
    // A document that is not a request (a grievance…) names no issuer: the bag's names come from its identifier.
    const issuing = (document["issuingAuthority"] as { id: string; name: string } | undefined) ?? { id: input.externalIdentifier?.split("/")[0] ?? "sender", name: "Sender" };
    const identifier = input.externalIdentifier ?? `${issuing.id}/${String(document["id"])}/${String(document["revision"])}`;
    this.root = input.root ?? bagRootName({ authority: issuing.id, id: String(document["id"]), revision: Number(document["revision"]) });
    this.signer = input.signer;
    this.now = input.now;
    const payload: [string, Uint8Array][] = [
      [`data/${type}.json`, documentBytes],
      ...(input.attachments ?? []).map((file): [string, Uint8Array] => [`data/attachments/${file.name}`, file.bytes]),
    ];
    const description = { bundleType: type, externalIdentifier: identifier, sourceOrganization: issuing.name, baggingDate: input.now.toISOString().slice(0, 10), payload: payloadFiles(payload) };
    // Tag files first, as seal-bundle writes them; the manifests and signature are filled in by restamp().
    this.files.set("bagit.txt", bagitTxt());
    this.files.set("bag-info.txt", bagInfoTxt(description));
    this.files.set(PAYLOAD_MANIFEST, new Uint8Array());
    this.files.set(TAG_MANIFEST, new Uint8Array());
    this.files.set(SIGNATURE, new Uint8Array());
    for (const [path, bytes] of payload) this.files.set(path, bytes);
    this.restamp();
  }

  has(path: string): boolean {
    return this.files.has(path);
  }

  bytes(path: string): Uint8Array {
    const bytes = this.files.get(path);
    if (bytes === undefined) throw new Error(`the forged bag has no ${path}`);
    return bytes;
  }

  text(path: string): string {
    return textOf(this.bytes(path));
  }

  put(path: string, content: string | Uint8Array): this {
    this.files.set(path, bytesOf(content));
    return this;
  }

  remove(path: string): this {
    if (!this.files.delete(path)) throw new Error(`the forged bag has no ${path} to remove`);
    return this;
  }

  /** Rewrites a text file; the edit must change it, or the test would prove nothing. */
  edit(path: string, change: (text: string) => string): this {
    const before = this.text(path);
    const after = change(before);
    if (after === before) throw new Error(`the edit left ${path} unchanged`);
    return this.put(path, after);
  }

  /** Rewrites line `number` (1-based) of a text file, keeping its line end. */
  editLine(path: string, number: number, change: (line: string) => string): this {
    return this.edit(path, (text) => {
      const lines = text.split("\n");
      const line = lines[number - 1];
      if (line === undefined) throw new Error(`${path} has no line ${number}`);
      lines[number - 1] = change(line);
      return lines.join("\n");
    });
  }

  /** Bag paths of the payload (data/…), in archive order. */
  payloadPaths(): string[] {
    return [...this.files.keys()].filter((path) => path.startsWith("data/"));
  }

  /** manifest-sha256.txt from the payload as it is now, sorted as the bag writer sorts it. */
  updateManifest(): this {
    const entries = this.payloadPaths()
      .sort()
      .map((bagPath) => ({ bagPath, sha256: sha256Hex(this.bytes(bagPath)) }));
    return this.put(PAYLOAD_MANIFEST, manifestText(entries));
  }

  /** Payload-Oxum in bag-info.txt from the payload as it is now. */
  updateOxum(): this {
    const paths = this.payloadPaths();
    const octets = paths.reduce((sum, path) => sum + this.bytes(path).byteLength, 0);
    const oxum = `Payload-Oxum: ${octets}.${paths.length}`;
    const text = this.text("bag-info.txt");
    return this.put("bag-info.txt", text.replace(/^Payload-Oxum: .*$/m, oxum));
  }

  /** tagmanifest-sha256.txt over every tag file but the tag manifests and the signature. */
  updateTagManifest(): this {
    const entries = [...this.files.keys()]
      .filter((path) => !path.startsWith("data/") && !/^tagmanifest-[a-z0-9]+\.txt$/.test(path) && path !== SIGNATURE)
      .map((bagPath) => ({ bagPath, sha256: sha256Hex(this.bytes(bagPath)) }));
    return this.put(TAG_MANIFEST, manifestText(entries));
  }

  /** Signs tagmanifest-sha256.txt as it is now (prehashed ED, seal-bundle's trusted comment). */
  sign(options: { signer?: MinisignKeyPair; trustedComment?: string } = {}): this {
    const signer = options.signer ?? this.signer;
    const comment = options.trustedComment ?? `timestamp:${Math.floor(this.now.getTime() / 1000)}\tfile:${TAG_MANIFEST}\thashed`;
    return this.put(SIGNATURE, signPrehashed(this.bytes(TAG_MANIFEST), signer, comment));
  }

  /** Makes every layer consistent with the files as they are now: what an honest sender does. */
  restamp(): this {
    return this.updateManifest().updateOxum().updateTagManifest().sign();
  }
}

export const forgeBag = (input: ForgeInput): ForgedBag => new ForgedBag(input);

function payloadFiles(payload: readonly [string, Uint8Array][]): PayloadFile[] {
  return payload.map(([bagPath, bytes]) => ({ bagPath, size: bytes.byteLength, sha256: sha256Hex(bytes) }));
}
