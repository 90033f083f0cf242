// Entry of the browser shim the test host puts first in every page: defines `window.counterseal`
// (and the test hooks) before the renderer's own scripts run. esbuild bundles it as one IIFE.
// Non-writable, non-configurable: like contextBridge's object, the page cannot swap it out.
import { createBrowserBridge, type Fetch } from "./create-bridge.js";

// Bound: called as a bare function, the browser's fetch throws "Illegal invocation".
const { bridge, hooks } = createBrowserBridge(globalThis.fetch.bind(globalThis) as Fetch);

Object.defineProperty(globalThis, "counterseal", { value: bridge, enumerable: true });
Object.defineProperty(globalThis, "__countersealHost", { value: hooks, enumerable: false });
