// Every answer the host gives carries the app's security headers (CSP included), exactly as the
// app:// protocol does, so a page that works here is held to the app's rules.
import type { ServerResponse } from "node:http";
import type { ErrorCode } from "../../shared/api/errors.js";
import { appResponseHeaders } from "../web-policy/response-headers.js";

export const JSON_TYPE = "application/json; charset=utf-8";
const TEXT_TYPE = "text/plain; charset=utf-8";

export function sendJson(response: ServerResponse, status: number, body: unknown, extraHeaders: Record<string, string> = {}): void {
  response.writeHead(status, { ...appResponseHeaders(JSON_TYPE), ...extraHeaders });
  response.end(JSON.stringify(body));
}

/** A refusal on an API route, shaped like a failed ApiResult so the shim can pass it on as is. */
export function refuseJson(response: ServerResponse, status: number, code: ErrorCode, message: string, extraHeaders: Record<string, string> = {}): void {
  sendJson(response, status, { ok: false, error: { code, message } }, extraHeaders);
}

/** A refusal on a page route: a person may be reading it in the address bar. */
export function refuseText(response: ServerResponse, status: number, message: string, extraHeaders: Record<string, string> = {}): void {
  response.writeHead(status, { ...appResponseHeaders(TEXT_TYPE), ...extraHeaders });
  response.end(`${message}\n`);
}

export function send(response: ServerResponse, status: number, contentType: string, body: Buffer | string): void {
  response.writeHead(status, appResponseHeaders(contentType));
  response.end(body);
}
