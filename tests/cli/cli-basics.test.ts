// The CLI contract's global rules: help, usage errors, where the store is, the passphrase, and
// `init` (exit codes 0 / 2 / 3, the store left untouched when refused).
import { chmodSync, existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  REPO_ROOT,
  cliOk,
  expectExit,
  fingerprintDir,
  identityOf,
  initStore,
  runCli,
  type CliResult,
  type IdentityJson,
} from "../helpers/cli.js";
import { suiteTempFolder } from "../helpers/temp.js";
import { readKdfRecord, RECOMMENDED_KDF } from "../../electron/core/store/index.js";
import { OTHER_TEST_PASSPHRASE } from "../helpers/passphrases.js";

const COMMANDS = ["init", "passphrase", "identity", "trust", "import", "requests", "show", "seal", "keygen", "demo"];

describe.concurrent("help, version and usage errors", () => {
  const temp = suiteTempFolder("cli-usage");
  afterAll(() => temp.remove());

  it("--help exits 0 and lists every command and the exit codes", async () => {
    const [top, trust, identity] = await Promise.all([runCli(["--help"]), runCli(["trust", "--help"]), runCli(["identity", "--help"])]);
    for (const result of [top, trust, identity]) expectExit(result, 0);
    const listed = (help: string | undefined) => (help ?? "").split("Commands:")[1] ?? "";
    for (const command of COMMANDS) expect(listed(top?.stdout)).toMatch(new RegExp(`^  ${command}\\b`, "m"));
    for (const command of ["add", "revoke", "list"]) expect(listed(trust?.stdout)).toMatch(new RegExp(`^  ${command}\\b`, "m"));
    expect(listed(identity?.stdout)).toMatch(/^ {2}add-age\b/m);
    for (const line of [/0\s+success/, /1\s+some input was refused/, /2\s+usage or store error/, /3\s+wrong passphrase/]) {
      expect(top?.stdout).toMatch(line);
    }
  });

  it("--version exits 0 and prints the package version", async () => {
    const version = (JSON.parse(readFileSync(join(REPO_ROOT, "package.json"), "utf8")) as { version: string }).version;
    const result = await cliOk(["--version"]);
    expect(result.stdout.trim()).toBe(version);
  });

  it("an unknown command, an unknown option, a missing argument or option exits 2", async () => {
    const store = join(temp.dir, "never-created");
    const results = await Promise.all([
      runCli(["bogus"]),
      runCli(["--bogus", "requests"]),
      runCli(["--store", store, "import"]),
      runCli(["--store", store, "init", "--office", "Only an office"]),
      runCli(["--store", store, "show"]),
    ]);
    for (const result of results) {
      expectExit(result, 2);
      expect(result.stderr).toMatch(/error: (unknown|missing required|required option)/);
    }
    expect(existsSync(store)).toBe(false);
  });

  // Commander reports a missing (sub)command as "commander.help" with exit code 1: help shown as
  // an error, which the contract calls a usage error.
  it("a missing command or subcommand is a usage error (exit 2), not success", async () => {
    const [none, trust] = await Promise.all([runCli([]), runCli(["trust"])]);
    expectExit(none, 2);
    expectExit(trust, 2);
  });
});

