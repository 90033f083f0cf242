// Shared by the host tests: a fake API table, a tiny fake renderer, a started host that is closed
// after each test, and a raw HTTP client (node:http, so every header — Host, Origin, Cookie — and
// the exact request path are under the test's control; fetch would normalise some of them).
import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { request as httpRequest, type IncomingHttpHeaders } from "node:http";
import path from "node:path";
import { afterEach } from "vitest";
import { apiMethods } from "../../shared/api/contract.js";
import type { ApiHandlers } from "../../electron/api/dispatch.js";
import { createImportFileRegistry, createImportTokens, type ImportTokens } from "../../electron/api/import-tokens.js";
import { startHttpHost, type HttpHost, type HttpHostOptions } from "../../electron/host/http-host.js";
import { testRuntime } from "../helpers/runtime.js";
import { tempFolder } from "../helpers/temp.js";

export const identity = {
  reviewer: { name: "Ada Reviewer", office: "Oversight Office", keyId: "0123456789ABCDEF", minisignPublicKey: "RWQ..." },
  ageRecipients: ["age1example"],
};

export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export function fakeHandlers(overrides: Partial<ApiHandlers> = {}): ApiHandlers {
  const unused = Object.fromEntries(
    apiMethods.map((method) => [
      method,
      () => {
        throw new Error(`${method} is not used in this test`);
      },
    ]),
  ) as unknown as ApiHandlers;
  return {
    ...unused,
    getStoreStatus: () => ({ state: "locked", location: "/fake/store" }),
    unlock: ({ passphrase }) => {
      if (passphrase !== "correct horse") throw new DomainError("wrong-passphrase", "The passphrase does not open this store.");
      return identity;
    },
    ...overrides,
  };
}

export const FAKE_INDEX = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Fake renderer</title>
    <script type="module" src="/assets/app.js"></script>
  </head>
  <body><p id="status">loading</p></body>
</html>
`;

// Proves the shim ran first: a module script that finds window.counterseal and uses it.
export const FAKE_APP = `const status = document.getElementById("status");
status.textContent = typeof window.counterseal === "object" ? "bridge" : "no bridge";
window.counterseal.getStoreStatus({}).then((result) => { status.textContent = result.ok ? result.value.state : result.error.code; });
`;

/** A renderer build folder, with things beside and inside it that must never be served. */
export function fakeRendererDir(): string {
  const root = tempFolder("counterseal-host-");
  const rendererDir = path.join(root, "renderer");
  mkdirSync(path.join(rendererDir, "assets"), { recursive: true });
  writeFileSync(path.join(rendererDir, "index.html"), FAKE_INDEX);
  writeFileSync(path.join(rendererDir, "assets", "app.js"), FAKE_APP);
  writeFileSync(path.join(rendererDir, "assets", "data.bin"), "unknown type");
  writeFileSync(path.join(rendererDir, ".hidden.js"), "hidden");
  writeFileSync(path.join(root, "secret.txt"), "SECRET OUTSIDE THE BUILD");
  symlinkSync(path.join(root, "secret.txt"), path.join(rendererDir, "assets", "link.txt"));
  return rendererDir;
}

export interface TestHost extends HttpHost {
  port: number;
  /** The cookie header value that the token flow hands out. */
  cookie: string;
  uploadsDir: string;
  /** The registry behind the host's uploads, and the one session its tokens belong to. */
  tokens: ImportTokens;
  session: object;
}

const started: HttpHost[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((host) => host.close()));
});

export async function startTestHost(options: Partial<HttpHostOptions> = {}): Promise<TestHost> {
  const root = tempFolder("counterseal-host-io-");
  const uploadsDir = path.join(root, "uploads");
  const tokens = createImportTokens(testRuntime().ids.randomBytes);
  const session = {};
  const importFiles = createImportFileRegistry(tokens, () => session);
  const host = await startHttpHost({ rendererDir: options.rendererDir ?? fakeRendererDir(), handlers: fakeHandlers(), importFiles, uploadsDir, ...options });
  started.push(host);
  const port = host.address().port;
  return { ...host, port, cookie: `${host.cookieName}=${host.token}`, uploadsDir: options.uploadsDir ?? uploadsDir, tokens, session };
}

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
  text: string;
  json(): unknown;
}

export interface RawRequest {
  method?: string;
  headers?: Record<string, string>;
  body?: Buffer | string;
  /** Send the body in chunks without a Content-Length (chunked transfer encoding). */
  chunked?: boolean;
}

/** One HTTP request to 127.0.0.1:port with exactly the given path and headers. */
export function raw(port: number, requestPath: string, { method = "GET", headers = {}, body, chunked = false }: RawRequest = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const lengthHeader = body !== undefined && !chunked ? { "Content-Length": String(Buffer.byteLength(body)) } : {};
    const outgoing = httpRequest(
      { host: "127.0.0.1", port, path: requestPath, method, headers: { Host: `127.0.0.1:${port}`, ...lengthHeader, ...headers }, agent: false },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => {
          const all = Buffer.concat(chunks);
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body: all, text: all.toString("utf8"), json: () => JSON.parse(all.toString("utf8")) as unknown });
        });
        response.on("error", reject);
      },
    );
    outgoing.on("error", reject);
    if (body !== undefined && chunked) {
      const bytes = Buffer.from(body);
      for (let at = 0; at < bytes.length; at += 64 * 1024) outgoing.write(bytes.subarray(at, at + 64 * 1024));
    } else if (body !== undefined) outgoing.write(body);
    outgoing.end();
  });
}

/** A request as the host's own page sends it: with the session cookie, and Origin on POSTs. */
export function asPage(host: TestHost, requestPath: string, init: RawRequest = {}): Promise<RawResponse> {
  const method = init.method ?? "GET";
  const originHeader = method === "GET" ? {} : { Origin: host.origin };
  return raw(host.port, requestPath, { ...init, headers: { Cookie: host.cookie, ...originHeader, ...init.headers } });
}

/** An API call as the page's bridge makes it. */
export function callApi(host: TestHost, method: string, args: unknown, headers: Record<string, string> = {}): Promise<RawResponse> {
  return asPage(host, `/__api/${method}`, { method: "POST", headers: { "Content-Type": "application/json", ...headers }, body: JSON.stringify(args) });
}
