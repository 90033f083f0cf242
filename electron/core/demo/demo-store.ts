// `counterseal demo`: a new store filled with the demo requests, each sealed by its authority's
// own (generated) key and imported through the same seal and import path as any real bundle.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { importBundleFile, type ImportOutcome } from "../bundles/import-bundle.js";
import { sealBundle } from "../bundles/seal-bundle.js";
import { generateMinisignKeyPair, encodePublicKey, type MinisignKeyPair } from "../crypto/minisign.js";
import { describeIdentity } from "../identity/identity-service.js";
import { initializeStore } from "../session/create-store.js";
import type { Runtime } from "../runtime.js";
import type { Session } from "../session/session.js";
import { addAuthorityKey } from "../keyring/keyring-service.js";
import { DEMO_AUTHORITIES } from "./demo-authorities.js";
import { demoRequests, type DemoRequest } from "./demo-requests.js";

export const DEMO_REVIEWER = { reviewerName: "Demo Reviewer", office: "Office of the Data Access Commissioner (demo)" };

/** Creates the store in `dir` (refusing an existing one) and imports every demo request. */
export async function buildDemoStore(dir: string, passphrase: string, runtime: Runtime): Promise<ImportOutcome[]> {
  const session = initializeStore(dir, passphrase, DEMO_REVIEWER, runtime);
  const work = await mkdtemp(join(tmpdir(), "counterseal-demo-"));
  try {
    const signers = trustDemoAuthorities(session);
    const officeRecipients = describeIdentity(session).ageRecipients;
    const outcomes: ImportOutcome[] = [];
    for (const [index, request] of demoRequests(runtime.clock.now()).entries()) {
      const file = join(work, `demo-${String(index + 1).padStart(2, "0")}.sealed`);
      await writeSealed(file, request, signers, officeRecipients, runtime);
      outcomes.push(await importBundleFile(session, file));
    }
    return outcomes;
  } finally {
    await rm(work, { recursive: true, force: true });
    session.store.close();
  }
}

function trustDemoAuthorities(session: Session): Map<string, MinisignKeyPair> {
  const signers = new Map<string, MinisignKeyPair>();
  for (const authority of DEMO_AUTHORITIES) {
    const keys = generateMinisignKeyPair(session.runtime.ids.randomBytes);
    addAuthorityKey(session, {
      authorityId: authority.id,
      name: authority.name,
      country: authority.country,
      minisignPublicKey: encodePublicKey(keys),
    });
    signers.set(authority.id, keys);
  }
  return signers;
}

async function writeSealed(
  file: string,
  request: DemoRequest,
  signers: ReadonlyMap<string, MinisignKeyPair>,
  recipients: readonly string[],
  runtime: Runtime,
): Promise<void> {
  const { document } = request;
  const signer = signers.get(document.issuingAuthority.id);
  if (!signer) throw new Error(`demo request ${document.id} names an authority without a demo key`);
  const attachments = await Promise.all(
    request.attachments.map(async (attachment) => {
      const bytes = await attachment.bytes();
      return { name: attachment.name, size: bytes.byteLength, open: async function* () { yield bytes; } };
    }),
  );
  const sealed = await sealBundle({
    bundleType: "request",
    documentBytes: new TextEncoder().encode(`${JSON.stringify(document, null, 2)}\n`),
    identifier: { authority: document.issuingAuthority.id, id: document.id, revision: document.revision },
    sourceOrganization: document.issuingAuthority.name,
    attachments,
    signer,
    recipients,
    armor: false,
    now: runtime.clock.now(),
  });
  const chunks: Uint8Array[] = [];
  for await (const chunk of sealed) chunks.push(chunk);
  await writeFile(file, chunks);
}
