// Deciding and answering grievances in Chromium, by keyboard alone, against the real core and a
// real encrypted store: from a finished review (one item left open) to the decision screen, its
// drafted reasons, deferral and scope diff, the PDF previewed before signing (stale after an edit),
// the confirmation naming what is signed, the decision's page, its exports through the host's
// door (the copy verified with the stock minisign; the sealed reply only once the authority has an
// age recipient), the decisions list and the request's link, superseding; then the grievance
// register: a letter's grievance entered (refused until complete), its deadline in the clocks,
// a signed response and its copy. Every screen is photographed and scanned with axe.
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import path from "node:path";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect } from "vitest";
import { encodePublicKey, generateMinisignKeyPair } from "../../electron/core/crypto/minisign.js";
import type { ReviewRef } from "../../shared/api/review.js";
import { SAMPLE_AUTHORITY } from "../helpers/sample-request.js";
import { stockAgeKeygen } from "../helpers/stock-tools.js";
import { TEST_PASSPHRASE } from "../helpers/passphrases.js";
import { startAppHost, type AppHost } from "./helpers/app-host.js";
import { closeAndReport, launchChromium, openApp, type OpenedPage, UI_WAIT } from "./helpers/browser.js";
import { isFocused, tabTo as tabToTarget } from "./helpers/keyboard.js";
import { MAIN_ID, sealReviewRequests } from "./helpers/review-requests.js";
import { e2eFlow } from "./helpers/flow.js";

const REF: ReviewRef = { authority: SAMPLE_AUTHORITY.id, id: MAIN_ID, revision: 1 };
const FIRST = `${SAMPLE_AUTHORITY.id}.${MAIN_ID}.r1.D1`;
const SECOND = `${SAMPLE_AUTHORITY.id}.${MAIN_ID}.r1.D2`;
const DEFERRAL = "The provider's answer on this point is not needed for subscriber data alone.";

let browser: Browser;
let app: AppHost;
let opened: OpenedPage;
let page: Page;
let openItem = "";
let keyId = "";
let publicKey = "";
const { step, screen, screens } = e2eFlow("decisions-grievances", () => ({ page, opened, app }), 90_000);

const heading = (name: string | RegExp) => page.getByRole("heading", { level: 1, name });
const tabTo = (target: Locator, options?: { back?: boolean; max?: number }) => tabToTarget(page, target, options);
/** Tabs to a field and types into it, as a keyboard user fills a form. */
async function typeInto(target: Locator, text: string): Promise<void> {
  await tabTo(target, { max: 120 });
  await page.keyboard.type(text);
}
/** Tabs to a link or button and presses Enter. */
async function press(target: Locator, options?: { back?: boolean }): Promise<void> {
  await tabTo(target, { max: 120, ...options });
  await page.keyboard.press("Enter");
}
const navLink = (name: string) => page.getByRole("navigation", { name: "Main" }).getByRole("link", { name, exact: true });
const status = () => page.getByRole("status").filter({ hasText: /Exported|cancelled/ });

