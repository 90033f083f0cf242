// Locking in main when the computer suspends, its screen locks, or it has been idle past the
// reviewer's idle timeout: the store closes in this process, not only the page's view of it, so
// a laptop taken while asleep, at the lock screen or left alone holds no unlocked store. The
// page is told as well ("lock", as the menu's Lock does), so it shows the unlock screen at once.
// The page's own idle timer (useIdleLock) counts activity in the app's window and locks through
// the same API; main's counts the whole system's input (powerMonitor.getSystemIdleTime), a
// backstop that holds even if the page stopped counting.
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

/** Closes the store first (whatever happens to the page, it is closed), then tells the page. */
function lockStoreAndPage(targets: PowerLockTargets): void {
  try {
    targets.closeStore();
  } finally {
    targets.tellPage("lock");
  }
}

/** Wires the events; returns the function that unwires them. */
export function lockOnPowerEvents(power: PowerEvents, targets: PowerLockTargets): () => void {
  const lock = (): void => lockStoreAndPage(targets);
  for (const event of LOCKING_POWER_EVENTS) power.on(event, lock);
  return () => {
    for (const event of LOCKING_POWER_EVENTS) power.removeListener(event, lock);
  };
}

/** The part of Electron's powerMonitor the idle check needs: seconds since the last input anywhere. */
export interface SystemIdle {
  getSystemIdleTime(): number;
}

export interface IdleLockOptions extends PowerLockTargets {
  /** The idle timeout in minutes while the store is unlocked (the settings'), or null when locked. */
  idleLockMinutes: () => Promise<number | null>;
  /** Runs `check` every `ms`; returns the function that stops it. setInterval by default. */
  every?: (check: () => void, ms: number) => () => void;
}

export const IDLE_CHECK_MS = 30_000;

const everyInterval = (check: () => void, ms: number): (() => void) => {
  const timer = setInterval(check, ms);
  timer.unref();
  return () => clearInterval(timer);
};

/** Locks when the system has been idle for the unlocked store's idle timeout; returns the stop function. */
export function lockWhenSystemIdle(power: SystemIdle, options: IdleLockOptions): () => void {
  const check = async (): Promise<void> => {
    const minutes = await options.idleLockMinutes();
    if (minutes !== null && power.getSystemIdleTime() >= minutes * 60) lockStoreAndPage(options);
  };
  return (options.every ?? everyInterval)(() => void check(), IDLE_CHECK_MS);
}
