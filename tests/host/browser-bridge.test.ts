import { runInNewContext } from "node:vm";
import { describe, expect, it, vi } from "vitest";
import { apiMethods } from "../../shared/api/contract.js";
import { createBrowserBridge as createBridgeWithPicker, type Fetch, type PickFiles } from "../../electron/host/browser-bridge/create-bridge.js";
import { bridgeScript } from "../../electron/host/browser-bridge/build.js";

type Call = { url: string; init: RequestInit };

/** A fetch that records each call and answers from `answer`. */
function fakeFetch(answer: (call: Call) => Response | Promise<Response>): { fetch: Fetch; calls: Call[] } {
  const calls: Call[] = [];
  return {
    calls,
    fetch: async (url, init) => {
      const call = { url, init };
      calls.push(call);
      return answer(call);
    },
  };
}

/** The bridge with a picker that the tests in this file do not open unless they say so. */
const createBrowserBridge = (fetch: Fetch, pickFiles: PickFiles = () => Promise.reject(new Error("no picker here"))) => createBridgeWithPicker(fetch, pickFiles);

const json = (body: unknown, status = 200): Response => new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });

describe("the browser bridge's API methods", () => {
  it("has one function per contract method, and nothing can be swapped", () => {
    const { bridge } = createBrowserBridge(fakeFetch(() => json({ ok: true, value: null })).fetch);
    for (const method of apiMethods) expect(typeof bridge[method], method).toBe("function");
    expect(Object.keys(bridge).sort()).toEqual([...apiMethods, "chooseImportFiles", "onMenuAction", "tokenForDroppedFile"].sort());
    expect(Object.isFrozen(bridge)).toBe(true);
  });

  it("POSTs the arguments as JSON to /__api/<method> and returns the host's ApiResult", async () => {
    const { fetch, calls } = fakeFetch(() => json({ ok: true, value: { state: "locked", location: "/s" } }));
    const { bridge } = createBrowserBridge(fetch);
    await expect(bridge.getStoreStatus({})).resolves.toEqual({ ok: true, value: { state: "locked", location: "/s" } });
    await bridge.unlock({ passphrase: "p" });
    expect(calls.map(({ url }) => url)).toEqual(["/__api/getStoreStatus", "/__api/unlock"]);
    expect(calls[1]?.init).toEqual({ method: "POST", credentials: "same-origin", headers: { "Content-Type": "application/json" }, body: '{"passphrase":"p"}' });
  });

  it("passes failed results and refusals through as they are", async () => {
    const refusal = { ok: false, error: { code: "host-forbidden", message: "Open the URL the test host printed." } };
    const { bridge } = createBrowserBridge(fakeFetch(() => json(refusal, 403)).fetch);
    await expect(bridge.lock({})).resolves.toEqual(refusal);
  });

  it("turns a network failure into host-unreachable, never a throw", async () => {
    const { bridge } = createBrowserBridge(async () => {
      throw new TypeError("Failed to fetch");
    });
    await expect(bridge.getStoreStatus({})).resolves.toEqual({ ok: false, error: { code: "host-unreachable", message: "The Counterseal test host did not answer: Failed to fetch" } });
  });

  it("turns answers that are not ApiResults into host-bad-answer", async () => {
    for (const answer of [new Response("<html>", { status: 502 }), json({ hello: 1 }), json({ ok: false, error: { code: 3 } }), json({ ok: true })]) {
      const { bridge } = createBrowserBridge(async () => answer);
      const result = await bridge.getStoreStatus({});
      expect(result).toMatchObject({ ok: false, error: { code: "host-bad-answer" } });
    }
  });
});

