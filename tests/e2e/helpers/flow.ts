// One end-to-end flow: its steps share one page and run in order, so after a failed step the rest
// are skipped (each builds on the one before); a failure leaves a full-page screenshot
// (`<name>-failed.png`), the page's problems and the host's log. `screen` photographs and scans a
// state with axe; the flow's screens go to closeAndReport at the end.
import path from "node:path";
import type { Page } from "playwright-core";
import { it } from "vitest";
import { checkScreen, SCREENS_DIR, type OpenedPage, type ScreenCheck } from "./browser.js";

export interface FlowParts {
  page?: Page | undefined;
  opened?: OpenedPage | undefined;
  app?: { hostLog: readonly string[] } | undefined;
}

export interface Flow {
  step(name: string, body: () => Promise<void>, timeout?: number): void;
  screen(nn: number, name: string): Promise<void>;
  screens: ScreenCheck[];
}

/** `parts` is read when a step fails or a screen is taken: the page and host are made in beforeAll. */
export function e2eFlow(name: string, parts: () => FlowParts, defaultTimeout = 60_000): Flow {
  const screens: ScreenCheck[] = [];
  let failed = false;
  return {
    screens,
    step(title, body, timeout = defaultTimeout) {
      it(title, { timeout }, async (context) => {
        if (failed) context.skip();
        try {
          await body();
        } catch (error) {
          failed = true;
          const { page, opened, app } = parts();
          await page?.screenshot({ path: path.join(SCREENS_DIR, `${name}-failed.png`), fullPage: true }).catch(() => undefined);
          if (opened?.problems.length) console.error(`page problems so far:\n${opened.problems.join("\n")}`);
          if (app?.hostLog.length) console.error(`host log:\n${app.hostLog.join("\n")}`);
          throw error;
        }
      });
    },
    async screen(nn, shot) {
      const { page } = parts();
      if (page === undefined) throw new Error(`no page to photograph for ${shot}`);
      screens.push(await checkScreen(page, nn, shot));
    },
  };
}
