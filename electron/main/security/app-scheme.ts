// The app:// scheme as Electron must register it before `ready`.
import type { CustomScheme } from "electron";
import { APP_SCHEME } from "../../web-policy/app-origin.js";

/** Registered before `ready`. standard: parsed like https (relative URLs, origin, storage).
 *  secure: a secure context. supportFetchAPI: pdf.js fetches its worker assets.
 *  Deliberately absent: bypassCSP, corsEnabled (would make the scheme readable cross-origin),
 *  allowServiceWorkers, stream. */
export const appSchemePrivileges: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
};
