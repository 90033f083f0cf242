// The review service's scope, clocks and related requests on a real store, over the test
// runtime's clock: narrowing stays inside the request, a reassess date moves the inbox's next
// deadline (sortable, requests without a clock last), the store's clocks change state as time
// passes, in the office's time zone, and related requests match however an identifier is written.
import { afterEach, describe, expect, it } from "vitest";
import { queryInbox } from "../../electron/core/requests/inbox-service.js";
import { listStoreClocks } from "../../electron/core/review/review-clocks.js";
import { changeScope, declareIndependence, getReview } from "../../electron/core/review/review-service.js";
import { getReviewSettings, updateReviewSettings } from "../../electron/core/settings/review-settings.js";
import type { CoreError } from "../../electron/core/errors.js";
import type { Session } from "../../electron/core/session/session.js";
import { openReviewOffice, type ReviewOffice } from "./review-office.js";

const HOUR = 3_600_000;
const offices: ReviewOffice[] = [];
afterEach(() => {
  for (const office of offices.splice(0)) if (office.session.store.isOpen) office.session.store.close();
});

function office(): ReviewOffice {
  const opened = openReviewOffice();
  offices.push(opened);
  return opened;
}

function codeOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return (error as CoreError).code ?? `uncoded: ${String(error)}`;
  }
  return "no error";
}

const inboxIds = (session: Session, direction: "asc" | "desc") =>
  queryInbox(session, { offset: 0, limit: 50, sort: { field: "nextDeadline", direction }, filter: {} }).rows.map((row) => [row.id, row.nextDeadline?.kind ?? null, row.nextDeadline?.due ?? null]);

