import { describe, expect, it, vi } from "vitest";
import { apiMethods } from "../../shared/api/contract.js";
import { createApiFunctions } from "../../electron/preload/api-functions.js";
import { API_CHANNEL_PREFIX, CHOOSE_IMPORT_CHANNEL, MENU_CHANNEL, REGISTER_DROP_CHANNEL, apiChannel, isMenuAction, menuActions } from "../../shared/api/bridge.js";

describe("createApiFunctions", () => {
  it("has exactly one function per contract method", () => {
    const api = createApiFunctions(vi.fn());
    expect(Object.keys(api).sort()).toEqual([...apiMethods].sort());
    for (const method of apiMethods) expect(typeof api[method]).toBe("function");
    expect(Object.isFrozen(api)).toBe(true);
  });

  it("invokes the method's own channel with the arguments and returns main's answer", async () => {
    const invoke = vi.fn(async () => ({ ok: true, value: null }));
    const api = createApiFunctions(invoke);
    await expect(api.lock({})).resolves.toEqual({ ok: true, value: null });
    expect(invoke).toHaveBeenCalledExactlyOnceWith("counterseal:lock", {});
    await api.unlock({ passphrase: "p" });
    expect(invoke).toHaveBeenLastCalledWith("counterseal:unlock", { passphrase: "p" });
  });
});

describe("bridge constants", () => {
  it("names channels under counterseal:", () => {
    expect(API_CHANNEL_PREFIX).toBe("counterseal:");
    expect(MENU_CHANNEL).toBe("counterseal:menu");
    expect(apiChannel("getStoreStatus")).toBe("counterseal:getStoreStatus");
    // The menu and file channels must never collide with an API method's channel.
    for (const channel of [MENU_CHANNEL, CHOOSE_IMPORT_CHANNEL, REGISTER_DROP_CHANNEL]) expect(apiMethods.map(apiChannel)).not.toContain(channel);
    expect(new Set([MENU_CHANNEL, CHOOSE_IMPORT_CHANNEL, REGISTER_DROP_CHANNEL]).size).toBe(3);
  });

  it("recognises menu actions and nothing else", () => {
    for (const action of menuActions) expect(isMenuAction(action)).toBe(true);
    for (const value of ["", "quit", "toString", 1, null, undefined, { action: "lock" }]) expect(isMenuAction(value)).toBe(false);
  });
});
