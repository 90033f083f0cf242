// Four eyes between two stores in Chromium, by keyboard alone: two app hosts, each its own
// reviewer's real encrypted store (offices work on one laptop per reviewer), each in its own page.
// The deciding reviewer's decision authorises content data, so the office's rule asks a second
// reviewer's countersignature. On the decider's page: the decision explains that no colleague can
// receive a request yet; the keyring takes the colleague as an entry of kind reviewer (refused
// field by field first); the request is confirmed, naming decision and colleague, and saved
// through the host's door. On the colleague's page: the import screen says what the bundle was,
// the Countersignatures screen lists it, the request reads read-only with its signature verified,
// a decline without reasons is refused, and the countersignature is confirmed and saved. Back on
// the decider's page the answer's import makes the decision final, with the countersignature's
// signer, key, verdict, reasons and SHA-256. Every state is photographed and scanned with axe.
import { readdirSync } from "node:fs";
import path from "node:path";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect } from "vitest";
import { encodePublicKey, generateMinisignKeyPair } from "../../electron/core/crypto/minisign.js";
import { SAMPLE_AUTHORITY, sampleRequest } from "../helpers/sample-request.js";
import { TEST_PASSPHRASE } from "../helpers/passphrases.js";
import { testRuntime } from "../helpers/runtime.js";
import { REASONS } from "../decisions/decide-office.js";
import { startAppHost, type AppHost } from "./helpers/app-host.js";
import { closeAndReport, launchChromium, openApp, type OpenedPage, UI_WAIT } from "./helpers/browser.js";
import { sealRequestFile } from "./helpers/bundles.js";
import { isFocused, tabTo as tabToTarget } from "./helpers/keyboard.js";
import { e2eFlow } from "./helpers/flow.js";

const HOUR = 3_600_000;
const REQUEST_ID = "EPOC-RTM-2026-0412";
const DECISION = `${SAMPLE_AUTHORITY.id}.${REQUEST_ID}.r1.D1`;
const ANSWER = `${DECISION}.CS`;
/** A second decision of the same rule, which the colleague declines. */
const DECLINED_REQUEST_ID = "EPOC-RTM-2026-0413";
const DECLINED = `${SAMPLE_AUTHORITY.id}.${DECLINED_REQUEST_ID}.r1.D1`;
const DECLINE_REASONS = "Two months of message content go beyond what the facts set out: the offences span three weeks.";
const ZOFIA = { name: "Zofia Wójcik-Müller", office: "Office of the Data Access Commissioner, Rotterdam" };
const NIKOS = { name: "Νίκος Παπαδόπουλος", office: "Office of the Data Access Commissioner, Athens", entry: "reviewer:nikos" };
const COUNTERSIGN_REASONS = "Content data are limited to the one account and the two months in which the offences were committed.";

let browser: Browser;
let decider: AppHost;
let colleague: AppHost;
let deciderPage: OpenedPage;
let colleaguePage: OpenedPage;
/** The page the current step works on (photographed when a step fails). */
let page: Page;
let zofiaKeyId = "";
let zofiaKey = "";
let zofiaRecipient = "";
let nikosKeyId = "";
let nikosKey = "";
let nikosRecipient = "";
const { step, screen, screens } = e2eFlow("countersign", () => ({ page, opened: [deciderPage, colleaguePage], app: [decider, colleague] }), 90_000);

const heading = (name: string | RegExp) => page.getByRole("heading", { level: 1, name });
const tabTo = (target: Locator, options?: { back?: boolean; max?: number }) => tabToTarget(page, target, { max: 150, ...options });
async function typeInto(target: Locator, text: string): Promise<void> {
  await tabTo(target);
  await page.keyboard.type(text);
}
async function press(target: Locator, options?: { back?: boolean }): Promise<void> {
  await tabTo(target, options);
  await page.keyboard.press("Enter");
}
const navLink = (name: string) => page.getByRole("navigation", { name: "Main" }).getByRole("link", { name, exact: true });

async function unlock(opened: OpenedPage): Promise<void> {
  page = opened.page;
  await heading("Unlock Counterseal").waitFor();
  await page.keyboard.type(TEST_PASSPHRASE);
  await page.keyboard.press("Enter");
  await heading("Inbox").waitFor();
}

