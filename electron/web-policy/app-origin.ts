// The app's own origin. The UI is served from app://counterseal/ and from nowhere else: a fixed
// host gives the page a real, stable origin (storage, 'self' in the CSP) without touching file://.
// Shared by the Electron shell and the loopback test host, so it names no Electron type.
export const APP_SCHEME = "app";
export const APP_HOST = "counterseal";
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

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
