// Global keyboard shortcuts as a pure mapping from a key event's shape to an action, so the
// table is testable and the platform's modifier (Cmd on macOS, Ctrl elsewhere) is in one place.

export type ShortcutAction = "lock" | "import" | "search" | "focus-search";

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
  /** True when the event comes from a text field, where "/" types a slash. */
  inTextField: boolean;
}

export function shortcutFor(event: KeyLike, isMac: boolean): ShortcutAction | null {
  const primary = isMac ? event.metaKey && !event.ctrlKey : event.ctrlKey && !event.metaKey;
  const key = event.key.toLowerCase();
  if (primary && !event.altKey && !event.shiftKey) {
    if (key === "l") return "lock";
    if (key === "o") return "import";
    if (key === "f") return "search";
  }
  if (key === "/" && !event.ctrlKey && !event.metaKey && !event.altKey && !event.inTextField) return "focus-search";
  return null;
}

export const isTextField = (target: { tagName?: string; isContentEditable?: boolean; type?: string } | null): boolean => {
  if (!target?.tagName) return false;
  const tag = target.tagName.toUpperCase();
  if (tag === "TEXTAREA" || tag === "SELECT" || target.isContentEditable === true) return true;
  if (tag !== "INPUT") return false;
  const type = (target.type ?? "text").toLowerCase();
  return !["button", "checkbox", "radio", "submit", "reset", "file", "range", "color"].includes(type);
};
