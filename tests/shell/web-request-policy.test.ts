import { describe, expect, it } from "vitest";
import { isAllowedWebRequest } from "../../electron/main/security/web-request-policy.js";

describe("isAllowedWebRequest", () => {
  it("lets the app's own origin through", () => {
    expect(isAllowedWebRequest("app://counterseal/index.html")).toBe(true);
    expect(isAllowedWebRequest("app://counterseal/assets/pdf.worker.mjs?x")).toBe(true);
  });

  it("lets in-page blob: and data: URLs through", () => {
    expect(isAllowedWebRequest("blob:app://counterseal/5b0c7a36-0f55-4c4a-9a0e-0d3e1c1f2a3b")).toBe(true);
    expect(isAllowedWebRequest("data:image/png;base64,iVBORw0KGgo=")).toBe(true);
  });

  it("cancels every network and file scheme", () => {
    for (const url of [
      "http://example.com/",
      "https://example.com/font.woff2",
      "http://127.0.0.1:8080/",
      "http://localhost/",
      "ws://example.com/",
      "wss://example.com/",
      "ftp://example.com/",
      "file:///etc/passwd",
      "chrome://settings",
      "chrome-extension://abc/x.js",
      "app://other/index.html",
      "app://counterseal:1/index.html",
      "app://user@counterseal/index.html",
      "not a url",
      "",
    ]) {
      expect(isAllowedWebRequest(url), url).toBe(false);
    }
  });

  it("allows devtools: only when DevTools are allowed", () => {
    const url = "devtools://devtools/bundled/devtools_app.html";
    expect(isAllowedWebRequest(url)).toBe(false);
    expect(isAllowedWebRequest(url, { allowDevTools: false })).toBe(false);
    expect(isAllowedWebRequest(url, { allowDevTools: true })).toBe(true);
    expect(isAllowedWebRequest("https://chrome-devtools-frontend.appspot.com/", { allowDevTools: true })).toBe(false);
  });
});
