// Probes for the lint rules that carry the architecture (eslint.config.js): each probe is a small
// source linted as if it sat at a given path, and must fail for the intended rule with its message,
// never for a parse error; each has an allowed twin that lints clean, so the failure is the rule's.
import { ESLint, type Linter } from "eslint";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT });
});

async function lint(as: string, code: string): Promise<Linter.LintMessage[]> {
  const [result] = await eslint.lintText(code, { filePath: `${ROOT}${as}`, warnIgnored: true });
  if (result === undefined) throw new Error(`no lint result for ${as}`);
  const fatal = result.messages.filter((message) => message.fatal === true);
  expect(fatal, `${as} must parse`).toEqual([]);
  return result.messages;
}

interface Probe {
  name: string;
  as: string;
  code: string;
  rule: string;
  message: RegExp;
  /** The same import or call where the rules allow it: must lint clean. */
  allowed: { as: string; code: string };
}

const use = (what: string) => `${what}\nexport const probe = value;\n`;
const boundaries = "architecture/import-boundaries";

const directionProbes: Probe[] = [
  {
    name: "shared/ imports no Node builtin",
    as: "shared/formats/probe.ts",
    code: use(`import { readFileSync as value } from "node:fs";`),
    rule: boundaries,
    message: /shared\/\*\* may not import the package 'node:fs'/,
    allowed: { as: "electron/core/bundles/probe.ts", code: use(`import { readFileSync as value } from "node:fs";`) },
  },
  {
    name: "shared/ imports only shared/",
    as: "shared/api/probe.ts",
    code: use(`import { value } from "../../electron/core/runtime.js";`),
    rule: boundaries,
    message: /shared\/\*\* may not import electron\/core\/runtime\.js/,
    allowed: { as: "shared/api/probe.ts", code: use(`import { value } from "../formats/request.js";`) },
  },
  {
    name: "shared/ imports neither react nor electron",
    as: "shared/api/probe.ts",
    code: use(`import value from "react";`),
    rule: boundaries,
    message: /may not import the package 'react'/,
    allowed: { as: "renderer/src/components/probe.ts", code: use(`import value from "react";`) },
  },
  {
    name: "a renderer feature does not import electron/",
    as: "renderer/src/features/inbox/probe.ts",
    code: use(`import { value } from "../../../../electron/api/dispatch.js";`),
    rule: boundaries,
    message: /renderer\/src\/features\/\*\/\*\* may not import electron\/api\/dispatch\.js/,
    allowed: { as: "renderer/src/features/inbox/probe.ts", code: use(`import { value } from "../../components/Button.js";`) },
  },
  {
    name: "the renderer imports neither Electron nor SQLite",
    as: "renderer/src/store/probe.ts",
    code: use(`import value from "electron";`),
    rule: boundaries,
    message: /may not import the package 'electron'/,
    allowed: { as: "renderer/src/store/probe.ts", code: use(`import value from "zustand";`) },
  },
  {
    name: "renderer api/ imports only itself and shared/",
    as: "renderer/src/api/probe.ts",
    code: use(`import { value } from "../store/inbox.js";`),
    rule: boundaries,
    message: /renderer\/src\/api\/\*\* may not import renderer\/src\/store\/inbox\.js/,
    allowed: { as: "renderer/src/api/probe.ts", code: use(`import { value } from "../../../shared/api/schemas.js";`) },
  },
  {
    name: "core does not import the shell",
    as: "electron/core/requests/probe.ts",
    code: use(`import { value } from "../../main/index.js";`),
    rule: boundaries,
    message: /electron\/core\/\*\/\*\* may not import electron\/main\/index\.js/,
    allowed: { as: "electron/core/requests/probe.ts", code: use(`import { value } from "../store/index.js";`) },
  },
  {
    name: "core does not import 'electron'",
    as: "electron/core/session/probe.ts",
    code: use(`import { app as value } from "electron";`),
    rule: boundaries,
    message: /may not import the package 'electron'/,
    allowed: { as: "electron/main/probe.ts", code: use(`import { app as value } from "electron";`) },
  },
  {
    name: "core does not import the API table, the CLI, the host, the preload or the web policy",
    as: "electron/core/bundles/probe.ts",
    code: use(`export { value } from "../../web-policy/app-origin.js";`).replace("export const probe = value;\n", ""),
    rule: boundaries,
    message: /may not import electron\/web-policy\/app-origin\.js/,
    allowed: { as: "electron/main/probe.ts", code: use(`export { value } from "../web-policy/app-origin.js";`).replace("export const probe = value;\n", "") },
  },
  {
    name: "store/ does not import a capability",
    as: "electron/core/store/repositories/probe.ts",
    code: use(`import type { value } from "../../bundles/import-bundle.js";`),
    rule: boundaries,
    message: /electron\/core\/store\/\*\* may not import electron\/core\/bundles\/import-bundle\.js.*store\/ is the bottom/,
    allowed: { as: "electron/core/store/repositories/probe.ts", code: use(`import type { value } from "../../crypto/digest.js";`) },
  },
  {
    name: "crypto/ imports no other capability, not even the store",
    as: "electron/core/crypto/probe.ts",
    code: use(`import { value } from "../store/index.js";`),
    rule: boundaries,
    message: /electron\/core\/crypto\/\*\* may not import electron\/core\/store\/index\.js/,
    allowed: { as: "electron/core/crypto/probe.ts", code: use(`import { value } from "./digest.js";`) },
  },
  {
    name: "the API table does not import the shell",
    as: "electron/api/handlers/probe.ts",
    code: use(`import { value } from "../../main/index.js";`),
    rule: boundaries,
    message: /electron\/api\/\*\* may not import electron\/main\/index\.js/,
    allowed: { as: "electron/api/handlers/probe.ts", code: use(`import { value } from "../../core/session/session-state.js";`) },
  },
  {
    name: "the shell does not import the test host (no main/host cycle)",
    as: "electron/main/probe.ts",
    code: use(`import { value } from "../host/http-api.js";`),
    rule: boundaries,
    message: /electron\/main\/\*\* may not import electron\/host\/http-api\.js/,
    allowed: { as: "electron/main/probe.ts", code: use(`import { value } from "../api/dispatch.js";`) },
  },
  {
    name: "the test host does not import the shell",
    as: "electron/host/probe.ts",
    code: use(`import { value } from "../main/index.js";`),
    rule: boundaries,
    message: /electron\/host\/\*\* may not import electron\/main\/index\.js/,
    allowed: { as: "electron/host/probe.ts", code: use(`import { value } from "../web-policy/app-origin.js";`) },
  },
  {
    name: "the test host does not import 'electron'",
    as: "electron/host/browser-bridge/probe.ts",
    code: use(`import { app as value } from "electron";`),
    rule: boundaries,
    message: /electron\/host\/\*\* may not import the package 'electron'/,
    allowed: { as: "electron/host/browser-bridge/probe.ts", code: use(`import { createServer as value } from "node:http";`) },
  },
  {
    name: "the web policy knows neither the shell nor the host",
    as: "electron/web-policy/probe.ts",
    code: use(`import { value } from "../main/index.js";`),
    rule: boundaries,
    message: /electron\/web-policy\/\*\* may not import electron\/main\/index\.js/,
    allowed: { as: "electron/web-policy/probe.ts", code: use(`import { value } from "../../shared/api/schemas.js";`) },
  },
  {
    name: "the web policy does not import 'electron'",
    as: "electron/web-policy/probe.ts",
    code: use(`import { session as value } from "electron";`),
    rule: boundaries,
    message: /electron\/web-policy\/\*\* may not import the package 'electron'/,
    allowed: { as: "electron/web-policy/probe.ts", code: use(`import { join as value } from "node:path";`) },
  },
  {
    name: "the CLI runs core, not the API table",
    as: "electron/cli/commands/probe.ts",
    code: use(`import { value } from "../../api/dispatch.js";`),
    rule: boundaries,
    message: /electron\/cli\/\*\* may not import electron\/api\/dispatch\.js/,
    allowed: { as: "electron/cli/commands/probe.ts", code: use(`import { value } from "../../core/bundles/import-bundle.js";`) },
  },
  {
    name: "the preload imports only shared/ and 'electron'",
    as: "electron/preload/probe.ts",
    code: use(`import { value } from "../core/runtime.js";`),
    rule: boundaries,
    message: /electron\/preload\/\*\* may not import electron\/core\/runtime\.js/,
    allowed: { as: "electron/preload/probe.ts", code: use(`import { contextBridge as value } from "electron";`) },
  },
  {
    name: "a dynamic import obeys the same zones",
    as: "electron/core/identity/probe.ts",
    code: `export const probe = () => import("../../host/http-api.js");\n`,
    rule: boundaries,
    message: /may not import electron\/host\/http-api\.js/,
    allowed: { as: "electron/core/identity/probe.ts", code: `export const probe = () => import("../store/index.js");\n` },
  },
];

