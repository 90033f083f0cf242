// Builds the sandboxed renderer into dist/app/renderer, served by the app:// protocol under a
// strict CSP: no inline scripts, nothing inlined as data: URLs, no source maps in production.
// pdf.js's worker is emitted as its own file (imported with `?url`) so it loads from 'self'.
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import pkg from "../package.json" with { type: "json" };

export default defineConfig({
  root: import.meta.dirname,
  base: "./",
  plugins: [react()],
  define: {
    __APP_VERSION__: JSON.stringify(pkg.version),
  },
  build: {
    outDir: "../dist/app/renderer",
    emptyOutDir: true,
    assetsInlineLimit: 0,
    sourcemap: false,
    target: "chrome130",
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 1600,
  },
  server: { port: 5174, strictPort: false },
});
