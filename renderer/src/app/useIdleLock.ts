// Locks after the reviewer's idle time (settings, default 10 minutes) without keyboard or pointer
// activity. Activity is recorded cheaply; a slow interval compares it with the deadline.
import { useEffect } from "react";
import { useSession } from "../store/session.js";
import { useSettings } from "../store/settings.js";
import { ACTIVITY_THROTTLE_MS, IDLE_CHECK_MS, isIdle } from "./idle.js";
import { lockNow } from "./lock-now.js";

export function useIdleLock(): void {
  const unlocked = useSession((state) => state.phase === "unlocked");
  const minutes = useSettings((state) => state.settings.idleLockMinutes);

  useEffect(() => {
    if (!unlocked) return;
    let last = Date.now();
    const onActivity = () => {
      const now = Date.now();
      if (now - last >= ACTIVITY_THROTTLE_MS) last = now;
    };
    const events = ["keydown", "pointerdown", "pointermove", "wheel", "touchstart"] as const;
    for (const name of events) window.addEventListener(name, onActivity, { passive: true, capture: true });
    const timer = window.setInterval(() => {
      if (isIdle(last, Date.now(), minutes)) void lockNow("idle");
    }, IDLE_CHECK_MS);
    return () => {
      for (const name of events) window.removeEventListener(name, onActivity, { capture: true });
      window.clearInterval(timer);
    };
  }, [unlocked, minutes]);
}
