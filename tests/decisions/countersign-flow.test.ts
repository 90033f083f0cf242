// Four eyes with two real stores: the deciding reviewer seals a decision that awaits its
// countersignature to a colleague; the colleague's Counterseal imports it read-only (it is no
// request of theirs) and countersigns; the countersignature comes back as a sealed bundle whose
// import makes the decision final, and not a moment before. Each bundle opens and verifies with
// the stock age, tar, minisign and sha256sum.
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { importBundleFile } from "../../electron/core/bundles/import-bundle.js";
import { answerCountersignRequest } from "../../electron/core/decisions/countersign-answer.js";
import { requestCountersignature } from "../../electron/core/decisions/countersign-request.js";
import { getCountersignRequest, listCountersignRequests } from "../../electron/core/decisions/countersign-views.js";
import { exportDecision } from "../../electron/core/decisions/decision-export.js";
import { getDecision, listDecisions } from "../../electron/core/decisions/decision-views.js";
import { knownReviewerKeys } from "../../electron/core/decisions/reviewer-key.js";
import { verifyFiles } from "../../electron/core/decisions/verify-files.js";
import { queryInbox } from "../../electron/core/requests/inbox-service.js";
import { transparencyReport } from "../../electron/core/statistics/report-service.js";
import { stockOpen } from "../helpers/stock-tools.js";
import { fourEyes, type FourEyes } from "./countersign-office.js";
import { pdfText, stockVerify, folded } from "./support.js";

