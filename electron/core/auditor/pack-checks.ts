// What an auditor's import re-checks in an opened audit pack before it stores anything, each
// fault one AuditPackRefusedError naming the file and the claim that fails:
// - the frame: sorted references, one per line; its SHA-256 is the plan's frame hash, its length
//   the population;
// - the selection: drawn again from the frame, each member's stratum and the seed, it is the plan's
//   sample, spares and strata; the cases are exactly the sample and the purposive picks;
// - each case: its request is the revision the reference names; each decision's bytes have their
//   digest, name that revision, and carry a signature by a key of this store's keyring;
// - the audit: the checkpoint is signed by the pack's signer and names the head; the content-free
//   chain is intact up to that head; every excerpt row hashes to its row hash and sits in the chain.
import { auditPackDocumentSchema, type AuditPackDocument } from "../../../shared/formats/audit-pack.js";
import { decisionDocumentSchema } from "../../../shared/formats/decision.js";
import { drawSample, frameText } from "../../../shared/sampling/selection.js";
import { checkChain } from "../audit/export-verify.js";
import { decodeUtf8Strict } from "../crypto/bytes.js";
import { canonicalJson } from "../crypto/canonical-json.js";
import { sha256Hex } from "../crypto/digest.js";
import { formatKeyId, MinisignFormatError, MinisignVerifyError, parseSignature, verifySignature } from "../crypto/minisign.js";
import type { Session } from "../session/session.js";
import { auditRowHash, type AuthorityKey, type PackCaseInput } from "../store/index.js";
import { AuditPackRefusedError } from "./auditor-errors.js";
import type { OpenedPack } from "./pack-reader.js";

const refuse = (message: string): never => {
  throw new AuditPackRefusedError(message);
};

function fileOf(pack: OpenedPack, path: string): Uint8Array {
  return pack.files.get(path) ?? refuse(`data/${path} is named by data/audit-pack.json but is not in the pack`);
}

function textOf(pack: OpenedPack, path: string): string {
  try {
    return decodeUtf8Strict(fileOf(pack, path));
  } catch (error) {
    if (error instanceof AuditPackRefusedError) throw error;
    return refuse(`data/${path} is not UTF-8 text`);
  }
}

function jsonOf(pack: OpenedPack, path: string): unknown {
  try {
    return JSON.parse(textOf(pack, path)) as unknown;
  } catch (error) {
    if (error instanceof AuditPackRefusedError) throw error;
    return refuse(`data/${path} is not JSON: ${(error as Error).message}`);
  }
}

export function packDocument(pack: OpenedPack): AuditPackDocument {
  const parsed = auditPackDocumentSchema.safeParse(jsonOf(pack, "audit-pack.json"));
  if (!parsed.success) return refuse(`data/audit-pack.json does not match ${"counterseal.audit-pack/1"}: ${parsed.error.issues.map((issue) => `$.${issue.path.join(".")}: ${issue.message}`).join("; ")}`);
  const claimed = pack.bag.info.externalIdentifier;
  if (claimed.documentId !== parsed.data.id) refuse(`bag-info.txt names pack ${claimed.documentId}, data/audit-pack.json pack ${parsed.data.id}`);
  return parsed.data;
}

const same = (a: unknown, b: unknown): boolean => canonicalJson(a) === canonicalJson(b);

