// Suspend and screen lock close the store in main (not only the page), with a fake powerMonitor.
import { EventEmitter } from "node:events";
import { describe, expect, it } from "vitest";
import { LOCKING_POWER_EVENTS, lockOnPowerEvents } from "../../electron/main/power-lock.js";
import { createApiHandlers } from "../../electron/api/handlers/index.js";
import type { MenuAction } from "../../shared/api/bridge.js";
import { TEST_PASSPHRASE } from "../helpers/passphrases.js";
import { testRuntime } from "../helpers/runtime.js";
import { tempFolder } from "../helpers/temp.js";
import { join } from "node:path";

describe("lockOnPowerEvents", () => {
  it("listens for suspend and lock-screen", () => {
    expect(LOCKING_POWER_EVENTS).toEqual(["suspend", "lock-screen"]);
  });

  it.each(LOCKING_POWER_EVENTS)("on %s closes the real store of the API table and tells the page to lock", async (event) => {
    const table = createApiHandlers({ storeDir: join(tempFolder("counterseal-power-"), "store"), runtime: testRuntime() });
    await table.createStore({ reviewerName: "R", office: "O", passphrase: TEST_PASSPHRASE });
    expect(await table.getStoreStatus({})).toMatchObject({ state: "unlocked" });
    const power = new EventEmitter();
    const told: MenuAction[] = [];
    lockOnPowerEvents(power, { closeStore: () => table.close(), tellPage: (action) => told.push(action) });

    power.emit(event);
    expect(await table.getStoreStatus({})).toMatchObject({ state: "locked" });
    await expect(table.listKeyring({})).rejects.toMatchObject({ code: "locked" });
    expect(told).toEqual(["lock"]);
  });

  it("ignores other power events, tells the page even if closing fails, and can be unwired", () => {
    const power = new EventEmitter();
    const calls: string[] = [];
    const unwire = lockOnPowerEvents(power, {
      closeStore: () => {
        calls.push("close");
        throw new Error("disk gone");
      },
      tellPage: (action) => calls.push(action),
    });
    power.emit("resume");
    power.emit("unlock-screen");
    expect(calls).toEqual([]);
    expect(() => power.emit("suspend")).toThrow("disk gone");
    expect(calls).toEqual(["close", "lock"]);
    unwire();
    power.emit("lock-screen");
    expect(calls).toEqual(["close", "lock"]);
    expect(power.listenerCount("suspend") + power.listenerCount("lock-screen")).toBe(0);
  });
});
