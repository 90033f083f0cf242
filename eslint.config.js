// Lint rules that carry the architecture: import zones per folder (an allow-list), SQL only in
// the store, and the Electron crypto ban. Each is proved by a probe in tests/lint/.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import architecture from "./eslint-rules/architecture.js";

// Electron's BoringSSL has neither BLAKE2b nor ChaCha20-Poly1305: asking node:crypto for them
// works in tests (OpenSSL) and fails in the app. BLAKE2b comes from @noble/hashes, the AEAD from
// native libsodium (sodium-native), through electron/core/crypto/.
const cryptoBan = {
  selector:
    "CallExpression[callee.property.name=/^(createHash|createHmac|createCipheriv|createDecipheriv|hash|getHashes|getCiphers)$/] Literal[value=/blake2|chacha/i]",
  message:
    "Electron's BoringSSL has no BLAKE2b or ChaCha20-Poly1305: use electron/core/crypto/digest.ts (@noble/hashes) or chacha20-poly1305.ts (sodium-native) instead of node:crypto.",
};
const cryptoBanBare = {
  selector: "CallExpression[callee.name=/^(createHash|createHmac|createCipheriv|createDecipheriv|hash)$/] Literal[value=/blake2|chacha/i]",
  message: cryptoBan.message,
};

// Import zones, an allow-list per folder. A file takes the first zone whose `files` glob matches
// its path; it may import the folders in `imports` (globs over the path an import resolves to) and
// the packages in `packages`. A file under electron/, renderer/ or shared/ that no zone matches is
// a lint error, so a new folder is decided the day it is made. `*` in a zone (core/*, features/*)
// covers a new capability or feature at once, with that zone's rules.
const SHARED = "shared/**";
const CORE = ["electron/core/*/**", "electron/core/*.{ts,js}", SHARED];
const CORE_ROOT = "electron/core/*.{ts,js}";
const NODE = "node:*";
const RENDERER_PACKAGES = ["react", "react-dom", "react-aria-components", "react-i18next", "i18next", "zustand", "@tanstack/react-virtual", "pdfjs-dist", "chart.js", "react-chartjs-2"];
const CORE_WHY = "core runs in plain Node under the shell, the CLI and the test host, and is imported by them, never the reverse";
const RENDERER_WHY = "the renderer is a sandboxed page that reaches core only through window.counterseal (shared/api)";