beforeAll(async () => {
  [browser, app] = await Promise.all([launchChromium(), startAppHost()]);
  const { handlers, runtime } = app;
  await handlers.createStore({ reviewerName: "Ada Reviewer", office: "Office of the Data Access Commissioner", passphrase: TEST_PASSPHRASE });
  const issuer = generateMinisignKeyPair(runtime.ids.randomBytes);
  await handlers.addAuthorityKey({ authorityId: SAMPLE_AUTHORITY.id, name: SAMPLE_AUTHORITY.name, country: SAMPLE_AUTHORITY.country, minisignPublicKey: encodePublicKey(issuer) });
  const identity = await handlers.getIdentity({});
  keyId = identity.reviewer.keyId;
  publicKey = identity.reviewer.minisignPublicKey;
  const [main] = await sealReviewRequests({ signer: issuer, recipient: identity.ageRecipients[0] ?? "", now: runtime.clock.now(), dir: app.root });
  expect((await handlers.importBundles({ tokens: [(await handlers.importFiles.register(main)).token] })).map((outcome) => outcome.status)).toEqual(["imported"]);
  // The review as the workspace tests leave it: declared, every finding answered, traffic data
  // struck from the grant; every item met but one, left open for the decision to defer.
  await handlers.declareIndependence({ ...REF, conflict: false });
  let view = await handlers.getReview(REF);
  openItem = view.unanswered.at(-1) ?? "";
  for (const item of view.unanswered.slice(0, -1)) await handlers.setAnswer({ ...REF, item, answer: "met" });
  view = await handlers.getReview(REF);
  for (const item of view.items) for (const finding of item.findings) if (finding.status === "open") await handlers.reviewFinding({ ...REF, rule: finding.rule, status: "accepted", note: "Checked against the order." });
  await handlers.changeScope({ ...REF, change: { op: "strike-category", category: "traffic" } });
  expect((await handlers.getReview(REF)).unanswered).toEqual([openItem]);
  await handlers.lock({});
  opened = await openApp(browser, app.host.url);
  page = opened.page;
}, 120_000);

afterAll(() => closeAndReport({ opened, browser, app, screens }));