/** The frame and the selection, drawn again; answers the frame's text. */
export function checkSelection(pack: OpenedPack, document: AuditPackDocument): string {
  const { draw } = document;
  const frame = textOf(pack, document.frame.references);
  if (sha256Hex(new TextEncoder().encode(frame)) !== draw.frameHash) refuse(`data/${document.frame.references}: its SHA-256 is not the plan's frame hash ${draw.frameHash}`);
  const references = frame === "" ? [] : frame.slice(0, -1).split("\n");
  let canonical: string;
  try {
    canonical = frameText(references);
  } catch (error) {
    return refuse(`data/${document.frame.references}: ${(error as Error).message}`);
  }
  if (canonical !== frame) refuse(`data/${document.frame.references} is not a frame: references sorted by their UTF-8 bytes, each ending in "\\n"`);
  if (references.length !== draw.population) refuse(`data/${document.frame.references} lists ${references.length} references; the plan says the population is ${draw.population}`);
  const strata = jsonOf(pack, document.frame.strata);
  const members = Array.isArray(strata) ? (strata as { reference?: unknown; stratum?: unknown }[]) : refuse(`data/${document.frame.strata} is not a list of {reference, stratum}`);
  if (members.length !== references.length || members.some((member, index) => member.reference !== references[index] || typeof member.stratum !== "string" || member.stratum === "")) {
    refuse(`data/${document.frame.strata} does not give one stratum to each reference of the frame, in the frame's order`);
  }
  const redrawn = drawSample({ members: members as { reference: string; stratum: string }[], seed: draw.seed, size: draw.size, spares: draw.sparesAsked });
  if (redrawn.frameHash !== draw.frameHash) refuse("the frame hash computed from the frame differs from the plan's");
  if (!same(redrawn.sample, draw.sample)) refuse(`the sample drawn again from the frame and seed ${draw.seed} is not the plan's sample`);
  if (!same(redrawn.spares, draw.spares)) refuse("the spares drawn again from the frame and seed are not the plan's spares");
  if (!same(redrawn.strata, draw.strata)) refuse("the strata drawn again from the frame and seed are not the plan's strata");
  for (const pick of draw.purposive) {
    if (pick.alsoInRandomSample !== draw.sample.includes(pick.reference)) refuse(`purposive pick ${pick.reference}: alsoInRandomSample is ${pick.alsoInRandomSample}, which the sample contradicts`);
  }
  const expected = [...draw.sample.map((reference) => `sample ${reference}`), ...draw.purposive.filter((pick) => !pick.alsoInRandomSample).map((pick) => `purposive ${pick.reference}`)];
  const carried = document.cases.map((each) => `${each.selection} ${each.reference}`);
  if (!same(carried, expected)) refuse("data/audit-pack.json's cases are not exactly the plan's sample followed by its purposive picks");
  return frame;
}

function verifiedBy(keys: (keyId: Uint8Array) => AuthorityKey | undefined, bytes: Uint8Array, signatureText: string, what: string): void {
  try {
    const signature = parseSignature(signatureText);
    const key = keys(signature.keyId) ?? refuse(`${what} is signed by key ${formatKeyId(signature.keyId)}, which is not in this store's keyring`);
    verifySignature(bytes, signature, key);
  } catch (error) {
    if (error instanceof MinisignVerifyError || error instanceof MinisignFormatError) refuse(`${what}: ${error.message}`);
    throw error;
  }
}

interface ChainRowFields {
  seq: number;
  rowHash: string;
}

/** The checkpoint and the chain; answers each chain row's hash by seq. */
function checkAudit(pack: OpenedPack, document: AuditPackDocument): Map<number, string> {
  const { audit } = document;
  const checkpointBytes = fileOf(pack, audit.checkpoint);
  verifiedBy((keyId) => (formatKeyId(keyId) === formatKeyId(pack.signer.keyId) ? pack.signer : undefined), checkpointBytes, textOf(pack, audit.checkpointSignature), `data/${audit.checkpoint}`);
  const statement = jsonOf(pack, audit.checkpoint) as { headSeq?: unknown; headHash?: unknown };
  if (statement.headSeq !== audit.headSeq || statement.headHash !== audit.headHash) refuse(`data/${audit.checkpoint} names another head than data/audit-pack.json (seq ${audit.headSeq})`);
  const chainBytes = fileOf(pack, audit.chain);
  const chain = checkChain(chainBytes);
  if (!chain.ok) return refuse(`data/${audit.chain} line ${chain.line} (seq ${chain.seq}): ${chain.reason}`);
  if (chain.headSeq !== audit.headSeq || chain.headHash !== audit.headHash) refuse(`data/${audit.chain} ends at seq ${chain.headSeq}, not at the checkpoint's head ${audit.headSeq}`);
  const hashes = new Map<number, string>();
  for (const line of decodeUtf8Strict(chainBytes).split("\n").slice(1)) {
    if (line === "") continue;
    const row = JSON.parse(line) as ChainRowFields;
    hashes.set(row.seq, row.rowHash);
  }
  return hashes;
}

