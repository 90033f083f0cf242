// An error shown in place: the core's sentence, and its code for whoever supports the reviewer.
// Every failure the UI shows goes through here, as a Failure from store/failure.ts.
import type { ReactNode } from "react";
import type { ErrorCode } from "../../../shared/api/errors.js";
import { useTranslation } from "react-i18next";
import { Icon } from "./Icon.js";

export function ErrorNote({ message, code, children }: { message: string; code?: ErrorCode | null; children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="note note-error" role="alert">
      <Icon name="alert" />
      <div>
        <p>{message}</p>
        {code ? <p className="note-code">{t("common.errorCode", { code })}</p> : null}
        {children}
      </div>
    </div>
  );
}
