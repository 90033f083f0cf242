// Retention in Chromium, by keyboard alone, against the real core and a real encrypted store:
// three refused cases decided a month ago; the reviewer sets the rule (a wrong number is refused
// and nothing saved), sees the three due, asks to delete them, and finds one stopped being due
// meanwhile (a new revision arrived): nothing is deleted and the list redraws; deleting the two
// still due removes them through the store's real deletion, with their content-free audit rows.
// Every state is photographed and scanned with axe.
import path from "node:path";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect } from "vitest";
import { encodePublicKey, generateMinisignKeyPair, type MinisignKeyPair } from "../../electron/core/crypto/minisign.js";
import { SAMPLE_AUTHORITY, sampleRequest } from "../helpers/sample-request.js";
import { TEST_PASSPHRASE } from "../helpers/passphrases.js";
import { REASONS } from "../decisions/decide-office.js";
import { startAppHost, type AppHost } from "./helpers/app-host.js";
import { closeAndReport, launchChromium, openApp, type OpenedPage, UI_WAIT } from "./helpers/browser.js";
import { sealRequestFile } from "./helpers/bundles.js";
import { tabTo as tabToTarget } from "./helpers/keyboard.js";
import { e2eFlow } from "./helpers/flow.js";

const DAY = 86_400_000;
const IDS = ["RET-2026-0001", "RET-2026-0002", "RET-2026-0003"] as const;
const reference = (id: string, revision = 1) => `${SAMPLE_AUTHORITY.id}/${id}/${revision}`;

let browser: Browser;
let app: AppHost;
let opened: OpenedPage;
let page: Page;
let issuer: MinisignKeyPair;
let recipient: string;
const { step, screen, screens } = e2eFlow("retention", () => ({ page, opened, app }));

const heading = (name: string | RegExp, level = 1) => page.getByRole("heading", { level, name });
const tabTo = (target: Locator, options?: { back?: boolean; max?: number }) => tabToTarget(page, target, options);
const dueTable = () => page.getByRole("table", { name: "Cases due for deletion" });

