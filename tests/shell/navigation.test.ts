import { EventEmitter } from "node:events";
import { describe, expect, it, vi } from "vitest";
import { hardenWebContents, type HardenableContents } from "../../electron/main/security/harden-web-contents.js";
import { denyWindowOpen, refuse } from "../../electron/main/security/navigation.js";

describe("navigation policy", () => {
  it("prevents the event it is given", () => {
    const event = { preventDefault: vi.fn() };
    refuse(event);
    expect(event.preventDefault).toHaveBeenCalledOnce();
  });

  it("denies every window.open", () => {
    expect(denyWindowOpen()).toEqual({ action: "deny" });
  });
});

describe("hardenWebContents", () => {
  function fakeContents() {
    const emitter = new EventEmitter();
    const setWindowOpenHandler = vi.fn();
    const contents = { on: emitter.on.bind(emitter), setWindowOpenHandler } as unknown as HardenableContents;
    return { emitter, contents, setWindowOpenHandler };
  }

  it("denies new windows", () => {
    const { contents, setWindowOpenHandler } = fakeContents();
    hardenWebContents(contents);
    const handler = setWindowOpenHandler.mock.calls[0]?.[0] as (() => unknown) | undefined;
    expect(handler?.()).toEqual({ action: "deny" });
  });

  it("prevents navigation, frame navigation, redirects and webview attachment", () => {
    const { emitter, contents } = fakeContents();
    hardenWebContents(contents);
    for (const name of ["will-navigate", "will-frame-navigate", "will-redirect", "will-attach-webview"]) {
      const event = { preventDefault: vi.fn() };
      emitter.emit(name, event, "https://example.com/");
      expect(event.preventDefault, name).toHaveBeenCalledOnce();
    }
  });
});
