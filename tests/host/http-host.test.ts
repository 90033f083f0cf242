import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { contentSecurityPolicy } from "../../electron/web-policy/content-security-policy.js";
import { injectBridgeTag } from "../../electron/host/http-static.js";
import { tempFolder } from "../helpers/temp.js";
import { asPage, FAKE_APP, raw, startTestHost } from "./host-fixtures.js";

const BRIDGE_TAG = '<script src="/__host/bridge.js"></script>';

describe("the test host's address", () => {
  it("listens on 127.0.0.1 only, on a system-chosen port, and prints a URL with its token", async () => {
    const host = await startTestHost();
    const address = host.address();
    expect(address.address).toBe("127.0.0.1");
    expect(address.family).toBe("IPv4");
    expect(address.port).toBeGreaterThan(0);
    expect(host.origin).toBe(`http://127.0.0.1:${address.port}`);
    expect(host.url).toBe(`${host.origin}/?token=${host.token}`);
    expect(host.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it("uses a new token for every run", async () => {
    const [a, b] = await Promise.all([startTestHost(), startTestHost()]);
    expect(a.token).not.toBe(b.token);
    expect(a.port).not.toBe(b.port);
  });

  it("refuses a Host header that is not its own address (DNS rebinding)", async () => {
    const host = await startTestHost();
    for (const name of [`localhost:${host.port}`, `evil.example:${host.port}`, "127.0.0.1"]) {
      const response = await raw(host.port, "/", { headers: { Host: name, Cookie: host.cookie } });
      expect(response.status, name).toBe(403);
    }
  });

  it("refuses request targets that are not a plain path", async () => {
    const host = await startTestHost();
    for (const target of ["//evil.example/index.html", "/\\evil.example/index.html", `http://127.0.0.1:${host.port}/index.html`]) {
      expect((await asPage(host, target)).status, target).toBe(400);
    }
  });
});

describe("the token and the session cookie", () => {
  it("trades the token in the printed URL for an HttpOnly SameSite=Strict cookie and redirects to /", async () => {
    const host = await startTestHost();
    const response = await raw(host.port, `/?token=${host.token}`);
    expect(response.status).toBe(303);
    expect(response.headers.location).toBe("/");
    const setCookie = response.headers["set-cookie"] ?? [];
    expect(setCookie).toHaveLength(1);
    const [pair, ...attributes] = (setCookie[0] ?? "").split(/;\s*/);
    expect(pair).toBe(`${host.cookieName}=${host.token}`);
    expect(host.cookieName).toMatch(new RegExp(`^counterseal-host-${host.port}-[0-9a-f]{12}$`));
    expect(attributes.sort()).toEqual(["HttpOnly", "Path=/", "SameSite=Strict"]);

    const page = await raw(host.port, "/", { headers: { Cookie: pair ?? "" } });
    expect(page.status).toBe(200);
    expect(page.text).toContain("Fake renderer");
  });

  it("refuses a wrong token without setting a cookie", async () => {
    const host = await startTestHost();
    for (const token of ["", "wrong", host.token.slice(1), `${host.token}x`]) {
      const response = await raw(host.port, `/?token=${encodeURIComponent(token)}`);
      expect(response.status, token).toBe(403);
      expect(response.headers["set-cookie"]).toBeUndefined();
    }
  });

  it("refuses every route without the cookie, static files included", async () => {
    const host = await startTestHost();
    for (const [method, target] of [
      ["GET", "/"],
      ["GET", "/index.html"],
      ["GET", "/assets/app.js"],
      ["GET", "/__host/bridge.js"],
      ["POST", "/__api/getStoreStatus"],
      ["POST", "/__upload?name=a.tar"],
      ["POST", "/__host/save-path"],
    ] as const) {
      const response = await raw(host.port, target, { method, headers: { Origin: host.origin, "Content-Type": "application/json" }, body: "{}" });
      expect(response.status, target).toBe(403);
      expect(response.text).not.toContain("Fake renderer");
    }
  });

  it("refuses a wrong cookie, and another host's cookie", async () => {
    const [host, other] = await Promise.all([startTestHost(), startTestHost()]);
    const wrong = [`${host.cookieName}=${other.token}`, `${other.cookieName}=${host.token}`, `${host.cookieName}=`, `x${host.cookieName}=${host.token}`];
    for (const cookie of wrong) expect((await raw(host.port, "/", { headers: { Cookie: cookie } })).status, cookie).toBe(403);
    // Beside other cookies of the same jar, the right one is found.
    const jar = `a=1; ${other.cookieName}=${other.token}; ${host.cookie}; b=2`;
    expect((await raw(host.port, "/", { headers: { Cookie: jar } })).status).toBe(200);
  });

  it("names its cookie per run, so a later run on the same port never meets an earlier run's cookie", async () => {
    const first = await startTestHost();
    await first.close();
    const second = await startTestHost({ port: first.port });
    expect(second.port).toBe(first.port);
    expect(second.cookieName).not.toBe(first.cookieName);
    expect(second.cookieName.startsWith(`counterseal-host-${first.port}-`)).toBe(true);
    // The earlier run's cookie, still in the jar, is not asked for; this run's is.
    expect((await raw(second.port, "/", { headers: { Cookie: first.cookie } })).status).toBe(403);
    expect((await raw(second.port, "/", { headers: { Cookie: `${first.cookie}; ${second.cookie}` } })).status).toBe(200);
  });

  it("refuses navigations and loads started by other pages, even with the cookie", async () => {
    const host = await startTestHost();
    for (const site of ["cross-site", "same-site"]) {
      expect((await asPage(host, "/", { headers: { "Sec-Fetch-Site": site } })).status, site).toBe(403);
    }
    for (const site of ["none", "same-origin"]) {
      expect((await asPage(host, "/", { headers: { "Sec-Fetch-Site": site } })).status, site).toBe(200);
    }
  });
});

describe("static files", () => {
  it("sends the app's CSP and security headers on pages, scripts and refusals", async () => {
    const host = await startTestHost();
    const responses = [await asPage(host, "/"), await asPage(host, "/assets/app.js"), await asPage(host, "/__host/bridge.js"), await asPage(host, "/nope.js"), await raw(host.port, "/")];
    for (const response of responses) {
      expect(response.headers["content-security-policy"]).toBe(contentSecurityPolicy());
      expect(response.headers["x-content-type-options"]).toBe("nosniff");
      expect(response.headers["referrer-policy"]).toBe("no-referrer");
      expect(response.headers["cross-origin-resource-policy"]).toBe("same-origin");
    }
  });

  it("puts the bridge script first in <head> of the page, once", async () => {
    const host = await startTestHost();
    for (const target of ["/", "/index.html"]) {
      const { status, text, headers } = await asPage(host, target);
      expect(status).toBe(200);
      expect(headers["content-type"]).toBe("text/html; charset=utf-8");
      expect(text).toContain(`<head>${BRIDGE_TAG}`);
      expect(text.split(BRIDGE_TAG)).toHaveLength(2);
      expect(text.indexOf("<script")).toBe(text.indexOf(BRIDGE_TAG));
      expect(text.indexOf(BRIDGE_TAG)).toBeLessThan(text.indexOf('<script type="module"'));
    }
  });

  it("serves the other files unchanged, with their types", async () => {
    const host = await startTestHost();
    const script = await asPage(host, "/assets/app.js");
    expect(script.status).toBe(200);
    expect(script.headers["content-type"]).toBe("text/javascript; charset=utf-8");
    expect(script.text).toBe(FAKE_APP);
  });

  it("serves the bridge script to GET only", async () => {
    const host = await startTestHost();
    const script = await asPage(host, "/__host/bridge.js");
    expect(script.status).toBe(200);
    expect(script.headers["content-type"]).toBe("text/javascript; charset=utf-8");
    expect(script.text).toContain("counterseal");
    const posted = await asPage(host, "/__host/bridge.js", { method: "POST", body: "" });
    expect(posted.status).toBe(405);
    expect(posted.headers.allow).toBe("GET");
  });

  it("refuses traversal, hidden files and symlinks out of the build folder", async () => {
    const host = await startTestHost();
    const refused = {
      "/../secret.txt": 403,
      "/assets/../../secret.txt": 403,
      "/%2e%2e/secret.txt": 403,
      "/assets/..%2f..%2fsecret.txt": 400,
      "/assets/..%5csecret.txt": 400,
      "/.hidden.js": 403,
      "/assets/%00app.js": 400,
      "/assets/link.txt": 403,
    };
    for (const [target, status] of Object.entries(refused)) {
      const response = await asPage(host, target);
      expect(response.status, target).toBe(status);
      expect(response.text).not.toContain("SECRET");
    }
  });

  it("answers 404 for unknown files, unknown types and unknown host routes", async () => {
    const host = await startTestHost();
    for (const target of ["/missing.js", "/assets/data.bin", "/assets/", "/__host/other", "/__nothing"]) {
      expect((await asPage(host, target)).status, target).toBe(404);
    }
  });

  it("serves GET only", async () => {
    const host = await startTestHost();
    for (const method of ["POST", "PUT", "DELETE", "HEAD"]) {
      const response = await asPage(host, "/index.html", { method });
      expect(response.status, method).toBe(405);
      expect(response.headers.allow).toBe("GET");
    }
  });

  it("refuses a page it cannot give the bridge to", async () => {
    const dir = tempFolder("counterseal-headless-");
    writeFileSync(path.join(dir, "index.html"), "<!doctype html><p>no head</p>");
    const host = await startTestHost({ rendererDir: dir });
    const response = await asPage(host, "/");
    expect(response.status).toBe(500);
    expect(response.text).toContain("<head>");
  });
});

describe("injectBridgeTag", () => {
  it("inserts after the <head> opening tag, with or without attributes, in any case", () => {
    expect(injectBridgeTag("<html><head><title>x</title></head>")).toBe(`<html><head>${BRIDGE_TAG}<title>x</title></head>`);
    expect(injectBridgeTag('<HEAD data-x="1"><script src="/a.js"></script>')).toBe(`<HEAD data-x="1">${BRIDGE_TAG}<script src="/a.js"></script>`);
  });

  it("is not fooled by <header> and gives up without a head", () => {
    expect(injectBridgeTag("<body><header>x</header></body>")).toBeUndefined();
    expect(injectBridgeTag("<header></header><head></head>")).toBe(`<header></header><head>${BRIDGE_TAG}</head>`);
  });
});
