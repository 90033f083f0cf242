// A committee auditor's session in Chromium, by keyboard alone, against the real core and real
// encrypted stores: the first-run screen makes an auditor's store (not an office's); the shell
// offers only the auditor's screens and says it is in auditor mode; an audit pack made by a real
// office (requests imported, reviewed and decided for real, sealed to this store) is refused in
// plain words while the office's key is not trusted, then imported; the pack page shows the
// sampling plan, strata and purposive pick, with the evaluation in view; a case page shows the
// office's documents read-only with each decision's signature verified; findings are recorded
// (refused by field first) and replaced; and once every sampled case has a finding the signed
// findings report is written through the door's folder and verified with stock minisign.
// Every state is photographed and scanned with axe.
import { spawnSync } from "node:child_process";
import { copyFileSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect } from "vitest";
import { reviewerSigner } from "../../electron/core/decisions/reviewer-key.js";
import type { AuditorFinding, AuditPackSummary } from "../../shared/api/auditor.js";
import { decidedOffice, makePack } from "../auditor/auditor-fixture.js";
import { TEST_PASSPHRASE } from "../helpers/passphrases.js";
import { testRuntime } from "../helpers/runtime.js";
import { startAppHost, type AppHost } from "./helpers/app-host.js";
import { closeAndReport, launchChromium, openApp, type OpenedPage, UI_WAIT } from "./helpers/browser.js";
import { isFocused, tabTo as tabToTarget } from "./helpers/keyboard.js";
import { e2eFlow } from "./helpers/flow.js";

const AUDITOR = "C. Auditor";
const COMMITTEE = "Oversight Committee";
const SAMPLED = ["nl-om-rotterdam/AUD-2026-002/1", "nl-om-rotterdam/AUD-2026-001/1", "nl-om-rotterdam/AUD-2026-003/1"] as const;
const PURPOSIVE = "nl-om-rotterdam/AUD-2026-004/1";
const PACK_FILE = "office-pack.sealed";

let browser: Browser;
let app: AppHost;
let opened: OpenedPage;
let page: Page;
let packFile = "";
let officeKey = "";
let packId = "";
const { step, screen, screens } = e2eFlow("auditor", () => ({ page, opened, app }), 90_000);

const heading = (name: string | RegExp, level = 1) => page.getByRole("heading", { level, name });
const tabTo = (target: Locator, options?: { back?: boolean; max?: number }) => tabToTarget(page, target, { max: 120, ...options });
const press = async (target: Locator, options?: { back?: boolean }) => {
  await tabTo(target, options);
  await page.keyboard.press("Enter");
};
const navLinks = () => page.getByRole("navigation", { name: "Main" }).getByRole("link");
const evaluation = () => page.getByRole("complementary", { name: "Evaluation" });

/** Arrow keys move within a radio group (one tab stop) until `target` is checked. */
async function chooseRadio(target: Locator): Promise<void> {
  for (let presses = 0; presses < 6 && !(await target.isChecked()); presses++) await page.keyboard.press("ArrowRight");
  expect(await target.isChecked()).toBe(true);
}

/** Tabs into the radio group `label` names and picks `option` with the arrow keys. */
async function pickInGroup(label: string, option: string): Promise<void> {
  const group = page.getByRole("radiogroup", { name: label });
  const radios = group.getByRole("radio");
  await group.waitFor();
  for (let presses = 0; presses < 60; presses++) {
    let inside = false;
    for (const radio of await radios.all()) if (await isFocused(radio)) inside = true;
    if (inside) break;
    await page.keyboard.press("Tab");
  }
  await chooseRadio(group.getByRole("radio", { name: option, exact: true }));
}

beforeAll(async () => {
  // Its own seed, so the auditor's keys differ from the office's (which uses the default one).
  [browser, app] = await Promise.all([launchChromium(), startAppHost(testRuntime(new Date("2026-12-20T09:00:00.000Z"), "auditor-e2e"))]);
  opened = await openApp(browser, app.host.url);
  page = opened.page;
}, 120_000);

afterAll(() => closeAndReport({ opened, browser, app, screens }));

