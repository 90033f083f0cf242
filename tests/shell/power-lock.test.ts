// Suspend and screen lock close the store in main (not only the page), with a fake powerMonitor.
import { EventEmitter } from "node:events";
import { describe, expect, it } from "vitest";
import { IDLE_CHECK_MS, LOCKING_POWER_EVENTS, lockOnPowerEvents, lockWhenSystemIdle } from "../../electron/main/power-lock.js";
import { createApiHandlers } from "../../electron/api/handlers/index.js";
import type { MenuAction } from "../../shared/api/bridge.js";
import { TEST_PASSPHRASE } from "../helpers/passphrases.js";
import { testRuntime } from "../helpers/runtime.js";
import { tempFolder } from "../helpers/temp.js";
import { noSaving } from "../api/doors.js";
import { join } from "node:path";

describe("lockOnPowerEvents", () => {
  it("listens for suspend and lock-screen", () => {
    expect(LOCKING_POWER_EVENTS).toEqual(["suspend", "lock-screen"]);
  });

  it.each(LOCKING_POWER_EVENTS)("on %s closes the real store of the API table and tells the page to lock", async (event) => {
    const table = createApiHandlers({ storeDir: join(tempFolder("counterseal-power-"), "store"), files: noSaving, runtime: testRuntime() });
    await table.createStore({ reviewerName: "R", office: "O", passphrase: TEST_PASSPHRASE });
    expect(await table.getStoreStatus({})).toMatchObject({ state: "unlocked" });
    const power = new EventEmitter();
    const told: MenuAction[] = [];
    lockOnPowerEvents(power, { closeStore: () => table.close(), tellPage: (action) => told.push(action) });

    power.emit(event);
    expect(await table.getStoreStatus({})).toMatchObject({ state: "locked" });
    expect(() => table.listKeyring({})).toThrow(expect.objectContaining({ code: "locked" }));
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

describe("lockWhenSystemIdle", () => {
  /** A clock for the check: `tick()` runs it as the interval would, and waits for it. */
  function manualEvery() {
    let check: (() => void) | undefined;
    let stopped = false;
    return {
      every: (run: () => void, ms: number) => {
        expect(ms).toBe(IDLE_CHECK_MS);
        check = run;
        return () => {
          stopped = true;
        };
      },
      tick: async () => {
        check?.();
        await new Promise((resolve) => setImmediate(resolve));
      },
      stopped: () => stopped,
    };
  }

  it("closes the real store once the system has been idle for the idle timeout, not before", async () => {
    const table = createApiHandlers({ storeDir: join(tempFolder("counterseal-idle-"), "store"), files: noSaving, runtime: testRuntime() });
    await table.createStore({ reviewerName: "R", office: "O", passphrase: TEST_PASSPHRASE });
    await table.updateSettings({ idleLockMinutes: 5 });
    let idleSeconds = 0;
    const told: MenuAction[] = [];
    const clock = manualEvery();
    const stop = lockWhenSystemIdle(
      { getSystemIdleTime: () => idleSeconds },
      {
        closeStore: () => table.close(),
        tellPage: (action) => told.push(action),
        idleLockMinutes: async () => ((await table.getStoreStatus({})).state === "unlocked" ? (await table.getSettings({})).idleLockMinutes : null),
        every: clock.every,
      },
    );

    idleSeconds = 5 * 60 - 1;
    await clock.tick();
    expect(await table.getStoreStatus({})).toMatchObject({ state: "unlocked" });
    idleSeconds = 5 * 60;
    await clock.tick();
    expect(await table.getStoreStatus({})).toMatchObject({ state: "locked" });
    expect(told).toEqual(["lock"]);
    // Locked: nothing more to do however long the system stays idle.
    idleSeconds = 60 * 60;
    await clock.tick();
    expect(told).toEqual(["lock"]);
    stop();
    expect(clock.stopped()).toBe(true);
  });
});
