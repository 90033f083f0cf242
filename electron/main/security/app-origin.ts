// The app's own origin. The UI is served from app://counterseal/ and from nowhere else: a fixed
// host gives the page a real, stable origin (storage, 'self' in the CSP) without touching file://.
import type { CustomScheme } from "electron";

export const APP_SCHEME = "app";
export const APP_HOST = "counterseal";
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** Registered before `ready`. standard: parsed like https (relative URLs, origin, storage).
 *  secure: a secure context. supportFetchAPI: pdf.js fetches its worker assets.
 *  Deliberately absent: bypassCSP, corsEnabled (would make the scheme readable cross-origin),
 *  allowServiceWorkers, stream. */
export const appSchemePrivileges: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
};

/** True for a URL on the app's own origin: scheme app:, host counterseal, no port or credentials. */
export function isAppOriginUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  // Node parses app: as a non-special scheme, so `origin` is "null": compare the parts instead.
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.hostname === APP_HOST &&
    parsed.port === "" &&
    parsed.username === "" &&
    parsed.password === ""
  );
}
