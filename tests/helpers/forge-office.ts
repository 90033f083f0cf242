// An office for forging tests that lives in a folder the caller owns, so that one office (and
// the cost of its store's KDF) can serve a whole test file: openTestOffice's folder is removed
// after every test. Same setup as openTestOffice, without its seal() helper.
import { join } from "node:path";
import { encodePublicKey, generateMinisignKeyPair, type MinisignKeyPair } from "../../electron/core/crypto/minisign.js";
import { describeIdentity } from "../../electron/core/identity/identity-service.js";
import { initializeStore } from "../../electron/core/session/create-store.js";
import type { Session } from "../../electron/core/session/session.js";
import { addAuthorityKey } from "../../electron/core/keyring/keyring-service.js";
import { STORE_PASSPHRASE } from "./office.js";
import { testRuntime, type TestRuntime } from "./runtime.js";
import { SAMPLE_AUTHORITY } from "./sample-request.js";

/** What the forge needs of an office; a TestOffice is one too. */
export interface ForgeOffice {
  dir: string;
  session: Session;
  runtime: TestRuntime;
  recipient: string;
  issuer: MinisignKeyPair;
}

export function createForgeOffice(dir: string, runtime: TestRuntime = testRuntime()): ForgeOffice {
  const session = initializeStore(join(dir, "store"), STORE_PASSPHRASE, { reviewerName: "Test Reviewer", office: "Test Office" }, runtime);
  const issuer = generateMinisignKeyPair(runtime.ids.randomBytes);
  addAuthorityKey(session, {
    authorityId: SAMPLE_AUTHORITY.id,
    name: SAMPLE_AUTHORITY.name,
    country: SAMPLE_AUTHORITY.country,
    minisignPublicKey: encodePublicKey(issuer),
  });
  return { dir, session, runtime, recipient: describeIdentity(session).ageRecipients[0] ?? "", issuer };
}
