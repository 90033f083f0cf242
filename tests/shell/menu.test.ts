import type { MenuItemConstructorOptions } from "electron";
import { describe, expect, it, vi } from "vitest";
import { menuTemplate, type MenuOptions } from "../../electron/main/menu.js";
import type { MenuAction } from "../../shared/api/bridge.js";

const options = (overrides: Partial<MenuOptions> = {}): MenuOptions => ({ appName: "Counterseal", devTools: false, send: vi.fn(), ...overrides });

const flatten = (items: readonly MenuItemConstructorOptions[]): MenuItemConstructorOptions[] =>
  items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);

const labels = (template: MenuItemConstructorOptions[]) => template.map((menu) => menu.label);
const submenuOf = (template: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions[] => {
  const submenu = template.find((menu) => menu.label === label)?.submenu;
  if (!Array.isArray(submenu)) throw new Error(`no ${label} menu`);
  return submenu;
};
const byLabel = (template: MenuItemConstructorOptions[], label: string) => flatten(template).find((item) => item.label === label);
const roles = (items: MenuItemConstructorOptions[]) => items.map((item) => item.role).filter(Boolean);

function click(item: MenuItemConstructorOptions | undefined): void {
  (item?.click as (() => void) | undefined)?.();
}

describe("menuTemplate", () => {
  it("follows Windows and Linux conventions", () => {
    for (const platform of ["win32", "linux"] as const) {
      const template = menuTemplate(platform, options());
      expect(labels(template)).toEqual(["&File", "&Edit", "&View", "&Window", "&Help"]);
      expect(roles(submenuOf(template, "&File"))).toEqual(["quit"]);
      expect(roles(submenuOf(template, "&Window"))).toEqual(["minimize", "close"]);
      expect(byLabel(template, "About Counterseal")).toBeDefined();
      expect(byLabel(template, "Counterseal User Guide")?.accelerator).toBe("F1");
    }
  });

  it("follows macOS conventions: the app menu holds About and Quit", () => {
    const template = menuTemplate("darwin", options());
    expect(labels(template)).toEqual(["Counterseal", "&File", "&Edit", "&View", "&Window", "&Help"]);
    const appMenu = submenuOf(template, "Counterseal");
    expect(appMenu[0]?.label).toBe("About Counterseal");
    expect(roles(appMenu)).toEqual(["services", "hide", "hideOthers", "unhide", "quit"]);
    expect(roles(submenuOf(template, "&File"))).toEqual(["close"]);
    expect(roles(submenuOf(template, "&Window"))).toEqual(["minimize", "zoom", "front"]);
    expect(submenuOf(template, "&Help").map((item) => item.label)).toEqual(["Counterseal User Guide"]);
  });

  it("gives the standard Edit roles", () => {
    expect(roles(submenuOf(menuTemplate("linux", options()), "&Edit"))).toEqual(["undo", "redo", "cut", "copy", "paste", "delete", "selectAll"]);
  });

  it("sends each custom action to the UI with the conventional shortcut", () => {
    const cases: Array<[string, MenuAction, string | undefined]> = [
      ["Import Bundles…", "import", "CmdOrCtrl+O"],
      ["Lock", "lock", "CmdOrCtrl+L"],
      ["Search…", "search", "CmdOrCtrl+F"],
      ["About Counterseal", "about", undefined],
      ["Counterseal User Guide", "user-guide", "F1"],
    ];
    for (const [label, action, accelerator] of cases) {
      const send = vi.fn();
      const template = menuTemplate("linux", options({ send }));
      const item = byLabel(template, label);
      expect(item?.accelerator, label).toBe(accelerator);
      click(item);
      expect(send, label).toHaveBeenCalledExactlyOnceWith(action);
    }
  });

  it("has no reload or DevTools in packaged builds, and has them in development", () => {
    const devOnly = ["reload", "forceReload", "toggleDevTools"];
    for (const platform of ["darwin", "win32", "linux"] as const) {
      const packaged = roles(flatten(menuTemplate(platform, options())));
      for (const role of devOnly) expect(packaged).not.toContain(role);
      const development = roles(flatten(menuTemplate(platform, options({ devTools: true }))));
      for (const role of devOnly) expect(development).toContain(role);
    }
  });

  it("keeps zoom and full screen in View", () => {
    expect(roles(submenuOf(menuTemplate("win32", options()), "&View"))).toEqual(["resetZoom", "zoomIn", "zoomOut", "togglefullscreen"]);
  });

  it("never links outside the app", () => {
    for (const platform of ["darwin", "win32", "linux"] as const) {
      const text = JSON.stringify(menuTemplate(platform, options({ devTools: true })));
      expect(text).not.toMatch(/https?:|www\.|mailto:/);
    }
  });
});
