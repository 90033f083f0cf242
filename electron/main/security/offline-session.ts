// Applies the offline posture to a session: every request that is not the app's own is
// cancelled, every permission refused, no spellchecker downloads, no downloads at all.
// Takes the session as a parameter (type-only import), so tests can pass a fake.
import type { Session } from "electron";
import { APP_ORIGIN } from "../../web-policy/app-origin.js";
import { denyDevicePermission, denyPermissionCheck, denyPermissionRequest } from "./permissions.js";
import { isAllowedWebRequest, type WebRequestPolicyOptions } from "./web-request-policy.js";

/** Where Chromium would fetch Hunspell dictionaries from: a path on our own origin that serves
 *  nothing (the protocol refuses "."-prefixed segments), so no download can reach a network. */
export const SPELLCHECK_DICTIONARY_URL = `${APP_ORIGIN}/.no-dictionaries/`;

export type SessionPolicyTarget = Pick<
  Session,
  | "setPermissionRequestHandler"
  | "setPermissionCheckHandler"
  | "setDevicePermissionHandler"
  | "setDisplayMediaRequestHandler"
  | "setSpellCheckerEnabled"
  | "setSpellCheckerDictionaryDownloadURL"
  | "on"
> & { webRequest: Pick<Session["webRequest"], "onBeforeRequest"> };

export function applyOfflineSessionPolicies(session: SessionPolicyTarget, options: WebRequestPolicyOptions): void {
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedWebRequest(details.url, options) });
  });
  session.setPermissionRequestHandler(denyPermissionRequest);
  session.setPermissionCheckHandler(denyPermissionCheck);
  session.setDevicePermissionHandler(denyDevicePermission);
  session.setDisplayMediaRequestHandler((_request, callback) => callback(null));
  session.setSpellCheckerEnabled(false);
  session.setSpellCheckerDictionaryDownloadURL(SPELLCHECK_DICTIONARY_URL);
  // Files leave the app only through the API (a save dialog in main), never as a page download.
  session.on("will-download", (event) => event.preventDefault());
}
