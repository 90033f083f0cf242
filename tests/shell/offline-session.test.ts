import { describe, expect, it, vi } from "vitest";
import { SPELLCHECK_DICTIONARY_URL, applyOfflineSessionPolicies, type SessionPolicyTarget } from "../../electron/main/security/offline-session.js";
import { isAllowedWebRequest } from "../../electron/main/security/web-request-policy.js";

type Listener = (...args: unknown[]) => void;

function fakeSession() {
  const handlers: Record<string, Listener> = {};
  const record = (name: string) => vi.fn((handler: Listener) => void (handlers[name] = handler));
  const session = {
    webRequest: { onBeforeRequest: record("onBeforeRequest") },
    setPermissionRequestHandler: record("permissionRequest"),
    setPermissionCheckHandler: record("permissionCheck"),
    setDevicePermissionHandler: record("devicePermission"),
    setDisplayMediaRequestHandler: record("displayMedia"),
    setSpellCheckerEnabled: vi.fn(),
    setSpellCheckerDictionaryDownloadURL: vi.fn(),
    on: vi.fn((name: string, handler: Listener) => void (handlers[name] = handler)),
  };
  return { session, handlers };
}

describe("applyOfflineSessionPolicies", () => {
  const apply = (allowDevTools = false) => {
    const fake = fakeSession();
    applyOfflineSessionPolicies(fake.session as unknown as SessionPolicyTarget, { allowDevTools });
    return fake;
  };

  it("cancels every request that is not the app's own", () => {
    const { handlers } = apply();
    const decide = (url: string) => {
      const callback = vi.fn();
      handlers["onBeforeRequest"]?.({ url }, callback);
      return callback.mock.calls[0]?.[0] as { cancel: boolean };
    };
    expect(decide("https://example.com/")).toEqual({ cancel: true });
    expect(decide("file:///etc/passwd")).toEqual({ cancel: true });
    expect(decide("ws://127.0.0.1:9222/")).toEqual({ cancel: true });
    expect(decide("devtools://devtools/bundled/devtools_app.html")).toEqual({ cancel: true });
    expect(decide("app://counterseal/index.html")).toEqual({ cancel: false });
  });

  it("passes the DevTools allowance to the request policy", () => {
    const decide = (allowDevTools: boolean) => {
      const callback = vi.fn();
      apply(allowDevTools).handlers["onBeforeRequest"]?.({ url: "devtools://devtools/bundled/x.html" }, callback);
      return callback.mock.calls[0]?.[0] as { cancel: boolean };
    };
    expect(decide(true)).toEqual({ cancel: false });
    expect(decide(false)).toEqual({ cancel: true });
  });

  it("refuses permissions, devices and screen capture", () => {
    const { handlers } = apply();
    for (const permission of ["media", "geolocation", "notifications", "clipboard-read", "fullscreen", "openExternal", "hid", "serial", "unknown"]) {
      const granted = vi.fn();
      handlers["permissionRequest"]?.({}, permission, granted);
      expect(granted, permission).toHaveBeenCalledExactlyOnceWith(false);
      expect(handlers["permissionCheck"]?.({}, permission, "app://counterseal", {}), permission).toBe(false);
    }
    expect(handlers["devicePermission"]?.({ deviceType: "usb" })).toBe(false);
    const streams = vi.fn();
    handlers["displayMedia"]?.({}, streams);
    expect(streams).toHaveBeenCalledWith(null);
  });

  it("turns the spellchecker off and points its downloads at nothing", () => {
    const { session } = apply();
    expect(session.setSpellCheckerEnabled).toHaveBeenCalledWith(false);
    expect(session.setSpellCheckerDictionaryDownloadURL).toHaveBeenCalledWith(SPELLCHECK_DICTIONARY_URL);
    expect(SPELLCHECK_DICTIONARY_URL).toBe("app://counterseal/.no-dictionaries/");
    expect(isAllowedWebRequest(SPELLCHECK_DICTIONARY_URL)).toBe(true);
  });

  it("prevents page downloads", () => {
    const { handlers } = apply();
    const event = { preventDefault: vi.fn() };
    handlers["will-download"]?.(event);
    expect(event.preventDefault).toHaveBeenCalledOnce();
  });
});
