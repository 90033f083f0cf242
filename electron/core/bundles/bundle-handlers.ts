// The import pipeline's dispatch by Bundle-Type: every bundle is opened the same way (age → tar →
// BagIt → signature by a keyring key, open-bundle.ts), then its type's handler decides whether
// that signer is trusted for it, reads its document and stores what it brings, inside the
// bundle's savepoint. Adding a type is one handler file and one line in BUNDLE_HANDLERS.
import type { BundleType } from "./bagit-tags.js";
import type { BundleLimits } from "./limits.js";
import type { OpenedBag } from "./open-bundle.js";
import { refuse } from "./refusal.js";
import { SIGNATURE_FILE } from "./bag-check.js";
import { formatKeyId } from "../crypto/minisign.js";
import { decideKeyUsable } from "../keyring/signer-trust.js";
import type { Session } from "../session/session.js";
import type { EvidenceWriter } from "../store/index.js";
import { countersignatureRequestBundle } from "../decisions/countersign-request-import.js";
import { countersignatureBundle } from "../decisions/countersignature-import.js";
import { executionReportBundle } from "../executions/execution-report-bundle.js";
import { grievanceBundle } from "../grievances/grievance-import.js";
import { requestBundle } from "./types/request-bundle.js";

/** What an imported bundle is known by in its outcome: who sent it (the signer's keyring entry) and its document. */
export interface StoredBundle {
  authority: string;
  id: string;
  revision: number;
}

/** Stored now, or found stored already (exactly this bundle): the import rolls a duplicate's savepoint back. */
export type ImportedBundle = StoredBundle & { status: "imported" | "duplicate" };

export interface HandlerContext {
  session: Session;
  limits: BundleLimits;
  /** Import time: the moment the signer's key must be valid at. */
  now: Date;
}

export interface BundleHandler {
  /**
   * Trusts the signer for this type (refusing with signer-… codes), reads and checks the
   * document (document-invalid, bundle-conflict …) and stores it, or answers `duplicate` when
   * exactly this bundle is stored already. The writer has kept the sealed bytes so far: a
   * handler that keeps no evidence discards it.
   */
  import(context: HandlerContext, opened: OpenedBag, writer: EvidenceWriter): ImportedBundle;
}

const BUNDLE_HANDLERS: Partial<Record<BundleType, BundleHandler>> = {
  request: requestBundle,
  grievance: grievanceBundle,
  "countersignature-request": countersignatureRequestBundle,
  countersignature: countersignatureBundle,
  "execution-report": executionReportBundle,
};

/** The types this office imports. */
export const IMPORTED_BUNDLE_TYPES = Object.keys(BUNDLE_HANDLERS) as BundleType[];

/** Hands the opened bundle to its type's handler; a type without one is refused once its signer is known to be usable. */
export function importOpenedBag(context: HandlerContext, opened: OpenedBag, writer: EvidenceWriter): ImportedBundle {
  const type = opened.bag.info.bundleType;
  const handler = BUNDLE_HANDLERS[type];
  if (handler === undefined) {
    const usable = decideKeyUsable(opened.signer.key, formatKeyId(opened.signer.key.keyId), context.now);
    if (!usable.trusted) refuse(usable.code, `${SIGNATURE_FILE}: ${usable.reason}`);
    refuse("document-invalid", `bag-info.txt: Bundle-Type "${type}" cannot be imported; this office imports ${IMPORTED_BUNDLE_TYPES.join(", ")} bundles`);
  }
  return handler.import(context, opened, writer);
}
