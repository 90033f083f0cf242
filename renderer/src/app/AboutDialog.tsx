import { useTranslation } from "react-i18next";
import { Button } from "react-aria-components";
import { ModalDialog } from "../components/ModalDialog.js";
import { useNavigation } from "../store/navigation.js";

export function AboutDialog() {
  const { t } = useTranslation();
  const open = useNavigation((state) => state.aboutOpen);
  const setOpen = useNavigation((state) => state.setAboutOpen);
  return (
    <ModalDialog title={t("about.title")} isOpen={open} onOpenChange={setOpen}>
      <p className="about-version">{t("about.version", { version: __APP_VERSION__ })}</p>
      <p>{t("about.body")}</p>
      <div className="dialog-actions">
        <Button className="button button-primary" slot="close" autoFocus>
          {t("about.close")}
        </Button>
      </div>
    </ModalDialog>
  );
}
