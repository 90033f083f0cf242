// A reviewer's first session, end to end in Chromium against the real core and a real encrypted
// store: create the store, trust an issuer's key, import a valid and a tampered bundle, read the
// request and its PDF, save the PDF (never over a file), revoke the key, lock (case data leaves the page), unlock. Every screen is
// scanned with axe and photographed (tests/.artifacts/screens/). The steps share one page and run
// in order; after a failed step the rest are skipped, since each builds on the one before.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect } from "vitest";
import { encodePublicKey, encodePublicKeyFile, formatKeyId, generateMinisignKeyPair, type MinisignKeyPair } from "../../electron/core/crypto/minisign.js";
import { SAMPLE_AUTHORITY } from "../helpers/sample-request.js";
import { startAppHost, type AppHost } from "./helpers/app-host.js";
import { closeAndReport, expectOnlyHostRequests, launchChromium, openApp, type OpenedPage, type PageGlobals, UI_WAIT } from "./helpers/browser.js";
import { orderPdf, PDF_NAME, PDF_TITLE, requestWithPdf, sealRequestFile } from "./helpers/bundles.js";
import { TEST_PASSPHRASE } from "../helpers/passphrases.js";
import { e2eFlow } from "./helpers/flow.js";

const PASSPHRASE = TEST_PASSPHRASE;
const REVIEWER = "Ada Reviewer";
const OFFICE = "Office of the Data Access Commissioner";
const VALID_ID = "OM-RTM-2026-0117";
const TAMPERED_ID = "OM-RTM-2026-0118";
const CASE_DATA = [VALID_ID, "RTM-26-004417", "j.doe.4471@example.com"];

let browser: Browser;
let app: AppHost;
let opened: OpenedPage;
let page: Page;
let issuer: MinisignKeyPair;
let bundles: { valid: string; tampered: string };
const { step, screen, screens } = e2eFlow("review-flow", () => ({ page, opened, app }));

const heading = (name: string) => page.getByRole("heading", { level: 1, name });
const nav = (name: string) => page.getByRole("navigation", { name: "Main" }).getByRole("link", { name, exact: true });
const dataRows = () => page.getByRole("grid", { name: "Requests" }).getByRole("rowgroup").nth(1).getByRole("row");
const pageText = () => page.evaluate(() => (globalThis as unknown as { document: { documentElement: { outerHTML: string } } }).document.documentElement.outerHTML);

beforeAll(async () => {
  [browser, app] = await Promise.all([launchChromium(), startAppHost()]);
  issuer = generateMinisignKeyPair(app.runtime.ids.randomBytes);
  opened = await openApp(browser, app.host.url);
  page = opened.page;
}, 120_000);

afterAll(() => closeAndReport({ opened, browser, app, screens }));