const importZones = [
  // Pure JavaScript libraries only: zod, zxcvbn-ts for the one passphrase rule (shared/passphrase), and
  // @noble/hashes for the audit sample's SHA-256 and HMAC (shared/sampling), which anyone must be able to re-run.
  { files: "shared/**", imports: [SHARED], packages: ["zod", "@zxcvbn-ts/core", "@zxcvbn-ts/language-common", "@noble/hashes"], why: "shared/ is pure (no Node, Electron or DOM) and imports only shared/" },

  // The bottom of core: store/ and crypto/ import no other capability (store uses crypto and the runtime).
  // electron/core/errors.ts is the base of every deliberate core error; it imports only shared/.
  { files: "electron/core/crypto/**", imports: ["electron/core/crypto/**", "electron/core/errors.{ts,js}", SHARED], packages: [NODE, "@noble/hashes", "canonicalize", "sodium-native"], why: "crypto/ is the bottom of core" },
  { files: "electron/core/store/**", imports: ["electron/core/store/**", "electron/core/crypto/**", CORE_ROOT, SHARED], packages: [NODE, "better-sqlite3-multiple-ciphers", "sodium-native", "zod"], why: "store/ is the bottom of core: capabilities import it, not the reverse" },
  { files: "electron/core/bundles/**", imports: CORE, packages: [NODE, "tar-stream"], why: CORE_WHY },
  { files: "electron/core/demo/**", imports: CORE, packages: [NODE, "pdf-lib"], why: CORE_WHY },
  { files: "electron/core/decisions/**", imports: CORE, packages: [NODE, "zod", "pdf-lib", "@pdf-lib/fontkit", "qrcode"], why: CORE_WHY },
  { files: "electron/core/*/**", imports: CORE, packages: [NODE], why: CORE_WHY },
  // runtime.ts names the store's key-derivation cost type (store/kdf.ts, which imports nothing of core).
  { files: CORE_ROOT, imports: [CORE_ROOT, "electron/core/store/kdf.{ts,js}", SHARED], packages: [NODE], why: "the runtime and store location are below every capability" },

  // The table itself stays in core and shared/api; node: is for the doors' file tokens (a path checked, never read).
  { files: "electron/api/**", imports: ["electron/api/**", ...CORE], packages: [NODE, "zod"], why: "the API table calls core and speaks shared/api" },
  { files: "electron/web-policy/**", imports: ["electron/web-policy/**", SHARED], packages: [NODE], why: "the web policy is shared by the shell and the test host, so it knows neither" },
  { files: "electron/main/**", imports: ["electron/main/**", "electron/api/**", "electron/web-policy/**", ...CORE], packages: [NODE, "electron"], why: "the shell wires Electron to the API table" },
  { files: "electron/host/**", imports: ["electron/host/**", "electron/api/**", "electron/web-policy/**", ...CORE], packages: [NODE, "esbuild"], why: "the test host serves the API table in plain Node: no shell, no Electron" },
  { files: "electron/cli/**", imports: ["electron/cli/**", ...CORE], packages: [NODE, "commander", "cli-progress"], why: "the CLI runs core in plain Node" },
  { files: "electron/preload/**", imports: ["electron/preload/**", SHARED], packages: ["electron"], why: "the preload is sandboxed: it bridges IPC to shared/api and nothing else" },

  { files: "renderer/src/api/**", imports: ["renderer/src/api/**", SHARED], packages: RENDERER_PACKAGES, why: RENDERER_WHY },
  { files: "renderer/src/i18n/**", imports: ["renderer/src/i18n/**", SHARED], packages: RENDERER_PACKAGES, why: RENDERER_WHY },
  { files: "renderer/src/styles/**", imports: ["renderer/src/styles/**"], packages: [], why: "styles import only styles" },
  // StrengthMeter reuses the setup feature's strength estimate.
  { files: "renderer/src/components/**", imports: ["renderer/src/components/**", "renderer/src/store/**", "renderer/src/i18n/**", "renderer/src/features/setup-unlock/**", SHARED], packages: RENDERER_PACKAGES, why: RENDERER_WHY },
  // Stores hold the state of features and use their models.
  { files: "renderer/src/store/**", imports: ["renderer/src/store/**", "renderer/src/api/**", "renderer/src/app/**", "renderer/src/i18n/**", "renderer/src/features/*/**", SHARED], packages: RENDERER_PACKAGES, why: RENDERER_WHY },
  { files: "renderer/src/features/*/**", imports: ["renderer/src/features/*/**", "renderer/src/components/**", "renderer/src/store/**", "renderer/src/api/**", "renderer/src/i18n/**", "renderer/src/app/**", SHARED], packages: RENDERER_PACKAGES, why: RENDERER_WHY },
  { files: "renderer/src/app/**", imports: ["renderer/src/**", SHARED], packages: RENDERER_PACKAGES, why: RENDERER_WHY },
  { files: "renderer/src/*.{ts,tsx}", imports: ["renderer/src/**", "renderer/dev/**", SHARED], packages: RENDERER_PACKAGES, why: RENDERER_WHY },
  { files: "renderer/dev/**", imports: ["renderer/dev/**", SHARED], packages: [], why: "the mock bridge stands in for the preload: shared/api only" },
  { files: "renderer/vite.config.ts", imports: ["package.json"], packages: ["vite", "@vitejs/plugin-react"], why: "the renderer's build configuration" },
];

export default tseslint.config(
  { ignores: ["node_modules/**", "dist/**", "out/**", "coverage/**", "tests/.artifacts/**", "bench/.work/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { console: "readonly", process: "readonly", URL: "readonly" } },
    rules: {
      "no-restricted-syntax": ["error", cryptoBan, cryptoBanBare],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
    },
  },
  {
    files: ["**/*.{ts,tsx,js,mjs,cjs}"],
    plugins: { architecture },
    rules: {
      "architecture/import-boundaries": [
        "error",
        { root: import.meta.dirname, checked: ["electron/**", "renderer/**", "shared/**"], zones: importZones },
      ],
      // SQL is the store's business. tests/ are exempt: tests prove store properties on the file
      // itself (tampering with rows, the append-only triggers, crash consistency, seeding a large
      // inbox), which is possible only through a raw connection.
      "architecture/sql-in-store": "error",
    },
  },
  {
    files: ["electron/core/store/**", "tests/**"],
    rules: { "architecture/sql-in-store": "off" },
  },
  {
    files: ["**/*.{js,mjs}"],
    languageOptions: { globals: { console: "readonly", process: "readonly", URL: "readonly", setTimeout: "readonly" } },
  },
);
