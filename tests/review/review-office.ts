// A test office with requests imported for real, for the review service, API and crash tests:
// the store, the session and a ReviewRef per imported revision.
import { importBundleFile } from "../../electron/core/bundles/import-bundle.js";
import type { ReviewRef } from "../../shared/api/review.js";
import { openTestOffice, type TestOffice } from "../helpers/office.js";
import { sampleRequest } from "../helpers/sample-request.js";

export interface ReviewOffice extends TestOffice {
  /** Seals and imports a request document (sampleRequest with these overrides); answers its reference. */
  importRequest(overrides?: Record<string, unknown>, attachments?: { name: string; bytes: Uint8Array }[]): Promise<ReviewRef>;
}

export function openReviewOffice(office: TestOffice = openTestOffice()): ReviewOffice {
  return {
    ...office,
    async importRequest(overrides = {}, attachments = []) {
      const file = await office.seal({ document: sampleRequest(overrides), attachments });
      const outcome = await importBundleFile(office.session, file);
      if (outcome.status !== "imported") throw new Error(`fixture import: ${JSON.stringify(outcome)}`);
      return { authority: outcome.authority, id: outcome.id, revision: outcome.revision };
    },
  };
}
