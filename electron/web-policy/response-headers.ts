// Headers on every app:// response, errors included: the CSP travels with the document, and the
// rest stop content sniffing, referrers and cross-origin embedding.
import { contentSecurityPolicy } from "./content-security-policy.js";

export function appResponseHeaders(contentType?: string): Record<string, string> {
  return {
    ...(contentType === undefined ? {} : { "Content-Type": contentType }),
    "Content-Security-Policy": contentSecurityPolicy(),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    // The build folder only changes with the app; a stale cache after an upgrade is worse than a re-read.
    "Cache-Control": "no-store",
  };
}
