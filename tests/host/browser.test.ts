// The one real-browser test: Debian's Chromium, driven by playwright-core, opens the host's URL and
// uses `window.counterseal` as the renderer will. Chromium is required, not optional: CI installs
// it, and a skipped browser test would hide a broken host.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CountersealBridge } from "../../shared/api/bridge.js";
import type { HostTestHooks } from "../../electron/host/browser-bridge/create-bridge.js";
import { identity, startTestHost, type TestHost } from "./host-fixtures.js";

// The page's globals, for page.evaluate callbacks: they run in Chromium but are type-checked under
// Node's lib (no DOM), so each callback casts globalThis to this (a cast is erased, so it survives
// playwright's serialisation; a shared helper function would not).
interface PageGlobals {
  counterseal: CountersealBridge;
  __countersealHost: HostTestHooks;
  document: { cookie: string; querySelectorAll(selector: string): { length: number } };
}

const CHROMIUM = "/usr/bin/chromium";
const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

let browser: Browser;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`The browser test needs Debian's Chromium at ${CHROMIUM} (apt-get install chromium); it is not there.`);
  }
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
});

afterAll(async () => {
  await browser?.close();
});

interface Opened {
  host: TestHost;
  page: Page;
  requested: string[];
}

/** A fresh host and a fresh browser context (its own cookie jar), opened at the printed URL. */
async function openHost(): Promise<Opened> {
  const host = await startTestHost();
  const context = await browser.newContext();
  const page = await context.newPage();
  const requested: string[] = [];
  page.on("request", (request) => requested.push(request.url()));
  page.on("close", () => void context.close());
  await page.goto(host.url);
  return { host, page, requested };
}

/** Every request the page made went to the host itself, on 127.0.0.1. */
function expectOnlyLoopback({ host, requested }: Opened): void {
  expect(requested.length).toBeGreaterThan(0);
  for (const url of requested) {
    expect(new URL(url).origin, url).toBe(host.origin);
    expect(new URL(url).hostname).toBe("127.0.0.1");
  }
}

describe("the host in Chromium", () => {
  it("gives the page window.counterseal before the app's scripts, and answers through it", async () => {
    const opened = await openHost();
    const { page, host } = opened;
    // The token left the address bar; the cookie is invisible to scripts.
    expect(page.url()).toBe(`${host.origin}/`);
    expect(await page.evaluate(() => (globalThis as unknown as PageGlobals).document.cookie)).toBe("");
    // The fake app's own module script used the bridge as soon as it ran.
    await page.waitForFunction('document.getElementById("status")?.textContent === "locked"');

    const status = await page.evaluate(() => (globalThis as unknown as PageGlobals).counterseal.getStoreStatus({}));
    expect(status).toEqual({ ok: true, value: { state: "locked", location: "/fake/store" } });
    expect(await page.evaluate(() => (globalThis as unknown as PageGlobals).counterseal.unlock({ passphrase: "correct horse" }))).toEqual({ ok: true, value: identity });
    expect(await page.evaluate(() => (globalThis as unknown as PageGlobals).counterseal.unlock({ passphrase: "wrong" }))).toMatchObject({ ok: false, error: { code: "wrong-passphrase" } });
    expect(await page.evaluate(() => Object.isFrozen((globalThis as unknown as PageGlobals).counterseal))).toBe(true);
    expectOnlyLoopback(opened);
    await page.close();
  });

  it("uploads a dropped file for a token, picks files through a file input, and delivers menu actions", async () => {
    const opened = await openHost();
    const { page, host } = opened;
    const dropped = await page.evaluate(() => (globalThis as unknown as PageGlobals).counterseal.tokenForDroppedFile(new File(["sealed bundle bytes"], "request.tar")));
    if (!dropped.ok) throw new Error(dropped.error.message);
    expect(dropped.value).toMatchObject({ name: "request.tar", size: 19 });
    const [saved] = host.tokens.take([dropped.value.token], host.session).map((file) => file.path);
    expect(path.basename(saved ?? "")).toBe("request.tar");
    expect(path.dirname(path.dirname(saved ?? ""))).toBe(host.uploadsDir);
    expect(readFileSync(saved ?? "", "utf8")).toBe("sealed bundle bytes");

    // No open dialog in a browser: the shim opens a file input, and uploads what is chosen.
    const bundle = path.join(host.uploadsDir, "..", "picked.sealed");
    writeFileSync(bundle, "picked bytes");
    const chooserShown = page.waitForEvent("filechooser");
    const choosing = page.evaluate(() => (globalThis as unknown as PageGlobals).counterseal.chooseImportFiles());
    const chooser = await chooserShown;
    expect(chooser.isMultiple()).toBe(true);
    await chooser.setFiles(bundle);
    const chosen = await choosing;
    if (!chosen.ok) throw new Error(chosen.error.message);
    expect(chosen.value.map(({ name, size }) => [name, size])).toEqual([["picked.sealed", 12]]);
    const [copy] = host.tokens.take([chosen.value[0]?.token ?? ""], host.session).map((file) => file.path);
    expect(readFileSync(copy ?? "", "utf8")).toBe("picked bytes");
    // The shim's input is gone once it has answered.
    expect(await page.evaluate(() => (globalThis as unknown as PageGlobals).document.querySelectorAll("input[type=file]").length)).toBe(0);

    const actions = await page.evaluate(() => {
      const page = globalThis as unknown as PageGlobals;
      const seen: string[] = [];
      const stop = page.counterseal.onMenuAction((action) => seen.push(action));
      page.__countersealHost.emitMenuAction("lock");
      stop();
      page.__countersealHost.emitMenuAction("import");
      return seen;
    });
    expect(actions).toEqual(["lock"]);
    expectOnlyLoopback(opened);
    await page.close();
  });

  it("refuses a browser that has not opened the printed URL", async () => {
    const host = await startTestHost();
    const context = await browser.newContext();
    const page = await context.newPage();
    const response = await page.goto(`${host.origin}/`);
    expect(response?.status()).toBe(403);
    expect(await page.evaluate(() => "counterseal" in globalThis)).toBe(false);
    await context.close();
  });
});
