// The startup self-test passes in this runtime and would notice a broken primitive.
import type * as NodeCrypto from "node:crypto";
import { describe, expect, it, vi } from "vitest";

describe("crypto self-test", () => {
  it("passes with working primitives", async () => {
    const { runCryptoSelfTest } = await import("../../electron/core/crypto/self-test.js");
    expect(await runCryptoSelfTest()).toEqual({ ok: true });
  });

  it("reports the failing primitive by name", async () => {
    vi.resetModules();
    vi.doMock("node:crypto", async (importOriginal) => {
      const real = await importOriginal<typeof NodeCrypto>();
      return { ...real, scryptSync: () => Buffer.alloc(64) };
    });
    try {
      const { runCryptoSelfTest } = await import("../../electron/core/crypto/self-test.js");
      expect(await runCryptoSelfTest()).toEqual({ ok: false, message: "scrypt: wrong result" });
    } finally {
      vi.doUnmock("node:crypto");
      vi.resetModules();
    }
  });
});
