// How the committed fixtures (tests/decisions/fixtures/) were made: the example documents signed
// with two fixed test keys, written as verification copies without their PDFs. They stand for
// exports already lying in court files, so they are never regenerated: schemas.test.ts keeps
// them parsing and verifying as the code moves on.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { canonicalJsonBytes } from "../../electron/core/crypto/canonical-json.js";
import { encodePublicKeyFile, formatKeyId, generateMinisignKeyPair, type MinisignKeyPair } from "../../electron/core/crypto/minisign.js";
import { signDocument, type SignedDocument } from "../../electron/core/decisions/sign-document.js";
import { testRuntime } from "../helpers/runtime.js";
import { exampleCountersignature, exampleDecision, exampleGrievance, exampleGrievanceResponse, exampleRefusal } from "./examples.js";

export const FIXTURES = join(import.meta.dirname, "fixtures");

/** The fixtures' two signers: the reviewer and the colleague who countersigns. */
export function fixtureKeys(): { reviewer: MinisignKeyPair; colleague: MinisignKeyPair } {
  const random = testRuntime(undefined, "decisions-fixtures").ids.randomBytes;
  return { reviewer: generateMinisignKeyPair(random), colleague: generateMinisignKeyPair(random) };
}

export const REVIEWER = { name: "Zofia Wójcik-Müller", office: "Biuro Kontroli Wniosków, Łódź" };
export const COLLEAGUE = { name: "Νίκος Παπαδόπουλος", office: "Biuro Kontroli Wniosków, Łódź" };

export function fixtureDocuments(): SignedDocument[] {
  const keys = fixtureKeys();
  const reviewer = { ...REVIEWER, keyId: formatKeyId(keys.reviewer.keyId) };
  const colleague = { ...COLLEAGUE, keyId: formatKeyId(keys.colleague.keyId) };
  const first = signDocument("decision", exampleDecision(reviewer), keys.reviewer);
  const refusal = signDocument("decision", exampleRefusal(reviewer, first.document.id), keys.reviewer);
  const countersignature = signDocument("countersignature", exampleCountersignature(colleague, { id: refusal.document.id, digest: refusal.digest }), keys.colleague);
  const response = signDocument("grievance-response", exampleGrievanceResponse(reviewer), keys.reviewer);
  return [first, refusal, countersignature, response];
}

export function writeFixtures(dir: string = FIXTURES): void {
  const keys = fixtureKeys();
  writeFileSync(join(dir, "reviewer.pub"), encodePublicKeyFile(keys.reviewer));
  writeFileSync(join(dir, "colleague.pub"), encodePublicKeyFile(keys.colleague));
  for (const signed of fixtureDocuments()) {
    writeFileSync(join(dir, `${signed.document.id}.json`), signed.bytes);
    writeFileSync(join(dir, `${signed.document.id}.json.minisig`), signed.signature);
  }
  const grievance = exampleGrievance();
  writeFileSync(join(dir, `${grievance.id}.json`), canonicalJsonBytes(grievance));
}
