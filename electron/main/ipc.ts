// One ipcMain.handle per contract method. The sender is checked before anything is parsed;
// an untrusted sender gets "forbidden" and the dispatcher never runs.
import type { IpcMain, IpcMainInvokeEvent } from "electron";
import { apiMethods } from "../../shared/api/contract.js";
import { fail, type ApiResult } from "../../shared/api/result.js";
import type { Dispatcher } from "../api/dispatch.js";
import { apiChannel } from "../../shared/api/bridge.js";
import type { IpcSenderFacts } from "./security/ipc-sender.js";

export type IpcHandleTarget = Pick<IpcMain, "handle">;
export type SenderCheck = (event: IpcMainInvokeEvent) => boolean;

export const FORBIDDEN_MESSAGE = "This request did not come from the Counterseal window and was refused.";

export function registerApi(ipcMain: IpcHandleTarget, dispatcher: Dispatcher, isTrusted: SenderCheck): void {
  for (const method of apiMethods) {
    ipcMain.handle(apiChannel(method), (event, args: unknown): Promise<ApiResult<unknown>> => {
      if (!isTrusted(event)) return Promise.resolve(fail("forbidden", FORBIDDEN_MESSAGE));
      return dispatcher.dispatch(method, args);
    });
  }
}

/** The plain facts isTrustedSender needs, read defensively: senderFrame is null, or throws,
 *  once the frame has navigated away or been destroyed. */
export function senderFacts(event: Pick<IpcMainInvokeEvent, "sender" | "senderFrame">): IpcSenderFacts {
  let frame: IpcSenderFacts["frame"] = null;
  try {
    const senderFrame = event.senderFrame;
    if (senderFrame !== null) frame = { url: senderFrame.url, isTopFrame: senderFrame.parent === null };
  } catch {
    frame = null;
  }
  return { webContentsId: event.sender.id, frame };
}
