// What the deciding tests share: an EU production order imported for real and reviewed through
// the review service (independence declared, every applicable item answered), ready to decide.
import type { CoreError } from "../../electron/core/errors.js";
import { encodePublicKey, generateMinisignKeyPair } from "../../electron/core/crypto/minisign.js";
import { addAuthorityKey } from "../../electron/core/keyring/keyring-service.js";
import { declareIndependence, getReview, setAnswer } from "../../electron/core/review/review-service.js";
import type { ReviewRef } from "../../shared/api/review.js";
import type { ChecklistAnswer } from "../../shared/vocabulary/checklist-answers.js";
import { SAMPLE_AUTHORITY } from "../helpers/sample-request.js";
import { stockAgeKeygen } from "../helpers/stock-tools.js";
import type { ReviewOffice } from "../review/review-office.js";

export interface ReviewedOptions {
  /** Overrides of the sample request document. */
  request?: Record<string, unknown>;
  /** Answers other than `met`, by item id (a not-met answer gets a note). */
  answers?: Readonly<Record<string, ChecklistAnswer>>;
  /** Items left without an answer. */
  open?: readonly string[];
}

/** Answers every open applicable item of the review (met unless told), leaving `open` open. */
export function answerAll(office: ReviewOffice, ref: ReviewRef, options: ReviewedOptions = {}): void {
  for (const item of getReview(office.session, ref).unanswered) {
    if (options.open?.includes(item)) continue;
    const answer = options.answers?.[item] ?? "met";
    setAnswer(office.session, { ...ref, item, answer, ...(answer === "not-met" && { note: `Der Antrag belegt ${item} nicht; Łódź, Ελλάδα.` }) });
  }
}

/** A reviewer's office with one EU production order reviewed as the options say. */
export async function reviewedRequest(office: ReviewOffice, options: ReviewedOptions = {}): Promise<ReviewRef> {
  const ref = await office.importRequest(options.request);
  declareIndependence(office.session, { ...ref, conflict: false });
  answerAll(office, ref, options);
  return ref;
}

/** The issuing authority's second key, now with an age recipient the test holds the identity of. */
export function issuerCanReceive(office: ReviewOffice): { identityFile: string } {
  const age = stockAgeKeygen(office.dir, "issuer");
  addAuthorityKey(office.session, {
    authorityId: SAMPLE_AUTHORITY.id,
    name: SAMPLE_AUTHORITY.name,
    country: SAMPLE_AUTHORITY.country,
    minisignPublicKey: encodePublicKey(generateMinisignKeyPair(office.runtime.ids.randomBytes)),
    ageRecipient: age.recipient,
  });
  return { identityFile: age.identityFile };
}

/** The error's API code and message, or a failure naming what was thrown instead. */
export function refusal(run: () => unknown): { code: string; message: string } {
  try {
    run();
  } catch (error) {
    return { code: (error as CoreError).code ?? `uncoded: ${String(error)}`, message: (error as Error).message };
  }
  return { code: "no error", message: "" };
}

export const REASONS = {
  legality: "Die Anordnung stützt sich auf Art. 5 der Verordnung (EU) 2023/1543; zuständig ist das Amtsgericht.",
  necessity: "Ohne die Bestandsdaten ist der Absender der Nachrichten nicht zu ermitteln.",
  minimization: "Verkehrsdaten werden nicht gewährt: die Bestandsdaten genügen für den Zweck.",
} as const;