describe.sequential("a committee auditor, by keyboard alone", () => {
  step("first run: chooses a committee auditor store and creates it", async () => {
    await heading("Create your store").waitFor();
    await page.getByText("For the office's reviewers: requests are imported, reviewed and decided here", { exact: false }).waitFor();
    await tabTo(page.getByRole("radio", { name: /A reviewer's office store/ }));
    await page.keyboard.press("ArrowDown");
    expect(await page.getByRole("radio", { name: /A committee auditor's store/ }).isChecked()).toBe(true);
    // The form now speaks of the auditor and the committee.
    await tabTo(page.getByLabel("Auditor name"));
    await page.keyboard.type(AUDITOR);
    await page.keyboard.press("Tab");
    expect(await isFocused(page.getByLabel("Committee", { exact: true }))).toBe(true);
    await page.keyboard.type(COMMITTEE);
    await tabTo(page.getByLabel("Passphrase", { exact: true }));
    await page.keyboard.type(TEST_PASSPHRASE);
    await tabTo(page.getByLabel("Repeat passphrase"));
    await page.keyboard.type(TEST_PASSPHRASE);
    await screen(95, "first-run-auditor");
    await page.keyboard.press("Enter");

    await heading("Audit packs").waitFor();
    expect(await app.handlers.getStoreMode({})).toEqual({ mode: "auditor" });
    expect((await app.handlers.getIdentity({})).reviewer).toMatchObject({ name: AUDITOR, office: COMMITTEE });
  });

  step("shows the auditor's navigation and says plainly that case data are read-only", async () => {
    await page.getByText("Auditor mode: case data are read-only; only your findings are written.").waitFor();
    expect(await navLinks().allTextContents()).toEqual(["Audit packs", "Keyring", "Settings", "Help"]);
    await page.getByText("No audit pack yet.", { exact: false }).waitFor();
    await screen(96, "auditor-packs-empty");

    // An office screen asked for by its address is not shown.
    await page.evaluate(() => {
      (globalThis as unknown as { location: { hash: string } }).location.hash = "#/inbox";
    });
    await heading("Not offered in auditor mode").waitFor();
    await page.getByText("the office's screens that change them (review, decisions, import of requests, retention) are not offered here", { exact: false }).waitFor();
    await screen(97, "auditor-office-screen-refused");
    await press(page.getByRole("link", { name: "Go to the audit packs" }));
    await heading("Audit packs").waitFor();
  });

  step("refuses a pack from an office the keyring does not hold, in plain words, storing nothing", async () => {
    // A real office: six requests imported, reviewed and decided, sealed to this store's recipient.
    const recipient = (await app.handlers.getIdentity({})).ageRecipients[0] ?? "";
    const office = await decidedOffice();
    officeKey = reviewerSigner(office.session).publicKeyLine;
    const made = await makePack(office, recipient, { purposive: [{ reason: "long-running-measure", reference: PURPOSIVE }] });
    office.session.store.close();
    packId = made.id;
    packFile = path.join(app.root, PACK_FILE);
    copyFileSync(made.file, packFile);

    const chooser = page.waitForEvent("filechooser");
    await press(page.getByRole("button", { name: "Import an audit pack…" }));
    await (await chooser).setFiles([packFile]);
    const results = page.getByRole("region", { name: "Import results" });
    await results.getByText(`${PACK_FILE} was refused, and nothing of it was stored:`, { exact: false }).waitFor({ timeout: 30_000 });
    await results.getByText("which is not in this store's keyring; add the office's minisign public key first", { exact: false }).waitFor();
    await results.getByText("Code: audit-pack-refused", { exact: true }).waitFor();
    expect(await results.textContent()).not.toContain(app.root);
    expect(await app.handlers.listAuditPacks({})).toEqual([]);
    await screen(98, "auditor-pack-refused");
  });

  step("imports the pack once the office's key is trusted, and lists it", async () => {
    await app.handlers.addAuthorityKey({ authorityId: "office-dpa", name: "Office of the Commissioner", country: "NL", minisignPublicKey: officeKey });
    const chooser = page.waitForEvent("filechooser");
    await press(page.getByRole("button", { name: "Import an audit pack…" }), { back: true });
    await (await chooser).setFiles([packFile]);
    const results = page.getByRole("region", { name: "Import results" });
    await results.getByText(`${PACK_FILE}: pack ${packId} from Test Office imported, 3 sampled case(s) and 1 purposive pick(s); 5 decision signature(s) verified.`).waitFor({ timeout: 30_000 });
    const table = page.getByRole("table", { name: "Packs in this store" });
    await table.getByRole("link", { name: packId }).waitFor();
    expect(await table.getByRole("row").count()).toBe(2);
    await table.getByText("3 sampled, 1 purposive").waitFor();
    await screen(99, "auditor-pack-imported");
  });

  step("opens the pack: the sampling plan, strata, the purposive pick marked, and the evaluation in view", async () => {
    await press(page.getByRole("table", { name: "Packs in this store" }).getByRole("link", { name: packId }));
    await heading(`Audit pack ${packId}`).waitFor();
    const [summary] = (await app.handlers.listAuditPacks({})) as AuditPackSummary[];
    const plan = page.getByRole("region", { name: "Sampling plan" });
    await plan.getByText(summary?.frameHash.slice(0, 16) ?? "?", { exact: false }).waitFor();
    await plan.getByText(summary?.seed.slice(0, 16) ?? "?", { exact: false }).waitFor();
    await plan.getByText("3 drawn (the plan asks for 59)").waitFor();
    const strata = plan.getByRole("table", { name: "Strata and their allocation" });
    expect(await strata.getByRole("row").nth(1).getByRole("cell").allTextContents()).toEqual(["6", "100%", "3", SAMPLED.join(", ")]);
    await plan.getByText(`${PURPOSIVE} · long-running measure · not counted in the evaluation`, { exact: false }).waitFor();

    const cases = page.getByRole("table", { name: "4 cases" });
    const rows = cases.getByRole("row");
    expect(await rows.count()).toBe(5);
    expect(await rows.nth(4).textContent()).toContain("Purposive");
    for (const reference of SAMPLED) await cases.getByRole("link", { name: reference }).waitFor();

    await evaluation().getByText("0 of 3 sampled").waitFor();
    await evaluation().getByText("Incomplete.").waitFor();
    await evaluation().getByText("3 sampled cases have no finding yet.", { exact: false }).waitFor();
    await page.getByText("The report can be signed once every sampled case has a finding: 3 have none yet", { exact: false }).waitFor();
    expect(await page.getByRole("button", { name: "Sign and export the findings report…" }).count()).toBe(0);
    await screen(100, "auditor-pack");

    // The evaluation stays on screen with the page scrolled to its end.
    await page.getByRole("main").evaluate((main) => main.scrollTo(0, main.scrollHeight));
    const box = await evaluation().boundingBox();
    expect(box?.y ?? -1).toBeGreaterThanOrEqual(0);
    expect((box?.y ?? 0) + (box?.height ?? 0)).toBeLessThanOrEqual(860);
    await page.getByRole("main").evaluate((main) => main.scrollTo(0, 0));
  });

  step("opens a sampled case: the office's documents read-only, each decision's signature verified", async () => {
    await press(page.getByRole("link", { name: SAMPLED[0] }));
    await heading(`Case ${SAMPLED[0]}`).waitFor();
    await page.getByText("The office's documents below are read-only, exactly as the pack carried them.").waitFor();
    const decisions = page.getByRole("region", { name: "1 decision" });
    await decisions.getByText("Signature verified with key", { exact: false }).waitFor();
    await decisions.getByText("(Office of the Commissioner) from this store's keyring.", { exact: false }).waitFor();
    await decisions.getByText("counterseal decision D-2026-002 sha256:", { exact: false }).waitFor();
    await page.getByRole("region", { name: "Request" }).getByText("AUD-2026-002").first().waitFor();
    const audit = page.getByRole("table", { name: /^Audit excerpt: \d+ rows$/ });
    await audit.getByText("decision.signed").waitFor();
    // The only field on the page is the finding's note: the office's documents offer no editing.
    expect(await page.getByRole("main").getByRole("textbox").count()).toBe(1);
    await screen(101, "auditor-case");
  });

  step("refuses an incomplete finding by field, then records a deviation and replaces it", async () => {
    await press(page.getByRole("button", { name: "Save finding" }));
    await page.getByText("Choose compliant or deviation.").waitFor();
    await page.getByText("Choose red, amber or green.").waitFor();
    expect(await app.handlers.listAuditorFindings({})).toEqual([]);
    await screen(102, "auditor-finding-invalid");

    await pickInGroup("Verdict", "Deviation");
    await tabTo(page.getByLabel("Type of deviation"));
    for (let presses = 0; presses < 6; presses++) await page.keyboard.press("ArrowDown");
    expect(await page.getByLabel("Type of deviation").inputValue()).toBe("other");
    await pickInGroup("Recommendation", "Amber");
    await press(page.getByRole("button", { name: "Save finding" }));
    await page.getByText("A deviation of type other needs a note saying what it is.").waitFor();
    expect(await app.handlers.listAuditorFindings({})).toEqual([]);

    await tabTo(page.getByLabel("Note"), { back: true });
    await page.keyboard.type("The order's date of issue is missing from the record.");
    await press(page.getByRole("button", { name: "Save finding" }));
    await page.getByRole("status").getByText(`Finding on ${SAMPLED[0]} saved.`).waitFor();
    const [first] = (await app.handlers.listAuditorFindings({})) as AuditorFinding[];
    expect(first).toMatchObject({ reference: SAMPLED[0], verdict: "deviation", deviationType: "other", recommendation: "amber", note: "The order's date of issue is missing from the record." });
    await page.getByText("A finding is on record", { exact: false }).waitFor();
    await screen(103, "auditor-finding-saved");

    // Replaced: compliant and green; the deviation type no longer applies.
    await pickInGroup("Verdict", "Compliant");
    expect(await page.getByLabel("Type of deviation").count()).toBe(0);
    await pickInGroup("Recommendation", "Green");
    await press(page.getByRole("button", { name: "Replace finding" }));
    await expect.poll(async () => ((await app.handlers.listAuditorFindings({})) as AuditorFinding[]).map((finding) => [finding.reference, finding.verdict, finding.deviationType, finding.recommendation]), UI_WAIT).toEqual([[SAMPLED[0], "compliant", null, "green"]]);
  });

  step("records the other sampled cases, going on from case to case", async () => {
    for (const reference of SAMPLED.slice(1)) {
      await press(page.getByRole("link", { name: `Next case: ${reference}` }));
      await heading(`Case ${reference}`).waitFor();
      await pickInGroup("Verdict", "Compliant");
      await pickInGroup("Recommendation", "Green");
      await press(page.getByRole("button", { name: "Save finding" }));
      await page.getByRole("status").getByText(`Finding on ${reference} saved.`).waitFor();
    }
    expect(((await app.handlers.listAuditorFindings({})) as AuditorFinding[]).map((finding) => finding.reference).sort()).toEqual([...SAMPLED].sort());
  });

  step("evaluates the complete sample and signs the findings report through the door's folder", async () => {
    await press(page.getByRole("button", { name: `Audit pack ${packId}` }), { back: true });
    await heading(`Audit pack ${packId}`).waitFor();
    await evaluation().getByText("3 of 3 sampled").waitFor();
    // Three compliant cases cannot bring the 95% upper limit under 5%: 1 − 0.05^(1/3) ≈ 63.16%.
    await evaluation().getByText("Exceeds the tolerable rate.").waitFor();
    await evaluation().getByText("The upper limit, 63.16%, is above the tolerable rate of 5%", { exact: false }).waitFor();
    expect(await app.handlers.getAuditEvaluation({})).toMatchObject({ evaluated: 3, deviations: 0, deviationRate: 0, upperLimit: 63.1597, conclusion: "exceeds-tolerable" });
    await screen(104, "auditor-pack-evaluated");

    const report = `F-${packId}`;
    await press(page.getByRole("button", { name: "Sign and export the findings report…" }));
    await page.getByRole("status").getByText(`The signed report was written to the folder ${report}: ${report}.json, ${report}.json.minisig, ${report}.pdf.`, { exact: false }).waitFor({ timeout: 30_000 });
    const folder = path.join(app.downloadsDir, report);
    expect(readdirSync(folder).sort()).toEqual([`${report}.json`, `${report}.json.minisig`, `${report}.pdf`]);
    const auditorKey = (await app.handlers.getIdentity({})).reviewer.minisignPublicKey;
    const stock = spawnSync("minisign", ["-Vm", path.join(folder, `${report}.json`), "-P", auditorKey], { encoding: "utf8" });
    expect(stock.status, stock.stderr).toBe(0);
    expect(stock.stdout).toContain(`counterseal audit-findings ${report} sha256:`);
    const signed = JSON.parse(readFileSync(path.join(folder, `${report}.json`), "utf8")) as { auditor: { name: string }; findings: { reference: string }[]; evaluation: { conclusion: string } };
    expect(signed.auditor.name).toBe(AUDITOR);
    expect(signed.findings.map((finding) => finding.reference)).toEqual([...SAMPLED]);
    expect(signed.evaluation.conclusion).toBe("exceeds-tolerable");
    expect(await page.getByRole("main").textContent()).not.toContain(app.downloadsDir);
    await screen(105, "auditor-report-signed");
  });

  step("the keyring says to give the office this store's age recipient, and lists the office's key", async () => {
    await press(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Keyring", exact: true }), { back: true });
    await heading("Keyring").waitFor();
    await page.getByText("Give the office this age recipient, so it can seal audit packs to this committee", { exact: false }).waitFor();
    await page.getByText("Office of the Commissioner").first().waitFor();
    await screen(106, "auditor-keyring");
  });

  step("locks and unlocks into the audit packs, still in auditor mode", async () => {
    await page.keyboard.press("Control+l");
    await heading("Unlock Counterseal").waitFor();
    await page.keyboard.type(TEST_PASSPHRASE);
    await page.keyboard.press("Enter");
    await heading("Audit packs").waitFor();
    expect(await navLinks().allTextContents()).toEqual(["Audit packs", "Keyring", "Settings", "Help"]);
    await page.getByRole("table", { name: "Packs in this store" }).getByRole("link", { name: packId }).waitFor();
  });
});
