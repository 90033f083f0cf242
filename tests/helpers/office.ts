// A test office: an initialised store (reviewer key, office age identity), a trusted issuer with
// its minisign key pair, and helpers to seal request bundles the way `counterseal seal` does.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { sealBundle, type SealAttachment } from "../../electron/core/bundles/seal-bundle.js";
import { encodePublicKey, generateMinisignKeyPair, type MinisignKeyPair } from "../../electron/core/crypto/minisign.js";
import { describeIdentity } from "../../electron/core/identity/identity-service.js";
import { initializeStore } from "../../electron/core/session/create-store.js";
import type { Session } from "../../electron/core/session/session.js";
import { addAuthorityKey } from "../../electron/core/keyring/keyring-service.js";
import { testRuntime, type TestRuntime } from "./runtime.js";
import { SAMPLE_AUTHORITY, sampleRequest } from "./sample-request.js";
import { tempFolder } from "./temp.js";
import { TEST_PASSPHRASE } from "./passphrases.js";

export const STORE_PASSPHRASE = TEST_PASSPHRASE;

export interface TestOffice {
  dir: string;
  storeDir: string;
  session: Session;
  runtime: TestRuntime;
  recipient: string;
  issuer: MinisignKeyPair;
  /** Seals a request document (default: sampleRequest()) to the office, returning the file path. */
  seal(options?: { document?: Record<string, unknown>; attachments?: { name: string; bytes: Uint8Array }[]; signer?: MinisignKeyPair; armor?: boolean; name?: string }): Promise<string>;
}

export function openTestOffice(runtime: TestRuntime = testRuntime()): TestOffice {
  const dir = tempFolder();
  const storeDir = join(dir, "store");
  const session = initializeStore(storeDir, STORE_PASSPHRASE, { reviewerName: "Test Reviewer", office: "Test Office" }, runtime);
  const issuer = generateMinisignKeyPair(runtime.ids.randomBytes);
  addAuthorityKey(session, {
    authorityId: SAMPLE_AUTHORITY.id,
    name: SAMPLE_AUTHORITY.name,
    country: SAMPLE_AUTHORITY.country,
    minisignPublicKey: encodePublicKey(issuer),
  });
  const recipient = describeIdentity(session).ageRecipients[0] ?? "";
  let sealed = 0;
  return {
    dir,
    storeDir,
    session,
    runtime,
    recipient,
    issuer,
    async seal(options = {}) {
      const document = options.document ?? sampleRequest();
      const issuing = document["issuingAuthority"] as { id: string; name: string };
      const attachments: SealAttachment[] = (options.attachments ?? []).map((file) => ({
        name: file.name,
        size: file.bytes.byteLength,
        open: async function* () {
          yield file.bytes;
        },
      }));
      const stream = await sealBundle({
        bundleType: "request",
        documentBytes: new TextEncoder().encode(JSON.stringify(document)),
        identifier: { authority: issuing.id, id: String(document["id"]), revision: Number(document["revision"]) },
        sourceOrganization: issuing.name,
        attachments,
        signer: options.signer ?? issuer,
        recipients: [recipient],
        armor: options.armor ?? false,
        now: runtime.clock.now(),
      });
      const chunks: Uint8Array[] = [];
      for await (const chunk of stream) chunks.push(chunk);
      const file = join(dir, options.name ?? `bundle-${++sealed}.sealed`);
      writeFileSync(file, Buffer.concat(chunks));
      return file;
    },
  };
}