describe("four eyes between two stores", () => {
  let pair: FourEyes;
  beforeEach(async () => {
    pair = await fourEyes();
  });
  afterEach(() => pair.close());

  const folder = (office: FourEyes["decider"], name: string): string => {
    const dir = join(office.dir, name);
    mkdirSync(dir);
    return dir;
  };

  it("is not final until the colleague's countersignature bundle is imported, then is, in its views, list, export and verify", async () => {
    const { decider, colleague, decisionId } = pair;
    expect(getDecision(decider.session, decisionId)).toMatchObject({ status: "awaiting-countersignature", countersignaturesRequired: true, countersignatures: [] });
    const before = folder(decider, "before");
    await exportDecision(decider.session, decisionId, before, { seal: false });
    expect(folded(pdfText(join(before, `${decisionId}.pdf`)))).toContain("Awaiting countersignature: not final");

    // The decider seals the request to the colleague.
    const outbox = folder(decider, "outbox");
    const sent = await requestCountersignature(decider.session, decisionId, "reviewer:nikos", outbox);
    expect(sent).toMatchObject({ file: join(outbox, `${decisionId}.countersign.sealed`), decisionId, to: "reviewer:nikos", decisionSha256: getDecision(decider.session, decisionId).sha256 });
    expect(readdirSync(outbox)).toEqual([`${decisionId}.countersign.sealed`]);
    // The colleague (or anyone holding the identity) opens it with the stock tools.
    const bag = stockOpen(sent.file, pair.colleagueAge.identityFile, join(colleague.dir, "opened-request"), pair.deciderPub);
    expect(readFileSync(join(bag, "bag-info.txt"), "utf8")).toContain(`Bundle-Type: countersignature-request\nBundle-Version: 1\nExternal-Identifier: reviewer:nikos/${decisionId}/1`);
    const decisionCopy = join(bag, "data", "attachments", `${decisionId}.json`);
    expect(stockVerify(decisionCopy, readFileSync(pair.deciderPub, "utf8").split("\n")[1] ?? "").status).toBe(0);
    const carried = JSON.parse(readFileSync(join(bag, "data", "countersignature-request.json"), "utf8")) as { schema: string; review: { items: unknown[] }; request: { document: { id: string } } };
    expect(carried.schema).toBe("counterseal.countersignature-request/1");
    expect(carried.request.document.id).toBe(pair.ref.id);
    expect(carried.review.items.length).toBeGreaterThan(5);

    // The colleague's Counterseal imports it through the one import path, read-only.
    const imported = await importBundleFile(colleague.session, sent.file);
    expect(imported).toEqual({ file: sent.file, status: "imported", authority: "reviewer:zofia", id: decisionId, revision: 1, bundleType: "countersignature-request" });
    expect(await importBundleFile(colleague.session, sent.file)).toMatchObject({ status: "duplicate", bundleType: "countersignature-request" });
    const inbox = queryInbox(colleague.session, { offset: 0, limit: 50, sort: { field: "receivedAt", direction: "desc" } });
    expect(inbox.total).toBe(0);
    expect(listCountersignRequests(colleague.session)).toEqual([
      expect.objectContaining({ decisionId, outcome: "authorised", request: { authority: pair.ref.authority, id: pair.ref.id, revision: 1 }, from: expect.objectContaining({ entry: "reviewer:zofia" }), answer: null }),
    ]);
    const view = getCountersignRequest(colleague.session, decisionId);
    expect(view.decision.id).toBe(decisionId);
    expect(view.review.items.some((item) => item.answer === "met")).toBe(true);
    expect((view.requestDocument as { id: string }).id).toBe(pair.ref.id);

    // The colleague countersigns; the answer comes back sealed to the decider.
    const reply = folder(colleague, "reply");
    const answer = await answerCountersignRequest(colleague.session, decisionId, { verdict: "signed" }, reply);
    expect(answer).toMatchObject({ file: join(reply, `${decisionId}.CS.sealed`), id: `${decisionId}.CS`, verdict: "signed", sealedTo: "reviewer:zofia" });
    expect(listCountersignRequests(colleague.session)[0]?.answer).toMatchObject({ id: `${decisionId}.CS`, verdict: "signed", sha256: answer.sha256 });
    const back = stockOpen(answer.file, pair.deciderAge.identityFile, join(decider.dir, "opened-answer"), pair.colleaguePub);
    const countersignatureFile = join(back, "data", "countersignature.json");
    const stock = stockVerifyDetached(countersignatureFile, join(back, "data", "attachments", `${decisionId}.CS.json.minisig`), pair.colleaguePub);
    expect(stock.stdout).toContain(`counterseal countersignature ${decisionId}.CS sha256:${answer.sha256}`);

    // Still not final on the deciding side: only the import makes it so, in the statistics too.
    expect(getDecision(decider.session, decisionId).status).toBe("awaiting-countersignature");
    expect(outcomesCounted(decider)).toEqual({ "awaiting-countersignature": 1 });
    expect(await importBundleFile(decider.session, answer.file)).toEqual({ file: answer.file, status: "imported", authority: "reviewer:nikos", id: `${decisionId}.CS`, revision: 1, bundleType: "countersignature" });
    const final = getDecision(decider.session, decisionId);
    expect(view.decision.reviewer.keyId).toBe(final.reviewerKeyId);
    expect(final.status).toBe("final");
    expect(final.countersignatures).toEqual([
      { id: `${decisionId}.CS`, verdict: "signed", reviewer: { name: "Test Reviewer", office: "Test Office", keyId: expect.stringMatching(/^[0-9A-F]+$/) as string }, at: expect.any(String), sha256: answer.sha256 },
    ]);
    expect(final.countersignatures[0]?.reviewer.keyId).not.toBe(final.reviewerKeyId);
    expect(listDecisions(decider.session).find((each) => each.id === decisionId)?.status).toBe("final");
    expect(outcomesCounted(decider)).toEqual({ [final.outcome]: 1 });
    expect(await importBundleFile(decider.session, answer.file)).toMatchObject({ status: "duplicate" });

    // The export carries the countersignature beside the decision; its PDF names it with its key id.
    const after = folder(decider, "after");
    const exported = await exportDecision(decider.session, decisionId, after, { seal: false });
    expect(exported.files.map((file) => file.slice(after.length + 1))).toEqual([`${decisionId}.json`, `${decisionId}.json.minisig`, `${decisionId}.pdf`, `${decisionId}.CS.json`, `${decisionId}.CS.json.minisig`, `${decisionId}.CS.pdf`]);
    const text = folded(pdfText(join(after, `${decisionId}.pdf`)));
    expect(text).not.toContain("Awaiting countersignature");
    expect(text).toContain(final.countersignatures[0]?.reviewer.keyId ?? "?");
    const [report] = verifyFiles([join(after, `${decisionId}.json`)], knownReviewerKeys(decider.session));
    expect(report).toMatchObject({ ok: true, status: "final", countersignatures: [{ id: `${decisionId}.CS`, verdict: "signed", digestMatches: true, verified: true }] });

    const actions = decider.session.store.audit.listAudit({ limit: 500 }).map((row) => row.action);
    expect(actions).toEqual(expect.arrayContaining(["countersignature.requested", "countersignature.received"]));
    expect(colleague.session.store.audit.listAudit({ limit: 500 }).map((row) => row.action)).toEqual(expect.arrayContaining(["countersignature.request-received", "countersignature.given"]));
  });

  it("a decline comes back as countersignature-declined, never final, and its reasons show", async () => {
    const { decider, colleague, decisionId } = pair;
    const sent = await requestCountersignature(decider.session, decisionId, "reviewer:nikos", folder(decider, "out"));
    await importBundleFile(colleague.session, sent.file);
    const answer = await answerCountersignRequest(colleague.session, decisionId, { verdict: "declined", reasons: "N9 is not met: the period is twice what the facts cover." }, folder(colleague, "reply"));
    expect(await importBundleFile(decider.session, answer.file)).toMatchObject({ status: "imported", bundleType: "countersignature" });
    const view = getDecision(decider.session, decisionId);
    expect(view.status).toBe("countersignature-declined");
    expect(view.countersignatures).toEqual([expect.objectContaining({ verdict: "declined", reasons: "N9 is not met: the period is twice what the facts cover." })]);
    const out = folder(decider, "copy");
    await exportDecision(decider.session, decisionId, out, { seal: false });
    expect(folded(pdfText(join(out, `${decisionId}.pdf`)))).toContain("Countersignature declined: not final");
  });
});

/** `minisign -V` with the signature under another name than `<file>.minisig`, as the bag carries it. */
/** The transparency report's outcome counts for the office's whole history (threshold 1: nothing withheld), rows counted only. */
function outcomesCounted(office: FourEyes["decider"]): Record<string, number> {
  const to = office.session.runtime.clock.now().toISOString().slice(0, 10);
  const outcomes = transparencyReport(office.session, { from: "2000-01-01", to, threshold: 1 }).tables.find((table) => table.id === "outcomes");
  return Object.fromEntries((outcomes?.rows ?? []).map((row) => [row.key, row.cells[0]?.value ?? 0]).filter(([, value]) => value !== 0));
}

function stockVerifyDetached(file: string, signature: string, publicKeyFile: string): { status: number | null; stdout: string } {
  const result = spawnSync("minisign", ["-V", "-m", file, "-x", signature, "-p", publicKeyFile], { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`minisign -V failed: ${result.stderr}`);
  return { status: result.status, stdout: result.stdout };
}