describe("where the store is, and its passphrase", () => {
  const temp = suiteTempFolder("cli-store");
  const storeDir = join(temp.dir, "store");
  const missing = join(temp.dir, "no-store-here");
  let identity: IdentityJson;
  beforeAll(async () => {
    await initStore(storeDir, "Ada Reviewer", "Office of the Data Commissioner");
    identity = await identityOf(storeDir);
  });
  afterAll(() => temp.remove());

  it("init creates the store, the reviewer's signing key and one office age identity", async () => {
    expect(existsSync(join(storeDir, "counterseal.db"))).toBe(true);
    expect(identity.reviewer).toMatchObject({ name: "Ada Reviewer", office: "Office of the Data Commissioner" });
    expect(identity.reviewer.keyId).toMatch(/^[0-9A-F]{1,16}$/);
    expect(identity.ageRecipients).toHaveLength(1);
    const requests = await cliOk(["--store", storeDir, "requests", "--json"]);
    expect(requests.stdout).toBe("");
  });

  it("init refuses an existing store with exit 2 and leaves it untouched", async () => {
    const before = fingerprintDir(storeDir);
    const result = await runCli(["--store", storeDir, "init", "--reviewer", "Mallory", "--office", "Elsewhere"]);
    expectExit(result, 2);
    expect(result.stderr).toMatch(/already exists/);
    expect(fingerprintDir(storeDir)).toEqual(before);
    expect(await identityOf(storeDir)).toEqual(identity);
  });

  // Run once, shared by the next two tests.
  let otherPassphrase: Promise<{ result: CliResult; before: Record<string, string>; after: Record<string, string> }> | undefined;
  const initWithOtherPassphrase = () =>
    (otherPassphrase ??= (async () => {
      const before = fingerprintDir(storeDir);
      const result = await runCli(["--store", storeDir, "init", "--reviewer", "Mallory", "--office", "Elsewhere"], {
        env: { COUNTERSEAL_PASSPHRASE: "some other passphrase" },
      });
      return { result, before, after: fingerprintDir(storeDir) };
    })());

  it("init with another passphrase over an existing store refuses and leaves it untouched", async () => {
    const { result, before, after } = await initWithOtherPassphrase();
    expect(result.code).not.toBe(0);
    expect(after).toEqual(before);
  });

  // init finishes an interrupted init only when the passphrase opens the file; a store under
  // another passphrase is simply an existing store (exit 2), not a wrong passphrase (exit 3).
  it("init with another passphrase over an existing store exits 2, as for any existing store", async () => {
    const { result } = await initWithOtherPassphrase();
    expectExit(result, 2);
    expect(result.stderr).toMatch(/already exists/);
  });

  it("--store (before or after the command) wins over COUNTERSEAL_STORE, which is used when --store is absent", async () => {
    const [flagWins, flagAfterCommand, fromEnv, envMissing] = await Promise.all([
      runCli(["--store", storeDir, "identity", "--json"], { env: { COUNTERSEAL_STORE: missing } }),
      runCli(["identity", "--json", "--store", storeDir], { env: { COUNTERSEAL_STORE: missing } }),
      runCli(["identity", "--json"], { env: { COUNTERSEAL_STORE: storeDir } }),
      runCli(["identity", "--json"], { env: { COUNTERSEAL_STORE: missing } }),
    ]);
    for (const result of [flagWins, flagAfterCommand, fromEnv]) {
      expectExit(result, 0);
      expect(JSON.parse(result.stdout)).toEqual(identity);
    }
    expectExit(envMissing, 2);
    expect(envMissing.stderr).toContain(missing);
  });

  it("a wrong passphrase exits 3 with a clear message, whichever command opens the store", async () => {
    const wrong = { env: { COUNTERSEAL_PASSPHRASE: "not the passphrase" } };
    const results = await Promise.all([
      runCli(["--store", storeDir, "identity", "--json"], wrong),
      runCli(["--store", storeDir, "trust", "revoke", "ABCDEF"], wrong),
      runCli(["--store", storeDir, "import", "--json", join(temp.dir, "whatever.sealed")], wrong),
      runCli(["--store", storeDir, "show", "a/b", "--json"], wrong),
    ]);
    for (const result of results) {
      expectExit(result, 3);
      expect(result.stdout).toBe("");
      expect(result.stderr).toMatch(/^counterseal: .*passphrase.*\n$/);
      expect(result.stderr).toContain(storeDir);
    }
  });

  it("a missing store exits 2 naming it, and creates nothing", async () => {
    const results = await Promise.all([
      runCli(["--store", missing, "trust", "list", "--json"]),
      runCli(["--store", missing, "import", "--json", join(temp.dir, "whatever.sealed")]),
      runCli(["--store", missing, "requests", "--json"]),
    ]);
    for (const result of results) {
      expectExit(result, 2);
      expect(result.stdout).toBe("");
      expect(result.stderr).toMatch(/^counterseal: No Counterseal store in .*\n$/);
      expect(result.stderr).toContain(missing);
    }
    expect(existsSync(missing)).toBe(false);
  });

  it("without COUNTERSEAL_PASSPHRASE and no terminal, exits 2 naming the variable", async () => {
    const [open, create] = await Promise.all([
      runCli(["--store", storeDir, "identity", "--json"], { env: { COUNTERSEAL_PASSPHRASE: undefined } }),
      runCli(["--store", join(temp.dir, "new"), "init", "--reviewer", "R", "--office", "O"], { env: { COUNTERSEAL_PASSPHRASE: undefined } }),
    ]);
    for (const result of [open, create]) {
      expectExit(result, 2);
      expect(result.stderr).toContain("COUNTERSEAL_PASSPHRASE");
    }
    expect(existsSync(join(temp.dir, "new"))).toBe(false);
  });
});

