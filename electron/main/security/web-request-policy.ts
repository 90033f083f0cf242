// Which requests the session lets through. The app must not reach a network even when one is
// there, so everything that is not the app's own origin is cancelled: http(s), ws(s), ftp, file.
import { isAppOriginUrl } from "../../web-policy/app-origin.js";

export interface WebRequestPolicyOptions {
  /** Development builds may load the DevTools front end (devtools://). */
  allowDevTools: boolean;
}

// blob: and data: URLs are resolved inside the page from memory; they never leave the machine.
const IN_PAGE_SCHEMES = new Set(["blob:", "data:"]);

export function isAllowedWebRequest(url: string, options: WebRequestPolicyOptions = { allowDevTools: false }): boolean {
  if (isAppOriginUrl(url)) return true;
  let protocol: string;
  try {
    protocol = new URL(url).protocol;
  } catch {
    return false;
  }
  if (IN_PAGE_SCHEMES.has(protocol)) return true;
  return options.allowDevTools && protocol === "devtools:";
}
