// Idle lock arithmetic. The hook records activity times; this decides when the deadline passed.

export const DEFAULT_IDLE_MINUTES = 10;
/** How often the hook checks; small enough to lock within a few seconds of the deadline. */
export const IDLE_CHECK_MS = 5_000;
/** Pointer moves are frequent: count at most one per this many milliseconds. */
export const ACTIVITY_THROTTLE_MS = 1_000;

export const idleDeadline = (lastActivity: number, minutes: number): number => lastActivity + Math.max(1, minutes) * 60_000;

export const isIdle = (lastActivity: number, now: number, minutes: number): boolean => now >= idleDeadline(lastActivity, minutes);
