import { describe, expect, it, vi } from "vitest";
import { apiMethods } from "../../shared/api/contract.js";
import { createDispatcher, isApiMethod, type ApiHandlers } from "../../electron/api/dispatch.js";
import { INTERNAL_ERROR_MESSAGE, formatIssuePath, toApiError } from "../../electron/api/dispatch-errors.js";
import { StoreError, WrongPassphraseError } from "../../electron/core/store/errors.js";

const identity = {
  reviewer: { name: "Ada Reviewer", office: "Oversight Office", keyId: "0123456789ABCDEF", minisignPublicKey: "RWQ..." },
  ageRecipients: ["age1example"],
};

function fakeHandlers(overrides: Partial<ApiHandlers> = {}): ApiHandlers {
  const unused = Object.fromEntries(
    apiMethods.map((method) => [
      method,
      () => {
        throw new Error(`${method} is not used in this test`);
      },
    ]),
  ) as unknown as ApiHandlers;
  return {
    ...unused,
    getStoreStatus: () => ({ state: "locked", location: "/tmp/store" }),
    createStore: () => identity,
    unlock: () => identity,
    lock: () => null,
    getIdentity: async () => identity,
    listKeyring: () => [],
    revokeKey: () => {
      throw new Error("not used");
    },
    importBundles: ({ tokens }) => tokens.map((file) => ({ file, status: "imported" as const, authority: "nl-om-rotterdam", id: "REQ-1", revision: 1 })),
    ...overrides,
  };
}

class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

