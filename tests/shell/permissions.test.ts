import { describe, expect, it, vi } from "vitest";
import { denyDevicePermission, denyPermissionCheck, denyPermissionRequest } from "../../electron/main/security/permissions.js";

describe("permission handlers", () => {
  it("refuses every permission request", () => {
    for (const permission of ["media", "geolocation", "notifications", "clipboard-read", "fullscreen", "openExternal", "hid", "serial", "unknown"]) {
      const callback = vi.fn();
      denyPermissionRequest({}, permission, callback);
      expect(callback).toHaveBeenCalledExactlyOnceWith(false);
    }
  });

  it("answers every permission check and device request with false", () => {
    expect(denyPermissionCheck()).toBe(false);
    expect(denyDevicePermission()).toBe(false);
  });
});
