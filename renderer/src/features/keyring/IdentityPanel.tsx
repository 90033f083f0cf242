// The reviewer's public signing key and the office's age recipients, with copy buttons, and
// importing an existing office age identity from a file.
import { useRef } from "react";
import { useTranslation } from "react-i18next";
import { CopyButton } from "../../components/CopyButton.js";
import { announce } from "../../store/announcer.js";
import { failureFrom } from "../../store/failure.js";
import { useKeyring } from "../../store/keyring.js";
import { useSession } from "../../store/session.js";
import { FieldRow } from "../request/ProvenanceSection.js";

export function IdentityPanel() {
  const { t } = useTranslation();
  // An auditor hands the recipient to the office, not to issuing authorities.
  const auditor = useSession((state) => state.mode === "auditor");
  const identity = useKeyring((state) => state.identity);
  const importAgeIdentities = useKeyring((state) => state.importAgeIdentities);
  const fileRef = useRef<HTMLInputElement>(null);

  const onFile = async (file: File) => {
    try {
      const text = await file.text();
      const result = await importAgeIdentities(text);
      announce(t("keyring.identityImported", { added: result.added.length, known: result.known.length }));
    } catch (error) {
      const failure = failureFrom(error, (message) => t("keyring.identityFailed", { message }));
      if (failure) announce(failure.message, "assertive");
    }
  };

  return (
    <section className="panel" aria-labelledby="identity-title">
      <h2 id="identity-title">{t("keyring.identity")}</h2>
      <p className="muted">{auditor ? t("auditor.mode.identityIntro") : t("keyring.identityIntro")}</p>
      {identity ? (
        <dl className="fields">
          <FieldRow label={t("keyring.reviewer")}>{identity.reviewer.name}</FieldRow>
          <FieldRow label={t("keyring.office")}>{identity.reviewer.office}</FieldRow>
          <FieldRow label={t("keyring.keyId")}>
            <code>{identity.reviewer.keyId}</code>
          </FieldRow>
          <FieldRow label={t("keyring.publicKey")}>
            <div className="copy-row">
              <code className="key-text">{identity.reviewer.minisignPublicKey}</code>
              <CopyButton text={identity.reviewer.minisignPublicKey} what={t("keyring.publicKey")} />
            </div>
          </FieldRow>
          <FieldRow label={t("keyring.ageRecipients")}>
            {identity.ageRecipients.length === 0 ? (
              <span className="muted">{t("keyring.noRecipients")}</span>
            ) : (
              <ul className="plain-list">
                {identity.ageRecipients.map((recipient) => (
                  <li key={recipient} className="copy-row">
                    <code className="key-text">{recipient}</code>
                    <CopyButton text={recipient} what={`${t("keyring.ageRecipients")} ${recipient.slice(0, 12)}…`} />
                  </li>
                ))}
              </ul>
            )}
          </FieldRow>
        </dl>
      ) : (
        <p role="status">{t("app.loading")}</p>
      )}
      <div className="form-actions">
        <button type="button" className="button" onClick={() => fileRef.current?.click()}>
          {t("keyring.importIdentity")}
        </button>
        <input
          ref={fileRef}
          type="file"
          className="visually-hidden"
          tabIndex={-1}
          aria-label={t("keyring.identityFile")}
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = "";
            if (file) void onFile(file);
          }}
        />
      </div>
    </section>
  );
}