describe("the app's default store", () => {
  const temp = suiteTempFolder("cli-default");
  afterAll(() => temp.remove());

  it("without --store or COUNTERSEAL_STORE, commands use $XDG_CONFIG_HOME/Counterseal/store", async () => {
    const env = { XDG_CONFIG_HOME: join(temp.dir, "config"), HOME: join(temp.dir, "home"), COUNTERSEAL_STORE: undefined };
    await cliOk(["init", "--reviewer", "Default Reviewer", "--office", "Default Office"], { env });
    const store = join(temp.dir, "config", "Counterseal", "store");
    expect(existsSync(join(store, "counterseal.db"))).toBe(true);
    // The CLI, with no test runtime, keys the store with the recommended cost and records it.
    expect(readKdfRecord(store)).toEqual({ kdf: RECOMMENDED_KDF });
    const shown = await cliOk(["identity", "--json"], { env });
    expect((JSON.parse(shown.stdout) as IdentityJson).reviewer.name).toBe("Default Reviewer");
  });
});

describe("the passphrase rule and the store's permissions", () => {
  const temp = suiteTempFolder("cli-rules");
  afterAll(() => temp.remove());

  it("init refuses a weak passphrase with exit 2, saying why, and creates nothing", async () => {
    const storeDir = join(temp.dir, "weak");
    const result = await runCli(["--store", storeDir, "init", "--reviewer", "R", "--office", "O"], { env: { COUNTERSEAL_PASSPHRASE: "summer2024" } });
    expectExit(result, 2);
    expect(result.stderr).toMatch(/^counterseal: The passphrase is too weak: it is shorter than 12 characters.*four or more unrelated words\.\n$/);
    expect(existsSync(storeDir)).toBe(false);
  });

  it("passphrase changes it under the rule, re-deriving the key at the recommended cost", async () => {
    const storeDir = join(temp.dir, "rekeyed");
    await initStore(storeDir);
    const weak = await runCli(["--store", storeDir, "passphrase"], { env: { COUNTERSEAL_NEW_PASSPHRASE: "password1" } });
    expectExit(weak, 2);
    expect(weak.stderr).toMatch(/^counterseal: The passphrase is too weak: .*commonly used password/);

    const changed = await cliOk(["--store", storeDir, "passphrase"], { env: { COUNTERSEAL_NEW_PASSPHRASE: OTHER_TEST_PASSPHRASE } });
    expect(changed.stdout).toBe(`changed the passphrase of the store in ${storeDir} (key derived with Argon2id m=196608 KiB, t=3, p=1)\n`);
    expect(readKdfRecord(storeDir)).toEqual({ kdf: RECOMMENDED_KDF });
    expectExit(await runCli(["--store", storeDir, "identity", "--json"]), 3);
    await cliOk(["--store", storeDir, "identity", "--json"], { env: { COUNTERSEAL_PASSPHRASE: OTHER_TEST_PASSPHRASE } });
  });

  it.skipIf(process.platform === "win32")("warns on stderr, and still works, when other users can read the store", async () => {
    const storeDir = join(temp.dir, "open");
    await initStore(storeDir);
    const quiet = await cliOk(["--store", storeDir, "identity", "--json"]);
    expect(quiet.stderr).toBe("");
    chmodSync(storeDir, 0o755);
    const warned = await cliOk(["--store", storeDir, "identity", "--json"]);
    expect(warned.stderr).toBe(
      `counterseal: warning: The store folder ${storeDir} can be opened by other users (mode 0755); make it private: chmod 700 '${storeDir}'.\n`,
    );
  });
});