describe("createDispatcher", () => {
  it("calls the handler with the parsed arguments and answers ok", async () => {
    const unlock = vi.fn(() => identity);
    const { dispatch } = createDispatcher(fakeHandlers({ unlock }));
    await expect(dispatch("unlock", { passphrase: "correct horse" })).resolves.toEqual({ ok: true, value: identity });
    expect(unlock).toHaveBeenCalledWith({ passphrase: "correct horse" });
  });

  it("awaits async handlers", async () => {
    const { dispatch } = createDispatcher(fakeHandlers());
    await expect(dispatch("getIdentity", {})).resolves.toEqual({ ok: true, value: identity });
  });

  it("refuses unknown methods, including Object.prototype names", async () => {
    const { dispatch } = createDispatcher(fakeHandlers());
    for (const method of ["nope", "constructor", "__proto__", "toString", "hasOwnProperty", ""]) {
      const result = await dispatch(method, {});
      expect(result).toMatchObject({ ok: false, error: { code: "unknown-method" } });
    }
    expect(isApiMethod("unlock")).toBe(true);
    expect(isApiMethod("constructor")).toBe(false);
  });

  it("knows every contract method", () => {
    for (const method of apiMethods) expect(isApiMethod(method)).toBe(true);
  });

  it("refuses arguments that do not parse, naming the field, and never calls the handler", async () => {
    const unlock = vi.fn(() => identity);
    const { dispatch } = createDispatcher(fakeHandlers({ unlock }));
    const result = await dispatch("unlock", { passphrase: "" });
    expect(result).toEqual({
      ok: false,
      error: { code: "invalid-arguments", message: "The arguments to unlock are not valid: passphrase: the passphrase is empty." },
    });
    expect(unlock).not.toHaveBeenCalled();
  });

  it("names nested fields with their index", async () => {
    const { dispatch } = createDispatcher(fakeHandlers());
    const result = await dispatch("importBundles", { tokens: ["A".repeat(43), 7] });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe("invalid-arguments");
      expect(result.error.message).toContain("tokens[1]:");
    }
  });

  it("takes no file-system path from the caller: importBundles only tokens, saveAttachment no destination", async () => {
    const importBundles = vi.fn(() => []);
    const saveAttachment = vi.fn(() => ({ saved: false as const }));
    const { dispatch } = createDispatcher(fakeHandlers({ importBundles, saveAttachment }));
    const ref = { authority: "nl-om-rotterdam", id: "REQ-1", revision: 1, path: "attachments/order.pdf" };
    for (const [method, args] of [
      ["importBundles", { paths: ["/home/ada/.bashrc"] }],
      ["importBundles", { tokens: ["A".repeat(43)], paths: ["/home/ada/.bashrc"] }],
      ["importBundles", { tokens: ["/home/ada/bundle.sealed"] }],
      ["importBundles", { tokens: ["../../../../etc/passwd"] }],
      ["saveAttachment", { ...ref, destination: "/home/ada/.bashrc" }],
      ["saveAttachment", { ...ref, path: "attachments/order.pdf", to: "/home/ada/.config/autostart/x.desktop" }],
    ] as const) {
      const result = await dispatch(method, args);
      expect(result, `${method} ${JSON.stringify(args)}`).toMatchObject({ ok: false, error: { code: "invalid-arguments" } });
    }
    expect(importBundles).not.toHaveBeenCalled();
    expect(saveAttachment).not.toHaveBeenCalled();
    expect(await dispatch("saveAttachment", ref)).toEqual({ ok: true, value: { saved: false } });
  });

  it("lets no path out in a save's answer: the result schema is strict", async () => {
    const leaky = vi.fn(() => ({ saved: true as const, bytes: 3, name: "order.pdf", path: "/home/ada/Downloads/order.pdf" }));
    const onInternalError = vi.fn();
    const { dispatch } = createDispatcher(fakeHandlers({ saveAttachment: leaky }), { onInternalError });
    const result = await dispatch("saveAttachment", { authority: "a", id: "b", revision: 1, path: "attachments/order.pdf" });
    expect(result).toEqual({ ok: false, error: { code: "internal", message: INTERNAL_ERROR_MESSAGE } });
    expect(onInternalError).toHaveBeenCalledOnce();
  });

  it("refuses missing, non-object and over-full arguments", async () => {
    const { dispatch } = createDispatcher(fakeHandlers());
    for (const raw of [undefined, null, "x", 1, [], { extra: true }]) {
      const result = await dispatch("getStoreStatus", raw);
      expect(result).toMatchObject({ ok: false, error: { code: "invalid-arguments" } });
    }
    const extra = await dispatch("unlock", { passphrase: "p", remember: true });
    expect(extra.ok).toBe(false);
    if (!extra.ok) expect(extra.error.message).toMatch(/arguments: .*remember/);
  });

  it("does not echo a rejected passphrase", async () => {
    const { dispatch } = createDispatcher(fakeHandlers());
    const result = await dispatch("unlock", { passphrase: 123456789 });
    expect(JSON.stringify(result)).not.toContain("123456789");
  });

  it("passes a domain error's code and message through", async () => {
    const { dispatch } = createDispatcher(
      fakeHandlers({
        unlock: () => {
          throw new DomainError("wrong-passphrase", "The passphrase does not open this store.");
        },
      }),
    );
    await expect(dispatch("unlock", { passphrase: "x" })).resolves.toEqual({
      ok: false,
      error: { code: "wrong-passphrase", message: "The passphrase does not open this store." },
    });
  });

  it("hides other errors behind 'internal' and reports them to the host", async () => {
    const onInternalError = vi.fn();
    const secretError = new Error("SQLITE_CORRUPT at /home/ada/store/db.sqlite");
    const { dispatch } = createDispatcher(
      fakeHandlers({
        lock: () => {
          throw secretError;
        },
      }),
      { onInternalError },
    );
    const result = await dispatch("lock", {});
    expect(result).toEqual({ ok: false, error: { code: "internal", message: INTERNAL_ERROR_MESSAGE } });
    expect(JSON.stringify(result)).not.toMatch(/SQLITE|home|at /);
    expect(onInternalError).toHaveBeenCalledWith("lock", secretError);
  });

  it("treats rejected promises like throws", async () => {
    const { dispatch } = createDispatcher(
      fakeHandlers({ getIdentity: () => Promise.reject(new DomainError("locked", "Unlock the store first.")) }),
    );
    await expect(dispatch("getIdentity", {})).resolves.toEqual({ ok: false, error: { code: "locked", message: "Unlock the store first." } });
  });

  it("refuses a well-formed code that is not on the list as internal, and reports it", async () => {
    const onInternalError = vi.fn();
    const invented = new DomainError("store-locked", "Unlock the store first.");
    const { dispatch } = createDispatcher(fakeHandlers({ getIdentity: () => Promise.reject(invented) }), { onInternalError });
    await expect(dispatch("getIdentity", {})).resolves.toEqual({ ok: false, error: { code: "internal", message: INTERNAL_ERROR_MESSAGE } });
    expect(onInternalError).toHaveBeenCalledWith("getIdentity", invented);
  });

  it("passes a core error's own code through, and keeps a broken store invariant internal", async () => {
    const onInternalError = vi.fn();
    const invariant = new StoreError("Migration 3 leaves 2 foreign key violation(s).");
    const { dispatch } = createDispatcher(
      fakeHandlers({
        unlock: () => {
          throw new WrongPassphraseError("The passphrase does not open this store.");
        },
        lock: () => {
          throw invariant;
        },
      }),
      { onInternalError },
    );
    await expect(dispatch("unlock", { passphrase: "x" })).resolves.toEqual({
      ok: false,
      error: { code: "wrong-passphrase", message: "The passphrase does not open this store." },
    });
    await expect(dispatch("lock", {})).resolves.toEqual({ ok: false, error: { code: "internal", message: INTERNAL_ERROR_MESSAGE } });
    expect(onInternalError).toHaveBeenCalledWith("lock", invariant);
  });

  it("refuses an answer outside the contract instead of passing extra fields on", async () => {
    const onInternalError = vi.fn();
    const leaky = { ...identity, privateKey: "AGE-SECRET-KEY-1..." } as unknown as typeof identity;
    const { dispatch } = createDispatcher(fakeHandlers({ getIdentity: () => leaky }), { onInternalError });
    const result = await dispatch("getIdentity", {});
    expect(result).toMatchObject({ ok: false, error: { code: "internal" } });
    expect(JSON.stringify(result)).not.toContain("AGE-SECRET-KEY");
    expect(onInternalError).toHaveBeenCalledOnce();
  });
});