interface ExcerptRow {
  seq: number;
  at: number;
  actor: string;
  action: string;
  objectType: string;
  objectId: string;
  detailsDigest: string;
  prevHash: string;
  rowHash: string;
  details: unknown;
}

function checkExcerpt(text: string, path: string, chain: ReadonlyMap<number, string>): void {
  text.split("\n").forEach((line, index) => {
    if (line === "") return;
    const where = `data/${path} line ${index + 1}`;
    let row: ExcerptRow;
    try {
      row = JSON.parse(line) as ExcerptRow;
    } catch {
      return refuse(`${where} is not JSON`);
    }
    if (sha256Hex(new TextEncoder().encode(canonicalJson(row.details))) !== row.detailsDigest) refuse(`${where} (seq ${row.seq}): its details do not match its details digest`);
    const { details: _details, rowHash, ...fields } = row;
    void _details;
    if (auditRowHash(fields) !== rowHash) refuse(`${where} (seq ${row.seq}): its fields do not hash to its row hash`);
    if (chain.get(row.seq) !== rowHash) refuse(`${where} (seq ${row.seq}) is not the row the signed chain holds at that seq`);
  });
}

/** Every case checked, as the store keeps it. */
export function checkCases(session: Session, pack: OpenedPack, document: AuditPackDocument): PackCaseInput[] {
  const chain = checkAudit(pack, document);
  const keys = (keyId: Uint8Array): AuthorityKey | undefined => session.store.keyring.findKeyById(keyId);
  return document.cases.map((each) => {
    const [authority, id, revision] = each.reference.split("/");
    const request = textOf(pack, each.request);
    const parsed = jsonOf(pack, each.request) as { issuingAuthority?: { id?: unknown }; id?: unknown; revision?: unknown };
    if (parsed.issuingAuthority?.id !== authority || parsed.id !== id || parsed.revision !== Number(revision)) refuse(`data/${each.request} is not the request ${each.reference}`);
    const review = each.review === null ? null : textOf(pack, each.review);
    if (each.review !== null) jsonOf(pack, each.review);
    const decisions = each.decisions.map((decision) => {
      const bytes = fileOf(pack, decision.document);
      if (sha256Hex(bytes) !== decision.sha256) refuse(`data/${decision.document}: its SHA-256 is not the one data/audit-pack.json lists`);
      const signature = textOf(pack, decision.signature);
      verifiedBy(keys, bytes, signature, `data/${decision.document}`);
      const signed = decisionDocumentSchema.safeParse(JSON.parse(decodeUtf8Strict(bytes)));
      if (!signed.success) return refuse(`data/${decision.document} is not a decision document`);
      const about = signed.data.request;
      if (about.authority !== authority || about.id !== id || about.revision !== Number(revision) || signed.data.id !== decision.id) {
        refuse(`data/${decision.document} is not decision ${decision.id} on ${each.reference}`);
      }
      return { id: decision.id, bytes, signature, sha256: decision.sha256, current: decision.current };
    });
    const auditExcerpt = textOf(pack, each.audit);
    checkExcerpt(auditExcerpt, each.audit, chain);
    return { reference: each.reference, selection: each.selection, purposiveReason: each.purposiveReason, request, review, auditExcerpt, decisions };
  });
}