describe("scope, clocks and related requests", () => {
  it("narrows the scope inside the request and refuses what would widen it, storing nothing then", async () => {
    const { session, importRequest } = office();
    const ref = await importRequest({ retentionDays: 90 });
    expect(codeOf(() => changeScope(session, { ...ref, change: { op: "strike-category", category: "traffic" } }))).toBe("independence-required");
    declareIndependence(session, { ...ref, conflict: false });
    let view = changeScope(session, { ...ref, change: { op: "strike-category", category: "traffic" } });
    view = changeScope(session, { ...ref, change: { op: "narrow-target", kind: "email", value: "j.doe.4471@EXAMPLE.com", restriction: "messages with the bank's customers only" } });
    view = changeScope(session, { ...ref, change: { op: "set-period", period: { from: "2026-09-15T00:00:00+02:00", to: "2026-10-15T00:00:00+02:00" } } });
    expect(view.grantedScope).toMatchObject({
      categories: ["subscriber"],
      targets: [{ kind: "email", value: "j.doe.4471@example.com", restriction: "messages with the bank's customers only" }],
      period: { from: "2026-09-15T00:00:00+02:00", to: "2026-10-15T00:00:00+02:00" },
      retentionDays: 90,
    });
    const rows = session.store.audit.listAudit().length;
    const refusals: [Parameters<typeof changeScope>[1]["change"], RegExp][] = [
      [{ op: "set-period", period: { from: "2026-09-15T00:00:00+02:00", to: "2026-11-15T00:00:00+01:00" } }, /its end 2026-11-15T00:00:00\+01:00 is after the requested end/],
      [{ op: "set-retention", days: 91 }, /longer than the 90 requested/],
      [{ op: "strike-category", category: "subscriber" }, /the only category left/],
      [{ op: "strike-target", kind: "email", value: "j.doe.4471@example.com" }, /the only target left/],
      [{ op: "strike-category", category: "content" }, /not in the granted scope/],
      [{ op: "remove-condition", index: 0 }, /there is no condition 0/],
    ];
    for (const [change, fault] of refusals) {
      expect(() => changeScope(session, { ...ref, change }), JSON.stringify(change)).toThrow(fault);
      expect(codeOf(() => changeScope(session, { ...ref, change }))).toBe("scope-refused");
    }
    expect(session.store.audit.listAudit()).toHaveLength(rows);
    expect(session.store.audit.listAudit().filter((row) => row.action === "review.scope-changed").map((row) => row.details)).toEqual([
      { op: "strike-category", category: "traffic" },
      { op: "narrow-target", targetKind: "email" },
      { op: "set-period" },
    ]);
  });

  it("keeps the inbox's next deadline: a reassess date moves it, requests without a clock sort last", async () => {
    const { session, importRequest } = office();
    // Submitted 2026-11-20T08:15Z: the provider has 10 days, to 2026-11-30T08:15Z.
    const order = await importRequest();
    await importRequest({ id: "MLAT-1", instrument: "mlat", validatingAuthority: undefined });
    await importRequest({ id: "RESPOND-1", instrument: "mlat", validatingAuthority: undefined, urgency: { level: "expedited", respondBy: "2026-11-21T09:00:00+01:00" } });
    expect(inboxIds(session, "asc")).toEqual([
      ["RESPOND-1", "respond-by", "2026-11-21T08:00:00.000Z"],
      ["OM-RTM-2026-0117", "provider-deadline", "2026-11-30T08:15:00.000Z"],
      ["MLAT-1", null, null],
    ]);
    expect(inboxIds(session, "desc").map(([id]) => id)).toEqual(["OM-RTM-2026-0117", "RESPOND-1", "MLAT-1"]);

    declareIndependence(session, { ...order, conflict: false });
    changeScope(session, { ...order, change: { op: "add-condition", condition: { kind: "reassess-by", date: "2026-11-25", text: "Look again once the provider answered." } } });
    // The office's time zone is the machine's unless set; set it so the end of that day is known.
    updateReviewSettings(session, { timeZone: "Europe/Amsterdam" });
    changeScope(session, { ...order, change: { op: "add-condition", condition: { kind: "reassess-by", date: "2026-11-24", text: "Sooner." } } });
    const reassess = getReview(session, order).clocks.find((clock) => clock.kind === "reassess");
    expect(reassess).toMatchObject({ due: "2026-11-24T22:59:59.999Z", state: "running", source: "The reviewer's reassess-by condition" });
    expect(inboxIds(session, "asc")[1]).toEqual(["OM-RTM-2026-0117", "reassess", "2026-11-24T22:59:59.999Z"]);
    changeScope(session, { ...order, change: { op: "remove-condition", index: 1 } });
    changeScope(session, { ...order, change: { op: "remove-condition", index: 0 } });
    expect(inboxIds(session, "asc")[1]).toEqual(["OM-RTM-2026-0117", "provider-deadline", "2026-11-30T08:15:00.000Z"]);
  });

  it("lists the store's open clocks soonest first, their states moving with the injected clock", async () => {
    const { session, importRequest, runtime } = office();
    await importRequest({ urgency: { level: "emergency", reason: "A threat to life.", respondBy: "2026-11-20T12:00:00+01:00" } });
    const states = () => listStoreClocks(session).map(({ kind, due, state }) => [kind, due, state]);
    expect(states()).toEqual([
      ["respond-by", "2026-11-20T11:00:00.000Z", "due-soon"],
      ["provider-deadline", "2026-11-20T16:15:00.000Z", "due-soon"],
      ["objection-window", "2026-11-24T08:15:00.000Z", "running"],
    ]);
    runtime.advance(7 * HOUR);
    expect(states().map(([, , state]) => state)).toEqual(["overdue", "overdue", "running"]);
    runtime.advance(72 * HOUR);
    expect(states().map(([, , state]) => state)).toEqual(["overdue", "overdue", "due-soon"]);
  });

  it("refuses a review setting it cannot use, naming it, and changes nothing", () => {
    const { session } = office();
    const before = getReviewSettings(session);
    expect(codeOf(() => updateReviewSettings(session, { timeZone: "Mars/Olympus_Mons" }))).toBe("review-setting-invalid");
    expect(() => updateReviewSettings(session, { timeZone: "Europe/Paris", maxTargets: 0 })).toThrow(/maxTargets must be a whole number of at least 1; got 0/);
    expect(getReviewSettings(session)).toEqual(before);
    expect(updateReviewSettings(session, { maxTargets: 1, maxPeriodDays: 30 })).toMatchObject({ maxTargets: 1, maxPeriodDays: 30 });
    expect(session.store.audit.listAudit().at(-1)?.details).toEqual({ maxTargets: 1, maxPeriodDays: 30 });
  });

  it("finds every other request naming the same identifier, however it is written", async () => {
    const { session, importRequest } = office();
    const ref = await importRequest({
      targets: [
        { kind: "phone", value: "+44 20 7946 0018" },
        { kind: "ip-address", value: "2001:db8:0:0:0:0:0:1" },
        { kind: "email", value: "j.doe.4471@example.com" },
      ],
    });
    await importRequest({ id: "OTHER-1", instrument: "mlat", validatingAuthority: undefined, dataCategories: ["subscriber"], targets: [{ kind: "phone", value: "0044 (0)20 7946-0018" }] });
    await importRequest({ id: "OTHER-2", targets: [{ kind: "ip-address", value: "2001:DB8::1" }, { kind: "email", value: "j.doe.4471@EXAMPLE.COM." }] });
    await importRequest({ id: "UNRELATED", targets: [{ kind: "email", value: "J.Doe.4471@example.com" }] });
    // A later revision of the same case is not "another request".
    await importRequest({ revision: 2 });
    const related = getReview(session, ref).related.map((row) => [row.id, row.identifier.kind, row.identifier.value, row.instrument, row.state]);
    expect(related).toEqual([
      ["OTHER-1", "phone", "+44 20 7946 0018", "mlat", "received"],
      ["OTHER-2", "ip-address", "2001:db8:0:0:0:0:0:1", "eu-production-order", "received"],
      ["OTHER-2", "email", "j.doe.4471@example.com", "eu-production-order", "received"],
    ]);
  });
});
