import { describe, expect, it } from "vitest";
import { isTrustedSender, type IpcSenderFacts } from "../../electron/main/security/ipc-sender.js";
import { senderFacts } from "../../electron/main/ipc.js";

const fromApp = (overrides: Partial<IpcSenderFacts> = {}): IpcSenderFacts => ({
  webContentsId: 7,
  frame: { url: "app://counterseal/index.html#/review", isTopFrame: true },
  ...overrides,
});

describe("isTrustedSender", () => {
  it("trusts the main window's top frame on the app origin", () => {
    expect(isTrustedSender(fromApp(), 7)).toBe(true);
  });

  it("refuses other windows, and everything before the window exists", () => {
    expect(isTrustedSender(fromApp({ webContentsId: 8 }), 7)).toBe(false);
    expect(isTrustedSender(fromApp(), undefined)).toBe(false);
  });

  it("refuses sub-frames and vanished frames", () => {
    expect(isTrustedSender(fromApp({ frame: { url: "app://counterseal/index.html", isTopFrame: false } }), 7)).toBe(false);
    expect(isTrustedSender(fromApp({ frame: null }), 7)).toBe(false);
  });

  it("refuses frames showing anything but the app origin", () => {
    for (const url of ["https://counterseal/", "app://other/index.html", "app://counterseal:1/", "file:///index.html", "about:blank", "devtools://devtools/", "data:text/html,x", ""]) {
      expect(isTrustedSender(fromApp({ frame: { url, isTopFrame: true } }), 7), url).toBe(false);
    }
  });
});

describe("senderFacts", () => {
  it("reads the sender's id, URL and whether it is the top frame", () => {
    const event = { sender: { id: 3 }, senderFrame: { url: "app://counterseal/", parent: null } };
    expect(senderFacts(event as never)).toEqual({ webContentsId: 3, frame: { url: "app://counterseal/", isTopFrame: true } });
    const child = { sender: { id: 3 }, senderFrame: { url: "app://counterseal/", parent: {} } };
    expect(senderFacts(child as never).frame?.isTopFrame).toBe(false);
  });

  it("treats a missing or destroyed frame as no frame", () => {
    expect(senderFacts({ sender: { id: 3 }, senderFrame: null } as never).frame).toBeNull();
    const destroyed = {
      sender: { id: 3 },
      get senderFrame(): never {
        throw new Error("Render frame was disposed");
      },
    };
    expect(senderFacts(destroyed as never).frame).toBeNull();
  });
});
