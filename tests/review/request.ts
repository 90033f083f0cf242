// Request documents for the review tests: the shared sample, parsed by the real schema so every
// fixture is a document the importer would accept.
import { parseRequestDocument, type RequestDocument } from "../../shared/formats/request.js";
import { sampleRequest } from "../helpers/sample-request.js";

export function request(overrides: Record<string, unknown> = {}): RequestDocument {
  const parsed = parseRequestDocument(sampleRequest(overrides));
  if (!parsed.ok) throw new Error(`test fixture is not a valid request: ${parsed.issues.join("; ")}`);
  return parsed.value;
}
