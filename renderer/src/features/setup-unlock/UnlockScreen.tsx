// Unlock with the passphrase. A wrong passphrase shows the core's own message (wrong-passphrase);
// a store other users can read is said so above the form (the store status's warnings).
import { useEffect, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { ErrorNote } from "../../components/ErrorNote.js";
import { TextField } from "../../components/Field.js";
import { announce } from "../../store/announcer.js";
import { useSession } from "../../store/session.js";
import { GateLayout } from "./GateLayout.js";
import { SubmitButton } from "../../components/SubmitButton.js";

export function UnlockScreen() {
  const { t } = useTranslation();
  const unlock = useSession((state) => state.unlock);
  const error = useSession((state) => state.error);
  const storeWarnings = useSession((state) => state.storeWarnings);
  const [passphrase, setPassphrase] = useState("");
  const [empty, setEmpty] = useState(false);
  const [busy, setBusy] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => inputRef.current?.focus(), []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!passphrase) {
      setEmpty(true);
      inputRef.current?.focus();
      return;
    }
    setEmpty(false);
    setBusy(true);
    const unlocked = await unlock(passphrase);
    setBusy(false);
    if (unlocked) {
      announce(t("unlock.unlocked"));
    } else {
      setPassphrase("");
      inputRef.current?.focus();
    }
  };

  return (
    <GateLayout>
      <h1>{t("unlock.title")}</h1>
      <p className="lead">{t("unlock.intro")}</p>
      {storeWarnings.length > 0 ? (
        <div className="note note-warning" role="note" aria-label={t("unlock.permissionsLabel")}>
          <ul>
            {storeWarnings.map((warning) => (
              <li key={warning}>{warning}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <form className="form" aria-label={t("unlock.formLabel")} onSubmit={(event) => void submit(event)} noValidate>
        <TextField
          label={t("unlock.passphrase")}
          type="password"
          value={passphrase}
          onChange={setPassphrase}
          autoComplete="current-password"
          inputRef={inputRef}
          error={empty ? t("unlock.required") : null}
          required
        />
        {error ? <ErrorNote message={error.message} code={error.code} /> : null}
        <div className="form-actions">
          <SubmitButton busy={busy} label={t("unlock.submit")} busyLabel={t("unlock.unlocking")} />
        </div>
      </form>
    </GateLayout>
  );
}
