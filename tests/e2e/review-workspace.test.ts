// A review of an EU production order in Chromium, by keyboard alone, against the real core and
// a real encrypted store: unlock, open the request from the inbox, open the workspace, declare
// independence, answer every item with 1–4 (a note with n, moving with j), respond to every
// finding, narrow the scope (a category, a target, the period, retention, two conditions), see the
// completeness check pass, read the keys in Help, and find the case in review in the inbox with its
// next deadline. Every state is photographed and scanned with axe (nothing serious may show).
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect } from "vitest";
import { encodePublicKey, generateMinisignKeyPair } from "../../electron/core/crypto/minisign.js";
import { SAMPLE_AUTHORITY } from "../helpers/sample-request.js";
import { TEST_PASSPHRASE } from "../helpers/passphrases.js";
import { startAppHost, type AppHost } from "./helpers/app-host.js";
import { closeAndReport, launchChromium, openApp, type OpenedPage, UI_WAIT } from "./helpers/browser.js";
import { PDF_NAME, PDF_TITLE } from "./helpers/bundles.js";
import { EARLIER_ID, EMAIL, MAIN_ID, PHONE, sealReviewRequests, sealSecondRevision } from "./helpers/review-requests.js";
import { focusedText as focusedTextOf, isFocused, tabTo as tabToTarget } from "./helpers/keyboard.js";
import { e2eFlow } from "./helpers/flow.js";

const REF = { authority: SAMPLE_AUTHORITY.id, id: MAIN_ID, revision: 1 };

let browser: Browser;
let app: AppHost;
let opened: OpenedPage;
let page: Page;
const { step, screen, screens } = e2eFlow("review-workspace", () => ({ page, opened, app }));
let sealRevision2: () => Promise<string>;

const heading = (name: string | RegExp) => page.getByRole("heading", { level: 1, name });
const focusedText = () => focusedTextOf(page);
const tabTo = (target: Locator, options?: { back?: boolean; max?: number }) => tabToTarget(page, target, options);

const review = () => app.handlers.getReview(REF);
const review2 = () => app.handlers.getReview({ ...REF, revision: 2 });
const stepTab = (name: string) => page.getByRole("tablist", { name: "Review steps" }).getByRole("tab").filter({ hasText: name });
const selectedStep = () => page.getByRole("tablist", { name: "Review steps" }).getByRole("tab", { selected: true });
const itemOption = (id: string) => page.getByRole("listbox").getByRole("option", { name: new RegExp(`^${id} `) });

/** Moves along the stepper with arrow keys, from wherever focus is, until `name` is the step shown. */
async function goToStep(name: string): Promise<void> {
  await tabTo(selectedStep(), { back: true });
  for (let presses = 0; presses < 6 && (await stepTab(name).getAttribute("aria-selected")) !== "true"; presses++) await page.keyboard.press("ArrowRight");
  expect(await stepTab(name).getAttribute("aria-selected")).toBe("true");
}

beforeAll(async () => {
  [browser, app] = await Promise.all([launchChromium(), startAppHost()]);
  const { handlers, runtime } = app;
  await handlers.createStore({ reviewerName: "Ada Reviewer", office: "Office of the Data Access Commissioner", passphrase: TEST_PASSPHRASE });
  const issuer = generateMinisignKeyPair(runtime.ids.randomBytes);
  await handlers.addAuthorityKey({ authorityId: SAMPLE_AUTHORITY.id, name: SAMPLE_AUTHORITY.name, country: SAMPLE_AUTHORITY.country, minisignPublicKey: encodePublicKey(issuer) });
  const recipient = (await handlers.getIdentity({})).ageRecipients[0] ?? "";
  const now = runtime.clock.now();
  const [main, earlier] = await sealReviewRequests({ signer: issuer, recipient, now, dir: app.root });
  sealRevision2 = () => sealSecondRevision({ signer: issuer, recipient, now: runtime.clock.now(), dir: app.root });
  const tokens = [(await handlers.importFiles.register(main)).token, (await handlers.importFiles.register(earlier)).token];
  expect((await handlers.importBundles({ tokens })).map((outcome) => outcome.status)).toEqual(["imported", "imported"]);
  // Nine days on: the provider's ten days end within 24 hours, and the asked answer is overdue.
  runtime.set(new Date("2026-11-29T12:00:00Z"));
  await handlers.lock({});
  opened = await openApp(browser, app.host.url);
  page = opened.page;
}, 120_000);

