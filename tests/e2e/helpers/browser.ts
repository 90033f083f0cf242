// Chromium for the e2e tests, launched as tests/host/browser.test.ts does, plus what every screen
// gets: an axe scan (serious and critical violations fail the test, printed readably) and a
// screenshot under tests/.artifacts/screens/ for a reviewer to look at. Every request the page
// makes is recorded so a test can prove that nothing left the host's own origin.
import { AxeBuilder } from "@axe-core/playwright";
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { expect } from "vitest";
import type { CountersealBridge } from "../../../shared/api/bridge.js";
import { REPO_ROOT as PROJECT_DIR } from "../../helpers/builds.js";

// The page's globals for page.evaluate callbacks (type-checked under Node's lib, run in Chromium;
// a cast is erased, so it survives playwright's serialisation).
export interface PageGlobals {
  counterseal: CountersealBridge;
}

export const CHROMIUM = "/usr/bin/chromium";
export const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];
export const SCREENS_DIR = path.join(PROJECT_DIR, "tests", ".artifacts", "screens");
/** For expect.poll on the UI: vitest's default (1 s) is too short for a busy 2-core machine. */
export const UI_WAIT = { timeout: 15_000, interval: 100 };
export const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`The e2e tests need Debian's Chromium at ${CHROMIUM} (apt-get install chromium); it is not there.`);
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

export interface OpenedPage {
  context: BrowserContext;
  page: Page;
  /** Every URL the page asked for, in order. */
  requested: string[];
  /** Console errors and uncaught page errors, for failure messages. */
  problems: string[];
}

/** A fresh context (axe needs one from newContext, not browser.newPage) at the host's printed URL. */
export async function openApp(browser: Browser, url: string): Promise<OpenedPage> {
  // en-GB pins number and date formats; the viewport is a laptop screen.
  const context = await browser.newContext({ locale: "en-GB", viewport: { width: 1280, height: 860 } });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const requested: string[] = [];
  const problems: string[] = [];
  page.on("request", (request) => requested.push(request.url()));
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console error: ${message.text()}`);
  });
  await page.goto(url);
  return { context, page, requested, problems };
}

/** Nothing went beyond the host: every URL is on its origin, or an in-page blob:/data: URL. */
export function expectOnlyHostRequests(requested: readonly string[], origin: string): void {
  expect(requested.length).toBeGreaterThan(0);
  const elsewhere = requested.filter((url) => !url.startsWith("blob:") && !url.startsWith("data:") && new URL(url).origin !== origin);
  expect(elsewhere, `requests that left ${origin}`).toEqual([]);
}

interface AxeNode {
  target: unknown;
  html: string;
  failureSummary?: string | undefined;
}
interface AxeViolation {
  id: string;
  impact?: string | null | undefined;
  help: string;
  helpUrl: string;
  nodes: AxeNode[];
}

export function describeViolations(screen: string, violations: readonly AxeViolation[]): string {
  if (violations.length === 0) return `${screen}: no serious or critical axe violations`;
  const lines = [`${screen}: ${violations.length} serious/critical axe violation(s)`];
  for (const violation of violations) {
    lines.push(`- [${violation.impact ?? "?"}] ${violation.id}: ${violation.help} (${violation.helpUrl})`);
    for (const node of violation.nodes.slice(0, 5)) {
      lines.push(`    at ${JSON.stringify(node.target)}: ${node.html.slice(0, 160)}`);
      if (node.failureSummary) lines.push(`      ${node.failureSummary.replace(/\n/g, "\n      ")}`);
    }
    if (violation.nodes.length > 5) lines.push(`    … and ${violation.nodes.length - 5} more`);
  }
  return lines.join("\n");
}

export interface ScreenCheck {
  name: string;
  /** Every violation axe found, by impact, for the report. */
  counts: Record<string, number>;
}

/**
 * Saves a screenshot as tests/.artifacts/screens/<nn>-<name>.png and fails on any serious or
 * critical axe violation. Returns counts by impact for the run's summary.
 */
export async function checkScreen(page: Page, nn: number, name: string): Promise<ScreenCheck> {
  mkdirSync(SCREENS_DIR, { recursive: true });
  // Let transitions and focus moves settle so the picture and the scan see the finished screen.
  await page.evaluate(() => {
    // Called as a method: requestAnimationFrame detached from window throws "Illegal invocation".
    const win = globalThis as unknown as { requestAnimationFrame(callback: () => void): number };
    return new Promise<void>((resolve) => win.requestAnimationFrame(() => win.requestAnimationFrame(resolve)));
  });
  await page.screenshot({ path: path.join(SCREENS_DIR, `${String(nn).padStart(2, "0")}-${name}.png`), fullPage: true });
  // resultTypes: violations are reported in full; passes and the rest keep one example node each,
  // which keeps the partial results small on screens with many elements (the 100k inbox).
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).options({ resultTypes: ["violations"] }).analyze();
  const counts: Record<string, number> = {};
  for (const violation of results.violations) counts[violation.impact ?? "unknown"] = (counts[violation.impact ?? "unknown"] ?? 0) + 1;
  const blocking = results.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical");
  const minor = results.violations.filter((violation) => !blocking.includes(violation));
  if (minor.length > 0) console.info(`axe ${name}: minor/moderate: ${minor.map((v) => `${v.id} (${v.impact ?? "?"})`).join(", ")}`);
  expect(blocking.length, describeViolations(name, blocking)).toBe(0);
  return { name, counts };
}

/**
 * After a file's steps: closes the page, the browser and the host (whichever were opened) and
 * prints what axe counted on each screen, at every impact, for a reader of the run's log.
 */
export async function closeAndReport(parts: { opened?: OpenedPage; browser?: Browser; app?: { close(): Promise<void> }; screens: readonly ScreenCheck[] }): Promise<void> {
  await parts.opened?.context.close();
  await parts.browser?.close();
  await parts.app?.close();
  if (parts.screens.length > 0) console.info(`axe per screen (all impacts):\n${parts.screens.map((s) => `  ${s.name}: ${JSON.stringify(s.counts)}`).join("\n")}`);
}
