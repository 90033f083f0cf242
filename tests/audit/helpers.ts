// Shared by the audit tests: a store filled by every operation that writes to the audit log,
// and tampering with its audit_log behind the store's back through a second, raw connection.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { importBundleFile } from "../../electron/core/bundles/import-bundle.js";
import { generateAgeIdentity } from "../../electron/core/crypto/age.js";
import { formatKeyId } from "../../electron/core/crypto/minisign.js";
import { exportGrievanceResponse } from "../../electron/core/grievances/grievance-export.js";
import { registerGrievance } from "../../electron/core/grievances/grievance-register.js";
import { respondToGrievance } from "../../electron/core/grievances/grievance-response.js";
import { addAgeIdentities } from "../../electron/core/identity/identity-service.js";
import { addAuthorityKey, revokeAuthorityKey } from "../../electron/core/keyring/keyring-service.js";
import { readAttachmentInline, saveAttachment } from "../../electron/core/requests/attachments-service.js";
import { changeScope, confirmCarriedOver, declareIndependence, getReview, reviewFinding, setAnswer } from "../../electron/core/review/review-service.js";
import { decide } from "../../electron/core/decisions/decide.js";
import { recordExecution } from "../../electron/core/executions/execution-service.js";
import { exportReport, transparencyReport } from "../../electron/core/statistics/report-service.js";
import { exportAuditPack } from "../../electron/core/sampling/audit-pack.js";
import { updateCountersignSettings } from "../../electron/core/settings/countersign-settings.js";
import { deleteCase, exportOriginal } from "../../electron/core/requests/evidence-service.js";
import { unlockSession } from "../../electron/core/session/unlock.js";
import { changePassphrase } from "../../electron/core/session/create-store.js";
import { updateSettings } from "../../electron/core/settings/settings-service.js";
import { openKeyedConnection, storeFile } from "../../electron/core/store/index.js";
import { generateMinisignKeyPair, encodePublicKey } from "../../electron/core/crypto/minisign.js";
import { openTestOffice, STORE_PASSPHRASE, type TestOffice } from "../helpers/office.js";
import { testRuntime } from "../helpers/runtime.js";
import { openReviewOffice } from "../review/review-office.js";
import { reviewedRequest } from "../decisions/decide-office.js";
import { requestCountersignature } from "../../electron/core/decisions/countersign-request.js";
import { answerCountersignRequest } from "../../electron/core/decisions/countersign-answer.js";
import { reviewerSigner } from "../../electron/core/decisions/reviewer-key.js";
import { sampleRequest } from "../helpers/sample-request.js";

export const NEW_PASSPHRASE = "a second, longer passphrase";

const pdf = new TextEncoder().encode("%PDF-1.4\n% audit test\n%%EOF\n");

/**
 * A store through the real services: init (store, reviewer, age identity), keyring add, import
 * with an attachment, a refused import, the attachment viewed and saved, settings, another age
 * identity, a second key added and revoked, the sealed original exported, a second request
 * imported and its case deleted, a review (independence, an answer, a finding accepted, a scope
 * narrowed) and a second revision's review confirming the answer carried over, the second
 * revision decided (every open item deferred, the case's four-eyes rule changed first), four eyes
 * with a colleague's store both ways (a reviewer entry, a request sealed, its countersignature
 * imported; a colleague's request imported and declined), a grievance registered, answered and
 * exported, a subscriber-only request authorised (items deferred) with its execution recorded and
 * a transparency report exported, an audit pack sealed (with its checkpoint), a passphrase change
 * (rekey), and an unlock after
 * one failed attempt. Its passphrase is then
 * NEW_PASSPHRASE.
 */