const newFolderProbes: Probe[] = [
  {
    name: "a new core capability folder is covered by the core zone the day it is made",
    as: "electron/core/newcapability/probe.ts",
    code: use(`import { value } from "../../main/index.js";`),
    rule: boundaries,
    message: /electron\/core\/\*\/\*\* may not import electron\/main\/index\.js/,
    allowed: { as: "electron/core/newcapability/probe.ts", code: use(`import { value } from "../store/index.js";`) },
  },
  {
    name: "a new renderer feature is covered by the feature zone",
    as: "renderer/src/features/newfeature/probe.ts",
    code: use(`import { value } from "node:fs";`),
    rule: boundaries,
    message: /renderer\/src\/features\/\*\/\*\* may not import the package 'node:fs'/,
    allowed: { as: "renderer/src/features/newfeature/probe.ts", code: use(`import { value } from "../../store/inbox.js";`) },
  },
  {
    name: "a folder of electron/ the zones do not know fails lint, even with no imports",
    as: "electron/newfolder/probe.ts",
    code: `export const probe = 1;\n`,
    rule: boundaries,
    message: /electron\/newfolder\/probe\.ts is in a folder the import zones in eslint\.config\.js do not know/,
    allowed: { as: "electron/core/newcapability/probe.ts", code: `export const probe = 1;\n` },
  },
  {
    name: "a folder of renderer/ the zones do not know fails lint",
    as: "renderer/src/newfolder/probe.tsx",
    code: `export const probe = 1;\n`,
    rule: boundaries,
    message: /renderer\/src\/newfolder\/probe\.tsx is in a folder the import zones .* do not know/,
    allowed: { as: "renderer/src/features/newfeature/probe.tsx", code: `export const probe = 1;\n` },
  },
];

