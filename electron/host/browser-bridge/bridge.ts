// Entry of the browser shim the test host puts first in every page: defines `window.counterseal`
// (and the test hooks) before the renderer's own scripts run. esbuild bundles it as one IIFE.
// Non-writable, non-configurable: like contextBridge's object, the page cannot swap it out.
import type { PickedFile } from "../../../shared/api/bridge.js";
import { createBrowserBridge, type Fetch, type PickFiles } from "./create-bridge.js";

// The few DOM members the picker uses (this code is type-checked without the DOM library).
interface FileInput {
  type: string;
  multiple: boolean;
  hidden: boolean;
  readonly files: ArrayLike<PickedFile> | null;
  addEventListener(type: "change" | "cancel", listener: () => void, options: { once: true }): void;
  click(): void;
  remove(): void;
}
interface PageDocument {
  createElement(tag: "input"): FileInput;
  readonly body: { append(node: FileInput): void };
}
interface PageNavigator {
  readonly userActivation?: { readonly isActive: boolean };
}

/** Where the app opens main's dialog, the shim opens a file input of its own (and answers [] on cancel). */
const pickWithFileInput: PickFiles = () =>
  new Promise((resolve) => {
    const { document, navigator } = globalThis as unknown as { document: PageDocument; navigator: PageNavigator };
    // Without a click or key press behind it the browser shows no chooser and says nothing (no
    // change, no cancel): answer "nothing picked" rather than wait for ever.
    if (navigator.userActivation?.isActive === false) return resolve([]);
    const input = document.createElement("input");
    input.type = "file";
    input.multiple = true;
    input.hidden = true;
    const finish = (files: readonly PickedFile[]): void => {
      input.remove();
      resolve(files);
    };
    input.addEventListener("change", () => finish(Array.from(input.files ?? [])), { once: true });
    input.addEventListener("cancel", () => finish([]), { once: true });
    document.body.append(input);
    input.click();
  });

// Bound: called as a bare function, the browser's fetch throws "Illegal invocation".
const { bridge, hooks } = createBrowserBridge(globalThis.fetch.bind(globalThis) as Fetch, pickWithFileInput);

Object.defineProperty(globalThis, "counterseal", { value: bridge, enumerable: true });
Object.defineProperty(globalThis, "__countersealHost", { value: hooks, enumerable: false });
