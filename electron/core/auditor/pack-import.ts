// `counterseal auditor import PACK`: an audit pack into an auditor's store. The pack is opened
// (pack-reader.ts) and every claim it makes re-checked (pack-checks.ts) before anything is
// written; then the pack, its cases and decisions and the import's audit row go in one
// transaction. A refusal stores nothing. The same pack (by its bundle digest) again is a duplicate.
import { formatKeyId } from "../crypto/minisign.js";
import type { Session } from "../session/session.js";
import { AuditPackRefusedError } from "./auditor-errors.js";
import { checkCases, checkSelection, packDocument } from "./pack-checks.js";
import { openAuditPack } from "./pack-reader.js";
import { assertAuditorStore } from "./store-mode.js";

export interface PackImport {
  status: "imported" | "duplicate";
  id: string;
  bundleDigest: string;
  office: string;
  signerKeyId: string;
  frameHash: string;
  seed: string;
  population: number;
  sample: number;
  purposive: number;
  decisionsVerified: number;
}

export async function importAuditPack(session: Session, file: string): Promise<PackImport> {
  assertAuditorStore(session, "auditor import");
  const pack = await openAuditPack(session, file);
  const document = packDocument(pack);
  const summary = (status: PackImport["status"], decisions: number): PackImport => ({
    status,
    id: document.id,
    bundleDigest: pack.bag.bundleDigest,
    office: pack.bag.info.sourceOrganization,
    signerKeyId: formatKeyId(pack.signer.keyId),
    frameHash: document.draw.frameHash,
    seed: document.draw.seed,
    population: document.draw.population,
    sample: document.draw.sample.length,
    purposive: document.draw.purposive.length,
    decisionsVerified: decisions,
  });
  const { auditPacks } = session.store;
  if (auditPacks.packWithDigest(pack.bag.bundleDigest) !== undefined) return summary("duplicate", 0);
  if (auditPacks.getPack(document.id) !== undefined) throw new AuditPackRefusedError(`${file}: this store already holds another pack named ${document.id}`);
  const frame = checkSelection(pack, document);
  const cases = checkCases(session, pack, document);
  auditPacks.insertPack(session.actor, {
    id: document.id,
    bundleDigest: pack.bag.bundleDigest,
    signerKeyId: pack.signer.keyId,
    sourceOrganization: pack.bag.info.sourceOrganization,
    document: new TextDecoder().decode(pack.files.get("audit-pack.json")),
    frame,
    frameHash: document.draw.frameHash,
    cases,
  });
  return summary("imported", cases.reduce((sum, each) => sum + each.decisions.length, 0));
}
