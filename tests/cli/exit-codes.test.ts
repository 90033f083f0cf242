// The CLI's exit code follows from the error's API code, through the one table beside EXIT.
import { describe, expect, it } from "vitest";
import { BundleRefusal } from "../../electron/core/bundles/refusal.js";
import { AgeKeyError } from "../../electron/core/crypto/age-keys.js";
import { LockedError } from "../../electron/core/session/session-errors.js";
import { StoreError, StoreNotFoundError, WrongPassphraseError } from "../../electron/core/store/errors.js";
import { CliError, EXIT, exitCodeForErrorCode } from "../../electron/cli/exit-codes.js";
import { exitCodeFor } from "../../electron/cli/report-failure.js";

describe("exitCodeFor", () => {
  it("gives a wrong passphrase 3 and a refusal 1", () => {
    expect(exitCodeFor(new WrongPassphraseError("The passphrase does not open the store."))).toBe(EXIT.wrongPassphrase);
    expect(exitCodeFor(new BundleRefusal("tar-invalid", "not a tar archive"))).toBe(EXIT.refused);
  });

  it("reads the code, not the class", () => {
    expect(exitCodeFor({ code: "wrong-passphrase", message: "x" })).toBe(3);
    expect(exitCodeFor(Object.assign(new Error("x"), { code: "bundle-refused" }))).toBe(1);
    expect(exitCodeForErrorCode("wrong-passphrase")).toBe(3);
    expect(exitCodeForErrorCode("bundle-refused")).toBe(1);
  });

  it("gives other coded errors, uncoded errors and the CLI's own usage errors 2", () => {
    for (const error of [
      new StoreNotFoundError("no store"),
      new StoreError("a broken invariant"),
      new LockedError("locked"),
      new AgeKeyError("not an age identity"),
      Object.assign(new Error("ENOENT: no such file"), { code: "ENOENT" }),
      new Error("plain"),
      "a string",
      undefined,
      new CliError("the two passphrases differ"),
    ]) {
      expect(exitCodeFor(error), String(error)).toBe(EXIT.usage);
    }
  });

  it("keeps a CliError's own exit code", () => {
    expect(exitCodeFor(new CliError("--attach a.pdf is given twice", EXIT.refused))).toBe(EXIT.refused);
  });
});
