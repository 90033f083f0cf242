// Applied to every WebContents the app ever creates (web-contents-created), not only the main
// window, so a contents we did not expect is locked down just the same.
import type { WebContents } from "electron";
import { denyWindowOpen, refuse } from "./navigation.js";

export type HardenableContents = Pick<WebContents, "on" | "setWindowOpenHandler">;

export function hardenWebContents(contents: HardenableContents): void {
  contents.setWindowOpenHandler(denyWindowOpen);
  contents.on("will-navigate", refuse);
  contents.on("will-frame-navigate", refuse);
  contents.on("will-redirect", refuse);
  contents.on("will-attach-webview", refuse);
}
