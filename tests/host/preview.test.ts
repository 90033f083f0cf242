import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it, vi } from "vitest";
import { ensureRendererBuilt, parsePreviewArgs, RENDERER_CONFIG, RENDERER_OUT, runPreview } from "../../electron/host/preview.js";
import type { FileDoor } from "../../electron/api/file-door.js";
import { tempFolder } from "../helpers/temp.js";
import { fakeHandlers, FAKE_INDEX } from "./host-fixtures.js";

const projectDir = path.resolve(fileURLToPath(new URL("../..", import.meta.url)));

function fakeProject({ built = false, config = false } = {}): string {
  const dir = tempFolder("counterseal-preview-");
  if (built) {
    mkdirSync(path.join(dir, RENDERER_OUT), { recursive: true });
    writeFileSync(path.join(dir, RENDERER_OUT, "index.html"), FAKE_INDEX);
  }
  if (config) {
    mkdirSync(path.join(dir, "renderer"), { recursive: true });
    writeFileSync(path.join(dir, RENDERER_CONFIG), "export default {};\n");
  }
  return dir;
}

describe("parsePreviewArgs", () => {
  it("needs --store and takes an optional port and downloads folder", () => {
    expect(parsePreviewArgs(["--store", "s"])).toEqual({ storeDir: path.resolve("s"), port: 0 });
    expect(parsePreviewArgs(["--store", "s", "--port", "8123", "--downloads", "d"])).toEqual({ storeDir: path.resolve("s"), port: 8123, downloadsDir: path.resolve("d") });
  });

  it("explains what is wrong", () => {
    for (const argv of [[], ["--store", ""], ["--store", "s", "--port", "x"], ["--store", "s", "--port", "70000"], ["--store", "s", "--port", ""], ["--store", "s", "--unlock"]]) {
      const parsed = parsePreviewArgs(argv);
      expect(parsed, argv.join(" ")).toHaveProperty("error");
      if ("error" in parsed) expect(parsed.error).toContain("usage: npm run preview");
    }
  });
});

describe("ensureRendererBuilt", () => {
  it("does nothing when the renderer is built", async () => {
    const run = vi.fn(async () => 0);
    expect(await ensureRendererBuilt(fakeProject({ built: true }), () => undefined, run)).toBeUndefined();
    expect(run).not.toHaveBeenCalled();
  });

  it("says clearly, with exit code 2, that there is no renderer config to build with", async () => {
    const lines: string[] = [];
    const run = vi.fn(async () => 0);
    expect(await ensureRendererBuilt(fakeProject(), (line) => lines.push(line), run)).toBe(2);
    expect(lines.join("\n")).toContain(`${RENDERER_CONFIG} does not exist yet`);
    expect(run).not.toHaveBeenCalled();
  });

  it("runs the project's vite build when the config exists", async () => {
    const dir = fakeProject({ config: true });
    const run = vi.fn(async () => {
      mkdirSync(path.join(dir, RENDERER_OUT), { recursive: true });
      writeFileSync(path.join(dir, RENDERER_OUT, "index.html"), FAKE_INDEX);
      return 0;
    });
    expect(await ensureRendererBuilt(dir, () => undefined, run)).toBeUndefined();
    expect(run).toHaveBeenCalledWith(process.execPath, [path.join(dir, "node_modules", "vite", "bin", "vite.js"), "build", "--config", RENDERER_CONFIG], dir);
  });

  it("fails when the build fails or writes elsewhere", async () => {
    expect(await ensureRendererBuilt(fakeProject({ config: true }), () => undefined, async () => 1)).toBe(1);
    const lines: string[] = [];
    expect(await ensureRendererBuilt(fakeProject({ config: true }), (line) => lines.push(line), async () => 0)).toBe(1);
    expect(lines.join("\n")).toContain("build.outDir");
  });
});