/** Imports files on the Import screen: Enter on its button opens the host's file picker, which gets the files. */
async function importOnScreen(files: string[]): Promise<Locator> {
  await press(navLink("Import"), { back: true });
  await heading("Import sealed bundles").waitFor();
  const chooser = page.waitForEvent("filechooser");
  await press(page.getByRole("button", { name: "Import bundles…" }));
  await (await chooser).setFiles(files);
  const region = page.getByRole("region", { name: "Results" });
  await region.waitFor({ timeout: 30_000 });
  return region;
}

/** The decider's store: two requests for content data, each reviewed (every item met, every finding accepted) and decided `authorised`. */
async function decidedRequests(app: AppHost): Promise<void> {
  const { handlers, runtime } = app;
  await handlers.createStore({ reviewerName: ZOFIA.name, office: ZOFIA.office, passphrase: TEST_PASSPHRASE });
  const issuer = generateMinisignKeyPair(runtime.ids.randomBytes);
  await handlers.addAuthorityKey({ authorityId: SAMPLE_AUTHORITY.id, name: SAMPLE_AUTHORITY.name, country: SAMPLE_AUTHORITY.country, minisignPublicKey: encodePublicKey(issuer) });
  const identity = await handlers.getIdentity({});
  zofiaKeyId = identity.reviewer.keyId;
  zofiaKey = identity.reviewer.minisignPublicKey;
  zofiaRecipient = identity.ageRecipients[0] ?? "";
  for (const id of [REQUEST_ID, DECLINED_REQUEST_ID]) {
    const file = await sealRequestFile({
      document: sampleRequest({ id, dataCategories: ["subscriber", "content"] }),
      signer: issuer,
      recipient: identity.ageRecipients[0] ?? "",
      now: runtime.clock.now(),
      file: path.join(app.root, `${id}.sealed`),
    });
    expect((await handlers.importBundles({ tokens: [(await handlers.importFiles.register(file)).token] })).map((outcome) => outcome.status)).toEqual(["imported"]);
  }
  for (const id of [REQUEST_ID, DECLINED_REQUEST_ID]) {
    const ref = { authority: SAMPLE_AUTHORITY.id, id, revision: 1 };
    await handlers.declareIndependence({ ...ref, conflict: false });
    for (const item of (await handlers.getReview(ref)).unanswered) await handlers.setAnswer({ ...ref, item, answer: "met" });
    for (const item of (await handlers.getReview(ref)).items) {
      for (const finding of item.findings) if (finding.status === "open") await handlers.reviewFinding({ ...ref, rule: finding.rule, status: "accepted", note: "Checked against the order." });
    }
  }
  runtime.advance(HOUR);
  for (const [id, decisionId] of [[REQUEST_ID, DECISION], [DECLINED_REQUEST_ID, DECLINED]] as const) {
    const decided = await handlers.decide({ authority: SAMPLE_AUTHORITY.id, id, revision: 1, outcome: "authorised", reasons: REASONS });
    // The office's default rule: an authorisation that grants content data needs four eyes.
    expect(decided).toMatchObject({ id: decisionId, status: "awaiting-countersignature", countersignaturesRequired: true });
  }
  await handlers.lock({});
}

beforeAll(async () => {
  // Different seeds: each reviewer's keys are their own.
  [browser, decider, colleague] = await Promise.all([launchChromium(), startAppHost(testRuntime(undefined, "decider")), startAppHost(testRuntime(undefined, "colleague"))]);
  await decidedRequests(decider);
  await colleague.handlers.createStore({ reviewerName: NIKOS.name, office: NIKOS.office, passphrase: TEST_PASSPHRASE });
  const nikos = await colleague.handlers.getIdentity({});
  nikosKeyId = nikos.reviewer.keyId;
  nikosKey = nikos.reviewer.minisignPublicKey;
  nikosRecipient = nikos.ageRecipients[0] ?? "";
  // The colleague's store knows the decider as a reviewer entry (its own Keyring screen is the one the decider uses below).
  await colleague.handlers.addAuthorityKey({ authorityId: "reviewer:zofia", kind: "reviewer", name: ZOFIA.name, country: "NL", minisignPublicKey: zofiaKey, ageRecipient: zofiaRecipient });
  await colleague.handlers.lock({});
  deciderPage = await openApp(browser, decider.host.url);
  colleaguePage = await openApp(browser, colleague.host.url);
}, 120_000);

