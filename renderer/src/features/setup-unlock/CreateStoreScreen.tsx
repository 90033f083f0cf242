// First run: create the store with the reviewer's name, office and a passphrase typed twice, and
// say which kind of store it is: a reviewer's office store or a committee auditor's store (case data
// read-only, only findings written), which is fixed once created.
import { useId, useRef, useState, type FormEvent } from "react";
import { Label, Radio, RadioGroup } from "react-aria-components";
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
  const [kind, setKind] = useState<"office" | "auditor">("office");
  const auditor = kind === "auditor";
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
    const created = await create({ reviewerName: name.trim(), office: office.trim(), passphrase, ...(auditor ? { auditor: true } : {}) });
    setBusy(false);
    if (created) announce(auditor ? t("setup.createdAuditor") : t("setup.created"));
  };

  const has = (problem: Problem) => problems.includes(problem);

  return (
    <GateLayout>
      <h1>{t("setup.title")}</h1>
      <p className="lead">{t("setup.intro")}</p>
      <form className="form" aria-label={t("setup.formLabel")} onSubmit={(event) => void submit(event)} noValidate>
        <RadioGroup className="store-kind" value={kind} onChange={(value) => setKind(value === "auditor" ? "auditor" : "office")}>
          <Label className="field-label">{t("setup.kind")}</Label>
          <Radio value="office" className="choice">
            <span>
              <strong>{t("setup.kindOffice")}</strong>
              <span className="choice-description">
                {t("setup.kindOfficeHint")}
              </span>
            </span>
          </Radio>
          <Radio value="auditor" className="choice">
            <span>
              <strong>{t("setup.kindAuditor")}</strong>
              <span className="choice-description">
                {t("setup.kindAuditorHint")}
              </span>
            </span>
          </Radio>
        </RadioGroup>
        <TextField label={auditor ? t("setup.auditorName") : t("setup.reviewerName")} value={name} onChange={setName} autoComplete="name" inputRef={nameRef} error={has("name") ? (auditor ? t("setup.auditorNameRequired") : t("setup.nameRequired")) : null} required />
        <TextField
          label={auditor ? t("setup.committee") : t("setup.office")}
          value={office}
          onChange={setOffice}
          autoComplete="organization"
          hint={auditor ? t("setup.committeeHint") : t("setup.officeHint")}
          inputRef={officeRef}
          error={has("office") ? (auditor ? t("setup.committeeRequired") : t("setup.officeRequired")) : null}
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
          <SubmitButton busy={busy} label={auditor ? t("setup.submitAuditor") : t("setup.submit")} busyLabel={t("setup.creating")} />
        </div>
        {location ? <p className="fine-print">{t("setup.location", { location })}</p> : null}
      </form>
    </GateLayout>
  );
}