export async function busyOffice(): Promise<TestOffice> {
  const office = openTestOffice();
  const step = () => office.runtime.advance(60_000);
  const document = sampleRequest({ attachments: [{ path: "attachments/order.pdf", title: "Signed order", mediaType: "application/pdf" }] });
  step();
  const outcome = await importBundleFile(office.session, await office.seal({ document, attachments: [{ name: "order.pdf", bytes: pdf }] }));
  if (outcome.status !== "imported") throw new Error(`fixture import: ${JSON.stringify(outcome)}`);
  step();
  // Signed by a key the keyring does not hold: refused, and the refusal is recorded.
  const stranger = await office.seal({ document: sampleRequest({ id: "REQ-UNKNOWN" }), signer: generateMinisignKeyPair(office.runtime.ids.randomBytes) });
  const refused = await importBundleFile(office.session, stranger);
  if (refused.status !== "refused") throw new Error(`fixture refusal: ${JSON.stringify(refused)}`);
  step();
  readAttachmentInline(office.session, { authority: outcome.authority, id: outcome.id, revision: outcome.revision, path: "attachments/order.pdf" });
  step();
  await saveAttachment(
    office.session,
    { authority: outcome.authority, id: outcome.id, revision: outcome.revision, path: "attachments/order.pdf" },
    { path: join(office.dir, "saved.pdf"), replaceExisting: false },
  );
  step();
  updateSettings(office.session, { idleLockMinutes: 3, locale: "fr-FR" });
  step();
  addAgeIdentities(office.session, generateAgeIdentity(office.runtime.ids.randomBytes), "shared by the office");
  step();
  const second = generateMinisignKeyPair(office.runtime.ids.randomBytes);
  addAuthorityKey(office.session, { authorityId: "fr-pnf", name: "Parquet national financier", country: "FR", minisignPublicKey: encodePublicKey(second) });
  step();
  revokeAuthorityKey(office.session, formatKeyId(second.keyId));
  step();
  await exportOriginal(office.session, { authority: outcome.authority, id: outcome.id }, { path: join(office.dir, "original.sealed"), replaceExisting: false });
  step();
  const deletable = await importBundleFile(office.session, await office.seal({ document: sampleRequest({ id: "TO-DELETE-1" }) }));
  if (deletable.status !== "imported") throw new Error(`fixture import: ${JSON.stringify(deletable)}`);
  deleteCase(office.session, { authority: deletable.authority, id: deletable.id });
  step();
  const secondRevision = await reviewBothRevisions(office, outcome);
  step();
  decideSecondRevision(office, secondRevision);
  step();
  await countersignWithAColleague(office);
  step();
  await answerAGrievance(office);
  step();
  await executeAndReport(office);
  step();
  await packForTheCommittee(office);
  step();
  changePassphrase(office.session, office.storeDir, STORE_PASSPHRASE, NEW_PASSPHRASE);
  step();
  // Locked, then unlocked by the app after one wrong passphrase: store.unlocked counts it.
  office.session.store.close();
  const attempts = { failed: 0 };
  try {
    unlockSession(office.storeDir, STORE_PASSPHRASE, office.runtime, attempts);
  } catch {
    // The old passphrase no longer opens it: the attempt that store.unlocked reports.
  }
  return { ...office, session: unlockSession(office.storeDir, NEW_PASSPHRASE, office.runtime, attempts) };
}

async function reviewBothRevisions(office: TestOffice, first: { authority: string; id: string; revision: number }): Promise<{ authority: string; id: string; revision: number }> {
  const { session } = office;
  declareIndependence(session, { ...first, conflict: false });
  setAnswer(session, { ...first, item: "L1", answer: "met" });
  reviewFinding(session, { ...first, rule: "N7-less-intrusive-means", status: "accepted", note: "Subscriber data alone would not show who sent the messages." });
  changeScope(session, { ...first, change: { op: "strike-category", category: "traffic" } });
  const document = sampleRequest({ revision: 2, facts: "Between September and November 2026 at least 40 customers received the messages." });
  const outcome = await importBundleFile(session, await office.seal({ document }));
  if (outcome.status !== "imported") throw new Error(`fixture import: ${JSON.stringify(outcome)}`);
  const second = { authority: outcome.authority, id: outcome.id, revision: outcome.revision };
  declareIndependence(session, { ...second, conflict: false });
  confirmCarriedOver(session, { ...second, items: ["L1"] });
  return second;
}

/** The office's four-eyes rule set, then the revision authorised with every open item deferred. */
function decideSecondRevision(office: TestOffice, ref: { authority: string; id: string; revision: number }): void {
  const { session } = office;
  updateCountersignSettings(session, { categories: ["content", "location", "traffic"] });
  const deferred = getReview(session, ref).unanswered.map((item) => ({ item, reason: "Decided on the first revision's review." }));
  decide(session, { ...ref, outcome: "authorised", reasons: {}, deferred, decisionId: "D-2026-0001" });
}

/**
 * Four eyes both ways with a colleague's own store: this office's decision sealed to the colleague
 * (a reviewer entry added first), countersigned there and the countersignature imported here; then
 * the colleague's decision received here and countersigned.
 */