const sql = "architecture/sql-in-store";
const sqlProbes: Probe[] = [
  {
    name: "`.prepare(` outside store/",
    as: "electron/core/requests/probe.ts",
    code: `export const probe = (db: { prepare(sql: string): unknown }) => db.prepare("SELECT 1");\n`,
    rule: sql,
    message: /`\.prepare\(` belongs to electron\/core\/store\//,
    allowed: { as: "electron/core/store/repositories/probe.ts", code: `export const probe = (db: { prepare(sql: string): unknown }) => db.prepare("SELECT 1");\n` },
  },
  {
    name: "`.exec(` outside store/, RegExp#exec included (String#match is the way)",
    as: "renderer/src/features/inbox/probe.ts",
    code: `export const probe = (text: string) => /a(b)/.exec(text)?.[1];\n`,
    rule: sql,
    message: /`\.exec\(` belongs to electron\/core\/store\/.*String#match/,
    allowed: { as: "renderer/src/features/inbox/probe.ts", code: `export const probe = (text: string) => text.match(/a(b)/)?.[1];\n` },
  },
  {
    name: "`.exec(` in a script (outside the zoned folders) too",
    as: "scripts/probe.mjs",
    code: `export const probe = (db) => db["exec"]("DELETE FROM requests");\n`,
    rule: sql,
    message: /`\.exec\(` belongs to electron\/core\/store\//,
    allowed: { as: "tests/store/probe.ts", code: `export const probe = (db: { exec(sql: string): void }) => db.exec("DELETE FROM requests");\n` },
  },
  {
    name: "importing better-sqlite3 outside store/",
    as: "bench/probe.ts",
    code: use(`import value from "better-sqlite3-multiple-ciphers";`),
    rule: sql,
    message: /Only electron\/core\/store\/ opens SQLite/,
    allowed: { as: "tests/crash/probe.ts", code: use(`import value from "better-sqlite3-multiple-ciphers";`) },
  },
];

const cryptoMessage = /Electron's BoringSSL has no BLAKE2b or ChaCha20-Poly1305/;
const cryptoProbes: Probe[] = [
  {
    name: "node:crypto BLAKE2b through the module",
    as: "electron/core/bundles/probe.ts",
    code: `import crypto from "node:crypto";\nexport const probe = crypto.createHash("blake2b512");\n`,
    rule: "no-restricted-syntax",
    message: cryptoMessage,
    allowed: { as: "electron/core/bundles/probe.ts", code: `import crypto from "node:crypto";\nexport const probe = crypto.createHash("sha256");\n` },
  },
  {
    name: "node:crypto ChaCha20-Poly1305 as a bare import",
    as: "tests/crypto/probe.ts",
    code: `import { createCipheriv } from "node:crypto";\nexport const probe = createCipheriv("chacha20-poly1305", Buffer.alloc(32), Buffer.alloc(12));\n`,
    rule: "no-restricted-syntax",
    message: cryptoMessage,
    allowed: { as: "tests/crypto/probe.ts", code: `import { createCipheriv } from "node:crypto";\nexport const probe = createCipheriv("aes-256-gcm", Buffer.alloc(32), Buffer.alloc(12));\n` },
  },
];

describe.each([
  ["import direction", directionProbes],
  ["new and unknown folders", newFolderProbes],
  ["SQL only in the store", sqlProbes],
  ["the Electron crypto ban", cryptoProbes],
])("lint probes: %s", (_title, probes) => {
  it.each(probes)("$name", async (probe) => {
    const messages = await lint(probe.as, probe.code);
    expect(messages.map((message) => message.ruleId), JSON.stringify(messages)).toEqual([probe.rule]);
    expect(messages[0]?.message).toMatch(probe.message);
    expect(messages[0]?.severity).toBe(2);
    expect(await lint(probe.allowed.as, probe.allowed.code)).toEqual([]);
  });
});
