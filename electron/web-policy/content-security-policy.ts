// The page's Content-Security-Policy, sent as a header on every app:// response (a header, not a
// <meta>, because frame-ancestors is ignored in <meta>). Scripts only from the app; no inline
// script or style, no eval, nothing remote.
const directives: ReadonlyArray<readonly [string, readonly string[]]> = [
  ["default-src", ["'none'"]],
  ["script-src", ["'self'"]],
  // React's `style` prop writes through the CSSOM, which CSP does not govern, and Vite emits CSS as
  // files; so 'unsafe-inline' is not needed for styles.
  ["style-src", ["'self'"]],
  // blob: and data: are in-page images (rendered PDF pages, icons), never a network fetch.
  ["img-src", ["'self'", "blob:", "data:"]],
  ["font-src", ["'self'"]],
  ["connect-src", ["'self'"]],
  // pdf.js runs its parser in a worker loaded from the app's own file (renderer pdf.ts). It builds
  // a blob: wrapper only for a worker on another origin, which ours never is, so no blob: here:
  // a worker can only be code the app shipped (tests/e2e/review-flow.test.ts renders a PDF so).
  ["worker-src", ["'self'"]],
  ["object-src", ["'none'"]],
  ["base-uri", ["'none'"]],
  ["form-action", ["'none'"]],
  ["frame-ancestors", ["'none'"]],
];

export function contentSecurityPolicy(): string {
  return directives.map(([name, sources]) => `${name} ${sources.join(" ")}`).join("; ");
}
