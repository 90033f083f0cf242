// First run: create the store with the reviewer's name, office and a passphrase typed twice.
import { useId, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { ErrorNote } from "../../components/ErrorNote.js";
import { TextField } from "../../components/Field.js";
import { StrengthMeter } from "../../components/StrengthMeter.js";
import { announce } from "../../store/announcer.js";
import { useSession } from "../../store/session.js";
import { GateLayout } from "./GateLayout.js";
import { SubmitButton } from "../../components/SubmitButton.js";

type Problem = "name" | "office" | "passphrase" | "mismatch";

export function CreateStoreScreen() {
  const { t } = useTranslation();
  const create = useSession((state) => state.create);
  const error = useSession((state) => state.error);
  const location = useSession((state) => state.location);
  const [name, setName] = useState("");
  const [office, setOffice] = useState("");
  const [passphrase, setPassphrase] = useState("");
  const [repeat, setRepeat] = useState("");
  const [problems, setProblems] = useState<Problem[]>([]);
  const [busy, setBusy] = useState(false);
  const strengthId = useId();
  const nameRef = useRef<HTMLInputElement>(null);
  const officeRef = useRef<HTMLInputElement>(null);
  const passRef = useRef<HTMLInputElement>(null);
  const repeatRef = useRef<HTMLInputElement>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: Problem[] = [];
    if (!name.trim()) found.push("name");
    if (!office.trim()) found.push("office");
    if (!passphrase) found.push("passphrase");
    else if (passphrase !== repeat) found.push("mismatch");
    setProblems(found);
    if (found.length > 0) {
      const first = found[0];
      (first === "name" ? nameRef : first === "office" ? officeRef : first === "passphrase" ? passRef : repeatRef).current?.focus();
      return;
    }
    setBusy(true);
    const created = await create({ reviewerName: name.trim(), office: office.trim(), passphrase });
    setBusy(false);
    if (created) announce(t("setup.created"));
  };

  const has = (problem: Problem) => problems.includes(problem);

  return (
    <GateLayout>
      <h1>{t("setup.title")}</h1>
      <p className="lead">{t("setup.intro")}</p>
      <form className="form" aria-label={t("setup.formLabel")} onSubmit={(event) => void submit(event)} noValidate>
        <TextField label={t("setup.reviewerName")} value={name} onChange={setName} autoComplete="name" inputRef={nameRef} error={has("name") ? t("setup.nameRequired") : null} required />
        <TextField
          label={t("setup.office")}
          value={office}
          onChange={setOffice}
          autoComplete="organization"
          hint={t("setup.officeHint")}
          inputRef={officeRef}
          error={has("office") ? t("setup.officeRequired") : null}
          required
        />
        <TextField
          label={t("setup.passphrase")}
          type="password"
          value={passphrase}
          onChange={setPassphrase}
          autoComplete="new-password"
          inputRef={passRef}
          hint={
            <>
              {t("setup.passphraseHint")}
              <StrengthMeter passphrase={passphrase} id={strengthId} personalWords={[name, office]} />
            </>
          }
          error={has("passphrase") ? t("setup.passphraseRequired") : null}
          required
        />
        <TextField
          label={t("setup.repeatPassphrase")}
          type="password"
          value={repeat}
          onChange={setRepeat}
          autoComplete="new-password"
          inputRef={repeatRef}
          error={has("mismatch") ? t("setup.mismatch") : null}
          required
        />
        {error ? <ErrorNote message={error.message} code={error.code} /> : null}
        <div className="form-actions">
          <SubmitButton busy={busy} label={t("setup.submit")} busyLabel={t("setup.creating")} />
        </div>
        {location ? <p className="fine-print">{t("setup.location", { location })}</p> : null}
      </form>
    </GateLayout>
  );
}