describe("runPreview", () => {
  it("serves the renderer with the bridge at the printed URL, then closes the store and removes uploads", async () => {
    const dir = fakeProject({ built: true });
    const lines: string[] = [];
    const close = vi.fn();
    let stop = (): void => undefined;
    const stopped = new Promise<void>((resolve) => (stop = resolve));
    const registered: string[] = [];
    let door: FileDoor | undefined;
    const running = runPreview(["--store", path.join(dir, "store"), "--downloads", path.join(dir, "downloads")], {
      projectDir: dir,
      log: (line) => lines.push(line),
      createHandlers: async (_storeDir, files) => {
        door = files;
        const register = async (file: string, name = "") => {
          registered.push(file);
          return { token: "t".repeat(43), name, size: 5 };
        };
        return { ...fakeHandlers(), close, importFiles: { register } };
      },
      waitForStop: () => stopped,
    });
    await vi.waitFor(() => expect(lines.join("\n")).toMatch(/open: +http:\/\/127\.0\.0\.1:\d+\/\?token=/));
    const printed = /open: +(\S+)/.exec(lines.join("\n"))?.[1] ?? "";
    expect(lines.join("\n")).toContain("not unlocked: the page asks for the passphrase");

    const login = await fetch(printed, { redirect: "manual" });
    expect(login.status).toBe(303);
    const cookie = (login.headers.getSetCookie()[0] ?? "").split(";")[0] ?? "";
    const origin = new URL(printed).origin;
    const page = await fetch(`${origin}/`, { headers: { Cookie: cookie } });
    expect(await page.text()).toContain('<head><script src="/__host/bridge.js"></script>');
    const uploaded = await fetch(`${origin}/__upload?name=b.tar`, {
      method: "POST",
      headers: { Cookie: cookie, Origin: origin, "Content-Type": "application/octet-stream" },
      body: "bytes",
    });
    expect(await uploaded.json()).toEqual({ ok: true, value: { token: "t".repeat(43), name: "b.tar", size: 5 } });
    const uploadedPath = registered[0] ?? "";
    expect(existsSync(uploadedPath)).toBe(true);
    // The table saves through the downloads folder the preview printed, and only there.
    expect(await door?.chooseSavePath("../../.bashrc")).toEqual({ path: path.join(dir, "downloads", "bashrc"), replaceExisting: false });

    expect(lines.join("\n")).toContain(`downloads: ${path.join(dir, "downloads")} (attachments you save, in plaintext; your folder: kept when the preview stops)`);

    stop();
    expect(await running).toBe(0);
    expect(close).toHaveBeenCalledOnce();
    expect(existsSync(uploadedPath)).toBe(false);
    // A downloads folder the person named is theirs.
    expect(existsSync(path.join(dir, "downloads"))).toBe(true);
    await expect(fetch(`${origin}/`, { headers: { Cookie: cookie } })).rejects.toThrow();
  });

  it("says where its own downloads folder is while it runs, and deletes it with what was saved when it stops", async () => {
    const lines: string[] = [];
    let stop = (): void => undefined;
    const stopped = new Promise<void>((resolve) => (stop = resolve));
    const running = runPreview(["--store", "s"], {
      projectDir: fakeProject({ built: true }),
      log: (line) => lines.push(line),
      createHandlers: async () => ({ ...fakeHandlers(), close: vi.fn(), importFiles: { register: () => Promise.reject(new Error("no uploads in this test")) } }),
      waitForStop: () => stopped,
    });
    await vi.waitFor(() => expect(lines.join("\n")).toMatch(/downloads: /));
    const downloads = /downloads: +(\S+) \(attachments you save, in plaintext; removed when the preview stops\)/.exec(lines.join("\n"))?.[1] ?? "";
    expect(statSync(downloads).mode & 0o777).toBe(process.platform === "win32" ? statSync(downloads).mode & 0o777 : 0o700);
    writeFileSync(path.join(downloads, "order.pdf"), "%PDF-1.4 plaintext evidence");

    stop();
    expect(await running).toBe(0);
    expect(existsSync(downloads)).toBe(false);
    expect(lines.at(-1)).toBe(`Preview stopped; removed ${downloads} and the uploads.`);
  });

  it("says so when the port is taken, and still closes the store", async () => {
    const busy = createServer();
    await new Promise<void>((resolve) => busy.listen({ host: "127.0.0.1", port: 0 }, resolve));
    const { port } = busy.address() as AddressInfo;
    const lines: string[] = [];
    const close = vi.fn();
    try {
      const code = await runPreview(["--store", "s", "--port", String(port)], {
        projectDir: fakeProject({ built: true }),
        log: (line) => lines.push(line),
        createHandlers: async () => ({ ...fakeHandlers(), close, importFiles: { register: () => Promise.reject(new Error("no uploads in this test")) } }),
        waitForStop: () => Promise.resolve(),
      });
      expect(code).toBe(1);
    } finally {
      busy.close();
    }
    expect(lines.join("\n")).toContain(`Port ${port} on 127.0.0.1 is already in use`);
    expect(close).toHaveBeenCalledOnce();
  });

  it("exits 2 on bad arguments without opening a store", async () => {
    const createHandlers = vi.fn();
    expect(await runPreview(["--port", "1"], { projectDir: fakeProject({ built: true }), log: () => undefined, createHandlers })).toBe(2);
    expect(createHandlers).not.toHaveBeenCalled();
  });
});

describe("scripts/preview.mjs", () => {
  it("bundles the preview and runs it (here: refusing a missing --store with exit code 2)", () => {
    const result = spawnSync(process.execPath, [path.join(projectDir, "scripts", "preview.mjs")], { cwd: projectDir, encoding: "utf8", timeout: 60_000 });
    expect(result.stdout + result.stderr).toContain("--store DIR is required.");
    expect(result.status).toBe(2);
    expect(existsSync(path.join(projectDir, "dist", "host", "preview.js"))).toBe(true);
  });
});
