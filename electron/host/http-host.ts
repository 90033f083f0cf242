// The e2e test host (and `npm run preview`): serves the built renderer on 127.0.0.1 and answers the
// app's API table over HTTP, so a plain browser driven by playwright-core runs the real UI against
// the real services without Electron. It is a third door onto the services, beside ipc and the CLI.
//
// Who gets in: the URL printed (`/?token=…`) sets an HttpOnly SameSite=Strict cookie and redirects
// to `/`, so the token leaves the address bar; everything else needs that cookie. See http-auth.ts.
import { mkdir } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { bridgeScript } from "./browser-bridge/build.js";
import { createDispatcher, type ApiHandlers, type Dispatcher } from "../api/dispatch.js";
import { API_PREFIX, serveApi } from "./http-api.js";
import { cookieName, fetchSiteAllowed, hasSessionCookie, hostHeaderIsOurs, isSameOriginWrite, newRunId, newToken, sessionCookie, tokenMatches } from "./http-auth.js";
import { MAX_UPLOAD_BYTES, serveUpload } from "./http-files.js";
import type { ImportFileRegistry } from "../api/import-tokens.js";
import type { ErrorCode } from "../../shared/api/errors.js";
import { refuseJson, refuseText, send } from "./http-respond.js";
import { appResponseHeaders } from "../web-policy/response-headers.js";
import { BRIDGE_SCRIPT_PATH, serveStatic } from "./http-static.js";

const LOOPBACK = "127.0.0.1";
const UPLOAD_PATH = "/__upload";
// Node's default of 5 minutes could cut a multi-gigabyte upload from a slow disk.
const REQUEST_TIMEOUT_MS = 30 * 60_000;

export interface HttpHostOptions {
  /** The renderer's build folder (index.html + assets), served like app://counterseal/. */
  rendererDir: string;
  /** The API table; its file door (createApiHandlers' `files`) decides where saves go. */
  handlers: ApiHandlers;
  /** The table's registry, so an upload is answered with a token, never a path. */
  importFiles: ImportFileRegistry;
  /** Where uploads land (created if missing). */
  uploadsDir: string;
  /** 0 or absent: a free port chosen by the system. */
  port?: number;
  /** Tests lower it to exercise the refusal without writing gigabytes. */
  maxUploadBytes?: number;
  /** Told about internal errors the page only sees as "internal". */
  log?: (message: string) => void;
}

export interface HttpHost {
  /** Open this once: it carries the token, which it trades for the cookie. */
  url: string;
  /** `http://127.0.0.1:PORT`, the page's origin. */
  origin: string;
  token: string;
  /** This run's session cookie name: the port and a random run id. */
  cookieName: string;
  address(): AddressInfo;
  close(): Promise<void>;
}

interface Context {
  port: number;
  origin: string;
  token: string;
  cookieName: string;
  options: HttpHostOptions;
  dispatcher: Dispatcher;
  script: string;
}

export async function startHttpHost(options: HttpHostOptions): Promise<HttpHost> {
  await mkdir(options.uploadsDir, { recursive: true });
  const log = options.log ?? (() => undefined);
  const script = await bridgeScript();
  const dispatcher = createDispatcher(options.handlers, {
    onInternalError: (method, error) => log(`${method} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`),
  });
  const token = newToken();
  // Filled in once listening: no request arrives before then.
  const context: Context = { port: 0, origin: "", token, cookieName: "", options, dispatcher, script };

  const server = createServer({ requestTimeout: REQUEST_TIMEOUT_MS }, (request, response) => {
    handle(request, response, context).catch((error: unknown) => {
      log(`request ${request.method ?? ""} ${request.url ?? ""} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      if (!response.headersSent) refuseText(response, 500, "The test host failed on this request.");
      else response.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    // Loopback only, always: this is what keeps the services off any network.
    server.listen({ host: LOOPBACK, port: options.port ?? 0 }, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  context.port = address.port;
  context.origin = `http://${LOOPBACK}:${address.port}`;
  context.cookieName = cookieName(address.port, newRunId());
  let closing: Promise<void> | undefined;

  return {
    url: `${context.origin}/?token=${token}`,
    origin: context.origin,
    token,
    cookieName: context.cookieName,
    address: () => server.address() as AddressInfo,
    // Once: a second call (a test's own, then its cleanup's) waits for the same close.
    close: () =>
      (closing ??= new Promise<void>((resolve, reject) => {
        server.close((error) => (error === undefined ? resolve() : reject(error)));
        // A browser keeps idle connections open; without this, close() would wait for them.
        server.closeAllConnections();
      })),
  };
}

async function handle(request: IncomingMessage, response: ServerResponse, context: Context): Promise<void> {
  const rawUrl = request.url ?? "";
  const isApiRoute = rawUrl.startsWith("/__");
  const refuse = (status: number, code: ErrorCode, message: string, headers: Record<string, string> = {}): void =>
    isApiRoute ? refuseJson(response, status, code, message, headers) : refuseText(response, status, message, headers);

  if (!hostHeaderIsOurs(request, context.port)) return refuse(403, "host-forbidden", `Open this page at ${context.origin}.`);
  // Origin-form only ("/path"): an absolute-form URL is a proxy request, not for us, and "//x" or
  // "/\x" would parse as another host's URL, so the routes below could not trust url.pathname.
  const url = isOriginForm(rawUrl) ? new URL(rawUrl, context.origin) : undefined;
  if (url === undefined || url.origin !== context.origin) return refuse(400, "host-bad-request", "Bad request.");
  if (!fetchSiteAllowed(request)) return refuse(403, "host-forbidden", "Requests from other pages are refused.");

  if (request.method === "GET" && url.pathname === "/" && url.searchParams.has("token")) {
    if (!tokenMatches(url.searchParams.get("token") ?? "", context.token)) return refuse(403, "host-forbidden", "This token is not the one this host printed.");
    response.writeHead(303, { ...appResponseHeaders(), Location: "/", "Set-Cookie": sessionCookie(context.cookieName, context.token) });
    return void response.end();
  }
  if (!hasSessionCookie(request, context.cookieName, context.token)) {
    return refuse(403, "host-forbidden", "Open the URL the test host printed (the one with ?token=) first.");
  }

  const { options } = context;
  if (url.pathname === BRIDGE_SCRIPT_PATH) {
    if (request.method !== "GET") return refuse(405, "host-method-not-allowed", "Only GET is allowed here.", { Allow: "GET" });
    return send(response, 200, "text/javascript; charset=utf-8", context.script);
  }
  const isApi = url.pathname.startsWith(API_PREFIX);
  if (isApi || url.pathname === UPLOAD_PATH) {
    if (request.method !== "POST") return refuse(405, "host-method-not-allowed", "Only POST is allowed here.", { Allow: "POST" });
    if (!isSameOriginWrite(request, context.origin)) return refuse(403, "host-forbidden", "Only the host's own page may call it.");
    if (isApi) return serveApi(request, response, url.pathname, context.dispatcher);
    return serveUpload(request, response, url, { uploadsDir: options.uploadsDir, maxBytes: options.maxUploadBytes ?? MAX_UPLOAD_BYTES, importFiles: options.importFiles });
  }
  if (isApiRoute) return refuse(404, "host-not-found", "Nothing here.");
  return serveStatic(request, response, options.rendererDir, rawUrl);
}

const isOriginForm = (rawUrl: string): boolean => /^\/(?![/\\])/.test(rawUrl) && !(rawUrl.split("?", 1)[0] ?? "").includes("\\");
