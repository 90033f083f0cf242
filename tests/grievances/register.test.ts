// The grievance register over a real store: a grievance from a letter is checked, given its
// deadline in the office's time zone, linked both ways to the case it names, and stored with a
// content-free audit row; bad input is refused naming the field, with nothing stored.
import { afterEach, describe, expect, it } from "vitest";
import { getRequestDetail } from "../../electron/core/requests/requests-service.js";
import { importBundleFile } from "../../electron/core/bundles/import-bundle.js";
import { getGrievance, grievancesAboutCase, listGrievances, registerGrievance } from "../../electron/core/grievances/grievance-register.js";
import { respondToGrievance } from "../../electron/core/grievances/grievance-response.js";
import { listStoreClocks } from "../../electron/core/review/review-clocks.js";
import { updateGrievanceSettings } from "../../electron/core/settings/grievance-settings.js";
import { updateReviewSettings } from "../../electron/core/settings/review-settings.js";
import { openTestOffice, type TestOffice } from "../helpers/office.js";
import { SAMPLE_AUTHORITY } from "../helpers/sample-request.js";
import { letterGrievance } from "./fixtures.js";

let office: TestOffice;
afterEach(() => office.session.store.close());

const auditActions = () => office.session.store.audit.listAudit().map((row) => row.action);

