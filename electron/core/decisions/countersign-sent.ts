// The countersignature requests this store sealed for one of its decisions, for the decision's
// page ("a request was sent, and when"). Nothing but the audit log records a request sent (the
// bundle leaves the store), so they are read back from its `countersignature.requested` rows,
// with the colleague's name as the keyring holds it now.
import type { CountersignRequestSent } from "../../../shared/api/countersign.js";
import { parseAuditDetails } from "../../../shared/formats/audit.js";
import { formatKeyId } from "../crypto/minisign.js";
import type { Session } from "../session/session.js";
import { findDecision } from "./decision-views.js";

export function listCountersignRequestsSent(session: Session, decisionId: string): CountersignRequestSent[] {
  findDecision(session, decisionId);
  return session.store.audit.entriesOf("countersignature.requested", decisionId).map((entry) => {
    const details = parseAuditDetails("countersignature.requested", entry.details);
    const keyId = Uint8Array.from(Buffer.from(details.toKeyId, "hex"));
    const key = session.store.keyring.findKeyById(keyId);
    return {
      to: details.to,
      name: key?.authorityName ?? details.to,
      toKeyId: formatKeyId(keyId),
      at: entry.at.toISOString(),
      sealedSha256: details.sealedSha256,
    };
  });
}
