// One catalogue (en.json) for every UI string. Values (dates, numbers, sizes) are formatted with
// Intl in the reviewer's locale by ./format.ts; the interface language itself is English for now.
import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import en from "./en.json";

export const UI_LANGUAGE = "en";

export async function initI18n(): Promise<void> {
  await i18next.use(initReactI18next).init({
    resources: { en: { translation: en } },
    lng: UI_LANGUAGE,
    fallbackLng: UI_LANGUAGE,
    // React escapes what it renders; escaping here would show &amp; in the UI.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
}

export { i18next };
