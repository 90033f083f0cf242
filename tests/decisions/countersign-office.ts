// Two reviewers' offices, each its own store (offices work on one laptop per reviewer), that know
// each other as keyring entries of kind reviewer: the deciding office's colleague is
// `reviewer:nikos`, and the colleague's store knows the decider as `reviewer:zofia`. Each store
// also holds a stock age identity (made by age-keygen) whose recipient the other seals to, so the
// tests open the bundles with the stock `age` as well as with Counterseal.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { decide } from "../../electron/core/decisions/decide.js";
import { addAgeIdentities } from "../../electron/core/identity/identity-service.js";
import { addAuthorityKey } from "../../electron/core/keyring/keyring-service.js";
import { encodePublicKey } from "../../electron/core/crypto/minisign.js";
import { reviewerSigner } from "../../electron/core/decisions/reviewer-key.js";
import { updateCountersignSettings } from "../../electron/core/settings/countersign-settings.js";
import type { ReviewRef } from "../../shared/api/review.js";
import { testRuntime } from "../helpers/runtime.js";
import { openTestOffice } from "../helpers/office.js";
import { stockAgeKeygen, type StockAgeKey } from "../helpers/stock-tools.js";
import { openReviewOffice, type ReviewOffice } from "../review/review-office.js";
import { REASONS, reviewedRequest } from "./decide-office.js";

export interface FourEyes {
  decider: ReviewOffice;
  colleague: ReviewOffice;
  /** Stock age identities the other office seals to. */
  deciderAge: StockAgeKey;
  colleagueAge: StockAgeKey;
  /** The .pub files of each reviewer's key, for stock minisign. */
  deciderPub: string;
  colleaguePub: string;
  ref: ReviewRef;
  decisionId: string;
  close(): void;
}

export const DECISION_ID = "D-2026-0002";

function reviewerPub(office: ReviewOffice, name: string): string {
  const file = join(office.dir, `${name}.pub`);
  const line = reviewerSigner(office.session).publicKeyLine;
  writeFileSync(file, `untrusted comment: minisign public key\n${line}\n`);
  return file;
}

/** Both offices, the decider's request reviewed and decided as `authorised` under a rule that asks four eyes of that outcome. */
export async function fourEyes(): Promise<FourEyes> {
  const decider = openReviewOffice(openTestOffice(testRuntime(undefined, "decider")));
  const colleague = openReviewOffice(openTestOffice(testRuntime(undefined, "colleague")));
  const deciderAge = stockAgeKeygen(decider.dir, "decider");
  const colleagueAge = stockAgeKeygen(colleague.dir, "colleague");
  addAgeIdentities(decider.session, readFileSync(deciderAge.identityFile, "utf8"), "four-eyes test");
  addAgeIdentities(colleague.session, readFileSync(colleagueAge.identityFile, "utf8"), "four-eyes test");
  addAuthorityKey(decider.session, { authorityId: "reviewer:nikos", kind: "reviewer", name: "Νίκος Παπαδόπουλος", country: "PL", minisignPublicKey: encodePublicKey(reviewerSigner(colleague.session).key), ageRecipient: colleagueAge.recipient });
  addAuthorityKey(colleague.session, { authorityId: "reviewer:zofia", kind: "reviewer", name: "Zofia Wójcik-Müller", country: "PL", minisignPublicKey: encodePublicKey(reviewerSigner(decider.session).key), ageRecipient: deciderAge.recipient });
  updateCountersignSettings(decider.session, { outcomes: ["authorised"] });
  const ref = await reviewedRequest(decider);
  decide(decider.session, { ...ref, outcome: "authorised", reasons: { legality: REASONS.legality }, decisionId: DECISION_ID });
  return {
    decider,
    colleague,
    deciderAge,
    colleagueAge,
    deciderPub: reviewerPub(decider, "decider"),
    colleaguePub: reviewerPub(colleague, "colleague"),
    ref,
    decisionId: DECISION_ID,
    close: () => {
      for (const office of [decider, colleague]) if (office.session.store.isOpen) office.session.store.close();
    },
  };
}
