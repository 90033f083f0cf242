// Locking with feedback: the live region says why, and a core failure is reported but never
// keeps case data on screen.
import { i18next } from "../i18n/index.js";
import { announce } from "../store/announcer.js";
import { useSession, type LockReason } from "../store/session.js";
import { useSettings } from "../store/settings.js";

export async function lockNow(reason: LockReason): Promise<void> {
  if (useSession.getState().phase !== "unlocked") return;
  const failure = await useSession.getState().lock(reason);
  const t = i18next.t;
  if (failure) announce(t("nav.lockFailed", { message: failure.message }), "assertive");
  else if (reason === "idle") announce(t("nav.lockedIdle", { minutes: useSettings.getState().settings.idleLockMinutes }));
  else announce(t("nav.locked"));
}
