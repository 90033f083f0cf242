// Modal and alert dialogs on react-aria-components: focus is trapped and restored, Escape closes,
// the page behind is inert, and the title names the dialog.
import type { ReactNode } from "react";
import { Dialog, Heading, Modal, ModalOverlay } from "react-aria-components";

interface ModalDialogProps {
  title: string;
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  role?: "dialog" | "alertdialog";
  children: ReactNode;
  /** Alert dialogs must be answered: a click outside does not dismiss them. */
  dismissable?: boolean;
}

export function ModalDialog({ title, isOpen, onOpenChange, role = "dialog", children, dismissable = true }: ModalDialogProps) {
  return (
    <ModalOverlay className="modal-overlay" isOpen={isOpen} onOpenChange={onOpenChange} isDismissable={dismissable} isKeyboardDismissDisabled={false}>
      <Modal className="modal">
        <Dialog className="dialog" role={role}>
          <Heading slot="title" className="dialog-title">
            {title}
          </Heading>
          {children}
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
