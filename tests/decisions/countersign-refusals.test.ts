// Four eyes' refusals, on two real stores: a request for a decision that awaits nothing, to an
// entry that is no reviewer or cannot be sealed to, is refused naming the fault with nothing
// written; an answer is given once; and the imports trust only a reviewer's key, only for a
// decision of this store, only for exactly its signed text, never from its own reviewer.
import { mkdirSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { importBundleFile } from "../../electron/core/bundles/import-bundle.js";
import { answerCountersignRequest } from "../../electron/core/decisions/countersign-answer.js";
import { requestCountersignature } from "../../electron/core/decisions/countersign-request.js";
import { decide } from "../../electron/core/decisions/decide.js";
import { getDecision } from "../../electron/core/decisions/decision-views.js";
import { reviewerSigner } from "../../electron/core/decisions/reviewer-key.js";
import { sealDocumentBundle } from "../../electron/core/decisions/seal-documents.js";
import { signDocument } from "../../electron/core/decisions/sign-document.js";
import { copyFileNames } from "../../electron/core/decisions/export-copy.js";
import { utf8 } from "../../electron/core/crypto/bytes.js";
import { encodePublicKey, formatKeyId, generateMinisignKeyPair } from "../../electron/core/crypto/minisign.js";
import { addAuthorityKey, revokeAuthorityKey } from "../../electron/core/keyring/keyring-service.js";
import { updateCountersignSettings } from "../../electron/core/settings/countersign-settings.js";
import { writeFileSync } from "node:fs";
import { fourEyes, type FourEyes } from "./countersign-office.js";
import { reviewedRequest } from "./decide-office.js";

/** Runs an async call expected to fail; its API code and message. */
async function refusalOf(run: () => Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await run();
  } catch (error) {
    return { code: (error as { code?: string }).code ?? "uncoded", message: (error as Error).message };
  }
  return { code: "no error", message: "" };
}

