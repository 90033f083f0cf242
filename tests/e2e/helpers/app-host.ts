// The real app behind the e2e host: the API table over a fresh store folder (not created yet, so
// the page starts at first run), a frozen test clock, and the renderer tests/global-setup.ts built
// for this run (dist/app/renderer), served on 127.0.0.1.
// Folders are the test file's own (not tests/helpers/temp.ts, which empties them after each `it`,
// while these tests keep one store across several `it`s).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createApiHandlers, type ApiHandlerTable } from "../../../electron/api/handlers/index.js";
import type { ApiHandlers } from "../../../electron/api/dispatch.js";
import { createDownloadsDoor } from "../../../electron/host/http-files.js";
import { startHttpHost, type HttpHost } from "../../../electron/host/http-host.js";
import { testRuntime, type TestRuntime } from "../../helpers/runtime.js";
import { assertFresh, RENDERER_BUILD, RENDERER_DIR } from "../../helpers/builds.js";

export interface AppHost {
  host: HttpHost;
  handlers: ApiHandlerTable;
  runtime: TestRuntime;
  root: string;
  storeDir: string;
  uploadsDir: string;
  downloadsDir: string;
  /** Every queryInbox call the host answered, with how long the core took, in order. */
  inboxCalls: { ms: number; total: number; search: string | undefined; offset: number; sort: string }[];
  /** Internal errors the host logged (the page sees only "internal"). */
  hostLog: string[];
  close(): Promise<void>;
}

export async function startAppHost(runtime: TestRuntime = testRuntime()): Promise<AppHost> {
  assertFresh(RENDERER_BUILD);
  const rendererDir = RENDERER_DIR;
  const root = mkdtempSync(path.join(tmpdir(), "counterseal-e2e-"));
  const storeDir = path.join(root, "store");
  const uploadsDir = path.join(root, "uploads");
  const downloadsDir = path.join(root, "downloads");
  // Saves go where the preview's do: fresh names in the downloads folder, never over a file.
  const handlers = createApiHandlers({ storeDir, runtime, files: createDownloadsDoor(downloadsDir) });
  const inboxCalls: AppHost["inboxCalls"] = [];
  const hostLog: string[] = [];
  // The page's queryInbox calls, timed where the core answers them.
  const timed: ApiHandlers = {
    ...handlers,
    queryInbox: async (query) => {
      const started = performance.now();
      const page = await handlers.queryInbox(query);
      inboxCalls.push({ ms: performance.now() - started, total: page.total, search: query.search, offset: query.offset, sort: `${query.sort.field} ${query.sort.direction}` });
      return page;
    },
  };
  const host = await startHttpHost({ rendererDir, handlers: timed, importFiles: handlers.importFiles, uploadsDir, log: (message) => hostLog.push(message) });
  return {
    host,
    handlers,
    runtime,
    root,
    storeDir,
    uploadsDir,
    downloadsDir,
    inboxCalls,
    hostLog,
    close: async () => {
      await host.close();
      handlers.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
}
