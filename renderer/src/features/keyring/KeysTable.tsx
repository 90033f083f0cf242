// Trusted keys, each with its entry's kind (authority, colleague reviewer, committee), its
// validity, and a Revoke button that asks first.
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "react-aria-components";
import type { KeyringEntry } from "../../../../shared/api/keyring.js";
import { ModalDialog } from "../../components/ModalDialog.js";
import { countryName, formatDate } from "../../i18n/format.js";
import { UI_LANGUAGE } from "../../i18n/index.js";
import { announce } from "../../store/announcer.js";
import { useKeyring } from "../../store/keyring.js";
import { failureFrom, type Failure } from "../../store/failure.js";
import { useLocale } from "../../store/settings.js";
import { ErrorNote } from "../../components/ErrorNote.js";
import { keyStatus } from "./keyring-model.js";

export function KeysTable({ entries }: { entries: readonly KeyringEntry[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const revoke = useKeyring((state) => state.revoke);
  const [pending, setPending] = useState<KeyringEntry | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const now = Date.now();
  const sorted = [...entries].sort((a, b) => a.name.localeCompare(b.name) || a.keyId.localeCompare(b.keyId));

  const confirm = async () => {
    if (!pending) return;
    setBusy(true);
    setFailure(null);
    try {
      await revoke(pending.keyId);
      announce(t("keyring.revoked", { keyId: pending.keyId }));
      setPending(null);
    } catch (error) {
      setFailure(failureFrom(error, (message) => t("keyring.revokeFailed", { message })));
    } finally {
      setBusy(false);
    }
  };

  const validity = (entry: KeyringEntry) => {
    const parts = [
      entry.validFrom ? t("keyring.validFrom", { date: formatDate(entry.validFrom, locale) }) : null,
      entry.validUntil ? t("keyring.validUntil", { date: formatDate(entry.validUntil, locale) }) : null,
    ].filter(Boolean);
    return parts.length > 0 ? parts.join(" ") : t("keyring.validAlways");
  };

  return (
    <>
      <div className="table-wrap">
        <table className="table">
          <caption className="visually-hidden">{t("keyring.keysCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("keyring.col.authority")}</th>
              <th scope="col">{t("keyring.col.kind")}</th>
              <th scope="col">{t("keyring.col.country")}</th>
              <th scope="col">{t("keyring.col.keyId")}</th>
              <th scope="col">{t("keyring.col.validity")}</th>
              <th scope="col">{t("keyring.col.status")}</th>
              <th scope="col">{t("keyring.col.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((entry) => {
              const status = keyStatus(entry, now);
              return (
                <tr key={entry.keyId} className={status === "revoked" ? "row-revoked" : undefined}>
                  <th scope="row">
                    <span className="cell-title">{entry.name}</span>
                    <code className="cell-sub">{entry.authorityId}</code>
                  </th>
                  <td>
                    <span className={`tag key-kind kind-${entry.kind}`}>{t(`keyring.kind.${entry.kind}`)}</span>
                  </td>
                  <td>
                    {countryName(entry.country, UI_LANGUAGE)} ({entry.country})
                  </td>
                  <td>
                    <code>{entry.keyId}</code>
                  </td>
                  <td>{validity(entry)}</td>
                  <td>
                    <span className={`status-label key-${status}`}>
                      {status === "revoked" ? t("keyring.keyStatus.revoked", { date: formatDate(entry.revokedAt, locale) }) : t(`keyring.keyStatus.${status}`)}
                    </span>
                  </td>
                  <td className="actions">
                    {status !== "revoked" ? (
                      <button
                        type="button"
                        className="button button-small button-danger"
                        aria-describedby={`key-${entry.keyId}`}
                        onClick={() => {
                          setFailure(null);
                          setPending(entry);
                        }}
                      >
                        {t("keyring.revoke")}
                      </button>
                    ) : null}
                    <span id={`key-${entry.keyId}`} className="visually-hidden">
                      {t("keyring.revokeLabel", { keyId: entry.keyId, name: entry.name })}
                    </span>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <ModalDialog title={t("keyring.revokeTitle")} role="alertdialog" dismissable={false} isOpen={pending !== null} onOpenChange={(open) => !open && !busy && setPending(null)}>
        <p>{pending ? t("keyring.revokeBody", { keyId: pending.keyId, name: pending.name }) : null}</p>
        {failure ? <ErrorNote message={failure.message} code={failure.code} /> : null}
        <div className="dialog-actions">
          <Button className="button" slot="close" isDisabled={busy} autoFocus>
            {t("keyring.cancel")}
          </Button>
          <Button className="button button-danger-solid" onPress={() => void confirm()} isDisabled={busy}>
            {t("keyring.revokeConfirm")}
          </Button>
        </div>
      </ModalDialog>
    </>
  );
}
