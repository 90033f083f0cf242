// POST /__api/<method>: the HTTP door onto the same dispatcher the app's ipc uses. Only JSON from
// the host's own page; the body is parsed as JSON here and as arguments by the dispatcher.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Dispatcher } from "../api/dispatch.js";
import { isApiMethod } from "../api/dispatch.js";
import { hasMediaType, readLimitedBody } from "./http-body.js";
import { refuseJson, sendJson } from "./http-respond.js";

export const API_PREFIX = "/__api/";
export const MAX_API_BODY_BYTES = 1024 * 1024;

/** Reads a JSON body, answering the refusal itself when it cannot; `undefined` body stays undefined. */
export async function readJsonBody(request: IncomingMessage, response: ServerResponse, maxBytes: number): Promise<{ value: unknown } | undefined> {
  // A non-simple Content-Type also makes any cross-origin fetch need a CORS preflight we never grant.
  if (!hasMediaType(request, "application/json")) {
    refuseJson(response, 415, "host-unsupported-media-type", "The test host accepts only application/json here.");
    return undefined;
  }
  const read = await readLimitedBody(request, maxBytes);
  if (!read.ok) {
    if (read.reason === "too-large") refuseJson(response, 413, "host-body-too-large", `The request is larger than the test host accepts (${maxBytes} bytes).`);
    else response.destroy();
    return undefined;
  }
  if (read.body.length === 0) return { value: undefined };
  try {
    return { value: JSON.parse(read.body.toString("utf8")) as unknown };
  } catch {
    refuseJson(response, 400, "host-invalid-json", "The request body is not valid JSON.");
    return undefined;
  }
}

export async function serveApi(request: IncomingMessage, response: ServerResponse, pathname: string, dispatcher: Dispatcher): Promise<void> {
  // Not decoded: method names are plain identifiers, so anything encoded is not one.
  const method = pathname.slice(API_PREFIX.length);
  if (!isApiMethod(method)) return refuseJson(response, 404, "unknown-method", "There is no API method at this address.");
  const body = await readJsonBody(request, response, MAX_API_BODY_BYTES);
  if (body === undefined) return;
  // Errors from the services are data (ok:false), answered 200 like any other result, as over ipc.
  sendJson(response, 200, await dispatcher.dispatch(method, body.value));
}