describe("toApiError", () => {
  it("keeps listed codes only", () => {
    expect(toApiError(new DomainError("request-not-found", "No such request."))).toEqual({ code: "request-not-found", message: "No such request." });
    expect(toApiError({ code: "bundle-refused", message: "Refused." })).toEqual({ code: "bundle-refused", message: "Refused." });
    // Kebab-case is not enough: a refusal's own spec code, or a code nobody listed, is internal.
    expect(toApiError(new DomainError("bag-digest-mismatch", "A file was altered.")).code).toBe("internal");
    expect(toApiError(new DomainError("not-unlocked", "Unlock first.")).code).toBe("internal");
    expect(toApiError(new DomainError("internal", "Migration 2 is numbered 3.")).message).toBe(INTERNAL_ERROR_MESSAGE);
  });

  it("does not pass Node, SQLite or empty-message errors through", () => {
    const enoent = Object.assign(new Error("ENOENT: no such file or directory, open '/home/ada/x'"), { code: "ENOENT" });
    expect(toApiError(enoent).code).toBe("internal");
    expect(toApiError(Object.assign(new Error("busy"), { code: "SQLITE_BUSY" })).code).toBe("internal");
    expect(toApiError(Object.assign(new Error("bad"), { code: "ERR_INVALID_ARG_TYPE" })).code).toBe("internal");
    expect(toApiError(new DomainError("wrong-passphrase", "  ")).code).toBe("internal");
    expect(toApiError({ code: 7, message: "x" }).code).toBe("internal");
    for (const thrown of [undefined, null, "wrong-passphrase", 42, new Error("plain")]) expect(toApiError(thrown).code).toBe("internal");
  });
});

describe("formatIssuePath", () => {
  it("writes paths the way a caller writes them", () => {
    expect(formatIssuePath([])).toBe("arguments");
    expect(formatIssuePath(["passphrase"])).toBe("passphrase");
    expect(formatIssuePath(["paths", 3])).toBe("paths[3]");
    expect(formatIssuePath(["a", "b", 0, "c"])).toBe("a.b[0].c");
  });
});
