// What every review operation starts from: the stored revision a reference names, its request
// document read back, its review (if one was started) and the template that review uses.
import type { ReviewRef } from "../../../shared/api/review.js";
import { parseRequestDocument, type RequestDocument } from "../../../shared/formats/request.js";
import { CHECKLIST_TEMPLATES, templateFor, type ChecklistTemplate } from "../../../shared/review/templates.js";
import { CASE_STATES, type CaseState } from "../../../shared/vocabulary/case-states.js";
import { isOneOf } from "../../../shared/vocabulary/is-one-of.js";
import { RequestNotFoundError } from "../requests/requests-service.js";
import { storedTerm } from "../requests/stored-vocabulary.js";
import type { Session } from "../session/session.js";
import type { ReviewRecord, StoredRequest } from "../store/index.js";
import { ReviewTemplateUnknownError } from "./review-errors.js";

export interface ReviewTarget {
  stored: StoredRequest;
  document: RequestDocument;
  review: ReviewRecord | undefined;
  template: ChecklistTemplate;
  state: CaseState;
}

const isCaseState = isOneOf(CASE_STATES);

/** The request document as it was verified at import; one that no longer parses is a fault of this version. */
export function storedDocument(stored: StoredRequest): RequestDocument {
  const parsed = parseRequestDocument(JSON.parse(stored.document) as unknown);
  if (!parsed.ok) throw new Error(`the stored document of ${stored.authorityId}/${stored.documentId}/${stored.revision} no longer reads as a request: ${parsed.issues.join("; ")}`);
  return parsed.value;
}

/** A started review keeps its template; a review not yet started would use the current one. */
function templateOf(review: ReviewRecord | undefined, document: RequestDocument): ChecklistTemplate {
  if (review === undefined) return templateFor(document.instrument);
  const template = CHECKLIST_TEMPLATES.find((candidate) => candidate.id === review.templateId && candidate.version === review.templateVersion);
  if (template === undefined) {
    throw new ReviewTemplateUnknownError(`the review was started on template ${review.templateId} (version ${review.templateVersion}), which this version of Counterseal does not have`);
  }
  return template;
}

export function loadReviewTarget(session: Session, ref: ReviewRef): ReviewTarget {
  const stored = session.store.requests.getRequest(ref.authority, ref.id, ref.revision);
  if (stored === undefined) throw new RequestNotFoundError(`no stored request ${ref.authority}/${ref.id}/${ref.revision}`);
  const document = storedDocument(stored);
  const review = session.store.review.forRequest(stored.id);
  const state = storedTerm(isCaseState, review?.state ?? stored.status, "case state");
  return { stored, document, review, template: templateOf(review, document), state };
}
