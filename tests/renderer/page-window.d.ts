// The one page global the renderer's stores reach under the Node-side type check (tsconfig.json has
// no DOM lib): the bridge api/client.ts looks up at call time. The store tests stub it per test.
import type { CountersealBridge } from "../../shared/api/bridge.js";

declare global {
  const window: { readonly counterseal?: CountersealBridge };
}

export {};
