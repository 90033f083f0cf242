// Routes the application menu's actions (delivered by the preload) to the UI.
import { useEffect } from "react";
import { onMenuAction } from "../api/client.js";
import { useNavigation } from "../store/navigation.js";
import { useSession } from "../store/session.js";
import { lockNow } from "./lock-now.js";

export function useMenuActions(): void {
  useEffect(
    () =>
      onMenuAction((action) => {
        const navigation = useNavigation.getState();
        const unlocked = useSession.getState().phase === "unlocked";
        // An auditor's store imports audit packs, never requests, and has no inbox to search.
        const auditor = useSession.getState().mode === "auditor";
        switch (action) {
          case "lock":
            void lockNow("manual");
            break;
          case "about":
            navigation.setAboutOpen(true);
            break;
          case "user-guide":
            if (unlocked) navigation.navigate({ screen: "help" });
            break;
          case "import":
            if (unlocked && auditor) navigation.openPackPicker();
            else if (unlocked) navigation.openImportPicker();
            break;
          case "search":
            if (unlocked && !auditor) navigation.focusSearch();
            break;
        }
      }),
    [],
  );
}
