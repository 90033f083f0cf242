// The application menu as plain data, following each platform's conventions: on macOS the app
// menu holds About and Quit; elsewhere File holds Quit and Help holds About. Custom items only
// send a MenuAction to the UI; nothing here opens a URL (no shell.openExternal, no web help).
import type { MenuItemConstructorOptions } from "electron";
import type { MenuAction } from "../../shared/api/bridge.js";

export interface MenuOptions {
  appName: string;
  /** Development builds get Reload and Toggle DevTools; packaged builds never do. */
  devTools: boolean;
  send: (action: MenuAction) => void;
}

const separator: MenuItemConstructorOptions = { type: "separator" };

export function menuTemplate(platform: NodeJS.Platform, options: MenuOptions): MenuItemConstructorOptions[] {
  const isMac = platform === "darwin";
  const item = (label: string, action: MenuAction, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    ...(accelerator === undefined ? {} : { accelerator }),
    click: () => options.send(action),
  });
  const about = item(`About ${options.appName}`, "about");

  const appMenu: MenuItemConstructorOptions = {
    label: options.appName,
    submenu: [about, separator, { role: "services" }, separator, { role: "hide" }, { role: "hideOthers" }, { role: "unhide" }, separator, { role: "quit" }],
  };

  const fileMenu: MenuItemConstructorOptions = {
    label: "&File",
    submenu: [
      item("Import Bundles…", "import", "CmdOrCtrl+O"),
      separator,
      item("Lock", "lock", "CmdOrCtrl+L"),
      separator,
      isMac ? { role: "close" } : { role: "quit" },
    ],
  };

  const editMenu: MenuItemConstructorOptions = {
    label: "&Edit",
    submenu: [{ role: "undo" }, { role: "redo" }, separator, { role: "cut" }, { role: "copy" }, { role: "paste" }, { role: "delete" }, separator, { role: "selectAll" }],
  };

  const developmentItems: MenuItemConstructorOptions[] = options.devTools
    ? [separator, { role: "reload" }, { role: "forceReload" }, { role: "toggleDevTools" }]
    : [];
  const viewMenu: MenuItemConstructorOptions = {
    label: "&View",
    submenu: [
      item("Search…", "search", "CmdOrCtrl+F"),
      separator,
      { role: "resetZoom" },
      { role: "zoomIn" },
      { role: "zoomOut" },
      separator,
      { role: "togglefullscreen" },
      ...developmentItems,
    ],
  };

  const windowMenu: MenuItemConstructorOptions = {
    label: "&Window",
    submenu: isMac ? [{ role: "minimize" }, { role: "zoom" }, separator, { role: "front" }] : [{ role: "minimize" }, { role: "close" }],
  };

  // The user guide ships inside the app and is shown by the UI, so help works offline.
  const guide = item(`${options.appName} User Guide`, "user-guide", isMac ? undefined : "F1");
  const helpMenu: MenuItemConstructorOptions = {
    label: "&Help",
    role: "help",
    submenu: isMac ? [guide] : [guide, separator, about],
  };

  return [...(isMac ? [appMenu] : []), fileMenu, editMenu, viewMenu, windowMenu, helpMenu];
}
