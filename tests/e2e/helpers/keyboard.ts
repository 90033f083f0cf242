// Getting around a page by keyboard alone, as the keyboard-only tests do: Tab until something has
// focus, and what has focus now.
import type { Locator, Page } from "playwright-core";

type FocusGlobals = { document: { activeElement: { textContent: string | null } | null } };

export const isFocused = (locator: Locator): Promise<boolean> =>
  locator.evaluate((element) => element === (globalThis as unknown as { document: { activeElement: unknown } }).document.activeElement).catch(() => false);

export const focusedText = (page: Page): Promise<string> => page.evaluate(() => (globalThis as unknown as FocusGlobals).document.activeElement?.textContent ?? "");

/** Presses Tab (or Shift+Tab) until `target` has focus: how a keyboard user gets somewhere. */
export async function tabTo(page: Page, target: Locator, { back = false, max = 90 } = {}): Promise<void> {
  await target.waitFor();
  for (let presses = 0; presses < max; presses++) {
    if (await isFocused(target)) return;
    await page.keyboard.press(back ? "Shift+Tab" : "Tab");
  }
  if (!(await isFocused(target))) throw new Error(`${max} presses of ${back ? "Shift+Tab" : "Tab"} did not reach ${target.toString()}; focus is on "${await focusedText(page)}"`);
}