/** The API code a handler call fails with (handlers may throw before returning a promise). */
async function errorCode(call: () => unknown): Promise<string> {
  try {
    await call();
    return "no error";
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
}

/** Imports a revision of a request, sealed as the issuer would, through the API table. */
async function importRevision(id: string, revision: number, name: string): Promise<void> {
  const file = await sealRequestFile({ document: sampleRequest({ id, revision }), signer: issuer, recipient, now: app.runtime.clock.now(), file: path.join(app.root, name) });
  const token = (await app.handlers.importFiles.register(file)).token;
  expect((await app.handlers.importBundles({ tokens: [token] })).map((outcome) => outcome.status)).toEqual(["imported"]);
}

/** A refused case: imported, independence declared, every item met but L1, refused with reasons. */
async function refusedCase(id: string): Promise<void> {
  await importRevision(id, 1, `${id}.sealed`);
  const ref = { authority: SAMPLE_AUTHORITY.id, id, revision: 1 };
  const { handlers } = app;
  await handlers.declareIndependence({ ...ref, conflict: false });
  for (const item of (await handlers.getReview(ref)).unanswered) {
    await handlers.setAnswer({ ...ref, item, ...(item === "L1" ? { answer: "not-met", note: "No legal basis is named for the order." } : { answer: "met" }) });
  }
  expect((await handlers.decide({ ...ref, outcome: "refused", reasons: REASONS })).status).toBe("final");
}

beforeAll(async () => {
  [browser, app] = await Promise.all([launchChromium(), startAppHost()]);
  const { handlers, runtime } = app;
  await handlers.createStore({ reviewerName: "Ada Reviewer", office: "Office of the Data Access Commissioner", passphrase: TEST_PASSPHRASE });
  issuer = generateMinisignKeyPair(runtime.ids.randomBytes);
  await handlers.addAuthorityKey({ authorityId: SAMPLE_AUTHORITY.id, name: SAMPLE_AUTHORITY.name, country: SAMPLE_AUTHORITY.country, minisignPublicKey: encodePublicKey(issuer) });
  recipient = (await handlers.getIdentity({})).ageRecipients[0] ?? "";
  for (const id of IDS) await refusedCase(id);
  runtime.advance(31 * DAY);
  await handlers.lock({});
  opened = await openApp(browser, app.host.url);
  page = opened.page;
}, 120_000);

afterAll(() => closeAndReport({ opened, browser, app, screens }));

describe.sequential("retention, by keyboard alone", () => {
  step("unlocks and opens Retention from the navigation: no rule, nothing due", async () => {
    await heading("Unlock Counterseal").waitFor();
    await page.keyboard.type(TEST_PASSPHRASE);
    await page.keyboard.press("Enter");
    await heading("Inbox").waitFor();
    await tabTo(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Retention", exact: true }));
    await page.keyboard.press("Enter");
    await heading("Retention").waitFor();
    await page.getByText("No case is due for deletion under the rule.").waitFor();
    await screen(60, "retention-no-rule");
  });

  step("refuses a period of 0 days and saves nothing, then sets refused cases to 30 days", async () => {
    const refused = page.getByLabel("Refused: days after the decision");
    await tabTo(refused);
    await page.keyboard.type("0");
    await page.keyboard.press("Enter");
    await page.getByText("Give a whole number of days from 1 to 36600, or leave the field empty.").waitFor();
    expect(await refused.getAttribute("aria-invalid")).toBe("true");
    expect((await app.handlers.getRetention({})).rule).toEqual({});
    await screen(61, "retention-rule-invalid");

    await page.keyboard.press("Backspace");
    await page.keyboard.type("30");
    await page.keyboard.press("Enter");
    await heading("Due for deletion: 3 cases", 2).waitFor();
    expect((await app.handlers.getRetention({})).rule).toEqual({ refused: 30 });
    expect(await dueTable().getByRole("row").count()).toBe(4);
    for (const id of IDS) await dueTable().getByRole("link", { name: reference(id) }).waitFor();
    await screen(62, "retention-due");
  });

  step("asks before deleting, naming each case, and deletes nothing when one stopped being due", async () => {
    await tabTo(page.getByRole("button", { name: "Delete 3 due cases…" }), { back: true });
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("alertdialog", { name: "Delete 3 cases for good?" });
    await dialog.waitFor();
    for (const id of IDS) await dialog.getByText(reference(id), { exact: true }).waitFor();
    // The safe choice has focus.
    await expect.poll(() => page.evaluate(() => (globalThis as unknown as { document: { activeElement: { textContent: string } | null } }).document.activeElement?.textContent), UI_WAIT).toBe("Cancel");
    await screen(63, "retention-confirm");

    // A second revision of the second case arrives while the dialog is open.
    await importRevision(IDS[1], 2, "second-r2.sealed");
    await tabTo(dialog.getByRole("button", { name: "Delete 3 cases" }));
    await page.keyboard.press("Enter");
    await dialog.getByText(`Nothing was deleted: ${SAMPLE_AUTHORITY.id}/${IDS[1]} is no longer due for deletion`, { exact: false }).waitFor();
    expect(await dialog.getByRole("button", { name: "Delete 3 cases" }).isDisabled()).toBe(true);
    for (const id of IDS) expect((await app.handlers.getRequest({ authority: SAMPLE_AUTHORITY.id, id })).revision).toBeGreaterThanOrEqual(1);
    await screen(64, "retention-not-due");

    await tabTo(dialog.getByRole("button", { name: "Cancel" }), { back: true });
    await page.keyboard.press("Enter");
    await expect.poll(() => dialog.count(), UI_WAIT).toBe(0);
    await heading("Due for deletion: 2 cases", 2).waitFor();
    expect(await dueTable().getByRole("link", { name: reference(IDS[1]) }).count()).toBe(0);
  });

  step("deletes the two cases still due through the store's deletion, leaving content-free audit rows", async () => {
    const auditBefore = (await app.handlers.listAudit({})).length;
    await tabTo(page.getByRole("button", { name: "Delete 2 due cases…" }), { back: true });
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("alertdialog", { name: "Delete 2 cases for good?" });
    await tabTo(dialog.getByRole("button", { name: "Delete 2 cases" }));
    await page.keyboard.press("Enter");
    await expect.poll(() => dialog.count(), UI_WAIT).toBe(0);
    await page.getByText("No case is due for deletion under the rule.").waitFor();
    await page.getByRole("status").getByText("2 cases deleted.").waitFor();
    await screen(65, "retention-deleted");

    const deletedIds = [IDS[0], IDS[2]];
    for (const id of deletedIds) {
      expect(await errorCode(() => app.handlers.getRequest({ authority: SAMPLE_AUTHORITY.id, id })), id).toBe("request-not-found");
    }
    expect((await app.handlers.getRequest({ authority: SAMPLE_AUTHORITY.id, id: IDS[1] })).revision).toBe(2);
    const rows = (await app.handlers.listAudit({})).slice(auditBefore);
    expect(rows.map((row) => row.action)).toEqual(["request.deleted", "request.deleted"]);
    expect(JSON.stringify(rows)).not.toContain("No legal basis");
    expect((await app.handlers.verifyAudit({})).ok).toBe(true);
  });
});