describe("four eyes: refusals", () => {
  let pair: FourEyes;
  beforeEach(async () => {
    pair = await fourEyes();
  });
  afterEach(() => pair.close());

  const emptyFolder = (name: string): string => {
    const dir = join(pair.decider.dir, name);
    mkdirSync(dir);
    return dir;
  };
  const auditCount = (office: FourEyes["decider"]) => office.session.store.audit.listAudit({ limit: 1000 }).length;

  it("request: refuses a final decision, an unknown or non-reviewer entry, a reviewer without an age recipient; writes nothing", async () => {
    const { decider } = pair;
    const out = emptyFolder("out");
    const before = auditCount(decider);
    // A decision the rule asks nothing of is final at once.
    updateCountersignSettings(decider.session, { outcomes: [], categories: [] });
    const ref = await reviewedRequest(decider, { request: { id: "OM-RTM-2026-0200" } });
    decide(decider.session, { ...ref, outcome: "authorised", reasons: {}, decisionId: "D-FINAL" });
    const afterDecide = auditCount(decider);
    expect(await refusalOf(() => requestCountersignature(decider.session, "D-FINAL", "reviewer:nikos", out))).toEqual({
      code: "countersign-not-awaiting",
      message: "decision D-FINAL is final: the four-eyes rule did not ask a countersignature of it; no countersignature request was sealed",
    });
    expect(await refusalOf(() => requestCountersignature(decider.session, pair.decisionId, "nl-om-rotterdam", out))).toMatchObject({ code: "invalid-keyring-entry", message: expect.stringContaining("is an authority, not a reviewer") });
    expect(await refusalOf(() => requestCountersignature(decider.session, pair.decisionId, "reviewer:nobody", out))).toMatchObject({ code: "invalid-keyring-entry", message: expect.stringContaining("has no entry reviewer:nobody") });
    addAuthorityKey(decider.session, { authorityId: "reviewer:mute", kind: "reviewer", name: "Mute", country: "PL", minisignPublicKey: encodePublicKey(generateMinisignKeyPair(decider.runtime.ids.randomBytes)) });
    expect(await refusalOf(() => requestCountersignature(decider.session, pair.decisionId, "reviewer:mute", out))).toMatchObject({ code: "no-reply-recipient" });
    expect(await refusalOf(() => requestCountersignature(decider.session, "D-NONE", "reviewer:nikos", out))).toMatchObject({ code: "decision-not-found" });
    expect(readdirSync(out)).toEqual([]);
    // Nothing but the setting, the decision and the keyring entry was recorded.
    expect(auditCount(decider)).toBe(afterDecide + 1);
    expect(afterDecide).toBeGreaterThan(before);
    // A revoked colleague key is no recipient either.
    revokeAuthorityKey(decider.session, formatKeyId(reviewerSigner(pair.colleague.session).key.keyId));
    expect(await refusalOf(() => requestCountersignature(decider.session, pair.decisionId, "reviewer:nikos", out))).toMatchObject({ code: "no-reply-recipient" });
    expect(readdirSync(out)).toEqual([]);
  });

  it("answer: once only, a decline needs its reasons, an unknown decision is named; the file is never overwritten", async () => {
    const { decider, colleague, decisionId } = pair;
    const sent = await requestCountersignature(decider.session, decisionId, "reviewer:nikos", emptyFolder("out"));
    await importBundleFile(colleague.session, sent.file);
    const reply = emptyFolder("reply");
    expect(await refusalOf(() => answerCountersignRequest(colleague.session, "D-NONE", { verdict: "signed" }, reply))).toMatchObject({ code: "countersign-request-not-found" });
    expect(await refusalOf(() => answerCountersignRequest(colleague.session, decisionId, { verdict: "declined", reasons: "  " }, reply))).toMatchObject({ code: "decision-invalid", message: expect.stringContaining("--reason") });
    // A file already where the bundle would go: nothing is signed or recorded.
    writeFileSync(join(reply, `${decisionId}.CS.sealed`), "occupied");
    expect(await refusalOf(() => answerCountersignRequest(colleague.session, decisionId, { verdict: "signed" }, reply))).toMatchObject({ code: "export-target-exists" });
    expect(colleague.session.store.countersign.getRequest(decisionId)?.answer).toBeNull();
    const answered = await answerCountersignRequest(colleague.session, decisionId, { verdict: "signed", id: "CS-1" }, reply);
    expect(answered.id).toBe("CS-1");
    expect(await refusalOf(() => answerCountersignRequest(colleague.session, decisionId, { verdict: "declined", reasons: "changed my mind" }, reply))).toMatchObject({ code: "countersign-answered" });
  });

  it("import: a countersignature request is trusted only from a reviewer's usable key", async () => {
    const { decider, colleague, decisionId } = pair;
    const sent = await requestCountersignature(decider.session, decisionId, "reviewer:nikos", emptyFolder("out"));
    revokeAuthorityKey(colleague.session, formatKeyId(reviewerSigner(decider.session).key.keyId));
    expect(await importBundleFile(colleague.session, sent.file)).toMatchObject({ status: "refused", code: "signer-revoked" });
    expect(colleague.session.store.countersign.listRequests()).toEqual([]);
  });

  it("import: a countersignature of another text, of an unknown decision, by the decision's own reviewer or after the decision is final is refused", async () => {
    const { decider, colleague, decisionId } = pair;
    const decision = getDecision(decider.session, decisionId);
    const colleagueSigner = reviewerSigner(colleague.session);
    const seal = async (document: { id: string; decision: { id: string; digest: string } }, signer = colleagueSigner, authority = "reviewer:zofia") => {
      const signed = signDocument("countersignature", { schema: "counterseal.countersignature/1", reviewer: signer.signer, verdict: "signed", at: "2026-11-21T10:00:00Z", ...document }, signer.key);
      const bytes = await sealDocumentBundle({
        bundleType: "countersignature",
        documentBytes: signed.bytes,
        identifier: { authority, id: document.id, revision: 1 },
        office: signer.signer.office,
        attachments: [{ name: copyFileNames(document.id).signature, bytes: utf8(signed.signature) }],
        signer: signer.key,
        recipient: pair.deciderAge.recipient,
        now: new Date("2026-11-21T10:00:00Z"),
      });
      const file = join(colleague.dir, `${document.id}.sealed`);
      writeFileSync(file, bytes);
      return file;
    };
    const other = await seal({ id: "CS-OTHER", decision: { id: decisionId, digest: "0".repeat(64) } });
    expect(await importBundleFile(decider.session, other)).toMatchObject({ status: "refused", code: "document-invalid", message: expect.stringContaining("it countersigns another text") });
    const unknown = await seal({ id: "CS-UNKNOWN", decision: { id: "D-NONE", digest: decision.sha256 } });
    expect(await importBundleFile(decider.session, unknown)).toMatchObject({ code: "document-invalid", message: expect.stringContaining("holds no decision D-NONE") });
    // The decider's own key is no colleague's: unknown to its own keyring, and refused even when (wrongly) entered as a reviewer.
    const own = await seal({ id: "CS-OWN", decision: { id: decisionId, digest: decision.sha256 } }, reviewerSigner(decider.session));
    expect(await importBundleFile(decider.session, own)).toMatchObject({ status: "refused", code: "signer-unknown" });
    addAuthorityKey(decider.session, { authorityId: "reviewer:self", kind: "reviewer", name: "Self", country: "PL", minisignPublicKey: encodePublicKey(reviewerSigner(decider.session).key) });
    expect(await importBundleFile(decider.session, own)).toMatchObject({ status: "refused", code: "signer-mismatch", message: expect.stringContaining("cannot countersign their own decision") });
    expect(getDecision(decider.session, decisionId)).toMatchObject({ status: "awaiting-countersignature", countersignatures: [] });

    const good = await seal({ id: "CS-GOOD", decision: { id: decisionId, digest: decision.sha256 } });
    expect(await importBundleFile(decider.session, good)).toMatchObject({ status: "imported" });
    const late = await seal({ id: "CS-LATE", decision: { id: decisionId, digest: decision.sha256 } });
    expect(await importBundleFile(decider.session, late)).toMatchObject({ status: "refused", code: "bundle-conflict", message: expect.stringContaining("already final") });
    expect(getDecision(decider.session, decisionId).countersignatures.map((each) => each.id)).toEqual(["CS-GOOD"]);
  });
});
