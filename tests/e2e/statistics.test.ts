// Transparency statistics and the execution record in Chromium, by keyboard alone, against the
// real core and a real encrypted store: 21 requests (14 authorised, 2 refused, 5 undecided) over
// November and December. The Statistics screen opens on the year to date, shows every table with
// its numbers exactly as the report publishes them ("< 5", "x") and bar charts beside them (each
// a named image whose table is its text equivalent); the threshold refuses a bad value and saves
// a good one; the exports (CSV and JSON the same as the report the core makes, the PDF verified
// with the stock minisign) go through the host's door; a bad period is refused at its field. Then
// a final authorisation's page shows its overdue execution-report clock and records what happened
// (refused until complete, refused by the core for a production before the issue), shown once
// recorded; a provider's refusal is recorded with its ground and note; one the issuer sent as a
// signed execution-report bundle shows that source. No CSP violation is logged. Every state is
// photographed and scanned with axe.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect } from "vitest";
import { sealBundle } from "../../electron/core/bundles/seal-bundle.js";
import { encodePublicKey, generateMinisignKeyPair, type MinisignKeyPair } from "../../electron/core/crypto/minisign.js";
import { reportJson } from "../../electron/core/statistics/report-service.js";
import { reportCsv } from "../../shared/statistics/report-csv.js";
import type { TransparencyReportView } from "../../shared/api/statistics.js";
import type { TransparencyReport } from "../../shared/statistics/report.js";
import { REASONS } from "../decisions/decide-office.js";
import { SAMPLE_AUTHORITY, sampleRequest } from "../helpers/sample-request.js";
import { TEST_PASSPHRASE } from "../helpers/passphrases.js";
import { startAppHost, type AppHost } from "./helpers/app-host.js";
import { closeAndReport, launchChromium, openApp, type OpenedPage, UI_WAIT } from "./helpers/browser.js";
import { e2eFlow } from "./helpers/flow.js";
import { sealRequestFile } from "./helpers/bundles.js";
import { tabTo as tabToTarget } from "./helpers/keyboard.js";

const DAY = 86_400_000;
const EXECUTED = "STA-DEC-1";
const EXECUTED_DECISION = `${SAMPLE_AUTHORITY.id}.${EXECUTED}.r1.D1`;
const BUNDLED = "STA-DEC-2";
const NOT_COMPLIED = "STA-DEC-3";

let browser: Browser;
let app: AppHost;
let opened: OpenedPage;
let page: Page;
let issuer: MinisignKeyPair;
let recipient = "";
let publicKey = "";
const { step, screen, screens } = e2eFlow("statistics", () => ({ page, opened, app }), 90_000);
const heading = (name: string | RegExp, level = 1) => page.getByRole("heading", { level, name });
const tabTo = (target: Locator, options?: { back?: boolean; max?: number }) => tabToTarget(page, target, { max: 150, ...options });
async function typeInto(target: Locator, text: string, options?: { back?: boolean }): Promise<void> {
  await tabTo(target, options);
  await page.keyboard.press("Control+A");
  await page.keyboard.type(text);
}
async function press(target: Locator, options?: { back?: boolean }): Promise<void> {
  await tabTo(target, options);
  await page.keyboard.press("Enter");
}
/** A table of the report on the screen, by its title. */
const reportTable = (title: string) => page.getByRole("table", { name: title, exact: true });
/** The displayed counts of a table's row, as the screen shows them. */
const rowCells = async (title: string, row: string): Promise<string[]> => (await reportTable(title).getByRole("row").filter({ has: page.getByRole("rowheader", { name: row, exact: true }) }).getByRole("cell").allTextContents()).map((text) => text.trim());

async function importRequest(id: string): Promise<void> {
  const file = await sealRequestFile({ document: sampleRequest({ id }), signer: issuer, recipient, now: app.runtime.clock.now(), file: path.join(app.root, `${id}.sealed`) });
  const token = (await app.handlers.importFiles.register(file)).token;
  expect((await app.handlers.importBundles({ tokens: [token] })).map((outcome) => outcome.status)).toEqual(["imported"]);
}