describe.sequential("a reviewer's first session in Chromium", () => {
  step("first run: creates the encrypted store from the form", async () => {
    await expect.poll(() => heading("Create your store").count(), UI_WAIT).toBe(1);
    expect((await app.handlers.getStoreStatus({})).state).toBe("missing");
    await screen(1, "first-run");

    await page.getByLabel("Reviewer name").fill(REVIEWER);
    await page.getByLabel("Office", { exact: true }).fill(OFFICE);
    await page.getByLabel("Passphrase", { exact: true }).fill(PASSPHRASE);
    await page.getByLabel("Repeat passphrase").fill(PASSPHRASE);
    await page.getByRole("button", { name: "Create store" }).click();

    await heading("Inbox").waitFor();
    await expect.poll(() => page.getByText(`${REVIEWER}, ${OFFICE}`).count(), UI_WAIT).toBe(1);
    expect((await app.handlers.getStoreStatus({})).state).toBe("unlocked");
    await expect.poll(() => page.getByText("No requests yet. Import sealed bundles to start.").count(), UI_WAIT).toBe(1);
    await screen(2, "inbox-empty");
  });

  step("keyring: shows the office recipient and trusts the issuer's key from its .pub file", async () => {
    await nav("Keyring").click();
    await heading("Keyring and identity").waitFor();
    const identity = await page.evaluate(() => (globalThis as unknown as PageGlobals).counterseal.getIdentity({}));
    if (!identity.ok) throw new Error(`getIdentity failed: ${identity.error.message}`);
    const recipient = identity.value.ageRecipients[0] ?? "";
    expect(recipient).toMatch(/^age1/);
    await page.getByText(recipient, { exact: true }).waitFor();

    const pubFile = path.join(app.root, "issuer.pub");
    writeFileSync(pubFile, encodePublicKeyFile(issuer));
    await page.getByLabel("Authority id").fill(SAMPLE_AUTHORITY.id);
    await page.getByLabel("Authority name").fill(SAMPLE_AUTHORITY.name);
    await page.getByLabel("Country", { exact: true }).selectOption("NL");
    await page.getByLabel("Minisign public key file").setInputFiles(pubFile);
    const keyId = formatKeyId(issuer.keyId);
    // The form shows the file as loaded; the key line is what it sends.
    await expect.poll(() => page.getByLabel("Minisign public key", { exact: true }).inputValue(), UI_WAIT).toContain(encodePublicKey(issuer));
    await page.getByText(`Key id of this key: ${keyId}`).waitFor();
    await page.getByRole("button", { name: "Add key" }).click();

    const keys = page.getByRole("table", { name: "Keys that may sign bundles, by keyring entry" });
    const keyRow = keys.getByRole("row").filter({ hasText: keyId });
    await keyRow.waitFor();
    expect(await keyRow.textContent()).toContain("Active");
    expect(await page.getByLabel("Authority id").inputValue()).toBe("");
    await screen(3, "keyring");

    // The issuer seals to the recipient the reviewer handed out: a valid bundle with a PDF, and
    // one whose PDF changed by one byte after the manifest was written.
    const pdf = await orderPdf(app.runtime.clock.now());
    const now = app.runtime.clock.now();
    bundles = {
      valid: await sealRequestFile({ document: requestWithPdf(VALID_ID), attachments: [{ name: PDF_NAME, bytes: pdf }], signer: issuer, recipient, now, file: path.join(app.root, "valid-request.sealed") }),
      tampered: await sealRequestFile({
        document: requestWithPdf(TAMPERED_ID),
        attachments: [{ name: PDF_NAME, bytes: pdf, tamper: true }],
        signer: issuer,
        recipient,
        now,
        file: path.join(app.root, "tampered-request.sealed"),
      }),
    };
  });

  step("import: one bundle imported, the tampered one refused in plain words with its code", async () => {
    await nav("Import").click();
    await heading("Import sealed bundles").waitFor();
    // The button opens main's dialog in the app; in the browser the shim's file input, whose
    // files are uploaded and imported by the tokens the host answers.
    const chooserShown = page.waitForEvent("filechooser");
    await page.getByRole("button", { name: "Import bundles…" }).click();
    await (await chooserShown).setFiles([bundles.valid, bundles.tampered]);

    const region = page.getByRole("region", { name: "Results" });
    await region.waitFor({ timeout: 30_000 });
    await region.getByText("1 imported, 0 already in the store, 1 refused.", { exact: true }).waitFor();
    const results = region.getByRole("table");
    const rows = results.getByRole("rowgroup").nth(1).getByRole("row");
    expect(await rows.count()).toBe(2);

    const valid = rows.filter({ has: page.getByRole("rowheader", { name: "valid-request.sealed" }) });
    expect(await valid.getByRole("cell").nth(0).textContent()).toBe("Imported");
    expect(await valid.textContent()).toContain(`Stored as ${VALID_ID}, revision 1, from ${SAMPLE_AUTHORITY.id}.`);

    const refused = rows.filter({ has: page.getByRole("rowheader", { name: "tampered-request.sealed" }) });
    expect(await refused.getByRole("cell").nth(0).textContent()).toBe("Refused");
    expect(await refused.getByRole("cell").nth(1).textContent()).toBe("A file in the bundle was changed after the sender signed it.");
    expect(await refused.locator("code").textContent()).toBe("bag-digest-mismatch");
    await screen(4, "import-results");
  });

  step("inbox: exactly one row, the imported request", async () => {
    await nav("Inbox").click();
    await heading("Inbox").waitFor();
    await page.getByText("1 request revision", { exact: true }).waitFor();
    await expect.poll(() => dataRows().count(), UI_WAIT).toBe(1);
    const row = dataRows().first();
    await row.getByText(VALID_ID, { exact: true }).waitFor();
    expect(await pageText()).not.toContain(TAMPERED_ID);
    await screen(5, "inbox");
  });

  step("request view: opens the request and draws its PDF attachment on a canvas", async () => {
    await dataRows().first().click();
    await heading(`${VALID_ID}, revision 1`).waitFor();
    await page.getByRole("heading", { name: "Attachments" }).waitFor();
    const attachment = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: new RegExp(PDF_TITLE) }) });
    await attachment.getByRole("button", { name: "Save" }).waitFor();
    await attachment.getByRole("button", { name: "View" }).click();

    await page.getByRole("heading", { name: `Attachment: ${PDF_TITLE}` }).waitFor();
    await page.getByText("Page 1 of 2", { exact: true }).waitFor({ timeout: 30_000 });
    const canvas = page.getByRole("img", { name: `Page 1 of 2 of ${PDF_TITLE}` });
    // Drawn: the canvas has a size and pixels that are not all one colour (text on white).
    const distinctColours = () =>
      canvas.evaluate((element) => {
        const node = element as unknown as { width: number; height: number; getContext(kind: "2d"): { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } } | null };
        if (node.width === 0 || node.height === 0) return 0;
        const data = node.getContext("2d")?.getImageData(0, 0, node.width, node.height).data;
        if (!data) return 0;
        const colours = new Set<number>();
        for (let i = 0; i < data.length && colours.size < 50; i += 4 * 97) colours.add(((data[i] ?? 0) << 16) | ((data[i + 1] ?? 0) << 8) | (data[i + 2] ?? 0));
        return colours.size;
      });
    await expect.poll(distinctColours, UI_WAIT).toBeGreaterThan(2);
    // The page's text, for screen readers: it comes out of the same PDF (its footer is nowhere else).
    await page.getByText("Text of this page", { exact: true }).click();
    const text = page.getByRole("group").filter({ hasText: "Text of this page" });
    await expect.poll(() => text.textContent(), UI_WAIT).toMatch(/EPOC-RTM-26-004417\s+-\s+page 1 of 2/);
    await screen(6, "request-view");
  });

  step("save: the attachment goes to a fresh name in the downloads folder, never over a file there", async () => {
    const existing = path.join(app.downloadsDir, PDF_NAME);
    mkdirSync(app.downloadsDir, { recursive: true });
    writeFileSync(existing, "the reviewer's own file");
    const attachment = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: new RegExp(PDF_TITLE) }) });
    await attachment.getByRole("button", { name: "Save" }).click();
    const savedAs = PDF_NAME.replace(/\.pdf$/, " (2).pdf");
    await page.getByRole("status").getByText(`Saved ${PDF_TITLE} as ${savedAs}`, { exact: false }).waitFor();
    const stored = await app.handlers.readAttachment({ authority: SAMPLE_AUTHORITY.id, id: VALID_ID, revision: 1, path: `attachments/${PDF_NAME}` });
    expect(readFileSync(path.join(app.downloadsDir, savedAs)).toString("base64")).toBe(stored.base64);
    expect(readFileSync(existing, "utf8")).toBe("the reviewer's own file");
    expect(readdirSync(app.downloadsDir).sort()).toEqual([savedAs, PDF_NAME].sort());
  });

  step("keyring: revokes the issuer's key after the confirmation dialog", async () => {
    await nav("Keyring").click();
    await heading("Keyring and identity").waitFor();
    const keyId = formatKeyId(issuer.keyId);
    const keyRow = page.getByRole("table", { name: "Keys that may sign bundles, by keyring entry" }).getByRole("row").filter({ hasText: keyId });
    await keyRow.getByRole("button", { name: "Revoke" }).click();

    const dialog = page.getByRole("alertdialog", { name: "Revoke this key?" });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain(`Key ${keyId} of ${SAMPLE_AUTHORITY.name} will no longer be trusted.`);
    await screen(7, "revoke-dialog");
    await dialog.getByRole("button", { name: "Revoke key" }).click();
    await dialog.waitFor({ state: "detached" });

    await expect.poll(() => keyRow.textContent(), UI_WAIT).toContain("Revoked");
    expect(await keyRow.getByRole("button", { name: "Revoke" }).count()).toBe(0);
    const keyring = await app.handlers.listKeyring({});
    expect(keyring.map((entry) => [entry.keyId, entry.revokedAt !== null])).toEqual([[keyId, true]]);
    await screen(8, "keyring-revoked");
  });

  step("settings: the screen opens with the store's preferences", async () => {
    await nav("Settings").click();
    await heading("Settings").waitFor();
    await page.getByRole("heading", { name: "Change passphrase" }).waitFor();
    await expect.poll(() => page.getByLabel("Lock after inactivity (minutes)").inputValue(), UI_WAIT).toBe("10");
    await screen(9, "settings");
  });

  step("lock: the store locks and no case data is left in the page", async () => {
    // Visit the request again so the page holds case data right up to the lock.
    await nav("Inbox").click();
    await dataRows().first().click();
    await heading(`${VALID_ID}, revision 1`).waitFor();

    await page.getByRole("button", { name: "Lock", exact: true }).click();
    await heading("Unlock Counterseal").waitFor();
    expect((await app.handlers.getStoreStatus({})).state).toBe("locked");
    await page.getByRole("status").filter({ hasText: "Counterseal is locked." }).waitFor({ state: "attached" });
    const html = await pageText();
    for (const text of CASE_DATA) expect(html, `"${text}" is still in the page after Lock`).not.toContain(text);
    expect(page.url()).not.toContain("request");
    await screen(10, "locked");
  });

  step("unlock: a wrong passphrase is refused, the right one brings the inbox back", async () => {
    const field = page.getByLabel("Passphrase", { exact: true });
    await field.fill("not the passphrase");
    await page.getByRole("button", { name: "Unlock", exact: true }).click();
    await page.getByText("Code: wrong-passphrase").waitFor();
    expect(await field.inputValue()).toBe("");
    await screen(11, "unlock-wrong-passphrase");

    await field.fill(PASSPHRASE);
    await page.getByRole("button", { name: "Unlock", exact: true }).click();
    await heading("Inbox").waitFor();
    await page.getByText("1 request revision", { exact: true }).waitFor();
    await expect.poll(() => dataRows().count(), UI_WAIT).toBe(1);
    await dataRows().first().getByText(VALID_ID, { exact: true }).waitFor();
  });

  step("network: the page asked nothing of anyone but the host", async () => {
    expectOnlyHostRequests(opened.requested, app.host.origin);
    // Sanity: the recorder saw the API and the pdf.js worker, so the assertion covered real traffic.
    expect(opened.requested.some((url) => url.includes("/__api/importBundles"))).toBe(true);
    expect(opened.requested.some((url) => url.includes("pdf.worker"))).toBe(true);
    expect(opened.problems.filter((problem) => problem.startsWith("page error"))).toEqual([]);
    // The worker ran under worker-src 'self' alone: no CSP refusal, so no blob: worker was tried.
    expect(opened.problems.filter((problem) => /Content Security Policy|worker-src/i.test(problem))).toEqual([]);
    if (opened.problems.length > 0) console.info(`console errors in the page:\n${opened.problems.join("\n")}`);
  });
});
