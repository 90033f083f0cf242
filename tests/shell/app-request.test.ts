import fc from "fast-check";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { contentTypeFor, isInsideDirectory, resolveAppRequest } from "../../electron/web-policy/app-request.js";

const root = path.resolve("/srv/counterseal/renderer");
const get = (url: string) => resolveAppRequest("GET", url, root);

describe("resolveAppRequest", () => {
  it("serves index.html for the root", () => {
    for (const url of ["app://counterseal/", "app://counterseal", "app://counterseal/?x=1", "app://counterseal/#/review"]) {
      expect(get(url)).toEqual({ status: 200, filePath: path.join(root, "index.html"), contentType: "text/html; charset=utf-8" });
    }
  });

  it("maps files inside the build folder, with their content type", () => {
    expect(get("app://counterseal/assets/index-abc123.js")).toEqual({
      status: 200,
      filePath: path.join(root, "assets", "index-abc123.js"),
      contentType: "text/javascript; charset=utf-8",
    });
    expect(get("app://counterseal/assets/pdf.worker.min.mjs")).toMatchObject({ status: 200, contentType: "text/javascript; charset=utf-8" });
    expect(get("app://counterseal/assets/app.css?v=2")).toMatchObject({ status: 200, contentType: "text/css; charset=utf-8" });
    expect(get("app://counterseal/fonts/DejaVuSans.woff2")).toMatchObject({ status: 200, contentType: "font/woff2" });
    expect(get("app://counterseal/cmaps/UniJIS-UCS2-H.bcmap")).toMatchObject({ status: 200, contentType: "application/octet-stream" });
  });

  it("decodes percent-encoded names", () => {
    expect(get("app://counterseal/guide/user%20guide.html")).toMatchObject({ status: 200, filePath: path.join(root, "guide", "user guide.html") });
  });

  it("answers only GET", () => {
    for (const method of ["POST", "PUT", "DELETE", "HEAD", "OPTIONS", "get"]) {
      expect(resolveAppRequest(method, "app://counterseal/index.html", root)).toEqual({ status: 405 });
    }
  });

  it("serves only the app's own host", () => {
    for (const url of [
      "app://other/index.html",
      "app://counterseal.evil/index.html",
      "app://counterseal:8080/index.html",
      "app://user@counterseal/index.html",
      "app://user:pw@counterseal/index.html",
      "https://counterseal/index.html",
      "file:///srv/counterseal/renderer/index.html",
      "app:///index.html",
    ]) {
      expect(get(url).status, url).toBe(403);
    }
  });

  it("refuses traversal, literal or encoded", () => {
    for (const url of [
      "app://counterseal/../etc/passwd",
      "app://counterseal/assets/../../etc/passwd",
      "app://counterseal/%2e%2e/etc/passwd",
      "app://counterseal/%2E%2E/%2e%2e/etc/passwd",
      "app://counterseal/.%2e/secret",
      "app://counterseal/assets/./index.js",
      "app://counterseal/./index.html",
      "app://counterseal/..",
      "app://counterseal/assets\\..\\secret.js",
    ]) {
      expect(get(url).status, url).toBe(403);
    }
  });

  it("refuses encoded separators, backslashes, NUL, drive letters and malformed escapes", () => {
    for (const url of [
      "app://counterseal/..%2fetc%2fpasswd",
      "app://counterseal/assets%2F..%2F..%2Fetc",
      "app://counterseal/assets%5c..%5cwindows",
      "app://counterseal/assets\\index.js",
      "app://counterseal/index.html%00.png",
      "app://counterseal/C:/Windows/win.ini",
      "app://counterseal/index.html::$DATA",
      "app://counterseal/%E0%A4%A",
    ]) {
      expect(get(url).status, url).toBe(400);
    }
  });

  it("does not serve hidden files, folders or unknown types", () => {
    expect(get("app://counterseal/.vite/manifest.json").status).toBe(403);
    expect(get("app://counterseal/.env").status).toBe(403);
    expect(get("app://counterseal/assets/").status).toBe(404);
    expect(get("app://counterseal//etc/passwd").status).toBe(404);
    expect(get("app://counterseal/tool.exe").status).toBe(404);
    expect(get("app://counterseal/README").status).toBe(404);
  });

  it("refuses what is not a URL", () => {
    expect(get("not a url").status).toBe(400);
    expect(get("").status).toBe(400);
  });

  it("never resolves outside the build folder, whatever the path (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), fc.constantFrom("..", ".", "%2e%2e", "%2f", "\\", "%5c", "%00", "C:", "")), { maxLength: 6 }), (parts) => {
        const decision = get(`app://counterseal/${parts.join("/")}`);
        if (decision.status === 200) {
          expect(isInsideDirectory(root, decision.filePath)).toBe(true);
          expect(decision.filePath).not.toBe(root);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe("isInsideDirectory", () => {
  it("knows inside from outside", () => {
    expect(isInsideDirectory("/a/b", "/a/b")).toBe(true);
    expect(isInsideDirectory("/a/b", "/a/b/c/d.js")).toBe(true);
    expect(isInsideDirectory("/a/b", "/a/bc/d.js")).toBe(false);
    expect(isInsideDirectory("/a/b", "/a")).toBe(false);
    expect(isInsideDirectory("/a/b", "/etc/passwd")).toBe(false);
    expect(isInsideDirectory("/a/b", "/a/b/..foo")).toBe(true);
  });
});

describe("contentTypeFor", () => {
  it("knows the build's file types and nothing else", () => {
    expect(contentTypeFor("x.HTML")).toBe("text/html; charset=utf-8");
    expect(contentTypeFor("x.wasm")).toBe("application/wasm");
    expect(contentTypeFor("x.svg")).toBe("image/svg+xml");
    expect(contentTypeFor("x.exe")).toBeUndefined();
    expect(contentTypeFor("x.constructor")).toBeUndefined();
    expect(contentTypeFor("noextension")).toBeUndefined();
  });
});
