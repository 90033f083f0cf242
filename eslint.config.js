// Lint rules that carry the architecture: dependency directions and the Electron crypto ban.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

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

const restrict = (patterns) => ["error", { patterns }];
const group = (group, message) => ({ group, message });

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
    files: ["shared/**/*.ts"],
    rules: {
      "no-restricted-imports": restrict([
        group(["node:*", "fs", "path", "crypto", "electron", "react", "react-dom"], "shared/ is pure: no Node, Electron or DOM."),
        group(["**/electron/**", "**/renderer/**", "**/tests/**"], "shared/ imports only shared/."),
      ]),
    },
  },
  {
    files: ["electron/core/**/*.ts"],
    rules: {
      "no-restricted-imports": restrict([
        group(["electron"], "core services never import electron: the CLI and the e2e host run them in plain Node."),
        group(["**/main/**", "**/cli/**", "**/host/**", "**/preload/**", "**/renderer/**"], "core is imported by main, cli and host, never the reverse."),
      ]),
    },
  },
  {
    files: ["electron/core/store/**/*.ts", "electron/core/crypto/**/*.ts"],
    rules: {
      "no-restricted-imports": restrict([
        group(["electron"], "core services never import electron."),
        group(["**/main/**", "**/cli/**", "**/host/**", "**/preload/**", "**/renderer/**"], "core is imported by main, cli and host, never the reverse."),
        group(["**/bundles/**", "**/trust/**", "**/identity/**", "**/requests/**", "**/review/**", "**/decisions/**", "**/audit/**"], "store/ and crypto/ are the bottom of core: services import them, not the reverse."),
      ]),
    },
  },
  {
    files: ["electron/**/*.ts"],
    ignores: ["electron/core/**"],
    rules: {
      "no-restricted-imports": restrict([group(["**/renderer/**"], "electron/ never imports renderer/.")]),
    },
  },
  {
    files: ["renderer/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": restrict([
        group(["node:*", "electron", "better-sqlite3*"], "the renderer is a sandboxed browser page: no Node, no Electron, no SQL."),
        group(["**/electron/**"], "the renderer talks to core only through window.counterseal (shared/api)."),
      ]),
    },
  },
  {
    files: ["**/*.{js,mjs}"],
    languageOptions: { globals: { console: "readonly", process: "readonly", URL: "readonly", setTimeout: "readonly" } },
  },
);