async function countersignWithAColleague(office: TestOffice): Promise<void> {
  const colleague = openReviewOffice(openTestOffice(testRuntime(office.runtime.clock.now(), "audit-colleague")));
  try {
    const folder = join(office.dir, "four-eyes");
    mkdirSync(folder);
    addAuthorityKey(office.session, { authorityId: "reviewer:colleague", kind: "reviewer", name: "Colleague", country: "PL", minisignPublicKey: encodePublicKey(reviewerSigner(colleague.session).key), ageRecipient: colleague.recipient });
    addAuthorityKey(colleague.session, { authorityId: "reviewer:busy", kind: "reviewer", name: "Busy", country: "PL", minisignPublicKey: encodePublicKey(reviewerSigner(office.session).key), ageRecipient: office.recipient });
    const sent = await requestCountersignature(office.session, "D-2026-0001", "reviewer:colleague", folder);
    await importBundleFile(colleague.session, sent.file);
    const answer = await answerCountersignRequest(colleague.session, "D-2026-0001", { verdict: "signed" }, folder);
    const received = await importBundleFile(office.session, answer.file);
    if (received.status !== "imported") throw new Error(`fixture countersignature: ${JSON.stringify(received)}`);

    updateCountersignSettings(colleague.session, { outcomes: ["authorised"] });
    const ref = await reviewedRequest(colleague, { request: { id: "COLLEAGUE-1" } });
    decide(colleague.session, { ...ref, outcome: "authorised", reasons: {}, decisionId: "D-COLLEAGUE-1" });
    const theirs = await requestCountersignature(colleague.session, "D-COLLEAGUE-1", "reviewer:busy", folder);
    const incoming = await importBundleFile(office.session, theirs.file);
    if (incoming.status !== "imported") throw new Error(`fixture countersignature request: ${JSON.stringify(incoming)}`);
    await answerCountersignRequest(office.session, "D-COLLEAGUE-1", { verdict: "declined", reasons: "Not enough on necessity." }, folder);
  } finally {
    colleague.session.store.close();
  }
}

/** Runs SQL on the store file with the append-only triggers dropped, as an attacker with the passphrase could. */
export function tamperAudit(storeDir: string, sql: string, passphrase = NEW_PASSPHRASE): void {
  const db = openKeyedConnection(storeFile(storeDir), passphrase);
  try {
    db.exec("DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete; DROP TRIGGER audit_log_extends_chain;");
    db.exec(sql);
  } finally {
    db.close();
  }
}

/** An audit pack of both revisions sealed to the office's own recipient (its checkpoint, then its export). */
async function packForTheCommittee(office: TestOffice): Promise<void> {
  const out = join(office.dir, "audit-pack");
  mkdirSync(out);
  await exportAuditPack(office.session, { seed: "ab".repeat(32), size: 2, filter: {}, plan: { confidence: 95, tolerable: 5, expected: 0 }, recipients: [office.recipient], outDir: out });
}

/** An authorisation that needs no countersignature, its execution recorded, and the year's report written. */
async function executeAndReport(office: TestOffice): Promise<void> {
  const { session } = office;
  const outcome = await importBundleFile(session, await office.seal({ document: sampleRequest({ id: "EXEC-1", dataCategories: ["subscriber"] }) }));
  if (outcome.status !== "imported") throw new Error(`fixture import: ${JSON.stringify(outcome)}`);
  const ref = { authority: outcome.authority, id: outcome.id, revision: outcome.revision };
  declareIndependence(session, { ...ref, conflict: false });
  setAnswer(session, { ...ref, item: "L1", answer: "met" });
  const deferred = getReview(session, ref).unanswered.map((item) => ({ item, reason: "Answered on paper." }));
  const decision = decide(session, { ...ref, outcome: "authorised", reasons: {}, deferred });
  recordExecution(session, { target: { decision: decision.id }, outcome: "not-complied", ground: "no-data", note: "The account was closed." });
  await exportReport(session, transparencyReport(session, { from: "2026-01-01", to: "2026-12-31" }), "json", join(office.dir, "report-2026.json"));
}

/** A grievance registered from a letter, answered, and its response exported. */
async function answerAGrievance(office: TestOffice): Promise<void> {
  const { session } = office;
  registerGrievance(session, {
    id: "G-2026-0001",
    complainant: { kind: "data-subject", name: "Anna Kowalska" },
    concerns: { kind: "unknown" },
    grounds: ["not-notified"],
    statement: "Nobody told me.",
    remedySought: "Tell me.",
    received: "2026-11-18",
  });
  respondToGrievance(session, { id: "G-2026-0001", outcome: "dismissed", remedies: [], reasons: "The person was notified on time." });
  const out = join(office.dir, "grievance-export");
  mkdirSync(out);
  await exportGrievanceResponse(session, "G-2026-0001", out, { seal: false });
}
