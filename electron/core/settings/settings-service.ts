// The reviewer's settings, with the defaults a new store starts from.
import type { Settings } from "../../../shared/api/store.js";
import type { Session } from "../session/session.js";

export const DEFAULT_SETTINGS: Readonly<Settings> = { idleLockMinutes: 10, locale: "en-GB" };

export function getSettings(session: Session): Settings {
  const stored = session.store.settings.all();
  return {
    idleLockMinutes: typeof stored["idleLockMinutes"] === "number" ? stored["idleLockMinutes"] : DEFAULT_SETTINGS.idleLockMinutes,
    locale: typeof stored["locale"] === "string" ? stored["locale"] : DEFAULT_SETTINGS.locale,
  };
}

/** `changes` has been checked against the API schema (ranges, lengths). */
export function updateSettings(session: Session, changes: { [K in keyof Settings]?: Settings[K] | undefined }): Settings {
  const defined = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)) as Record<string, string | number>;
  if (Object.keys(defined).length > 0) session.store.settings.update(session.actor, defined);
  return getSettings(session);
}
