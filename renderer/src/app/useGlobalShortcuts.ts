// Ctrl/Cmd+L locks, Ctrl/Cmd+O opens the file picker, Ctrl/Cmd+F and "/" focus the inbox search.
// In the app the menu's accelerators usually catch these first and arrive as menu actions.
import { useEffect } from "react";
import { useNavigation } from "../store/navigation.js";
import { useSession } from "../store/session.js";
import { isMac } from "./platform.js";
import { isTextField, shortcutFor } from "./shortcuts.js";
import { lockNow } from "./lock-now.js";

export function useGlobalShortcuts(): void {
  useEffect(() => {
    const mac = isMac();
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || useSession.getState().phase !== "unlocked") return;
      const target = event.target as (HTMLElement & { type?: string }) | null;
      const action = shortcutFor(
        {
          key: event.key,
          ctrlKey: event.ctrlKey,
          metaKey: event.metaKey,
          altKey: event.altKey,
          shiftKey: event.shiftKey,
          inTextField: isTextField(target),
        },
        mac,
      );
      if (!action) return;
      // Inside a modal dialog only locking makes sense.
      if (action !== "lock" && document.querySelector(".modal-overlay")) return;
      event.preventDefault();
      const navigation = useNavigation.getState();
      // An auditor's store imports audit packs, never requests, and has no inbox to search.
      const auditor = useSession.getState().mode === "auditor";
      if (action === "lock") void lockNow("manual");
      else if (action === "import") {
        if (auditor) navigation.openPackPicker();
        else navigation.openImportPicker();
      } else if (!auditor) navigation.focusSearch();
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, []);
}