afterAll(async () => {
  await colleaguePage?.context.close();
  await closeAndReport({ opened: deciderPage, browser, app: decider, screens });
  await colleague?.close();
});

describe.sequential("four eyes between two stores, by keyboard alone", () => {
  step("the decider's awaiting decision explains that no colleague can receive a request yet", async () => {
    await unlock(deciderPage);
    // A colleague known without an age recipient cannot be sealed to; the page says so.
    await decider.handlers.addAuthorityKey({ authorityId: "reviewer:olek", kind: "reviewer", name: "Olek Nowak", country: "PL", minisignPublicKey: encodePublicKey(generateMinisignKeyPair(decider.runtime.ids.randomBytes)) });
    await press(navLink("Decisions"));
    await heading("Decisions").waitFor();
    await press(page.getByRole("row").filter({ hasText: DECISION }).getByRole("link", { name: DECISION }));
    await heading(`Decision ${DECISION}`).waitFor();
    await page.getByText("Awaiting countersignature", { exact: true }).first().waitFor();
    await page.getByText(/^No colleague reviewer in the keyring can receive a request/).waitFor();
    await page.getByText("Olek Nowak (reviewer:olek) has no usable key with an age recipient in the keyring, so a request cannot be sealed to them.").waitFor();
    expect(await page.getByRole("button", { name: "Request a countersignature…" }).count()).toBe(0);
    await screen(110, "countersign-no-colleague");
  });

  step("the keyring takes the colleague as a reviewer entry, refused field by field until complete", async () => {
    await press(page.getByRole("link", { name: "Open the keyring" }));
    await heading("Keyring and identity").waitFor();
    const kind = page.getByLabel("Kind of entry");
    await tabTo(kind);
    // A closed select changes with the arrow keys: authority, then colleague reviewer.
    await page.keyboard.press("ArrowDown");
    await expect.poll(() => kind.inputValue(), UI_WAIT).toBe("reviewer");
    await page.getByText(/^A second reviewer, on their own laptop/).waitFor();
    expect(await page.getByLabel("Authority id").count()).toBe(0);
    await press(page.getByRole("button", { name: "Add key" }));
    await page.getByText("Enter the colleague's name.").waitFor();
    await page.getByText("Choose the country of the colleague's office.").waitFor();
    await page.getByText(/^This is not a minisign public key/).waitFor();
    // The first field in error has focus.
    expect(await isFocused(page.getByLabel("Colleague's name"))).toBe(true);
    await page.keyboard.type(NIKOS.name);
    await typeInto(page.getByLabel("Entry id (optional)"), "reviewer nikos");
    await typeInto(page.getByLabel("Minisign public key", { exact: true }), nikosKey);
    await typeInto(page.getByLabel("Age recipient (optional)"), "age1notarecipient");
    await press(page.getByRole("button", { name: "Add key" }));
    await page.getByText("Use 1 to 128 of the characters A–Z, a–z, 0–9 and . _ : -").waitFor();
    await page.getByText(/^This is not an age recipient/).waitFor();
    await page.getByText(`Key id of this key: ${nikosKeyId}`).waitFor();
    await screen(111, "countersign-keyring-refused");

    await tabTo(page.getByLabel("Entry id (optional)"), { back: true });
    await page.keyboard.press("Control+a");
    await page.keyboard.type(NIKOS.entry);
    await tabTo(page.getByLabel("Office's country"));
    // Typing on a closed select picks the option that starts so.
    await page.keyboard.type("Greece");
    await expect.poll(() => page.getByLabel("Office's country").inputValue(), UI_WAIT).toBe("GR");
    await tabTo(page.getByLabel("Age recipient (optional)"));
    await page.keyboard.press("Control+a");
    await page.keyboard.type(nikosRecipient);
    await press(page.getByRole("button", { name: "Add key" }));
    const keys = page.getByRole("table", { name: "Keys that may sign bundles, by keyring entry" });
    const row = keys.getByRole("row").filter({ hasText: nikosKeyId });
    await row.waitFor();
    expect(await row.textContent()).toContain("Colleague reviewer");
    expect(await row.textContent()).toContain(NIKOS.entry);
    expect(await keys.getByRole("row").filter({ hasText: SAMPLE_AUTHORITY.id }).textContent()).toContain("Issuing authority");
    const stored = (await decider.handlers.listKeyring({})).find((entry) => entry.keyId === nikosKeyId);
    expect(stored).toMatchObject({ authorityId: NIKOS.entry, kind: "reviewer", name: NIKOS.name, country: "GR", ageRecipient: nikosRecipient });
    // The form stays on the kind just used, for the next colleague.
    expect(await page.getByLabel("Kind of entry").inputValue()).toBe("reviewer");
    await screen(112, "countersign-keyring-kinds");
  });

  step("requests the countersignature after a confirmation naming decision and colleague; the bundle goes through the door", async () => {
    await press(navLink("Decisions"), { back: true });
    await heading("Decisions").waitFor();
    await press(page.getByRole("link", { name: DECISION }));
    await heading(`Decision ${DECISION}`).waitFor();
    const colleagueField = page.getByLabel("Colleague");
    await colleagueField.waitFor();
    expect(await colleagueField.inputValue()).toBe(NIKOS.entry);
    await page.getByText(`The request is sealed to this colleague's key ${nikosKeyId} and its age recipient.`).waitFor();
    decider.runtime.advance(HOUR);
    await press(page.getByRole("button", { name: "Request a countersignature…" }));
    const dialog = page.getByRole("alertdialog", { name: "Send this decision for countersignature?" });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain(
      `You seal decision ${DECISION} (Authorised) on request ${SAMPLE_AUTHORITY.id} / ${REQUEST_ID}, revision 1, with its review, to ${NIKOS.name} (${NIKOS.entry}, key ${nikosKeyId}), signed with your key ${zofiaKeyId}.`,
    );
    expect(await dialog.textContent()).toContain("The decision stays awaiting countersignature until their answer is imported.");
    expect(await isFocused(dialog.getByRole("button", { name: "Cancel" }))).toBe(true);
    await screen(113, "countersign-request-confirm");
    await press(dialog.getByRole("button", { name: "Seal and save request" }));
    await dialog.waitFor({ state: "detached" });
    await page.getByRole("status").getByText(`Request saved as ${DECISION}.countersign.sealed, sealed to ${NIKOS.entry}.`, { exact: false }).waitFor();
    expect(readdirSync(decider.downloadsDir)).toEqual([`${DECISION}.countersign.sealed`]);
    await page.getByText(`Sent to ${NIKOS.name} (${NIKOS.entry}, key ${nikosKeyId}) on 20 Nov 2026, `, { exact: false }).waitFor();
    await page.getByText("The decision stays awaiting countersignature until the colleague's answer is imported.").waitFor();
    expect((await decider.handlers.getDecision({ id: DECISION })).status).toBe("awaiting-countersignature");
    await screen(114, "countersign-request-sent");
  });

  step("the colleague imports the request: the outcome row says what it was, and it opens read-only", async () => {
    await unlock(colleaguePage);
    colleague.runtime.advance(3 * HOUR);
    const region = await importOnScreen([path.join(decider.downloadsDir, `${DECISION}.countersign.sealed`)]);
    await region.getByText("1 imported, 0 already in the store, 0 refused.", { exact: true }).waitFor();
    const row = region.getByRole("row").filter({ hasText: `${DECISION}.countersign.sealed` });
    expect(await row.textContent()).toContain(`Countersignature request for decision ${DECISION} from reviewer:zofia.`);
    // Not a request of this office: the inbox stays empty.
    expect((await colleague.handlers.queryInbox({ offset: 0, limit: 10, sort: { field: "receivedAt", direction: "desc" }, filter: {} })).total).toBe(0);
    await screen(115, "countersign-colleague-import");

    await press(row.getByRole("button", { name: "Open request" }));
    await heading(`Countersignature request for ${DECISION}`).waitFor();
    await page.getByText(`Verified: the decision's signed bytes verify against key ${zofiaKeyId} of ${ZOFIA.name} in your keyring`, { exact: false }).waitFor();
    await page.getByText("Waiting for your answer", { exact: true }).first().waitFor();
    await page.getByRole("heading", { name: "Checklist summary" }).waitFor();
    await page.getByText("None: every applicable item was met or not applicable.").waitFor();
    await page.getByRole("heading", { name: "The request decided" }).waitFor();
    await page.getByText(REASONS.legality).waitFor();
    await page.getByText(`${ZOFIA.name}, ${ZOFIA.office}`, { exact: false }).waitFor();
    await screen(116, "countersign-request-view");
  });

  step("a decline needs its reasons; the countersignature is confirmed, naming what is signed, and saved", async () => {
    // The verdicts are one tab stop: Tab reaches the first, an arrow moves to the decline.
    await tabTo(page.getByRole("radio", { name: /^Countersign/ }));
    await page.keyboard.press("ArrowDown");
    expect(await page.getByRole("radio", { name: /^Decline/ }).isChecked()).toBe(true);
    await press(page.getByRole("button", { name: "Decline…" }));
    await page.getByText("Give your reasons for declining.").waitFor();
    await expect.poll(() => isFocused(page.getByRole("textbox", { name: "Your reasons", exact: true })), UI_WAIT).toBe(true);
    expect(await page.getByRole("alertdialog").count()).toBe(0);

    await tabTo(page.getByRole("radio", { name: /^Decline/ }), { back: true });
    await page.keyboard.press("ArrowUp");
    expect(await page.getByRole("radio", { name: /^Countersign/ }).isChecked()).toBe(true);
    await typeInto(page.getByRole("textbox", { name: "Your reasons (optional)" }), COUNTERSIGN_REASONS);
    await press(page.getByRole("button", { name: "Countersign…" }));
    const dialog = page.getByRole("alertdialog", { name: "Countersign this decision?" });
    await dialog.waitFor();
    const shown = await colleague.handlers.getCountersignRequest({ decisionId: DECISION });
    expect(await dialog.textContent()).toContain(`You countersign decision ${DECISION} (Authorised) by ${ZOFIA.name}, SHA-256 ${shown.decisionSha256}, with your key ${nikosKeyId}.`);
    expect(await dialog.textContent()).toContain(`The answer is sealed to ${ZOFIA.name} (reviewer:zofia)`);
    expect(await isFocused(dialog.getByRole("button", { name: "Cancel" }))).toBe(true);
    await screen(117, "countersign-sign-confirm");
    await press(dialog.getByRole("button", { name: "Countersign and save" }));
    await dialog.waitFor({ state: "detached" });
    await page.getByRole("status").getByText(`Answer saved as ${ANSWER}.sealed, sealed to reviewer:zofia.`, { exact: false }).waitFor();
    expect(readdirSync(colleague.downloadsDir)).toEqual([`${ANSWER}.sealed`]);
    await page.getByText(`by you: countersignature ${ANSWER}`, { exact: false }).waitFor();
    expect(await page.getByRole("button", { name: "Countersign…" }).count()).toBe(0);

    // The list shows the answer given.
    await press(navLink("Countersignatures"), { back: true });
    await heading("Countersignatures").waitFor();
    const listed = page.getByRole("table", { name: "Countersignature requests received" }).getByRole("row").filter({ hasText: DECISION });
    expect(await listed.textContent()).toContain("Countersigned on 20 Nov 2026");
    await page.getByText("1 request, 0 waiting", { exact: true }).waitFor();
    expect(await listed.textContent()).toContain(ZOFIA.name);
    await screen(118, "countersign-list-answered");
  });

  step("back in the decider's store, importing the answer makes the decision final, with its countersignature", async () => {
    page = deciderPage.page;
    decider.runtime.advance(5 * HOUR);
    const region = await importOnScreen([path.join(colleague.downloadsDir, `${ANSWER}.sealed`)]);
    await region.getByText("1 imported, 0 already in the store, 0 refused.", { exact: true }).waitFor();
    const row = region.getByRole("row").filter({ hasText: `${ANSWER}.sealed` });
    expect(await row.textContent()).toContain(`Countersignature ${ANSWER} from ${NIKOS.entry}.`);
    await press(row.getByRole("button", { name: "Open decision" }));
    await heading(`Decision ${DECISION}`).waitFor();
    const view = await decider.handlers.getDecision({ id: DECISION });
    expect(view).toMatchObject({ status: "final", countersignatures: [{ id: ANSWER, verdict: "signed", reviewer: { name: NIKOS.name, keyId: nikosKeyId }, reasons: COUNTERSIGN_REASONS }] });
    await page.locator(".decision-outcome").getByText("Final", { exact: true }).waitFor();
    const section = page.getByRole("region", { name: "Countersignatures" });
    await section.getByText("A second reviewer's countersignature was required and has been received: the decision is final.").waitFor();
    const text = (await section.textContent()) ?? "";
    expect(text).toContain("Countersigned");
    expect(text).toContain(`by ${NIKOS.name}, ${NIKOS.office} (key ${nikosKeyId})`);
    expect(text).toContain(COUNTERSIGN_REASONS);
    expect(text.replace(/\s/g, "")).toContain(view.countersignatures[0]?.sha256 ?? "?");
    // No new request is offered for a final decision; the one sent stays listed.
    expect(await page.getByRole("button", { name: "Request a countersignature…" }).count()).toBe(0);
    await page.getByText(`Sent to ${NIKOS.name}`, { exact: false }).waitFor();
    await screen(119, "countersign-decision-final");
  });

  step("a decline with its reasons comes back as declined: the decision is not final", async () => {
    // The second request goes through the API table (the page's way of sending one is proven above).
    const sent = await decider.handlers.requestCountersignature({ decisionId: DECLINED, to: NIKOS.entry });
    expect(sent).toMatchObject({ saved: true, name: `${DECLINED}.countersign.sealed` });
    const { token } = await colleague.handlers.importFiles.register(path.join(decider.downloadsDir, `${DECLINED}.countersign.sealed`));
    expect(await colleague.handlers.importBundles({ tokens: [token] })).toMatchObject([{ status: "imported", bundleType: "countersignature-request" }]);

    page = colleaguePage.page;
    // The page was on the list when the bundle came in through the API: away and back reads it again.
    await press(navLink("Inbox"), { back: true });
    await heading("Inbox").waitFor();
    await press(navLink("Countersignatures"));
    await heading("Countersignatures").waitFor();
    const rows = page.getByRole("table", { name: "Countersignature requests received" }).getByRole("row");
    // The waiting request comes first.
    expect(await rows.nth(1).textContent()).toContain(DECLINED);
    expect(await rows.nth(1).textContent()).toContain("Waiting for your answer");
    await press(rows.nth(1).getByRole("link", { name: DECLINED }));
    await heading(`Countersignature request for ${DECLINED}`).waitFor();
    await tabTo(page.getByRole("radio", { name: /^Countersign/ }));
    await page.keyboard.press("ArrowDown");
    await typeInto(page.getByRole("textbox", { name: "Your reasons", exact: true }), DECLINE_REASONS);
    await press(page.getByRole("button", { name: "Decline…" }));
    const dialog = page.getByRole("alertdialog", { name: "Decline to countersign?" });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain(`You decline to countersign decision ${DECLINED} (Authorised) by ${ZOFIA.name}`);
    expect(await dialog.textContent()).toContain(`Your reasons: ${DECLINE_REASONS}`);
    await press(dialog.getByRole("button", { name: "Decline and save" }));
    await dialog.waitFor({ state: "detached" });
    await page.getByRole("status").getByText(`Answer saved as ${DECLINED}.CS.sealed`, { exact: false }).waitFor();

    page = deciderPage.page;
    const region = await importOnScreen([path.join(colleague.downloadsDir, `${DECLINED}.CS.sealed`)]);
    await press(region.getByRole("row").filter({ hasText: `${DECLINED}.CS.sealed` }).getByRole("button", { name: "Open decision" }));
    await heading(`Decision ${DECLINED}`).waitFor();
    await page.locator(".decision-outcome").getByText("Countersignature declined", { exact: true }).waitFor();
    const section = page.getByRole("region", { name: "Countersignatures" });
    await section.getByText("The second reviewer declined to countersign: the decision is not final.").waitFor();
    expect(await section.textContent()).toContain(DECLINE_REASONS);
    expect(await section.textContent()).toContain(`Declined by ${NIKOS.name}`);
    expect((await decider.handlers.getDecision({ id: DECLINED })).status).toBe("countersignature-declined");
    expect(await page.getByRole("button", { name: "Request a countersignature…" }).count()).toBe(0);
  });

  step("locking clears the colleague's requests from the page", async () => {
    page = colleaguePage.page;
    await page.keyboard.press("Control+l");
    await heading("Unlock Counterseal").waitFor();
    const html = await page.evaluate(() => (globalThis as unknown as { document: { documentElement: { outerHTML: string } } }).document.documentElement.outerHTML);
    for (const text of [DECISION, COUNTERSIGN_REASONS, ZOFIA.name]) expect(html, `"${text}" is still in the page after Lock`).not.toContain(text);
  });
});
