// The top of the UI: asks the core for the store's state and shows setup, unlock, or the shell.
// Live regions and the About dialog exist in every state.
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { ErrorNote } from "../components/ErrorNote.js";
import { LiveRegion } from "../components/LiveRegion.js";
import { CreateStoreScreen } from "../features/setup-unlock/CreateStoreScreen.js";
import { UnlockScreen } from "../features/setup-unlock/UnlockScreen.js";
import { useNavigation } from "../store/navigation.js";
import { useSession } from "../store/session.js";
import { AboutDialog } from "./AboutDialog.js";
import { Shell } from "./Shell.js";
import { useGlobalShortcuts } from "./useGlobalShortcuts.js";
import { useIdleLock } from "./useIdleLock.js";
import { useMenuActions } from "./useMenuActions.js";

export function App() {
  const { t } = useTranslation();
  const phase = useSession((state) => state.phase);
  const error = useSession((state) => state.error);

  useEffect(() => {
    void useSession.getState().check();
    const onHashChange = () => useNavigation.getState().syncFromHash();
    window.addEventListener("hashchange", onHashChange);
    return () => window.removeEventListener("hashchange", onHashChange);
  }, []);

  useGlobalShortcuts();
  useIdleLock();
  useMenuActions();

  let content;
  switch (phase) {
    case "checking":
      content = (
        <main className="gate" id="main" tabIndex={-1}>
          <p className="gate-loading" role="status">
            {t("app.loading")}
          </p>
        </main>
      );
      break;
    case "missing":
      content = <CreateStoreScreen />;
      break;
    case "locked":
      content = <UnlockScreen />;
      break;
    case "unavailable":
      content = (
        <main className="gate" id="main" tabIndex={-1}>
          <div className="gate-card">
            <h1>{t("app.name")}</h1>
            <ErrorNote message={error?.message ?? t("app.bridgeMissing")} code={error?.code ?? null} />
          </div>
        </main>
      );
      break;
    case "unlocked":
      content = <Shell />;
      break;
  }

  return (
    <>
      {content}
      <LiveRegion />
      <AboutDialog />
    </>
  );
}