async function decidedCase(id: string, outcome: "authorised" | "refused"): Promise<void> {
  await importRequest(id);
  const ref = { authority: SAMPLE_AUTHORITY.id, id, revision: 1 };
  const { handlers } = app;
  await handlers.declareIndependence({ ...ref, conflict: false });
  for (const item of (await handlers.getReview(ref)).unanswered) {
    await handlers.setAnswer({ ...ref, item, ...(outcome === "refused" && item === "L1" ? { answer: "not-met", note: "No legal basis is named for the order." } : { answer: "met" }) });
  }
  expect((await handlers.decide({ ...ref, outcome, reasons: REASONS })).status).toBe("final");
}

beforeAll(async () => {
  [browser, app] = await Promise.all([launchChromium(), startAppHost()]);
  const { handlers, runtime } = app;
  await handlers.createStore({ reviewerName: "Ada Reviewer", office: "Office of the Data Access Commissioner", passphrase: TEST_PASSPHRASE });
  issuer = generateMinisignKeyPair(runtime.ids.randomBytes);
  await handlers.addAuthorityKey({ authorityId: SAMPLE_AUTHORITY.id, name: SAMPLE_AUTHORITY.name, country: SAMPLE_AUTHORITY.country, minisignPublicKey: encodePublicKey(issuer) });
  const identity = await handlers.getIdentity({});
  recipient = identity.ageRecipients[0] ?? "";
  publicKey = identity.reviewer.minisignPublicKey;
  // November (the clock's 20th): 8 authorised, 2 refused, 5 not yet decided.
  for (let n = 1; n <= 8; n++) await decidedCase(`STA-NOV-${n}`, "authorised");
  for (let n = 1; n <= 2; n++) await decidedCase(`STA-REF-${n}`, "refused");
  for (let n = 1; n <= 5; n++) await importRequest(`STA-OPEN-${n}`);
  // December the 2nd: 6 authorised, whose provider deadline (10 days from the 20 November issue) has passed.
  runtime.advance(12 * DAY);
  for (let n = 1; n <= 6; n++) await decidedCase(`STA-DEC-${n}`, "authorised");
  await handlers.lock({});
  opened = await openApp(browser, app.host.url);
  page = opened.page;
  // Any CSP violation the page meets is kept for the last step (Chromium also logs it to the console).
  await page.evaluate(() => {
    const win = globalThis as unknown as { __csp: string[]; document: { addEventListener(type: string, listener: (event: { violatedDirective: string; blockedURI: string }) => void): void } };
    win.__csp = [];
    win.document.addEventListener("securitypolicyviolation", (event) => win.__csp.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
}, 300_000);

afterAll(() => closeAndReport({ opened, browser, app, screens }));

describe.sequential("transparency statistics and the execution record, by keyboard alone", () => {
  let ytd: TransparencyReportView;

  step("opens Statistics from the navigation on the year to date, every count as the report publishes it, charts beside the numbers", async () => {
    await heading("Unlock Counterseal").waitFor();
    await page.keyboard.type(TEST_PASSPHRASE);
    await page.keyboard.press("Enter");
    await heading("Inbox").waitFor();
    await press(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Statistics", exact: true }));
    await heading("Transparency statistics").waitFor();
    ytd = await app.handlers.getTransparencyReport({});
    expect(ytd.period.from).toBe("2026-01-01");
    expect(ytd.period.to).toBe("2026-12-02");
    expect(await page.getByLabel("First day").inputValue()).toBe("2026-01-01");
    expect(await page.getByLabel("Last day").inputValue()).toBe("2026-12-02");
    await page.getByRole("status").getByText(`Showing requests received from 2026-01-01 to 2026-12-02 (${ytd.period.timeZone}).`).waitFor();
    await page.getByRole("note", { name: "How small counts are withheld" }).getByText(/Counts from 1 to 4 are withheld and shown as "< 5" \(the office's threshold is 5\)/).waitFor();

    // Outcomes: 2 refusals are small; the 5 undecided are withheld with them so the total gives neither away.
    expect(await rowCells("Outcomes", "authorised")).toEqual(["14", "67%"]);
    expect(await rowCells("Outcomes", "refused")).toEqual(["< 5", ""]);
    expect(await rowCells("Outcomes", "undecided")).toEqual(["x", ""]);
    expect(await rowCells("Requests received by month", "2026-11")).toEqual(["15"]);
    expect(await rowCells("Requests received by month", "2026-12")).toEqual(["6"]);
    expect(await rowCells("Requests received by month", "2026-03")).toEqual(["0"]);
    expect(await rowCells("Outcomes by month received", "2026-11")).toEqual(["8", "0", "< 5", "0", "0", "x", "15"]);
    // Every charted table is a figure named by its title, holding a named image and its table.
    for (const title of ["Requests received by month", "Outcomes by month received", "Requests received by instrument", "Outcomes", "Requests received by data category", "Requests received by issuing country", "Requests received by provider"]) {
      const figure = page.getByRole("figure", { name: title, exact: true });
      await figure.getByRole("img", { name: `Bar chart: ${title}. Its numbers are in the table beside it.` }).waitFor();
      await figure.getByRole("table", { name: title, exact: true }).waitFor();
    }
    await page.getByRole("figure", { name: "Outcomes", exact: true }).getByText("2 withheld counts are not drawn.").waitFor();
    // The canvas was drawn on (Chart.js sized it to its box).
    expect(await page.getByRole("img", { name: /^Bar chart: Outcomes\./ }).evaluate((canvas) => (canvas as unknown as { width: number }).width)).toBeGreaterThan(100);
    // Art 28(2) and the times are there too.
    await heading("Regulation (EU) 2023/1543, Article 28(2)", 2).waitFor();
    await reportTable("Orders by addressee (Art 28(2))").waitFor();
    await reportTable("Time from receipt to decision").waitFor();
    // The picture shows the bars over time (the page scrolls inside its main region).
    await page.getByRole("figure", { name: "Requests received by month", exact: true }).scrollIntoViewIfNeeded();
    await screen(85, "statistics-year-to-date");
  });

  step("refuses a threshold of 0 and saves nothing, then sets 1: every count shows", async () => {
    await typeInto(page.getByRole("spinbutton", { name: "Threshold" }), "0");
    await page.keyboard.press("Enter");
    await page.getByText("Give a whole number from 1 to 1000.").waitFor();
    expect(await page.getByRole("spinbutton", { name: "Threshold" }).getAttribute("aria-invalid")).toBe("true");
    expect(await app.handlers.getReportSettings({})).toEqual({ threshold: 5 });
    await screen(86, "statistics-threshold-invalid");

    await page.keyboard.press("Control+A");
    await page.keyboard.type("1");
    await page.keyboard.press("Enter");
    await page.getByRole("note", { name: "How small counts are withheld" }).getByText("The office's threshold is 1: every count is shown.").waitFor();
    expect(await app.handlers.getReportSettings({})).toEqual({ threshold: 1 });
    expect(await rowCells("Outcomes", "refused")).toEqual(["2", "10%"]);
    expect(await rowCells("Outcomes", "undecided")).toEqual(["5", "24%"]);
    expect(await page.getByRole("figure", { name: "Outcomes", exact: true }).getByText(/withheld count/).count()).toBe(0);
    const audit = await app.handlers.listAudit({});
    expect(audit.filter((row) => row.action === "settings.changed").at(-1)?.details).toMatchObject({ reportThreshold: 1 });
    await page.getByRole("figure", { name: "Outcomes by month received", exact: true }).scrollIntoViewIfNeeded();
    await screen(87, "statistics-threshold-saved");
  });

  step("exports CSV, JSON and the signed PDF through the door: the files the core's report makes, the PDF verified with stock minisign", async () => {
    // The API's answer is the pure report's shape (its schema only spells optional fields loosely).
    const report = (await app.handlers.getTransparencyReport({ from: "2026-01-01", to: "2026-12-02" })) as TransparencyReport;
    const name = "transparency-report-2026-01-01-2026-12-02";
    for (const [button, file] of [["Export CSV…", `${name}.csv`], ["Export JSON…", `${name}.json`], ["Export signed PDF…", `${name}.pdf`]] as const) {
      await press(page.getByRole("button", { name: button }));
      await page.getByRole("status").getByText(new RegExp(`^Saved in .*: ${file.replace(/\./g, "\\.")}`)).waitFor();
    }
    const folders = readdirSync(app.downloadsDir);
    expect(folders.sort()).toEqual([`${name}.csv`, `${name}.json`, `${name}.pdf`]);
    expect(readdirSync(path.join(app.downloadsDir, `${name}.pdf`)).sort()).toEqual([`${name}.pdf`, `${name}.pdf.minisig`]);
    // The screen's report and the exported files are the core's, byte for byte (the clock is the test's, frozen).
    expect(readFileSync(path.join(app.downloadsDir, `${name}.csv`, `${name}.csv`), "utf8")).toBe(reportCsv(report));
    expect(readFileSync(path.join(app.downloadsDir, `${name}.json`, `${name}.json`), "utf8")).toBe(reportJson(report));
    const pdf = path.join(app.downloadsDir, `${name}.pdf`, `${name}.pdf`);
    const verified = spawnSync("minisign", ["-Vm", pdf, "-P", publicKey], { encoding: "utf8" });
    expect(verified.status, verified.stderr).toBe(0);
    expect(verified.stdout).toContain("counterseal transparency-report 2026-01-01..2026-12-02 sha256:");
    expect((await app.handlers.listAudit({})).filter((row) => row.action === "report.exported").map((row) => row.details["format"])).toEqual(["csv", "json", "pdf"]);
    await screen(88, "statistics-exported");
  });

  step("refuses a day that does not exist at its field, then shows December alone", async () => {
    await typeInto(page.getByLabel("First day"), "2026-02-30", { back: true });
    await page.keyboard.press("Enter");
    await page.getByText("Give a calendar day as YYYY-MM-DD, for example 2026-01-31.").waitFor();
    expect(await page.getByLabel("First day").getAttribute("aria-invalid")).toBe("true");
    await screen(89, "statistics-period-invalid");

    await page.keyboard.press("Control+A");
    await page.keyboard.type("2026-12-01");
    await typeInto(page.getByLabel("Last day"), "2026-12-31");
    await page.keyboard.press("Enter");
    await page.getByRole("status").getByText(/^Showing requests received from 2026-12-01 to 2026-12-31/).waitFor();
    expect(await rowCells("Requests received by month", "2026-12")).toEqual(["6"]);
    expect(await reportTable("Requests received by month").getByRole("rowheader", { name: "2026-11" }).count()).toBe(0);
    await screen(90, "statistics-december");
  });

  step("a final authorisation's page shows its overdue execution clock and refuses an incomplete or impossible record", async () => {
    await press(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Decisions", exact: true }), { back: true });
    await heading("Decisions").waitFor();
    await press(page.getByRole("link", { name: EXECUTED_DECISION, exact: true }));
    await heading(`Decision ${EXECUTED_DECISION}`).waitFor();
    const section = page.getByRole("region", { name: "Execution" });
    await section.getByRole("region", { name: "Clocks" }).getByText("Execution report due", { exact: true }).waitFor();
    await section.getByRole("region", { name: "Clocks" }).getByText("Overdue").waitFor();
    await screen(91, "execution-form");
    // The request's own page shows the clock among its clocks too.
    await press(page.getByRole("link", { name: `${SAMPLE_AUTHORITY.id} / ${EXECUTED}, revision 1` }), { back: true });
    await heading(`${EXECUTED}, revision 1`).waitFor();
    await page.getByRole("region", { name: "Clocks" }).getByText("Execution report due", { exact: true }).waitFor();
    await press(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Decisions", exact: true }), { back: true });
    await press(page.getByRole("link", { name: EXECUTED_DECISION, exact: true }));
    await heading(`Decision ${EXECUTED_DECISION}`).waitFor();

    await press(section.getByRole("button", { name: "Record execution" }));
    await section.getByText("Choose what happened.").waitFor();
    // The outcomes are one radio group: Shift+Tab enters it at its last, arrows choose.
    await tabTo(section.getByRole("radio", { name: "The enforcing State objected" }), { back: true });
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("ArrowUp");
    expect(await section.getByRole("radio", { name: "The provider complied in part" }).isChecked()).toBe(true);
    await press(section.getByRole("button", { name: "Record execution" }));
    await section.getByText("Say when the provider produced the data.").waitFor();
    // A production before the request was issued (20 November) is refused by the core: nothing is stored.
    await tabTo(section.getByRole("group", { name: "When the data were produced" }).getByRole("spinbutton").first(), { back: true });
    await page.keyboard.type("190120260900");
    await press(section.getByRole("button", { name: "Record execution" }));
    await section.getByRole("alert").getByText(/^The execution was not recorded: .*before the request was issued/).waitFor();
    expect(await app.handlers.listExecutions({})).toEqual([]);
    await screen(92, "execution-refused");
  });

  step("records what happened once, shown with its source, and the clock stops", async () => {
    const section = page.getByRole("region", { name: "Execution" });
    await tabTo(section.getByRole("group", { name: "When the data were produced" }).getByRole("spinbutton").first(), { back: true });
    await page.keyboard.type("251120261430");
    await typeInto(section.getByLabel("Note (optional)"), "Traffic data for October only.");
    await press(section.getByRole("button", { name: "Record execution" }));
    await section.getByRole("heading", { name: "Recorded", level: 3 }).waitFor();
    await section.getByText("Entered by hand").waitFor();
    await section.getByText("The provider complied in part").waitFor();
    const producedAt = await page.evaluate(() => new Date("2026-11-25T14:30:00").toISOString());
    const records = await app.handlers.listExecutions({});
    expect(records).toEqual([expect.objectContaining({ decision: EXECUTED_DECISION, outcome: "complied-in-part", producedAt, ground: null, note: "Traffic data for October only.", source: "hand" })]);
    expect(await section.getByRole("region", { name: "Clocks" }).count()).toBe(0);
    expect((await app.handlers.listClocks({})).filter((clock) => clock.kind === "execution-report" && "id" in clock && clock.id === EXECUTED)).toEqual([]);
    await screen(93, "execution-recorded");
  });

  step("a record the issuer sent as a signed execution-report bundle shows that source and the document's digest", async () => {
    const decisionId = `${SAMPLE_AUTHORITY.id}.${BUNDLED}.r1.D1`;
    const decision = await app.handlers.getDecision({ id: decisionId });
    const document = {
      schema: "counterseal.execution-report/1",
      id: "ER-2026-0042",
      request: { authority: SAMPLE_AUTHORITY.id, id: BUNDLED, revision: 1 },
      decision: { id: decisionId, sha256: decision.sha256 },
      outcome: "complied",
      producedAt: "2026-11-27T10:00:00+01:00",
      reportedAt: "2026-11-28T10:00:00+01:00",
    };
    const bytes = new TextEncoder().encode(JSON.stringify(document));
    const stream = await sealBundle({
      bundleType: "execution-report",
      documentBytes: bytes,
      identifier: { authority: SAMPLE_AUTHORITY.id, id: document.id, revision: 1 },
      sourceOrganization: SAMPLE_AUTHORITY.name,
      attachments: [],
      signer: issuer,
      recipients: [recipient],
      armor: false,
      now: app.runtime.clock.now(),
    });
    const chunks: Uint8Array[] = [];
    for await (const chunk of stream) chunks.push(chunk);
    const file = path.join(app.root, "execution-report.sealed");
    writeFileSync(file, Buffer.concat(chunks));
    const token = (await app.handlers.importFiles.register(file)).token;
    expect((await app.handlers.importBundles({ tokens: [token] })).map((outcome) => outcome.status)).toEqual(["imported"]);

    await press(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Decisions", exact: true }), { back: true });
    await press(page.getByRole("link", { name: decisionId, exact: true }));
    await heading(`Decision ${decisionId}`).waitFor();
    const section = page.getByRole("region", { name: "Execution" });
    await section.getByText("The issuer's signed execution-report bundle").waitFor();
    await section.getByText("The provider complied", { exact: true }).waitFor();
    const digest = createHash("sha256").update(bytes).digest("hex");
    expect((await section.locator("code").textContent())?.replace(/\s/g, "")).toBe(digest);
    expect(await section.getByRole("button", { name: "Record execution" }).count()).toBe(0);
    await screen(94, "execution-from-bundle");
  });

  step("records a provider's refusal with its ground and a note, the ground refused until chosen", async () => {
    const decisionId = `${SAMPLE_AUTHORITY.id}.${NOT_COMPLIED}.r1.D1`;
    await press(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Decisions", exact: true }), { back: true });
    await press(page.getByRole("link", { name: decisionId, exact: true }));
    await heading(`Decision ${decisionId}`).waitFor();
    const section = page.getByRole("region", { name: "Execution" });
    // Tab enters the group at its first radio; arrows choose.
    await tabTo(section.getByRole("radio", { name: "The provider complied", exact: true }));
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    expect(await section.getByRole("radio", { name: "The provider did not comply" }).isChecked()).toBe(true);
    await press(section.getByRole("button", { name: "Record execution" }));
    await section.getByText("Choose the ground the provider gave.").waitFor();
    const ground = section.getByRole("combobox", { name: "The provider's ground" });
    await tabTo(ground, { back: true });
    for (let step = 0; step < 3; step++) await page.keyboard.press("ArrowDown");
    expect(await ground.inputValue()).toBe("overbroad");
    await typeInto(section.getByLabel("Note (optional)"), "The provider holds the order too broad for one account.");
    await press(section.getByRole("button", { name: "Record execution" }));
    await section.getByRole("heading", { name: "Recorded", level: 3 }).waitFor();
    await section.getByText("Overbroad", { exact: true }).waitFor();
    expect(await app.handlers.listExecutions({ decision: decisionId })).toEqual([expect.objectContaining({ outcome: "not-complied", ground: "overbroad", producedAt: null, note: "The provider holds the order too broad for one account.", source: "hand" })]);
  });

  step("the records count in the statistics, and no page met a CSP violation", async () => {
    await press(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Statistics", exact: true }), { back: true });
    await heading("Transparency statistics").waitFor();
    await typeInto(page.getByLabel("First day"), "2026-12-01");
    await typeInto(page.getByLabel("Last day"), "2026-12-31");
    await page.keyboard.press("Enter");
    await expect.poll(() => rowCells("Compliance by provider (final authorisations)", "Northwind Mail Ltd"), UI_WAIT).toEqual(["1", "1", "1", "0", "3", "6", "33%"]);
    expect(await page.evaluate(() => (globalThis as unknown as { __csp: string[] }).__csp)).toEqual([]);
    expect(opened.problems.filter((problem) => /Content Security Policy|Refused to/i.test(problem))).toEqual([]);
  });
});
