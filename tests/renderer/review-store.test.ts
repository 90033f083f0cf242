// The review store against a scripted bridge (this test's own, answering as the contract says):
// an answer shows as pending until the core's view comes back, a failure leaves the stored answer
// and shows the failure with a retry, writes go in order, and "locked" locks instead of showing.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { ReviewView } from "../../shared/api/review.js";
import type { ApiResult } from "../../shared/api/result.js";
import { onStoreLocked } from "../../renderer/src/store/failure.js";
import { useReview } from "../../renderer/src/store/review.js";
import { reviewItem, reviewView } from "./review-fixture.js";

type Call = { method: string; args: Record<string, unknown>; answer: (result: ApiResult<ReviewView>) => void };
const REF = { authority: "de-sta-berlin", id: "EPOC-2026-0042", revision: 1 };

let calls: Call[];

/** Each call waits until the test answers it, so the states in between can be looked at. */
function scriptedBridge() {
  return new Proxy(
    {},
    { get: (_target, method) => (args: Record<string, unknown>) => new Promise<ApiResult<ReviewView>>((resolve) => calls.push({ method: String(method), args, answer: resolve })) },
  );
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
async function answerNext(result: ApiResult<ReviewView>, method?: string): Promise<Call> {
  await settle();
  const index = method === undefined ? 0 : calls.findIndex((call) => call.method === method);
  const [call] = index === -1 ? [] : calls.splice(index, 1);
  if (!call) throw new Error(`no ${method ?? ""} call is waiting`);
  call.answer(result);
  await settle();
  return call;
}

beforeEach(async () => {
  calls = [];
  vi.stubGlobal("window", { counterseal: scriptedBridge(), setTimeout });
  useReview.getState().reset();
  const loading = useReview.getState().load(REF);
  await answerNext({ ok: true, value: reviewView() });
  await loading;
});

afterEach(() => vi.unstubAllGlobals());

const withAnswer = (id: string, answer: "met" | "not-met" | "na" | "info", note: string | null = null) =>
  reviewView({ items: reviewView().items.map((item) => (item.id === id ? { ...item, answer, note } : item)) });

describe("the review store", () => {
  it("opens at the first open question, in its checklist", () => {
    expect(useReview.getState()).toMatchObject({ currentItem: "L1", step: "legality", loading: false, error: null });
  });

  it("shows an answer as pending until the core has stored it", async () => {
    const saved = useReview.getState().answer("L1", "met");
    expect(useReview.getState().pending["L1"]).toEqual({ answer: "met", note: null, evidence: [] });
    expect(useReview.getState().saves["answer:L1"]).toEqual({ status: "saving" });
    expect(useReview.getState().view?.items[0]?.answer).toBeNull();
    const call = await answerNext({ ok: true, value: withAnswer("L1", "met") });
    expect(await saved).toBe(true);
    expect(call).toMatchObject({ method: "setAnswer", args: { ...REF, item: "L1", answer: "met", note: "", evidence: [] } });
    expect(useReview.getState().pending["L1"]).toBeUndefined();
    expect(useReview.getState().saves["answer:L1"]).toBeUndefined();
    expect(useReview.getState().view?.items[0]?.answer).toBe("met");
  });

  it("on failure keeps the stored answer, shows the failure, and retries exactly what failed", async () => {
    const saved = useReview.getState().answer("N1", "not-met");
    await answerNext({ ok: false, error: { code: "invalid-arguments", message: "The disk is full." } });
    expect(await saved).toBe(false);
    const state = useReview.getState();
    expect(state.pending["N1"]).toBeUndefined();
    expect(state.view?.items.find((item) => item.id === "N1")?.answer).toBe("met");
    expect(state.saves["answer:N1"]).toEqual({ status: "failed", error: { code: "invalid-arguments", message: "The disk is full." } });

    const retried = useReview.getState().retry("answer:N1");
    expect(useReview.getState().pending["N1"]?.answer).toBe("not-met");
    const call = await answerNext({ ok: true, value: withAnswer("N1", "not-met", "Facts are specific.") });
    expect(await retried).toBe(true);
    expect(call.args).toMatchObject({ item: "N1", answer: "not-met", note: "Facts are specific." });
    expect(useReview.getState().saves["answer:N1"]).toBeUndefined();
  });

  it("locks the UI on 'locked' instead of showing a failure", async () => {
    const locked = vi.fn();
    onStoreLocked(locked);
    const saved = useReview.getState().answer("L1", "met");
    await answerNext({ ok: false, error: { code: "locked", message: "The store is locked." } });
    expect(await saved).toBe(false);
    expect(locked).toHaveBeenCalledOnce();
    expect(useReview.getState().saves["answer:L1"]).toBeUndefined();
  });

  it("sends writes one at a time, in order, so a slow answer never overwrites a newer one", async () => {
    const first = useReview.getState().answer("L1", "met");
    const second = useReview.getState().answer("L1", "not-met");
    await settle();
    expect(calls).toHaveLength(1);
    await answerNext({ ok: true, value: withAnswer("L1", "met") });
    expect(useReview.getState().pending["L1"]?.answer).toBe("not-met");
    await answerNext({ ok: true, value: withAnswer("L1", "not-met") });
    expect([await first, await second]).toEqual([true, true]);
    expect(useReview.getState().view?.items[0]?.answer).toBe("not-met");
    expect(useReview.getState().pending["L1"]).toBeUndefined();
  });

  it("keeps a note as a draft until the item has an answer, then sends it with it", async () => {
    useReview.getState().setDraft("L1", "  Issued by a judge.  ");
    expect(await useReview.getState().saveNote("L1")).toBe(false);
    expect(calls).toHaveLength(0);
    const saved = useReview.getState().answer("L1", "met");
    const call = await answerNext({ ok: true, value: withAnswer("L1", "met", "Issued by a judge.") });
    expect(await saved).toBe(true);
    expect(call.args).toMatchObject({ item: "L1", answer: "met", note: "Issued by a judge." });
    expect(useReview.getState().drafts["L1"]).toBeUndefined();
  });

  it("removes a note emptied in its field, and never confirms a carried-over answer through a note", async () => {
    useReview.getState().setDraft("N1", "   ");
    const saved = useReview.getState().saveNote("N1");
    const call = await answerNext({ ok: true, value: withAnswer("N1", "met") });
    expect(await saved).toBe(true);
    expect(call.args).toMatchObject({ item: "N1", answer: "met", note: "" });

    const carried = reviewView({ items: [reviewItem("L1", { answer: "met", carriedOver: { revision: 1, answer: "met", note: null } })] });
    useReview.setState({ view: carried });
    useReview.getState().setDraft("L1", "Seen again.");
    expect(await useReview.getState().saveNote("L1")).toBe(false);
    expect(calls).toHaveLength(0);
  });

  it("moves with j/k across checklists and follows with the step", () => {
    useReview.getState().move(1);
    useReview.getState().move(1);
    expect(useReview.getState()).toMatchObject({ currentItem: "N1", step: "necessity" });
    useReview.getState().select("L4");
    expect(useReview.getState().currentItem).toBe("N1");
    useReview.getState().setStep("minimization");
    expect(useReview.getState()).toMatchObject({ currentItem: "M3", step: "minimization" });
    useReview.getState().setStep("scope");
    expect(useReview.getState()).toMatchObject({ currentItem: "M3", step: "scope" });
  });

  it("sends declarations, confirmations, finding responses and scope changes as the contract names them", async () => {
    const steps = [
      useReview.getState().declareIndependence(true, "  I sat on a related case.  "),
      useReview.getState().confirmCarriedOver(["N1"]),
      useReview.getState().reviewFinding("L3-issuer-competence", "overridden", "A judge validated on 2 June."),
      useReview.getState().changeScope({ op: "strike-category", category: "traffic" }),
    ];
    const sent: Call[] = [];
    for (let index = 0; index < steps.length; index++) sent.push(await answerNext({ ok: true, value: reviewView() }));
    expect(await Promise.all(steps)).toEqual([true, true, true, true]);
    expect(sent.map((call) => [call.method, call.args])).toEqual([
      ["declareIndependence", { ...REF, conflict: true, note: "I sat on a related case." }],
      ["confirmCarriedOver", { ...REF, items: ["N1"] }],
      ["reviewFinding", { ...REF, rule: "L3-issuer-competence", status: "overridden", note: "A judge validated on 2 June." }],
      ["changeScope", { ...REF, change: { op: "strike-category", category: "traffic" } }],
    ]);
  });

  it("drops a late answer for a review that is no longer open", async () => {
    const saved = useReview.getState().answer("L1", "met");
    useReview.getState().reset();
    const other = { ...REF, id: "OTHER" };
    const loading = useReview.getState().load(other);
    await answerNext({ ok: true, value: reviewView({ request: other, items: [reviewItem("L1")] }) }, "getReview");
    await answerNext({ ok: true, value: withAnswer("L1", "met") }, "setAnswer");
    await loading;
    expect(await saved).toBe(false);
    expect(useReview.getState().view?.request.id).toBe("OTHER");
  });
});

describe("reading the review again", () => {
  it("reads an open review again when it is opened again, after the writes on their way", async () => {
    const saved = useReview.getState().answer("L1", "met");
    const reopened = useReview.getState().load(REF);
    await answerNext({ ok: true, value: withAnswer("L1", "met") });
    expect(await saved).toBe(true);
    const call = await answerNext({ ok: true, value: withAnswer("L1", "met", "read again") });
    await reopened;
    expect(call.method).toBe("getReview");
    expect(useReview.getState().view?.items[0]?.note).toBe("read again");
  });

  it("keeps the last view and says so when reading again fails", async () => {
    const refreshed = useReview.getState().refresh();
    await answerNext({ ok: false, error: { code: "internal", message: "The core stopped." } });
    await refreshed;
    expect(useReview.getState().view?.request).toEqual(REF);
    expect(useReview.getState().error).toEqual({ code: "internal", message: "The core stopped." });
  });
});
