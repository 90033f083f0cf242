// The reviewer's settings: idle lock minutes and the locale for dates and numbers.
import { create } from "zustand";
import { api } from "../api/client.js";
import type { Settings } from "../../../shared/api/store.js";
import { DEFAULT_IDLE_MINUTES } from "../app/idle.js";
import { pickLocale } from "../i18n/format.js";
import { failureFrom } from "./failure.js";

interface SettingsState {
  settings: Settings;
  loaded: boolean;
  load: () => Promise<void>;
  update: (changes: Partial<Settings>) => Promise<Settings>;
  changePassphrase: (current: string, next: string) => Promise<void>;
  reset: () => void;
}

const defaults = (): Settings => ({ idleLockMinutes: DEFAULT_IDLE_MINUTES, locale: pickLocale(navigator.languages) });

export const useSettings = create<SettingsState>()((set) => ({
  settings: defaults(),
  loaded: false,
  load: async () => {
    try {
      const settings = await api.getSettings({});
      set({ settings, loaded: true });
    } catch (error) {
      // Without its settings the app keeps the defaults; only a lock needs handling.
      failureFrom(error);
    }
  },
  update: async (changes) => {
    const settings = await api.updateSettings(changes);
    set({ settings, loaded: true });
    return settings;
  },
  changePassphrase: async (current, next) => {
    await api.changePassphrase({ current, next });
  },
  reset: () => set({ settings: defaults(), loaded: false }),
}));

/** The locale for Intl formatting everywhere. */
export const useLocale = (): string => useSettings((state) => state.settings.locale);
