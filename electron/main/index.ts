// The Electron shell: lifecycle and wiring only. Every policy it applies is a pure function under
// ./security, ./menu.ts and ../api/dispatch.ts, tested without Electron.
import { isPrimaryInstance } from "./before-ready.js";
import { app, dialog, ipcMain, Menu, powerMonitor, session, type BrowserWindow } from "electron";
import { fileURLToPath } from "node:url";
import { runCryptoSelfTest } from "../core/crypto/self-test.js";
import { defaultStoreDir } from "../core/store-location.js";
import { createApiHandlers } from "../api/handlers/index.js";
import { createDispatcher } from "../api/dispatch.js";
import { MENU_CHANNEL, type MenuAction } from "../../shared/api/bridge.js";
import { appPaths } from "./app-paths.js";
import { createMainFileDoor, registerFileChannels } from "./file-door.js";
import { registerApi, senderFacts } from "./ipc.js";
import { menuTemplate } from "./menu.js";
import { lockOnPowerEvents, lockWhenSystemIdle } from "./power-lock.js";
import { PRODUCT_NAME } from "./product.js";
import { APP_SCHEME } from "../web-policy/app-origin.js";
import { createAppProtocolHandler } from "./security/app-protocol.js";
import { hardenWebContents } from "./security/harden-web-contents.js";
import { isTrustedSender } from "./security/ipc-sender.js";
import { applyOfflineSessionPolicies } from "./security/offline-session.js";
import { runStartupSelfTest, selfTestFailureText } from "./startup-self-test.js";
import { createMainWindow } from "./window.js";

const devTools = !app.isPackaged;
const paths = appPaths(fileURLToPath(new URL(".", import.meta.url)));
let mainWindow: BrowserWindow | undefined;

// Registered before any contents exist, so no window, devtools or stray contents escapes it.
app.on("web-contents-created", (_event, contents) => hardenWebContents(contents));

app.on("second-instance", () => {
  if (mainWindow === undefined) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
});

// Closing the window quits on every platform, macOS included: an unlocked store should not live
// on in a process with no window.
app.on("window-all-closed", () => app.quit());

function refuseToStart(message: string): void {
  dialog.showErrorBox(`${PRODUCT_NAME} cannot start`, message);
  app.exit(1);
}

async function start(): Promise<void> {
  await app.whenReady();

  const verdict = await runStartupSelfTest(runCryptoSelfTest);
  if (!verdict.ok) return refuseToStart(selfTestFailureText(verdict.message));

  const appSession = session.defaultSession;
  applyOfflineSessionPolicies(appSession, { allowDevTools: devTools });
  appSession.protocol.handle(APP_SCHEME, createAppProtocolHandler(paths.rendererDir));

  // Paths come from main alone: its dialogs, and drops the preload resolved through Electron.
  const fileWindow = { dialog, window: () => mainWindow };
  const handlers = createApiHandlers({ storeDir: defaultStoreDir(), files: createMainFileDoor(fileWindow) });
  app.on("before-quit", () => handlers.close());
  const logFailure = (what: string, error: unknown) => console.error(`counterseal: ${what} failed:`, error);
  const dispatcher = createDispatcher(handlers, { onInternalError: logFailure });
  const trusted = (event: Electron.IpcMainInvokeEvent) => isTrustedSender(senderFacts(event), mainWindow?.webContents.id);
  registerApi(ipcMain, dispatcher, trusted);
  registerFileChannels(ipcMain, { ...fileWindow, trusted, importFiles: handlers.importFiles, onInternalError: logFailure });

  mainWindow = createMainWindow({ title: PRODUCT_NAME, preloadPath: paths.preloadPath, devTools });
  mainWindow.on("closed", () => {
    mainWindow = undefined;
  });

  const send = (action: MenuAction): void => {
    mainWindow?.webContents.send(MENU_CHANNEL, action);
  };
  const closeStore = (): void => handlers.close();
  lockOnPowerEvents(powerMonitor, { closeStore, tellPage: send });
  lockWhenSystemIdle(powerMonitor, {
    closeStore,
    tellPage: send,
    // Locked (or no store): nothing to time out.
    idleLockMinutes: async () => {
      if ((await handlers.getStoreStatus({})).state !== "unlocked") return null;
      return (await handlers.getSettings({})).idleLockMinutes;
    },
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(process.platform, { appName: PRODUCT_NAME, devTools, send })));
}

if (isPrimaryInstance) {
  start().catch((error: unknown) => {
    console.error("counterseal: start-up failed:", error);
    refuseToStart("An unexpected error stopped Counterseal from starting.");
  });
}
