// Locking in main when the computer suspends or its screen locks: the store closes in this
// process, not only the page's view of it, so a laptop taken while asleep or at the lock screen
// holds no unlocked store. The page is told as well ("lock", as the menu's Lock does), so it
// shows the unlock screen at once. The idle timeout stays the renderer's (useIdleLock), which
// locks through the same API.
import type { MenuAction } from "../../shared/api/bridge.js";

/** Electron's powerMonitor events that end an unlocked session. */
export const LOCKING_POWER_EVENTS = ["suspend", "lock-screen"] as const;
export type LockingPowerEvent = (typeof LOCKING_POWER_EVENTS)[number];

/** The part of Electron's powerMonitor this needs (an EventEmitter). */
export interface PowerEvents {
  on(event: LockingPowerEvent, listener: () => void): unknown;
  removeListener(event: LockingPowerEvent, listener: () => void): unknown;
}

export interface PowerLockTargets {
  /** Closes the store: the API table's close (the session state's lock). */
  closeStore: () => void;
  /** Tells the page, e.g. by sending the "lock" menu action to the window. */
  tellPage: (action: MenuAction) => void;
}

/** Wires the events; returns the function that unwires them. */
export function lockOnPowerEvents(power: PowerEvents, targets: PowerLockTargets): () => void {
  const lock = (): void => {
    // The store first: whatever happens to the page, the store is closed.
    try {
      targets.closeStore();
    } finally {
      targets.tellPage("lock");
    }
  };
  for (const event of LOCKING_POWER_EVENTS) power.on(event, lock);
  return () => {
    for (const event of LOCKING_POWER_EVENTS) power.removeListener(event, lock);
  };
}
