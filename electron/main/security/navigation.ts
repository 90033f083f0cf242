// The window shows the app and nothing else: no navigation, no redirect, no new windows, no
// <webview>. Routing inside the UI is in-page (hash or memory), which fires none of these events.

interface Preventable {
  preventDefault(): void;
}

/** For will-navigate, will-frame-navigate, will-redirect and will-attach-webview. */
export const refuse = (event: Preventable): void => {
  event.preventDefault();
};

/** For setWindowOpenHandler: window.open and target=_blank links open nothing. */
export const denyWindowOpen = (): { action: "deny" } => ({ action: "deny" });
