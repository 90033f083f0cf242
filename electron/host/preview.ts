// `npm run preview -- --store DIR [--port N] [--downloads DIR]`: the e2e test host, started for a
// person. It serves the built renderer against a real store, and does not unlock it: the page shows
// the unlock screen and asks for the passphrase, as the app does. Ctrl-C closes everything.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import type { ApiHandlerTable } from "../api/handlers/index.js";
import type { FileDoor } from "../api/file-door.js";
import { createDownloadsDoor } from "./http-files.js";
import { startHttpHost } from "./http-host.js";

export const RENDERER_OUT = path.join("dist", "app", "renderer");
export const RENDERER_CONFIG = path.join("renderer", "vite.config.ts");

const USAGE = "usage: npm run preview -- --store DIR [--port N] [--downloads DIR]";

export interface PreviewArgs {
  storeDir: string;
  port: number;
  downloadsDir?: string;
}

export function parsePreviewArgs(argv: readonly string[]): PreviewArgs | { error: string } {
  let values;
  try {
    ({ values } = parseArgs({ args: [...argv], options: { store: { type: "string" }, port: { type: "string" }, downloads: { type: "string" } }, strict: true }));
  } catch (error) {
    return { error: `${error instanceof Error ? error.message : String(error)}\n${USAGE}` };
  }
  if (values.store === undefined || values.store === "") return { error: `--store DIR is required.\n${USAGE}` };
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535 || values.port === "") return { error: `--port must be a number from 0 to 65535.\n${USAGE}` };
  return { storeDir: path.resolve(values.store), port, ...(values.downloads === undefined ? {} : { downloadsDir: path.resolve(values.downloads) }) };
}

export type RunCommand = (command: string, args: readonly string[], cwd: string) => Promise<number>;

const runInherited: RunCommand = (command, args, cwd) =>
  new Promise((resolve, reject) => {
    spawn(command, args, { cwd, stdio: "inherit" }).once("error", reject).once("exit", (code) => resolve(code ?? 1));
  });

/** Builds the renderer when its index.html is missing. Answers an exit code when it cannot. */
export async function ensureRendererBuilt(projectDir: string, log: (line: string) => void, run: RunCommand = runInherited): Promise<number | undefined> {
  const index = path.join(projectDir, RENDERER_OUT, "index.html");
  if (existsSync(index)) return undefined;
  if (!existsSync(path.join(projectDir, RENDERER_CONFIG))) {
    log(`The renderer is not built (${path.join(RENDERER_OUT, "index.html")} is missing) and ${RENDERER_CONFIG} does not exist yet, so there is nothing to build it with.`);
    return 2;
  }
  log(`Building the renderer (vite build --config ${RENDERER_CONFIG})…`);
  // The project's own vite, run directly: `npx` could fall back to fetching a package.
  const code = await run(process.execPath, [path.join(projectDir, "node_modules", "vite", "bin", "vite.js"), "build", "--config", RENDERER_CONFIG], projectDir);
  if (code !== 0) {
    log(`The renderer build failed (exit code ${code}).`);
    return 1;
  }
  if (!existsSync(index)) {
    log(`The renderer build finished but ${path.join(RENDERER_OUT, "index.html")} is still missing: check build.outDir in ${RENDERER_CONFIG}.`);
    return 1;
  }
  return undefined;
}

export interface PreviewDeps {
  projectDir: string;
  log?: (line: string) => void;
  /** The services over the store, saving through `files`; tests pass a fake table. */
  createHandlers?: (storeDir: string, files: FileDoor) => Promise<ApiHandlerTable>;
  /** Resolves when the preview should stop; Ctrl-C (SIGINT) or SIGTERM by default. */
  waitForStop?: () => Promise<void>;
  runCommand?: RunCommand;
}

const realHandlers = async (storeDir: string, files: FileDoor): Promise<ApiHandlerTable> => {
  // Loaded only here, so the pure parts of this file (and their tests) do not open a store module.
  const { createApiHandlers } = await import("../api/handlers/index.js");
  return createApiHandlers({ storeDir, files });
};

const untilSignal = (): Promise<void> =>
  new Promise((resolve) => {
    process.once("SIGINT", () => resolve());
    process.once("SIGTERM", () => resolve());
  });

/** Runs the preview until stopped; answers the process exit code. */
export async function runPreview(argv: readonly string[], deps: PreviewDeps): Promise<number> {
  const log = deps.log ?? ((line: string) => console.log(line));
  const args = parsePreviewArgs(argv);
  if ("error" in args) {
    log(args.error);
    return 2;
  }
  const failed = await ensureRendererBuilt(deps.projectDir, log, deps.runCommand);
  if (failed !== undefined) return failed;

  // Uploaded bundles are copies of what the reviewer dropped: private, and removed on exit.
  // Saved attachments are plaintext evidence out of the store: the folder made for them here is
  // private (mkdtemp: 0700) and removed on exit too; a folder named with --downloads is the
  // person's own, and kept.
  const uploadsDir = await mkdtemp(path.join(tmpdir(), "counterseal-preview-uploads-"));
  const ownDownloads = args.downloadsDir === undefined;
  const downloadsDir = args.downloadsDir ?? (await mkdtemp(path.join(tmpdir(), "counterseal-preview-downloads-")));
  const removeOwnFolders = async (): Promise<void> => {
    await rm(uploadsDir, { recursive: true, force: true });
    if (ownDownloads) await rm(downloadsDir, { recursive: true, force: true });
  };
  let handlers: ApiHandlerTable;
  try {
    // Saves go to fresh names in the downloads folder, never elsewhere, never over a file.
    handlers = await (deps.createHandlers ?? realHandlers)(args.storeDir, createDownloadsDoor(downloadsDir));
  } catch (error) {
    await removeOwnFolders();
    throw error;
  }
  try {
    const host = await startHttpHost({
      rendererDir: path.join(deps.projectDir, RENDERER_OUT),
      handlers,
      importFiles: handlers.importFiles,
      uploadsDir,
      port: args.port,
      log: (message) => console.error(message),
    }).catch((error: unknown) => {
      if ((error as { code?: unknown } | null)?.code !== "EADDRINUSE") throw error;
      log(`Port ${args.port} on 127.0.0.1 is already in use: choose another with --port, or leave it out.`);
      return undefined;
    });
    if (host === undefined) return 1;
    log(
      [
        "Counterseal preview (loopback only)",
        `  store:     ${args.storeDir} (not unlocked: the page asks for the passphrase, as the app does)`,
        `  downloads: ${downloadsDir} (attachments you save, in plaintext; ${ownDownloads ? "removed when the preview stops" : "your folder: kept when the preview stops"})`,
        `  open:      ${host.url}`,
        "Press Ctrl-C to stop.",
      ].join("\n"),
    );
    await (deps.waitForStop ?? untilSignal)();
    await host.close();
  } finally {
    handlers.close();
    await removeOwnFolders();
  }
  log(ownDownloads ? `Preview stopped; removed ${downloadsDir} and the uploads.` : "Preview stopped.");
  return 0;
}