describe("chooseImportFiles and tokenForDroppedFile", () => {
  const picked = { token: "T".repeat(43), name: "a b.tar", size: 3 };

  it("uploads a dropped file as octet-stream under its name and answers the host's token", async () => {
    const { fetch, calls } = fakeFetch(() => json({ ok: true, value: picked }));
    const { bridge } = createBrowserBridge(fetch);
    const file = new File(["abc"], "a b.tar");
    await expect(bridge.tokenForDroppedFile(file)).resolves.toEqual({ ok: true, value: picked });
    expect(calls[0]?.url).toBe("/__upload?name=a%20b.tar");
    expect(calls[0]?.init).toMatchObject({ method: "POST", credentials: "same-origin", headers: { "Content-Type": "application/octet-stream" } });
    expect(calls[0]?.init.body).toBe(file);
  });

  it("passes the host's refusal on, and says when the host cannot be reached or answers nonsense", async () => {
    const refusal = { ok: false, error: { code: "host-upload-too-large", message: "Too large." } };
    const { bridge } = createBrowserBridge(async () => json(refusal, 413));
    await expect(bridge.tokenForDroppedFile(new File(["x"], "x"))).resolves.toEqual(refusal);
    const { bridge: offline } = createBrowserBridge(async () => {
      throw new TypeError("Failed to fetch");
    });
    await expect(offline.tokenForDroppedFile(new File(["x"], "x"))).resolves.toMatchObject({ ok: false, error: { code: "host-unreachable", message: expect.stringContaining("Failed to fetch") } });
    const { bridge: odd } = createBrowserBridge(async () => json({ path: "/up/a.tar" }));
    await expect(odd.tokenForDroppedFile(new File(["x"], "x"))).resolves.toMatchObject({ ok: false, error: { code: "host-bad-answer" } });
  });

  it("uploads every picked file in turn, answers [] when the picker is cancelled, and stops at a refusal", async () => {
    const { fetch, calls } = fakeFetch(({ url }) => json({ ok: true, value: { ...picked, name: decodeURIComponent(url.split("=")[1] ?? "") } }));
    const files = [new File(["1"], "one.sealed"), new File(["22"], "two.sealed")];
    const { bridge } = createBrowserBridge(fetch, async () => files);
    const chosen = await bridge.chooseImportFiles();
    expect(chosen).toEqual({ ok: true, value: [{ ...picked, name: "one.sealed" }, { ...picked, name: "two.sealed" }] });
    expect(calls.map((call) => call.url)).toEqual(["/__upload?name=one.sealed", "/__upload?name=two.sealed"]);

    const { bridge: cancelled } = createBrowserBridge(fetch, async () => []);
    await expect(cancelled.chooseImportFiles()).resolves.toEqual({ ok: true, value: [] });

    const refusal = { ok: false, error: { code: "locked", message: "The store is locked." } };
    const { bridge: locked } = createBrowserBridge(async () => json(refusal), async () => files);
    await expect(locked.chooseImportFiles()).resolves.toEqual(refusal);
  });
});

describe("onMenuAction and the test hook", () => {
  it("delivers emitted actions to listeners until they unsubscribe", () => {
    const { bridge, hooks } = createBrowserBridge(fakeFetch(() => json({})).fetch);
    const first = vi.fn();
    const second = vi.fn();
    const stopFirst = bridge.onMenuAction(first);
    bridge.onMenuAction(second);
    hooks.emitMenuAction("lock");
    stopFirst();
    hooks.emitMenuAction("import");
    expect(first.mock.calls).toEqual([["lock"]]);
    expect(second.mock.calls).toEqual([["lock"], ["import"]]);
  });

  it("refuses actions the menu does not have", () => {
    const { hooks } = createBrowserBridge(fakeFetch(() => json({})).fetch);
    expect(() => hooks.emitMenuAction("format-disk" as never)).toThrow(TypeError);
  });
});

describe("the built shim", () => {
  it("is a small classic script without zod, naming every contract method", async () => {
    const script = await bridgeScript();
    expect(script.length).toBeLessThan(20_000);
    expect(script).not.toMatch(/\bzod\b|ZodError|\bimport\s*[{(]|\bexport\b/);
    for (const method of apiMethods) expect(script).toContain(`"${method}"`);
  });

  it("defines a non-writable window.counterseal and the hidden test hook when run", async () => {
    const script = await bridgeScript();
    const fetch = vi.fn(async () => json({ ok: true, value: { state: "missing", location: "/s" } }));
    const page: Record<string, unknown> = { fetch };
    runInNewContext(script, page);
    const descriptor = Object.getOwnPropertyDescriptor(page, "counterseal");
    expect(descriptor).toMatchObject({ writable: false, configurable: false, enumerable: true });
    expect(Object.getOwnPropertyDescriptor(page, "__countersealHost")).toMatchObject({ writable: false, configurable: false, enumerable: false });
    const bridge = descriptor?.value as { getStoreStatus(args: object): Promise<unknown> };
    await expect(bridge.getStoreStatus({})).resolves.toEqual({ ok: true, value: { state: "missing", location: "/s" } });
    expect(fetch).toHaveBeenCalledOnce();
  });
});
