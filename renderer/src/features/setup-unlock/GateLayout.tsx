// The calm frame around the screens before unlock: the app's name and one card.
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Icon } from "../../components/Icon.js";

export function GateLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="gate">
      <header className="gate-header">
        <Icon name="lock" className="brand-icon" />
        <span className="brand-name">{t("app.name")}</span>
        <span className="gate-tagline">{t("app.tagline")}</span>
      </header>
      <main id="main" className="gate-card" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
