// One end-to-end flow: its steps share one page and run in order, so after a failed step the rest
// are skipped (each builds on the one before); a failure leaves a full-page screenshot
// (`<name>-failed.png`), the page's problems and the host's log. `screen` photographs and scans a
// state with axe; the flow's screens go to closeAndReport at the end.
import path from "node:path";
import type { Page } from "playwright-core";
import { it } from "vitest";
import { checkScreen, SCREENS_DIR, type OpenedPage, type ScreenCheck } from "./browser.js";

type HostLog = { hostLog: readonly string[] } | undefined;

/** The page photographed on a failure, and every opened page and host whose logs are printed. */
export interface FlowParts {
  page?: Page | undefined;
  opened?: OpenedPage | undefined | readonly (OpenedPage | undefined)[];
  app?: HostLog | readonly HostLog[];
}

const all = <T>(value: T | readonly T[]): readonly T[] => (Array.isArray(value) ? (value as readonly T[]) : [value as T]);

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
          for (const each of all(opened)) if (each?.problems.length) console.error(`page problems so far:\n${each.problems.join("\n")}`);
          for (const each of all(app)) if (each?.hostLog.length) console.error(`host log:\n${each.hostLog.join("\n")}`);
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
