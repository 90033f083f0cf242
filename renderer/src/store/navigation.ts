// Where the reviewer is (hash route), plus one-shot requests other parts make of a screen
// (focus the search box, open the file picker) and the About dialog.
import { create } from "zustand";
import { DEFAULT_ROUTE, parseRoute, routeHash, type Route } from "../app/routes.js";

interface NavigationState {
  route: Route;
  /** Bumped to ask the inbox to focus its search box. */
  searchFocus: number;
  /** Bumped to ask the import screen to open the file picker. */
  importPicker: number;
  aboutOpen: boolean;
  /** Set when leaving a request, so the inbox puts focus back on its row. */
  returnFocus: boolean;
  backToInbox: () => void;
  consumeReturnFocus: () => boolean;
  navigate: (route: Route, options?: { replace?: boolean }) => void;
  syncFromHash: () => void;
  focusSearch: () => void;
  openImportPicker: () => void;
  /** Auditor mode's Import: the audit packs screen, with its file picker open. */
  openPackPicker: () => void;
  setAboutOpen: (open: boolean) => void;
  reset: () => void;
}

export const useNavigation = create<NavigationState>()((set, get) => ({
  route: parseRoute(window.location.hash),
  searchFocus: 0,
  importPicker: 0,
  aboutOpen: false,
  returnFocus: false,
  backToInbox: () => {
    set({ returnFocus: true });
    get().navigate({ screen: "inbox" });
  },
  consumeReturnFocus: () => {
    const value = get().returnFocus;
    if (value) set({ returnFocus: false });
    return value;
  },
  navigate: (route, options) => {
    const hash = routeHash(route);
    if (window.location.hash !== hash) {
      if (options?.replace) window.history.replaceState(null, "", hash);
      else window.location.hash = hash;
    }
    set({ route });
  },
  syncFromHash: () => {
    const route = parseRoute(window.location.hash);
    if (routeHash(route) !== routeHash(get().route)) set({ route });
  },
  focusSearch: () => {
    get().navigate({ screen: "inbox" });
    set((state) => ({ searchFocus: state.searchFocus + 1 }));
  },
  openImportPicker: () => {
    get().navigate({ screen: "import" });
    set((state) => ({ importPicker: state.importPicker + 1 }));
  },
  openPackPicker: () => {
    get().navigate({ screen: "audit-packs" });
    set((state) => ({ importPicker: state.importPicker + 1 }));
  },
  setAboutOpen: (aboutOpen) => set({ aboutOpen }),
  reset: () => {
    // A case reference in the address is case data too.
    get().navigate(DEFAULT_ROUTE, { replace: true });
    set({ aboutOpen: false, returnFocus: false });
  },
}));
