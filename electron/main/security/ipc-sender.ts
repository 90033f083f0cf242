// IPC is answered only for the app's own window, its top frame, showing the app's own origin.
// Fiddle's check, made a pure function of plain facts so it can be tested without Electron.
import { isAppOriginUrl } from "../../web-policy/app-origin.js";

export interface IpcSenderFacts {
  webContentsId: number;
  /** null when the sending frame is gone (navigated away or destroyed). */
  frame: { url: string; isTopFrame: boolean } | null;
}

export function isTrustedSender(sender: IpcSenderFacts, mainWebContentsId: number | undefined): boolean {
  if (mainWebContentsId === undefined || sender.webContentsId !== mainWebContentsId) return false;
  if (sender.frame === null || !sender.frame.isTopFrame) return false;
  return isAppOriginUrl(sender.frame.url);
}
