// Who may talk to the test host. Loopback alone is not enough: any local process, and any page in
// any local browser, can reach 127.0.0.1. So every request must carry the per-run token, which
// the host hands out once (from the URL it prints) as an HttpOnly SameSite=Strict cookie, and
// requests that change state must also come from the host's own origin.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";

export const newToken = (): string => randomBytes(32).toString("base64url");

// Cookies ignore ports: every server on 127.0.0.1 shares one cookie jar. The port in the name
// keeps two hosts (two test files, or a preview beside a test run) from overwriting each other,
// and a random run id keeps a later run on the same port from meeting an earlier run's cookie:
// each run's cookie is its own, and one left in the jar is simply never asked for again.
export const newRunId = (): string => randomBytes(6).toString("hex");

export const cookieName = (port: number, runId: string): string => `counterseal-host-${port}-${runId}`;

export function sessionCookie(name: string, token: string): string {
  return `${name}=${token}; Path=/; HttpOnly; SameSite=Strict`;
}

/** Compares in constant time: hashing first gives both sides the same length. */
export function tokenMatches(candidate: string, token: string): boolean {
  const digest = (text: string): Buffer => createHash("sha256").update(text).digest();
  return timingSafeEqual(digest(candidate), digest(token));
}

/** Every value the Cookie header gives `name` (a jar may hold several, for different paths). */
function cookieValues(header: string | undefined, name: string): string[] {
  if (header === undefined) return [];
  const values: string[] = [];
  for (const pair of header.split(";")) {
    const at = pair.indexOf("=");
    if (at > 0 && pair.slice(0, at).trim() === name) values.push(pair.slice(at + 1).trim());
  }
  return values;
}

export function hasSessionCookie(request: IncomingMessage, name: string, token: string): boolean {
  // Evaluate every candidate, so the answer's timing does not depend on which one matched.
  return cookieValues(request.headers.cookie, name).reduce((found, value) => tokenMatches(value, token) || found, false);
}

/** DNS rebinding sends a foreign name to our address; only the address we print is ours. */
export const hostHeaderIsOurs = (request: IncomingMessage, port: number): boolean => request.headers.host === `127.0.0.1:${port}`;

/**
 * Browsers label each request with where it came from. "none" is the person typing or pasting the
 * URL; "same-site" would be a page on another port of 127.0.0.1 (ports do not make sites), which
 * gets the SameSite cookie too — so it is refused like any other page. Absent: not a browser.
 */
export function fetchSiteAllowed(request: IncomingMessage): boolean {
  const site = request.headers["sec-fetch-site"];
  return site === undefined || site === "same-origin" || site === "none";
}

/** For requests that act (API calls, uploads): the browser must say they come from our own page.
 *  Browsers always send Origin on POST, so a missing Origin is refused rather than trusted. */
export function isSameOriginWrite(request: IncomingMessage, origin: string): boolean {
  const site = request.headers["sec-fetch-site"];
  return request.headers.origin === origin && (site === undefined || site === "same-origin");
}
