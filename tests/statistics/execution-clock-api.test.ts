// One request revision's execution-report clock, as its request and decision pages ask for it
// (getExecutionClock): exactly the entry `listClocks` (`counterseal clocks`) has for that revision
// while its final authorisation awaits a record, and null for every other revision, for a refusal,
// for an unknown request, and once the record is made.
import { describe, expect, it } from "vitest";
import { createApiHandlers } from "../../electron/api/handlers/index.js";
import { decide } from "../../electron/core/decisions/decide.js";
import type { ReviewClock, StoreClock } from "../../shared/api/review.js";
import { dispatching } from "../api/dispatching.js";
import { noSaving } from "../api/doors.js";
import { REASONS, reviewedRequest } from "../decisions/decide-office.js";
import { STORE_PASSPHRASE } from "../helpers/office.js";
import { reviewOffices } from "../review/review-office.js";

const office = reviewOffices();
const DAY = 86_400_000;

describe("one revision's execution-report clock", () => {
  it("is the store's clock for that revision while its authorisation awaits a record, and null otherwise", async () => {
    const at = office();
    const authorised = await reviewedRequest(at, { request: { id: "CLK-A" } });
    const decision = decide(at.session, { ...authorised, outcome: "authorised", reasons: REASONS });
    const refused = await reviewedRequest(at, { request: { id: "CLK-R" }, answers: { L1: "not-met" } });
    decide(at.session, { ...refused, outcome: "refused", reasons: REASONS });
    const other = await reviewedRequest(at, { request: { id: "CLK-B" } });
    decide(at.session, { ...other, outcome: "authorised", reasons: REASONS });
    at.runtime.advance(11 * DAY);
    at.session.store.close();
    const table = createApiHandlers({ storeDir: at.storeDir, runtime: at.runtime, files: noSaving });
    const api = dispatching(table);
    await api.call("unlock", { passphrase: STORE_PASSPHRASE });

    const clock = await api.call<ReviewClock | null>("getExecutionClock", authorised);
    const listed = (await api.call<StoreClock[]>("listClocks")).find((entry) => entry.kind === "execution-report" && "id" in entry && entry.id === "CLK-A");
    expect(listed).toBeDefined();
    const { authority: _authority, id: _id, revision: _revision, ...asListed } = listed as StoreClock & { authority: string; id: string; revision: number };
    expect(clock).toEqual(asListed);
    expect(clock).toMatchObject({ kind: "execution-report", state: "overdue", due: "2026-11-30T08:15:00.000Z" });
    expect(clock?.description).toContain(decision.id);

    expect(await api.call("getExecutionClock", refused)).toBeNull();
    expect(await api.call("getExecutionClock", { ...authorised, revision: 2 })).toBeNull();
    expect(await api.call("getExecutionClock", { ...authorised, id: "NO-SUCH" })).toBeNull();
    expect(await api.code("getExecutionClock", { authority: authorised.authority, id: authorised.id })).toBe("invalid-arguments");

    expect(await api.call("listExecutions", { decision: decision.id })).toEqual([]);
    const record = await api.call("recordExecution", { target: { decision: decision.id }, outcome: "enforcing-state-objected" });
    expect(await api.call("getExecutionClock", authorised)).toBeNull();
    // The decision page reads its own record alone; without a decision, every record.
    expect(await api.call("listExecutions", { decision: decision.id })).toEqual([record]);
    expect(await api.call("listExecutions", { decision: "D-NONE" })).toEqual([]);
    expect(await api.call("listExecutions")).toEqual([record]);
    expect(await api.call<ReviewClock | null>("getExecutionClock", other)).toMatchObject({ kind: "execution-report" });
    table.close();
  });
});
