// Keyring and identity: the reviewer's public keys to hand out, the trusted authority keys with
// revoke, the form to add one, and importing an office age identity.
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { ErrorNote } from "../../components/ErrorNote.js";
import { useKeyring } from "../../store/keyring.js";
import { AddKeyForm } from "./AddKeyForm.js";
import { IdentityPanel } from "./IdentityPanel.js";
import { KeysTable } from "./KeysTable.js";

export function KeyringScreen() {
  const { t } = useTranslation();
  const load = useKeyring((state) => state.load);
  const error = useKeyring((state) => state.error);
  const entries = useKeyring((state) => state.entries);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <div className="screen screen-keyring">
      <div className="screen-head">
        <h1 tabIndex={-1}>{t("keyring.title")}</h1>
      </div>
      {error ? (
        <ErrorNote message={t("keyring.loadFailed", { message: error.message })} code={error.code}>
          <button type="button" className="button button-small" onClick={() => void load()}>
            {t("inbox.retry")}
          </button>
        </ErrorNote>
      ) : null}
      <IdentityPanel />
      <section className="panel" aria-labelledby="keys-title">
        <h2 id="keys-title">{t("keyring.keys")}</h2>
        {entries === null ? <p role="status">{t("app.loading")}</p> : entries.length === 0 ? <p className="muted">{t("keyring.noKeys")}</p> : <KeysTable entries={entries} />}
      </section>
      <AddKeyForm />
    </div>
  );
}