describe.sequential("deciding, exporting and answering grievances, by keyboard alone", () => {
  step("unlocks, opens the review's completeness check and goes on to the decision screen", async () => {
    await heading("Unlock Counterseal").waitFor();
    await page.keyboard.type(TEST_PASSPHRASE);
    await page.keyboard.press("Enter");
    await heading("Inbox").waitFor();
    const grid = page.getByRole("grid", { name: "Requests" });
    await grid.getByRole("row").filter({ hasText: MAIN_ID }).waitFor();
    await press(grid.locator('[role="row"][tabindex="0"]'));
    await heading(`${MAIN_ID}, revision 1`).waitFor();
    await press(page.getByRole("button", { name: "Review", exact: true }));
    await heading(`Review of ${MAIN_ID}, revision 1`).waitFor();
    const steps = page.getByRole("tablist", { name: "Review steps" });
    await tabTo(steps.getByRole("tab", { selected: true }));
    for (let presses = 0; presses < 6 && (await steps.getByRole("tab", { selected: true }).textContent())?.includes("Completeness") !== true; presses++) await page.keyboard.press("ArrowRight");
    await press(page.getByRole("link", { name: "Decide, deferring the open item" }));

    await heading(`Decide ${MAIN_ID}, revision 1`).waitFor();
    // The outcome the narrowed grant suggests, the drafted reasons, the scope diff, the open item.
    expect(await page.getByRole("radio", { name: /Authorised with modifications/ }).isChecked()).toBe(true);
    await expect.poll(() => page.getByLabel("Reasons: Legality").inputValue(), UI_WAIT).toMatch(/\S/);
    const scope = page.getByRole("table", { name: "Scope: requested and granted" });
    const categories = scope.getByRole("row", { name: /Data categories/ });
    expect(await categories.getByRole("cell").nth(0).textContent()).toContain("Traffic");
    expect(await categories.getByRole("cell").nth(1).textContent()).not.toContain("Traffic");
    await page.getByText("traffic data: not granted").waitFor();
    await page.getByLabel(new RegExp(`^Why decide without ${openItem}:`)).waitFor();
    expect(await page.getByRole("button", { name: "Sign the decision…" }).isDisabled()).toBe(true);
    await screen(70, "decide-form");
  });

  step("refuses a preview without the deferral's reason, then previews the copy's PDF", async () => {
    await press(page.getByRole("button", { name: "Preview the PDF" }));
    await page.getByText("Give the reason the decision is made without this item.").waitFor();
    await typeInto(page.getByLabel(new RegExp(`^Why decide without ${openItem}:`)), DEFERRAL);
    await press(page.getByRole("button", { name: "Preview the PDF" }));
    await page.getByText(/^Page 1 of \d+$/).waitFor({ timeout: 30_000 });
    await press(page.getByText("Text of this page", { exact: true }));
    const text = page.getByRole("group").filter({ hasText: "Text of this page" });
    await expect.poll(() => text.textContent(), UI_WAIT).toContain(`Decision ${FIRST}`);
    // Nothing was signed or stored by previewing.
    expect(await app.handlers.listDecisions({})).toEqual([]);
    expect(await page.getByRole("button", { name: "Sign the decision…" }).isDisabled()).toBe(false);
    await screen(71, "decide-preview");

    // An edit makes the preview stale: signing waits for a new one.
    await tabTo(page.getByLabel("Reasons: Minimisation and safeguards"));
    await page.keyboard.press("Control+End");
    await page.keyboard.type(" Traffic data are not needed.");
    await page.getByText("You changed the decision since this preview. Preview it again before signing.").waitFor();
    expect(await page.getByRole("button", { name: "Sign the decision…" }).isDisabled()).toBe(true);
    await press(page.getByRole("button", { name: "Preview the PDF" }), { back: true });
    await page.getByText(/Signing records the moment of the decision/).waitFor();
  });

  step("signs after a confirmation that names outcome, request and key, and shows the decision's page", async () => {
    await press(page.getByRole("button", { name: "Sign the decision…" }));
    const dialog = page.getByRole("alertdialog", { name: "Sign this decision?" });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain(`You sign decision ${FIRST}: Authorised with modifications, on request ${REF.authority} / ${MAIN_ID}, revision 1, with your key ${keyId}.`);
    await screen(72, "decide-confirm");
    // Cancel has focus first: Enter there signs nothing.
    expect(await isFocused(dialog.getByRole("button", { name: "Cancel" }))).toBe(true);
    await press(dialog.getByRole("button", { name: "Sign decision" }));
    await heading(`Decision ${FIRST}`).waitFor();
    const [stored] = await app.handlers.listDecisions({});
    expect(stored).toMatchObject({ id: FIRST, outcome: "authorised-with-modifications", status: "final", reviewerKeyId: keyId });
    const view = await app.handlers.getDecision({ id: FIRST });
    expect(view.document.checklist.deferredItems).toEqual([{ id: openItem, reason: DEFERRAL }]);
    expect(view.document.reasons.minimization).toContain("Traffic data are not needed.");
    await page.getByText("Final", { exact: true }).waitFor();
    await page.getByText(stored?.sha256.slice(0, 16) ?? "?").waitFor();
    await page.getByText(`A sealed reply cannot be made: ${REF.authority} has no usable key with an age recipient in the keyring.`, { exact: false }).waitFor();
    expect(await page.getByRole("button", { name: "Export sealed reply…" }).count()).toBe(0);
    await screen(73, "decision-page");
  });

  step("exports the verification copy into a folder of its own, and it verifies with the stock minisign", async () => {
    await press(page.getByRole("button", { name: "Export verification copy…" }));
    await status().getByText(`Exported to the folder ${FIRST}: ${FIRST}.json, ${FIRST}.json.minisig, ${FIRST}.pdf.`).waitFor();
    const folder = path.join(app.downloadsDir, FIRST);
    expect(readdirSync(folder).sort()).toEqual([`${FIRST}.json`, `${FIRST}.json.minisig`, `${FIRST}.pdf`]);
    const stock = spawnSync("minisign", ["-Vm", path.join(folder, `${FIRST}.json`), "-P", publicKey], { encoding: "utf8" });
    expect(stock.status, stock.stderr).toBe(0);
    expect(stock.stdout).toContain(`counterseal decision ${FIRST} sha256:`);
    await screen(74, "decision-exported");
  });

  step("offers the sealed reply once the authority has an age recipient, and seals it", async () => {
    const age = stockAgeKeygen(app.root, "issuer");
    await app.handlers.addAuthorityKey({ authorityId: SAMPLE_AUTHORITY.id, name: SAMPLE_AUTHORITY.name, country: SAMPLE_AUTHORITY.country, minisignPublicKey: encodePublicKey(generateMinisignKeyPair(app.runtime.ids.randomBytes)), ageRecipient: age.recipient });
    await press(navLink("Decisions"), { back: true });
    await heading("Decisions").waitFor();
    const row = page.getByRole("row").filter({ hasText: FIRST });
    expect(await row.textContent()).toContain("Final");
    await screen(75, "decisions-list");
    await press(row.getByRole("link", { name: FIRST }));
    await heading(`Decision ${FIRST}`).waitFor();
    await press(page.getByRole("button", { name: "Export sealed reply…" }));
    await status().getByText(`with the reply sealed to ${REF.authority}`, { exact: false }).waitFor();
    const folder = path.join(app.downloadsDir, `${FIRST} (2)`);
    expect(readdirSync(folder).sort()).toEqual([`${FIRST}.json`, `${FIRST}.json.minisig`, `${FIRST}.pdf`, `${FIRST}.sealed`]);
    const opened = spawnSync("age", ["-d", "-i", age.identityFile, path.join(folder, `${FIRST}.sealed`)]);
    expect(opened.status, opened.stderr.toString()).toBe(0);
  });

  step("the request screen links to its decision; superseding follows the decision screen", async () => {
    await press(page.getByRole("link", { name: `${REF.authority} / ${MAIN_ID}, revision 1` }), { back: true });
    await heading(`${MAIN_ID}, revision 1`).waitFor();
    const decisions = page.getByRole("table", { name: `Decisions on ${MAIN_ID}` });
    await press(decisions.getByRole("link", { name: FIRST }), { back: true });
    await heading(`Decision ${FIRST}`).waitFor();
    await press(page.getByRole("button", { name: "Supersede with a new decision…" }));
    await heading(`Supersede decision ${FIRST}`).waitFor();
    await tabTo(page.getByRole("radio", { name: /Authorised with modifications/ }), { max: 120 });
    // Arrow keys move within the radio group: down twice from "with modifications" is "returned".
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    expect(await page.getByRole("radio", { name: /Returned for information/ }).isChecked()).toBe(true);
    await page.getByText("Nothing (not granted)").first().waitFor();
    await typeInto(page.getByLabel(new RegExp(`^Why decide without ${openItem}:`)), DEFERRAL);
    await press(page.getByRole("button", { name: "Preview the PDF" }));
    await page.getByText(/^Page 1 of \d+$/).waitFor({ timeout: 30_000 });
    await press(page.getByRole("button", { name: "Sign the decision…" }));
    const dialog = page.getByRole("alertdialog", { name: "Sign this decision?" });
    expect(await dialog.textContent()).toContain(`It supersedes decision ${FIRST}.`);
    await press(dialog.getByRole("button", { name: "Sign decision" }));
    await heading(`Decision ${SECOND}`).waitFor();
    await page.getByRole("link", { name: FIRST }).waitFor();
    expect((await app.handlers.getDecision({ id: FIRST })).supersededBy).toBe(SECOND);
    await screen(76, "decision-superseding");
  });

  step("registers a grievance from a letter, refused until every field is given", async () => {
    await press(navLink("Grievances"), { back: true });
    await heading("Grievances").waitFor();
    await page.getByText("No grievance has been registered.").waitFor();
    await press(page.getByRole("link", { name: "New grievance" }));
    await heading("New grievance").waitFor();
    await press(page.getByRole("button", { name: "Register grievance" }));
    await page.getByText("8 fields need your attention.").waitFor();
    await screen(77, "grievance-new-refused");

    await typeInto(page.getByLabel("Register number"), "G-2026-0001");
    await typeInto(page.getByLabel("Name", { exact: true }), "Анна Müller-Wójcik");
    await typeInto(page.getByLabel("Issuing authority id"), REF.authority);
    await typeInto(page.getByLabel("Request id"), MAIN_ID);
    await tabTo(page.getByRole("checkbox", { name: "Excessive scope" }));
    await page.keyboard.press("Space");
    await typeInto(page.getByLabel("The complaint"), "Moje konto ujawniono, choć nie miałam nic wspólnego z wiadomościami.");
    await typeInto(page.getByLabel("Remedy sought"), "Delete my data.");
    // The day's segments take digits in the page's locale order (en-GB: day, month, year).
    await tabTo(page.getByRole("group", { name: "Received on" }).getByRole("spinbutton").first());
    await page.keyboard.type("18112026");
    await press(page.getByRole("button", { name: "Register grievance" }));
    await heading("Grievance G-2026-0001").waitFor();
    const stored = await app.handlers.getGrievance({ id: "G-2026-0001" });
    expect(stored).toMatchObject({ received: "2026-11-18", grounds: ["excessive-scope"], linkedCase: { authority: REF.authority, id: MAIN_ID }, replyTo: null, response: null });
    await page.getByRole("region", { name: "Clocks" }).getByText("Grievance response due", { exact: true }).waitFor();
    await screen(78, "grievance-page");
  });

  step("the register lists it with its deadline among the clocks", async () => {
    await press(navLink("Grievances"), { back: true });
    await heading("Grievances").waitFor();
    const row = page.getByRole("row").filter({ hasText: "G-2026-0001" });
    expect(await row.textContent()).toContain("Анна Müller-Wójcik");
    expect(await page.getByRole("region", { name: "Clocks" }).locator("li").count()).toBe(1);
    await screen(79, "grievance-register");
    await press(row.getByRole("link", { name: "G-2026-0001" }));
    await heading("Grievance G-2026-0001").waitFor();
  });

  step("responds with a signed response after a confirmation, and exports its copy only, saying why", async () => {
    // The outcomes are one tab stop: Tab reaches the first, an arrow moves to the next.
    await tabTo(page.getByRole("radio", { name: "Upheld", exact: true }), { max: 120 });
    await page.keyboard.press("ArrowDown");
    expect(await page.getByRole("radio", { name: "Partly upheld" }).isChecked()).toBe(true);
    await tabTo(page.getByRole("checkbox", { name: "Deletion of the data" }));
    await page.keyboard.press("Space");
    await typeInto(page.getByLabel("Reasons", { exact: true }), "Traffic data were not needed; they are deleted.");
    await press(page.getByRole("button", { name: "Sign the response…" }));
    const dialog = page.getByRole("alertdialog", { name: "Sign this response?" });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain(`You sign the response to grievance G-2026-0001 from Анна Müller-Wójcik: Partly upheld; remedies ordered: Deletion of the data; with your key ${keyId}.`);
    await screen(80, "grievance-respond-confirm");
    await press(dialog.getByRole("button", { name: "Sign response" }));
    await page.getByRole("heading", { name: "Signed response" }).waitFor();
    const answered = await app.handlers.getGrievance({ id: "G-2026-0001" });
    expect(answered.response).toMatchObject({ outcome: "partly-upheld", remedies: ["deletion"], reviewerKeyId: keyId });
    await page.getByText("This response goes as a verification copy only: the grievance names no keyring entry to seal a reply to.").waitFor();
    expect(await page.getByRole("button", { name: "Export sealed reply…" }).count()).toBe(0);
    const responseId = answered.response?.id ?? "";
    await press(page.getByRole("button", { name: "Export verification copy…" }));
    await status().getByText(`Exported to the folder ${responseId}:`, { exact: false }).waitFor();
    expect(readdirSync(path.join(app.downloadsDir, responseId)).sort()).toEqual([`${responseId}.json`, `${responseId}.json.minisig`, `${responseId}.pdf`]);
    await screen(81, "grievance-answered");
  });

  step("locking clears the decisions and the register from the page", async () => {
    await page.keyboard.press("Control+l");
    await heading("Unlock Counterseal").waitFor();
    const html = await page.evaluate(() => (globalThis as unknown as { document: { documentElement: { outerHTML: string } } }).document.documentElement.outerHTML);
    for (const text of [FIRST, SECOND, "G-2026-0001", "Анна Müller-Wójcik", DEFERRAL]) expect(html, `"${text}" is still in the page after Lock`).not.toContain(text);
  });
});
