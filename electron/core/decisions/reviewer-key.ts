// The reviewer of this office copy as a signer: their minisign key pair from the store, and the
// name, office and key id a signed document records for them.
import { encodePublicKey, formatKeyId, type MinisignKeyPair, type MinisignPublicKey } from "../crypto/minisign.js";
import type { Session } from "../session/session.js";
import type { Signer } from "../../../shared/formats/document-fields.js";

export interface ReviewerSigner {
  key: MinisignKeyPair;
  signer: Signer;
  /** The base64 line `minisign -P` takes. */
  publicKeyLine: string;
}

export function reviewerSigner(session: Session): ReviewerSigner {
  const reviewer = session.store.reviewer.getReviewer();
  if (reviewer === undefined) throw new Error("The store has no reviewer, so nothing can be signed; run `counterseal init`.");
  const key: MinisignKeyPair = { keyId: reviewer.keyId, publicKey: reviewer.publicKey, secretKey: reviewer.secretKey };
  return { key, signer: { name: reviewer.name, office: reviewer.office, keyId: formatKeyId(reviewer.keyId) }, publicKeyLine: encodePublicKey(key) };
}

/**
 * The keys a verification copy can be checked against when no --pubkey is given: the store's own
 * reviewer, and its colleagues (keyring entries of kind reviewer, revoked ones too: a revocation
 * does not unsign what was signed before it), whose countersignatures lie beside its decisions.
 */
export function knownReviewerKeys(session: Session): MinisignPublicKey[] {
  const reviewer = session.store.reviewer.getReviewer();
  const own = reviewer === undefined ? [] : [{ keyId: reviewer.keyId, publicKey: reviewer.publicKey }];
  const colleagues = session.store.keyring
    .listKeyring()
    .filter((key) => key.kind === "reviewer")
    .map((key) => ({ keyId: key.keyId, publicKey: key.publicKey }));
  return [...own, ...colleagues];
}
