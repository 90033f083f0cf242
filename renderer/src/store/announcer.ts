// The live regions' text: import results, errors and state changes read out by screen readers.
import { create } from "zustand";

interface AnnouncerState {
  polite: string;
  assertive: string;
  announce: (message: string, urgency?: "polite" | "assertive") => void;
  clear: () => void;
}

export const useAnnouncer = create<AnnouncerState>()((set) => ({
  polite: "",
  assertive: "",
  announce: (message, urgency = "polite") => {
    // Clear first so the same sentence twice is read twice.
    set({ [urgency]: "" });
    window.setTimeout(() => set({ [urgency]: message }), 50);
  },
  clear: () => set({ polite: "", assertive: "" }),
}));

export const announce = (message: string, urgency: "polite" | "assertive" = "polite"): void =>
  useAnnouncer.getState().announce(message, urgency);