afterAll(() => closeAndReport({ opened, browser, app, screens }));

describe.sequential("a review of an EU production order, by keyboard alone", () => {
  step("unlocks and opens the request from the inbox, then its workspace", async () => {
    await heading("Unlock Counterseal").waitFor();
    await page.keyboard.type(TEST_PASSPHRASE);
    await page.keyboard.press("Enter");
    await heading("Inbox").waitFor();
    const grid = page.getByRole("grid", { name: "Requests" });
    const mainRow = grid.getByRole("row").filter({ hasText: MAIN_ID });
    await mainRow.waitFor();
    await tabTo(grid.locator('[role="row"][tabindex="0"]'));
    for (let presses = 0; presses < 3 && !(await isFocused(mainRow)); presses++) await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await heading(`${MAIN_ID}, revision 1`).waitFor();
    // The request view shows its clocks too.
    await page.getByRole("region", { name: "Clocks" }).getByText("Overdue", { exact: true }).waitFor();
    await screen(30, "request-view-clocks");
    await tabTo(page.getByRole("button", { name: "Review", exact: true }));
    await page.keyboard.press("Enter");
    await heading(`Review of ${MAIN_ID}, revision 1`).waitFor();
    const clocks = page.getByRole("region", { name: "Clocks" });
    await clocks.getByText("Overdue", { exact: true }).waitFor();
    await clocks.getByText("Due within 24 h", { exact: true }).first().waitFor();
    await page.getByRole("heading", { name: "Independence declaration" }).waitFor();
    // The earlier request names the same account, written differently.
    await page.getByRole("heading", { name: "1 other request names the same identifiers" }).waitFor();
    // Nothing can be answered before the declaration.
    expect(await page.getByRole("radio", { name: "Met", exact: true }).isDisabled()).toBe(true);
    await screen(31, "review-independence");
  });

  step("declares independence before the first answer", async () => {
    await tabTo(page.getByRole("radio", { name: "I have no conflict of interest in this case" }));
    await page.keyboard.press("Space");
    await tabTo(page.getByRole("button", { name: "Record declaration" }));
    await page.keyboard.press("Enter");
    await page.getByText(/Independence declared .*: no conflict of interest\./).waitFor();
    expect((await review()).independence).toMatchObject({ conflict: false });
    // Focus has moved on to the first item to answer.
    await expect.poll(focusedText, UI_WAIT).toMatch(/^L1 /);
    await screen(32, "review-checklist");
  });

  step("the completeness check lists what is open before any answer", async () => {
    await goToStep("Completeness");
    await page.getByText("A decision cannot start yet. Still open:").waitFor();
    const open = (await review()).unanswered.length;
    expect(open).toBeGreaterThan(30);
    await page.getByRole("heading", { name: `${open} items without an answer` }).waitFor();
    await screen(33, "review-completeness-open");
    await page.keyboard.press("Home");
    expect(await stepTab("Legality").getAttribute("aria-selected")).toBe("true");
    // k at the first item keeps it and puts focus on it.
    await page.keyboard.press("k");
    await expect.poll(focusedText, UI_WAIT).toMatch(/^L1 /);
  });

  step(
    "answers every item with 1–4 and moves with j; every finding gets a note and a response",
    async () => {
      const start = await review();
      const questions = start.items.filter((item) => item.applies);
      const withFindings = questions.filter((item) => item.findings.length > 0).map((item) => item.id);
      expect(withFindings.length).toBeGreaterThan(0);
      let overridden = false;
      for (const [index, item] of questions.entries()) {
        await expect.poll(focusedText, UI_WAIT).toMatch(new RegExp(`^${item.id} `));
        for (const finding of item.findings) {
          if (!overridden) await screen(36, "review-finding");
          await tabTo(page.getByRole("textbox", { name: `Your note on ${finding.rule} (required)` }));
          await page.keyboard.type(overridden ? "Read against the request: the rule is right." : "The validating judge's order covers this; see the certificate.");
          await page.keyboard.press("Tab");
          if (overridden) await page.keyboard.press("Enter");
          else {
            await page.keyboard.press("Tab");
            await page.keyboard.press("Enter");
          }
          const status = overridden ? "Accepted" : "Overridden";
          await page.getByRole("article", { name: `Finding ${finding.rule}` }).getByText(status, { exact: true }).waitFor();
          overridden = true;
        }
        // M4 (retention) is not met as asked: it is set under Scope. One item needs information.
        const key = item.id === "M4" ? "2" : item.id === "N7" ? "4" : "1";
        await page.keyboard.press(key);
        if (index === 0) {
          // Focus stays on the item: the live region says what was stored.
          await page.locator('[role="status"][aria-live="polite"]').getByText(`${item.id}: “Met” saved.`, { exact: true }).waitFor({ state: "attached" });
          await page.keyboard.press("n");
          await page.keyboard.type("Validated by the rechter-commissaris the day before submission.");
          await page.keyboard.press("Escape");
          // Evidence: page 1 of the order's certificate (the attachment is the one offered first).
          await tabTo(page.getByLabel("Page (optional)"));
          await page.keyboard.type("1");
          await tabTo(page.getByRole("button", { name: "Add evidence" }));
          await page.keyboard.press("Enter");
          await page.getByText(`${PDF_TITLE}, page 1`, { exact: true }).waitFor();
          // A field the request does not have: the core refuses it, and the page says so instead of pretending.
          await tabTo(page.getByLabel("Evidence in"), { back: true });
          await page.keyboard.type("A field");
          await tabTo(page.getByLabel("Field", { exact: true }));
          await page.keyboard.type("offences[0].victims");
          await tabTo(page.getByRole("button", { name: "Add evidence" }));
          await page.keyboard.press("Enter");
          const failure = page.getByRole("alert").filter({ hasText: "The answer to L1 was not saved" });
          await failure.getByText("the request document has no field offences[0].victims", { exact: false }).waitFor();
          await itemOption("L1").getByText("Not saved").waitFor();
          expect((await review()).items.find((entry) => entry.id === "L1")?.evidence).toHaveLength(1);
          await screen(34, "review-save-failed");
          await tabTo(failure.getByRole("button", { name: "Dismiss" }));
          await page.keyboard.press("Enter");
          await failure.waitFor({ state: "detached" });
          await page.keyboard.press("k");
        }
        const label = { "1": "Met", "2": "Not met", "4": "Needs information" }[key];
        await expect.poll(() => itemOption(item.id).textContent(), UI_WAIT).toContain(label);
        if (index === 0) await screen(35, "review-answered");
        await page.keyboard.press("j");
      }
      const done = await review();
      expect(done.unanswered).toEqual([]);
      expect(done.items.find((item) => item.id === "L1")).toMatchObject({
        answer: "met",
        note: "Validated by the rechter-commissaris the day before submission.",
        evidence: [{ kind: "attachment", path: `attachments/${PDF_NAME}`, page: 1 }],
      });
      expect(done.items.find((item) => item.id === "M4")?.answer).toBe("not-met");
      expect(done.items.flatMap((item) => item.findings).every((finding) => finding.status !== "open")).toBe(true);
    },
    240_000,
  );

  step("narrows the scope: a category, a target struck and one narrowed, the period, retention and two conditions", async () => {
    await goToStep("Scope");
    await page.getByRole("heading", { name: "Scope: requested and granted" }).waitFor();
    await screen(37, "review-scope-requested");
    const changes = page.getByRole("region", { name: "Changes against the request" });

    await tabTo(page.getByRole("button", { name: "Strike Traffic" }));
    await page.keyboard.press("Enter");
    await changes.getByText("traffic data: not granted").waitFor();
    await tabTo(page.getByRole("button", { name: `Strike ${PHONE}` }));
    await page.keyboard.press("Enter");
    await changes.getByText(`phone ${PHONE}: not granted`).waitFor();
    await tabTo(page.getByRole("button", { name: "Narrow…" }));
    await page.keyboard.press("Enter");
    await tabTo(page.getByLabel(`Restriction for ${EMAIL}`));
    await page.keyboard.type("messages exchanged with +31 6 87654321");
    await tabTo(page.getByRole("button", { name: "Narrow", exact: true }));
    await page.keyboard.press("Enter");
    await changes.getByText(`email ${EMAIL}: only messages exchanged with +31 6 87654321`).waitFor();

    // Day fields take digits segment by segment, in the page's locale (en-GB: day, month, year).
    const firstSegment = (label: string) => page.getByRole("group", { name: label }).getByRole("spinbutton").first();
    // A period reaching outside the request is refused by the core, and the refusal shows beside the form.
    await tabTo(firstSegment("Granted from"));
    await page.keyboard.type("01082026");
    await tabTo(firstSegment("Granted to"));
    await page.keyboard.type("15102026");
    await tabTo(page.getByRole("button", { name: "Set period" }));
    await page.keyboard.press("Enter");
    const refused = page.getByRole("region", { name: "Period" }).getByRole("alert");
    await refused.getByText(/The scope change was not saved: the period must lie inside the requested period/).waitFor();
    await refused.getByText("Code: scope-refused", { exact: true }).waitFor();
    expect((await review()).grantedScope.period).toEqual((await review()).requestedScope.period);
    await tabTo(refused.getByRole("button", { name: "Dismiss" }));
    await page.keyboard.press("Enter");
    await tabTo(firstSegment("Granted from"), { back: true });
    await page.keyboard.type("15092026");
    await tabTo(firstSegment("Granted to"));
    await page.keyboard.type("15102026");
    await tabTo(page.getByRole("button", { name: "Set period" }));
    await page.keyboard.press("Enter");
    await changes.getByText(/narrowed to 2026-09-15T00:00:00\+02:00 – 2026-10-15T23:59:59\+01:00$/).waitFor();

    await tabTo(page.getByLabel("Keep for (days)"));
    await page.keyboard.type("90");
    await tabTo(page.getByRole("button", { name: "Set retention" }));
    await page.keyboard.press("Enter");
    await changes.getByText("retention limited to 90 days (none was requested)").waitFor();

    await tabTo(page.getByLabel("Wording of the condition"));
    await page.keyboard.type("Only for the investigation RTM-26-004417.");
    await tabTo(page.getByRole("button", { name: "Add condition" }));
    await page.keyboard.press("Enter");
    await changes.getByText("purpose-limitation: Only for the investigation RTM-26-004417.").waitFor();

    await tabTo(page.getByLabel("Condition", { exact: true }), { back: true });
    await page.keyboard.type("Reassess");
    await tabTo(firstSegment("Date"));
    await page.keyboard.type("01032027");
    await tabTo(page.getByLabel("Wording of the condition"));
    await page.keyboard.type("Whether the data are still needed.");
    await tabTo(page.getByRole("button", { name: "Add condition" }));
    await page.keyboard.press("Enter");
    await changes.getByText("reassess-by 2027-03-01: Whether the data are still needed.").waitFor();

    const granted = (await review()).grantedScope;
    expect(granted).toEqual({
      categories: ["subscriber"],
      targets: [{ kind: "email", value: EMAIL, role: "suspect", restriction: "messages exchanged with +31 6 87654321" }],
      period: { from: "2026-09-15T00:00:00+02:00", to: "2026-10-15T23:59:59+01:00" },
      retentionDays: 90,
      conditions: [
        { kind: "purpose-limitation", text: "Only for the investigation RTM-26-004417." },
        { kind: "reassess-by", date: "2027-03-01", text: "Whether the data are still needed." },
      ],
    });
    // The reassessment is a clock now.
    await page.getByRole("region", { name: "Clocks" }).getByText("Reassess", { exact: true }).waitFor();
    // The photograph shows the changes (scrolled into view for it; the reviewer's keys did the rest).
    await changes.scrollIntoViewIfNeeded();
    await screen(38, "review-scope-narrowed");
  });

  step("the completeness check passes", async () => {
    await goToStep("Completeness");
    await page.getByText("Every applicable item is answered and every finding has a response: a decision can start.").waitFor();
    await screen(39, "review-completeness-ready");
  });

  step("Help lists the workspace's keys", async () => {
    await tabTo(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Help", exact: true }), { back: true, max: 120 });
    await page.keyboard.press("Enter");
    await heading("User guide").waitFor();
    const keys = page.getByRole("region", { name: "Keyboard shortcuts" });
    for (const text of ["1 2 3 4", "n", "j / k"]) await keys.getByText(text, { exact: true }).waitFor();
    await screen(40, "help-review-keys");
  });

  step("the inbox shows the case in review and sorts by next deadline, within 1280 pixels", async () => {
    await tabTo(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Inbox", exact: true }), { back: true });
    await page.keyboard.press("Enter");
    await heading("Inbox").waitFor();
    const grid = page.getByRole("grid", { name: "Requests" });
    const mainRow = grid.getByRole("row").filter({ hasText: MAIN_ID });
    await mainRow.getByText("In review", { exact: true }).waitFor();
    const sort = page.getByRole("button", { name: "Next deadline" });
    await tabTo(sort);
    await page.keyboard.press("Enter");
    await expect.poll(() => page.getByRole("columnheader", { name: "Next deadline" }).getAttribute("aria-sort"), UI_WAIT).toBe("ascending");
    // Soonest first: the earlier order's provider deadline passed in October, then this one's respond-by.
    const rows = grid.getByRole("rowgroup").nth(1).getByRole("row");
    await expect.poll(() => rows.first().textContent(), UI_WAIT).toContain(EARLIER_ID);
    expect(await rows.nth(1).textContent()).toContain(MAIN_ID);
    expect(await mainRow.locator(".deadline-overdue").count()).toBe(1);
    const overflow = await page.locator(".grid-scroll-x").evaluate((element) => element.scrollWidth - element.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screen(41, "inbox-next-deadline");
    expect(opened.problems.filter((problem) => problem.startsWith("page error"))).toEqual([]);
  });

  step("a new revision carries the answers over only where the reviewer confirms them", async () => {
    const token = (await app.handlers.importFiles.register(await sealRevision2())).token;
    expect((await app.handlers.importBundles({ tokens: [token] })).map((outcome) => outcome.status)).toEqual(["imported"]);
    // Lock and unlock by keyboard, as after the issuer's new revision arrived: the inbox reads afresh.
    await page.keyboard.press("Control+L");
    await heading("Unlock Counterseal").waitFor();
    await page.keyboard.type(TEST_PASSPHRASE);
    await page.keyboard.press("Enter");
    await heading("Inbox").waitFor();
    const grid = page.getByRole("grid", { name: "Requests" });
    const revised = grid.getByRole("row").filter({ hasText: MAIN_ID }).filter({ hasText: "r2/2" });
    await revised.waitFor();
    await tabTo(grid.locator('[role="row"][tabindex="0"]'));
    for (let presses = 0; presses < 4 && !(await isFocused(revised)); presses++) await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await heading(`${MAIN_ID}, revision 2`).waitFor();
    await tabTo(page.getByRole("button", { name: "Review", exact: true }));
    await page.keyboard.press("Enter");
    await heading(`Review of ${MAIN_ID}, revision 2`).waitFor();
    const carried = page.getByRole("region", { name: "Revision 2: answers carried over from revision 1" });
    await carried.waitFor();
    await carried.getByText("$.proportionality", { exact: true }).waitFor();
    // This time the reviewer declares a conflict, which needs a note saying what it is.
    expect((await review2()).independence).toBeNull();
    await tabTo(page.getByRole("radio", { name: "I have no conflict of interest in this case" }));
    await page.keyboard.press("ArrowDown");
    expect(await page.getByRole("radio", { name: "I have a conflict of interest to declare" }).isChecked()).toBe(true);
    await tabTo(page.getByRole("button", { name: "Record declaration" }));
    await page.keyboard.press("Enter");
    await page.getByText("Describe the conflict you declare.", { exact: true }).waitFor();
    expect((await review2()).independence).toBeNull();
    await tabTo(page.getByRole("textbox", { name: "Describe the conflict" }), { back: true });
    await page.keyboard.type("I advised the provider on an unrelated matter in 2024.");
    await tabTo(page.getByRole("button", { name: "Record declaration" }));
    await page.keyboard.press("Enter");
    await page.getByText(/Independence declared .* with a conflict of interest: I advised the provider/).waitFor();
    expect((await review2()).independence).toMatchObject({ conflict: true, note: "I advised the provider on an unrelated matter in 2024." });
    const before = await review2();
    const waiting = before.items.filter((item) => item.carriedOver !== null).map((item) => item.id);
    expect(waiting.length).toBeGreaterThan(0);
    expect(before.unanswered).toEqual(expect.arrayContaining(waiting));
    await screen(42, "review-carried-over");
    const first = waiting[0] ?? "";
    await tabTo(carried.getByRole("button", { name: `Confirm ${first}`, exact: true }));
    await page.keyboard.press("Enter");
    await expect.poll(async () => (await review2()).items.find((item) => item.id === first)?.carriedOver ?? "confirmed", UI_WAIT).toBe("confirmed");
    expect((await review2()).unanswered).not.toContain(first);
    await carried.getByRole("button", { name: `Confirm ${first}`, exact: true }).waitFor({ state: "detached" });
  });
});
