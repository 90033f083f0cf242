import { mkdir, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createAppProtocolHandler } from "../../electron/main/security/app-protocol.js";
import { fileTempFolder } from "../helpers/temp.js";
import { contentSecurityPolicy } from "../../electron/web-policy/content-security-policy.js";

let workDir: string;
let buildDir: string;
const request = (url: string, method = "GET") => new Request(url, { method });

beforeAll(async () => {
  workDir = fileTempFolder("protocol");
  buildDir = path.join(workDir, "renderer");
  await mkdir(path.join(buildDir, "assets", "nested.js"), { recursive: true });
  await writeFile(path.join(buildDir, "index.html"), "<!doctype html><title>Counterseal</title>");
  await writeFile(path.join(buildDir, "assets", "app.js"), "console.log(1)");
  await writeFile(path.join(workDir, "secret.js"), "stolen()");
  await symlink(path.join(workDir, "secret.js"), path.join(buildDir, "assets", "escape.js"));
  await symlink(path.join(buildDir, "assets", "app.js"), path.join(buildDir, "assets", "alias.js"));
});


describe("createAppProtocolHandler", () => {
  it("serves index.html with its type and the CSP", async () => {
    const response = await createAppProtocolHandler(buildDir)(request("app://counterseal/"));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(response.headers.get("content-security-policy")).toBe(contentSecurityPolicy());
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(await response.text()).toContain("<title>Counterseal</title>");
  });

  it("serves assets, and symlinks that stay inside the build folder", async () => {
    const handler = createAppProtocolHandler(buildDir);
    expect(await (await handler(request("app://counterseal/assets/app.js"))).text()).toBe("console.log(1)");
    expect((await handler(request("app://counterseal/assets/alias.js"))).status).toBe(200);
  });

  it("refuses a symlink that leads out of the build folder", async () => {
    const response = await createAppProtocolHandler(buildDir)(request("app://counterseal/assets/escape.js"));
    expect(response.status).toBe(403);
    expect(await response.text()).toBe("");
  });

  it("answers 404 for missing files and for folders", async () => {
    const handler = createAppProtocolHandler(buildDir);
    expect((await handler(request("app://counterseal/missing.js"))).status).toBe(404);
    expect((await handler(request("app://counterseal/assets/nested.js"))).status).toBe(404);
    expect((await createAppProtocolHandler(path.join(workDir, "absent"))(request("app://counterseal/"))).status).toBe(404);
  });

  it("answers 405 with Allow for other methods, and keeps the CSP on refusals", async () => {
    const response = await createAppProtocolHandler(buildDir)(request("app://counterseal/index.html", "POST"));
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("GET");
    expect(response.headers.get("content-security-policy")).toBe(contentSecurityPolicy());
  });

  it("refuses other hosts", async () => {
    expect((await createAppProtocolHandler(buildDir)(request("app://elsewhere/index.html"))).status).toBe(403);
  });
});
