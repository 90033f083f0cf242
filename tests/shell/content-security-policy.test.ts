import { describe, expect, it } from "vitest";
import { contentSecurityPolicy } from "../../electron/web-policy/content-security-policy.js";
import { appResponseHeaders } from "../../electron/web-policy/response-headers.js";

const directives = (policy: string): Map<string, string> =>
  new Map(policy.split(";").map((part) => {
    const [name = "", ...sources] = part.trim().split(/\s+/);
    return [name, sources.join(" ")] as const;
  }));

describe("contentSecurityPolicy", () => {
  it("is exactly the agreed policy", () => {
    expect(contentSecurityPolicy()).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' blob: data:; font-src 'self'; " +
        "connect-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
  });

  it("allows no inline code, eval or remote source anywhere", () => {
    const policy = contentSecurityPolicy();
    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval|wasm-unsafe-eval|unsafe-hashes|strict-dynamic|\*|https?:|wss?:|file:/);
  });

  it("lets workers come only from the app, not from blob: URLs", () => {
    expect(directives(contentSecurityPolicy()).get("worker-src")).toBe("'self'");
  });

  it("starts from default-src 'none' and keeps scripts to the app", () => {
    const map = directives(contentSecurityPolicy());
    expect(map.get("default-src")).toBe("'none'");
    expect(map.get("script-src")).toBe("'self'");
    expect(map.get("object-src")).toBe("'none'");
    expect(map.get("frame-ancestors")).toBe("'none'");
  });
});

describe("appResponseHeaders", () => {
  it("carries the CSP and anti-sniffing headers on every response", () => {
    const headers = appResponseHeaders("text/html; charset=utf-8");
    expect(headers).toEqual({
      "Content-Type": "text/html; charset=utf-8",
      "Content-Security-Policy": contentSecurityPolicy(),
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "no-referrer",
      "Cross-Origin-Opener-Policy": "same-origin",
      "Cross-Origin-Resource-Policy": "same-origin",
      "Cache-Control": "no-store",
    });
    expect(appResponseHeaders()).not.toHaveProperty("Content-Type");
    expect(appResponseHeaders()["Content-Security-Policy"]).toBe(contentSecurityPolicy());
  });
});
