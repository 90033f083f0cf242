// Four eyes, superseding and returning: the office's rule marks which decisions wait for a
// countersignature; a signed decision is replaced only by a new one on the same revision that
// names it, both kept; a decision that returns the request lets the review continue.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { decide } from "../../electron/core/decisions/decide.js";
import { exportDecision } from "../../electron/core/decisions/decision-export.js";
import { getDecision } from "../../electron/core/decisions/decision-views.js";
import { getReview, setAnswer } from "../../electron/core/review/review-service.js";
import { getCountersignSettings, updateCountersignSettings } from "../../electron/core/settings/countersign-settings.js";
import { openReviewOffice, type ReviewOffice } from "../review/review-office.js";
import { REASONS, refusal, reviewedRequest } from "./decide-office.js";
import { folded, pdfText, signerOf, stockVerify } from "./support.js";

const offices: ReviewOffice[] = [];
afterEach(() => {
  for (const office of offices.splice(0)) if (office.session.store.isOpen) office.session.store.close();
});
function office(): ReviewOffice {
  const opened = openReviewOffice();
  offices.push(opened);
  return opened;
}

describe("four eyes", () => {
  it("by default marks an authorisation of content as awaiting countersignature, in its view and its PDF", async () => {
    const reviewer = office();
    expect(getCountersignSettings(reviewer.session)).toEqual({ outcomes: [], categories: ["content", "location"] });
    const ref = await reviewedRequest(reviewer, { request: { dataCategories: ["subscriber", "content"] } });
    const view = decide(reviewer.session, { ...ref, outcome: "authorised", reasons: {}, decisionId: "D-4EYES" });
    expect(view).toMatchObject({ countersignaturesRequired: true, status: "awaiting-countersignature" });
    expect(view.document.countersignaturesRequired).toBe(true);
    expect(reviewer.session.store.audit.listAudit().at(-1)?.details).toMatchObject({ countersignaturesRequired: true });

    const out = join(reviewer.dir, "out");
    mkdirSync(out);
    await exportDecision(reviewer.session, "D-4EYES", out, { seal: false });
    expect(folded(pdfText(join(out, "D-4EYES.pdf")))).toContain("Awaiting countersignature: not final");
  });

  it("follows the office's setting: listed outcomes always, listed categories when authorised", async () => {
    const reviewer = office();
    expect(refusal(() => updateCountersignSettings(reviewer.session, { outcomes: ["vetoed"] }))).toEqual({ code: "decision-invalid", message: expect.stringContaining("vetoed is not an outcome") });
    expect(updateCountersignSettings(reviewer.session, { outcomes: ["refused"], categories: ["traffic"] })).toEqual({ outcomes: ["refused"], categories: ["traffic"] });
    expect(reviewer.session.store.audit.listAudit().at(-1)).toMatchObject({ action: "settings.changed", details: { countersignOutcomes: ["refused"], countersignCategories: ["traffic"] } });

    const traffic = await reviewedRequest(reviewer);
    expect(decide(reviewer.session, { ...traffic, outcome: "authorised", reasons: {} }).status).toBe("awaiting-countersignature");
    const refused = await reviewedRequest(reviewer, { request: { id: "OM-RTM-2026-0300", dataCategories: ["subscriber"] }, answers: { N1: "not-met" } });
    expect(decide(reviewer.session, { ...refused, outcome: "refused", reasons: REASONS }).countersignaturesRequired).toBe(true);
    const plain = await reviewedRequest(reviewer, { request: { id: "OM-RTM-2026-0301", dataCategories: ["subscriber"] } });
    expect(decide(reviewer.session, { ...plain, outcome: "authorised", reasons: {} }).status).toBe("final");
  });
});

describe("superseding a decision", () => {
  it("replaces the current decision by a new one on the same revision; both stay stored and verifiable", async () => {
    const reviewer = office();
    const ref = await reviewedRequest(reviewer, { answers: { N1: "not-met" } });
    decide(reviewer.session, { ...ref, outcome: "refused", reasons: REASONS, decisionId: "D-1" });
    expect(refusal(() => decide(reviewer.session, { ...ref, outcome: "refused", reasons: REASONS, decisionId: "D-2" }))).toEqual({
      code: "decision-exists",
      message: expect.stringContaining("has decision D-1 (refused); a new decision must supersede it (--supersedes D-1)"),
    });
    expect(refusal(() => decide(reviewer.session, { ...ref, outcome: "refused", reasons: REASONS, decisionId: "D-2", supersedes: "D-404" }))).toEqual({
      code: "decision-superseded",
      message: expect.stringContaining("no decision D-404"),
    });
    const corrected = { ...REASONS, necessity: "Corrected: the account was never shown to be the sender's." };
    const second = decide(reviewer.session, { ...ref, outcome: "refused", reasons: corrected, decisionId: "D-2", supersedes: "D-1" });
    expect(second).toMatchObject({ id: "D-2", supersedes: "D-1", supersededBy: null });
    expect(second.document.supersedes).toBe("D-1");
    expect(getDecision(reviewer.session, "D-1")).toMatchObject({ supersededBy: "D-2", supersedes: null });
    expect(getReview(reviewer.session, ref).state).toBe("decided");
    expect(reviewer.session.store.audit.listAudit().at(-1)?.details).toMatchObject({ supersedes: "D-1", state: "decided" });

    expect(refusal(() => decide(reviewer.session, { ...ref, outcome: "refused", reasons: REASONS, decisionId: "D-3", supersedes: "D-1" }))).toEqual({
      code: "decision-superseded",
      message: expect.stringContaining("already superseded by D-2"),
    });
    expect(refusal(() => decide(reviewer.session, { ...ref, outcome: "refused", reasons: REASONS, decisionId: "D-1", supersedes: "D-2" })).code).toBe("decision-exists");

    const other = await reviewedRequest(reviewer, { request: { id: "OM-RTM-2026-0400" } });
    expect(refusal(() => decide(reviewer.session, { ...other, outcome: "authorised", reasons: {}, supersedes: "D-2" }))).toEqual({
      code: "decision-superseded",
      message: expect.stringContaining("on another request revision"),
    });

    const out = join(reviewer.dir, "out");
    mkdirSync(out);
    for (const id of ["D-1", "D-2"]) {
      await exportDecision(reviewer.session, id, out, { seal: false });
      const stock = stockVerify(join(out, `${id}.json`), signerOf(reviewer).publicKeyLine);
      expect(stock.status, stock.stderr).toBe(0);
      expect(stock.stdout).toContain(`counterseal decision ${id} sha256:${getDecision(reviewer.session, id).sha256}`);
    }
  });

  it("returns a request for information, lets the review continue, and decides it later by superseding", async () => {
    const reviewer = office();
    const ref = await reviewedRequest(reviewer, { open: ["N2"] });
    const returned = decide(reviewer.session, { ...ref, outcome: "returned", reasons: REASONS, deferred: [{ item: "N2", reason: "Asked the issuer for the case file." }], decisionId: "D-R" });
    expect(returned.document.grantedScope).toBeUndefined();
    expect(getReview(reviewer.session, ref).state).toBe("returned-for-information");

    setAnswer(reviewer.session, { ...ref, item: "N2", answer: "met", note: "The case file arrived." });
    expect(refusal(() => decide(reviewer.session, { ...ref, outcome: "authorised", reasons: {} })).code).toBe("decision-exists");
    const final = decide(reviewer.session, { ...ref, outcome: "authorised", reasons: {}, supersedes: "D-R" });
    expect(final.document.checklist.deferredItems).toBeUndefined();
    expect(getReview(reviewer.session, ref).state).toBe("decided");
  });
});
