// Globals the page is given: the preload's bridge (absent when opened outside the app) and the
// version Vite writes in at build time.
import type { CountersealBridge } from "../../shared/api/bridge.js";

declare global {
  interface Window {
    readonly counterseal?: CountersealBridge;
  }
  const __APP_VERSION__: string;
}

export {};
