// The confirmation before signing: an alert dialog that names what is signed (what, on what,
// with which key) and must be answered; Cancel has focus first, so Enter never signs by accident.
import type { ReactNode } from "react";
import { Button } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { ErrorNote } from "../../components/ErrorNote.js";
import { ModalDialog } from "../../components/ModalDialog.js";
import type { Failure } from "../../store/failure.js";

interface Props {
  title: string;
  isOpen: boolean;
  onClose: () => void;
  onConfirm: () => void;
  confirmLabel: string;
  busy: boolean;
  error: Failure | null;
  children: ReactNode;
  /** What the confirm button says while busy; "Signing…" by default. */
  busyLabel?: string;
}

export function ConfirmSignDialog({ title, isOpen, onClose, onConfirm, confirmLabel, busy, error, children, busyLabel }: Props) {
  const { t } = useTranslation();
  return (
    <ModalDialog title={title} role="alertdialog" dismissable={false} isOpen={isOpen} onOpenChange={(open) => !open && !busy && onClose()}>
      {children}
      {error ? <ErrorNote message={error.message} code={error.code} /> : null}
      <div className="dialog-actions">
        <Button className="button" slot="close" isDisabled={busy} autoFocus>
          {t("common.cancel")}
        </Button>
        <Button className="button button-primary" onPress={onConfirm} isDisabled={busy}>
          {busy ? (busyLabel ?? t("common.signing")) : confirmLabel}
        </Button>
      </div>
    </ModalDialog>
  );
}
