// The renderer's files, served under the app's own rules: the pure resolveAppRequest decides
// (GET only, no traversal, no hidden files, known types only), then the same file-system checks
// as the app:// handler (realpath stays inside the build folder, regular files only). HTML pages
// get the bridge shim as their first script, so `window.counterseal` exists before the app runs.
import { readFile, realpath, stat } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import { APP_ORIGIN } from "../web-policy/app-origin.js";
import { isInsideDirectory, resolveAppRequest } from "../web-policy/app-request.js";
import { refuseText, send } from "./http-respond.js";

export const BRIDGE_SCRIPT_PATH = "/__host/bridge.js";
const BRIDGE_TAG = `<script src="${BRIDGE_SCRIPT_PATH}"></script>`;

const REFUSALS: Readonly<Record<number, string>> = {
  400: "Bad request.",
  403: "Forbidden.",
  404: "Not found.",
  405: "Only GET is allowed here.",
};

/** Puts the shim right after <head>: before any script the page has, classic or module. */
export function injectBridgeTag(html: string): string | undefined {
  const head = html.match(/<head(?:\s[^>]*)?>/i);
  if (head?.index === undefined) return undefined;
  const at = head.index + head[0].length;
  return `${html.slice(0, at)}${BRIDGE_TAG}${html.slice(at)}`;
}

export async function serveStatic(request: IncomingMessage, response: ServerResponse, rendererDir: string, rawUrl: string): Promise<void> {
  // Same decision as the app: the request's raw path is read as if it were app://counterseal<path>.
  const decision = resolveAppRequest(request.method ?? "", `${APP_ORIGIN}${rawUrl}`, rendererDir);
  if (decision.status !== 200) {
    refuseText(response, decision.status, REFUSALS[decision.status] ?? "Refused.", decision.status === 405 ? { Allow: "GET" } : {});
    return;
  }
  let body: Buffer;
  try {
    const [realRoot, realFile] = await Promise.all([realpath(rendererDir), realpath(decision.filePath)]);
    if (!isInsideDirectory(realRoot, realFile)) return refuseText(response, 403, "Forbidden.");
    if (!(await stat(realFile)).isFile()) return refuseText(response, 404, "Not found.");
    body = await readFile(realFile);
  } catch {
    return refuseText(response, 404, "Not found.");
  }
  if (!decision.contentType.startsWith("text/html")) return send(response, 200, decision.contentType, body);

  const injected = injectBridgeTag(body.toString("utf8"));
  // Vite always writes a <head>; a page without one was not built by it, and would run without
  // `window.counterseal` — say so rather than serve a page that fails in stranger ways.
  if (injected === undefined) return refuseText(response, 500, "This HTML page has no <head> to put the Counterseal bridge in.");
  send(response, 200, decision.contentType, injected);
}