describe("registering a grievance from a letter", () => {
  it("stores it with a deadline 30 days on, to midnight in the office's time zone", () => {
    office = openTestOffice();
    updateReviewSettings(office.session, { timeZone: "Europe/Warsaw" });
    const view = registerGrievance(office.session, letterGrievance({ concerns: { kind: "unknown" } }));

    // 2026-11-18 + 30 days = 2026-12-18; the day ends at 23:59:59.999 in Warsaw (UTC+1 in December).
    expect(view).toMatchObject({ id: "G-2026-0001", source: "letter", received: "2026-11-18", respondBy: "2026-12-18T22:59:59.999Z", clock: "running", linkedCase: null, response: null });
    expect(view.complainant.name).toBe("Анна Müller-Wójcik");
    expect(listGrievances(office.session).map((each) => each.id)).toEqual(["G-2026-0001"]);
  });

  it("uses the office's response period, and reports the clock due soon and then overdue", () => {
    office = openTestOffice();
    updateReviewSettings(office.session, { timeZone: "UTC" });
    updateGrievanceSettings(office.session, { responseDays: 5 });
    registerGrievance(office.session, letterGrievance({ received: "2026-11-18" }));
    // Due 2026-11-23T23:59:59.999Z; the test clock starts at 2026-11-20T10:00Z.
    expect(getGrievance(office.session, "G-2026-0001")).toMatchObject({ respondBy: "2026-11-23T23:59:59.999Z", clock: "running" });
    office.runtime.advance(3 * 24 * 3_600_000);
    expect(getGrievance(office.session, "G-2026-0001").clock).toBe("due-soon");
    office.runtime.advance(24 * 3_600_000);
    expect(getGrievance(office.session, "G-2026-0001").clock).toBe("overdue");
    expect(() => updateGrievanceSettings(office.session, { responseDays: 0 })).toThrow(expect.objectContaining({ code: "grievance-invalid" }));
  });

  it("joins the store's clocks until it is answered, soonest first", () => {
    office = openTestOffice();
    updateReviewSettings(office.session, { timeZone: "UTC" });
    registerGrievance(office.session, letterGrievance({ id: "G-LATER", received: "2026-11-19" }));
    registerGrievance(office.session, letterGrievance({ id: "G-SOONER", received: "2026-11-10" }));
    const clocks = () => listStoreClocks(office.session).flatMap((clock) => ("grievance" in clock ? [[clock.grievance, clock.kind, clock.due, clock.state]] : []));
    expect(clocks()).toEqual([
      ["G-SOONER", "grievance-response", "2026-12-10T23:59:59.999Z", "running"],
      ["G-LATER", "grievance-response", "2026-12-19T23:59:59.999Z", "running"],
    ]);
    respondToGrievance(office.session, { id: "G-SOONER", outcome: "dismissed", remedies: [], reasons: "Out of time." });
    expect(clocks().map(([id]) => id)).toEqual(["G-LATER"]);
  });

  it("links a grievance about a stored request to its case, and the case back to it", async () => {
    office = openTestOffice();
    const imported = await importBundleFile(office.session, await office.seal());
    expect(imported.status).toBe("imported");
    const view = registerGrievance(office.session, letterGrievance());
    const stranger = registerGrievance(office.session, letterGrievance({ id: "G-2026-0002", concerns: { kind: "request", authority: SAMPLE_AUTHORITY.id, id: "NOT-STORED" } }));

    expect(view.linkedCase).toEqual({ authority: SAMPLE_AUTHORITY.id, id: "OM-RTM-2026-0117" });
    expect(stranger.linkedCase).toBeNull();
    expect(grievancesAboutCase(office.session, SAMPLE_AUTHORITY.id, "OM-RTM-2026-0117").map((each) => each.id)).toEqual(["G-2026-0001"]);
    expect(grievancesAboutCase(office.session, SAMPLE_AUTHORITY.id, "NOT-STORED")).toEqual([]);
    // The request's own page lists it.
    expect(getRequestDetail(office.session, { authority: SAMPLE_AUTHORITY.id, id: "OM-RTM-2026-0117" }).grievances).toEqual([
      { id: "G-2026-0001", received: "2026-11-18", respondBy: view.respondBy, clock: "running", outcome: null },
    ]);
  });

  it("records a content-free audit row: vocabulary words, dates and the case, never names or words", () => {
    office = openTestOffice();
    registerGrievance(office.session, letterGrievance());
    const row = office.session.store.audit.listAudit().at(-1);
    expect(row).toMatchObject({ action: "grievance.registered", objectType: "grievance", objectId: "G-2026-0001" });
    expect(row?.details).toEqual({ source: "letter", complainantKind: "data-subject", grounds: ["excessive-scope", "not-notified"], received: "2026-11-18", respondBy: expect.any(Number), caseId: null });
    expect(row?.detailsJson).not.toMatch(/Anna|Анна|Łódź|konto|Delete/);
  });

  it.each([
    ["an unknown ground", { grounds: ["rudeness"] }, /\$\.grounds\[0\]/],
    ["no ground", { grounds: [] }, /\$\.grounds/],
    ["a ground twice", { grounds: ["retention", "retention"] }, /\$\.grounds\[1\]/],
    ["a received date that is not a date", { received: "18.11.2026" }, /\$\.received/],
    ["an empty statement", { statement: "  " }, /\$\.statement/],
    ["an id with a space", { id: "G 1" }, /\$\.id/],
    ["an unknown complainant kind", { complainant: { kind: "journalist", name: "X" } }, /\$\.complainant\.kind/],
  ])("refuses %s naming the field, storing nothing", (_label, overrides, field) => {
    office = openTestOffice();
    const before = auditActions();
    expect(() => registerGrievance(office.session, { ...letterGrievance(), ...overrides } as never)).toThrow(
      expect.objectContaining({ code: "grievance-invalid", message: expect.stringMatching(field) }),
    );
    expect(listGrievances(office.session)).toEqual([]);
    expect(auditActions()).toEqual(before);
  });

  it("refuses an id already registered, and a reply-to authority the keyring does not hold", () => {
    office = openTestOffice();
    registerGrievance(office.session, letterGrievance());
    expect(() => registerGrievance(office.session, letterGrievance({ statement: "Again." }))).toThrow(expect.objectContaining({ code: "grievance-exists" }));
    expect(() => registerGrievance(office.session, letterGrievance({ id: "G-2" }), { replyTo: "no-such-authority" })).toThrow(
      expect.objectContaining({ code: "grievance-invalid", message: expect.stringContaining("no-such-authority") }),
    );
    expect(listGrievances(office.session).map((each) => each.statement)).toEqual([letterGrievance().statement]);
    expect(() => getGrievance(office.session, "G-404")).toThrow(expect.objectContaining({ code: "grievance-not-found" }));
  });
});
