import { describe, expect, it, vi } from "vitest";
import { apiMethods } from "../../shared/api/contract.js";
import type { Dispatcher } from "../../electron/api/dispatch.js";
import { registerApi, type IpcHandleTarget } from "../../electron/main/ipc.js";

type Handler = (event: unknown, args: unknown) => Promise<unknown>;

function fakeIpc() {
  const handlers = new Map<string, Handler>();
  const ipcMain = { handle: vi.fn((channel: string, handler: Handler) => void handlers.set(channel, handler)) };
  return { ipcMain: ipcMain as unknown as IpcHandleTarget, handlers };
}

const dispatcher = (): Dispatcher & { dispatch: ReturnType<typeof vi.fn> } => ({
  dispatch: vi.fn(async (method: string, args: unknown) => ({ ok: true as const, value: { method, args } })),
});

describe("registerApi", () => {
  it("registers exactly one channel per contract method", () => {
    const { ipcMain, handlers } = fakeIpc();
    registerApi(ipcMain, dispatcher(), () => true);
    expect([...handlers.keys()].sort()).toEqual(apiMethods.map((method) => `counterseal:${method}`).sort());
  });

  it("passes a trusted call to the dispatcher under its own method name", async () => {
    const { ipcMain, handlers } = fakeIpc();
    const api = dispatcher();
    registerApi(ipcMain, api, () => true);
    const answer = await handlers.get("counterseal:unlock")?.({ sender: { id: 1 } }, { passphrase: "p" });
    expect(api.dispatch).toHaveBeenCalledExactlyOnceWith("unlock", { passphrase: "p" });
    expect(answer).toEqual({ ok: true, value: { method: "unlock", args: { passphrase: "p" } } });
  });

  it("answers an untrusted sender with 'forbidden' and never dispatches", async () => {
    const { ipcMain, handlers } = fakeIpc();
    const api = dispatcher();
    const isTrusted = vi.fn(() => false);
    registerApi(ipcMain, api, isTrusted);
    const event = { sender: { id: 99 } };
    const answer = await handlers.get("counterseal:lock")?.(event, {});
    expect(answer).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect(isTrusted).toHaveBeenCalledWith(event);
    expect(api.dispatch).not.toHaveBeenCalled();
  });
});
