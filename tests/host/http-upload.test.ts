import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { asPage, startTestHost, type TestHost } from "./host-fixtures.js";

const upload = (host: TestHost, name: string, body: Buffer, options: { chunked?: boolean; headers?: Record<string, string> } = {}) =>
  asPage(host, `/__upload?name=${encodeURIComponent(name)}`, {
    method: "POST",
    headers: { "Content-Type": "application/octet-stream", ...options.headers },
    body,
    chunked: options.chunked ?? false,
  });

const tokenOf = (response: { json(): unknown }): string => (response.json() as { value: { token: string } }).value.token;

/** The copy a token stands for, as importBundles would resolve it (spending the token). */
const uploadedPath = (host: TestHost, token: string): string => host.tokens.take([token], host.session)[0]?.path ?? "";

const bytes = (length: number): Buffer => Buffer.from(Array.from({ length }, (_, i) => (i * 7 + 3) % 256));

describe("POST /__upload", () => {
  it("streams the body to a fresh file in the uploads folder and answers a token for it, not its path", async () => {
    const host = await startTestHost();
    const content = bytes(300_000);
    const response = await upload(host, "request-2026.tar", content, { chunked: true });
    expect(response.status).toBe(200);
    expect(response.text).not.toContain(host.uploadsDir);
    const { value } = response.json() as { value: { token: string; name: string; size: number } };
    expect(value).toEqual({ token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/), name: "request-2026.tar", size: content.length });
    const saved = uploadedPath(host, value.token);
    expect(path.basename(saved)).toBe("request-2026.tar");
    expect(path.dirname(path.dirname(saved))).toBe(host.uploadsDir);
    expect(readFileSync(saved).equals(content)).toBe(true);
  });

  it("keeps two files with the same name apart", async () => {
    const host = await startTestHost();
    const a = uploadedPath(host, tokenOf(await upload(host, "bundle.tar", Buffer.from("a"))));
    const b = uploadedPath(host, tokenOf(await upload(host, "bundle.tar", Buffer.from("b"))));
    expect(a).not.toBe(b);
    expect(readFileSync(a, "utf8")).toBe("a");
    expect(readFileSync(b, "utf8")).toBe("b");
  });

  it("keeps only a safe last segment of the name", async () => {
    const host = await startTestHost();
    for (const [name, expected] of [
      ["../../../etc/cron.d/evil", "evil"],
      ["C:\\Users\\ada\\bundle.tar", "bundle.tar"],
      [".bashrc", "bashrc"],
      ["..", "upload"],
      ["", "upload"],
      ["a\u0000b\nc.tar", "a_b_c.tar"],
    ] as const) {
      const saved = uploadedPath(host, tokenOf(await upload(host, name, Buffer.from("x"))));
      expect(path.basename(saved), JSON.stringify(name)).toBe(expected);
      expect(path.dirname(path.dirname(saved))).toBe(host.uploadsDir);
    }
  });

  it("keeps no copy when no token can be issued (the store is locked)", async () => {
    const host = await startTestHost({
      importFiles: { register: () => Promise.reject(Object.assign(new Error("The store is locked: unlock it with its passphrase."), { code: "locked" })) },
    });
    const response = await upload(host, "bundle.tar", Buffer.from("x"));
    expect(response.json()).toEqual({ ok: false, error: { code: "locked", message: "The store is locked: unlock it with its passphrase." } });
    expect(readdirSync(host.uploadsDir)).toEqual([]);
  });

  it("refuses a file over the limit, declared or streamed, and leaves nothing behind", async () => {
    const host = await startTestHost({ maxUploadBytes: 100_000 });
    for (const chunked of [false, true]) {
      const response = await upload(host, "big.tar", bytes(250_000), { chunked });
      expect(response.status, `chunked: ${chunked}`).toBe(413);
      expect(response.json()).toMatchObject({ error: { code: "host-upload-too-large" } });
    }
    expect(readdirSync(host.uploadsDir)).toEqual([]);
    expect((await upload(host, "fits.tar", bytes(100_000))).status).toBe(200);
  });

  it("refuses other content types, other pages and other methods", async () => {
    const host = await startTestHost();
    expect((await upload(host, "a.tar", Buffer.from("x"), { headers: { "Content-Type": "multipart/form-data; boundary=x" } })).status).toBe(415);
    expect((await upload(host, "a.tar", Buffer.from("x"), { headers: { Origin: "http://evil.example" } })).status).toBe(403);
    expect((await upload(host, "a.tar", Buffer.from("x"), { headers: { Origin: host.origin, "Sec-Fetch-Site": "same-site" } })).status).toBe(403);
    const get = await asPage(host, "/__upload?name=a.tar");
    expect(get.status).toBe(405);
    expect(get.headers.allow).toBe("POST");
    expect(readdirSync(host.uploadsDir)).toEqual([]);
  });
});
