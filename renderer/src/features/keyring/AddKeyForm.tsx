// Adding a key to the keyring, of one of its kinds: an issuing authority, a colleague reviewer
// (four eyes: their minisign key and the age recipient countersignature requests are sealed to) or
// a committee. The minisign public key is pasted or loaded from its .pub file, with the key id
// shown as soon as the line parses so the reviewer can compare it with its owner.
import { useMemo, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { isCountryCode } from "../../../../shared/formats/countries.js";
import { isKeyringKind, KEYRING_KINDS } from "../../../../shared/vocabulary/keyring-kinds.js";
import { ErrorNote } from "../../components/ErrorNote.js";
import { FieldFrame, SelectField, TextField } from "../../components/Field.js";
import { announce } from "../../store/announcer.js";
import { useKeyring } from "../../store/keyring.js";
import { failureFrom, type Failure } from "../../store/failure.js";
import { countryOptions } from "../inbox/InboxFilters.js";
import { checkAddKey, extractMinisignKey, minisignKeyId, type AddKeyDraft, type AddKeyProblem } from "./keyring-model.js";
import { SubmitButton } from "../../components/SubmitButton.js";

const EMPTY: AddKeyDraft = { kind: "authority", authorityId: "", name: "", country: "", publicKeyText: "", ageRecipient: "", validFrom: "", validUntil: "" };

export function AddKeyForm() {
  const { t } = useTranslation();
  const add = useKeyring((state) => state.add);
  const [draft, setDraft] = useState<AddKeyDraft>(EMPTY);
  const [problems, setProblems] = useState<AddKeyProblem[]>([]);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const pubRef = useRef<HTMLInputElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const countries = useMemo(() => countryOptions(t("keyring.chooseCountry")), [t]);
  const keyId = minisignKeyId(extractMinisignKey(draft.publicKeyText));

  const set = <K extends keyof AddKeyDraft>(key: K) => (value: AddKeyDraft[K]) => setDraft((current) => ({ ...current, [key]: value }));
  const problem = (name: AddKeyProblem) => (problems.includes(name) ? t(`keyring.problem.${name}`) : null);
  const kind = draft.kind;
  const kinds = useMemo(() => KEYRING_KINDS.map((value) => ({ value, label: t(`keyring.kind.${value}`) })), [t]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = checkAddKey(draft, isCountryCode);
    setProblems(found);
    setFailure(null);
    if (found.length > 0) {
      window.requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>("[aria-invalid='true']")?.focus());
      return;
    }
    setBusy(true);
    try {
      const entry = await add(draft);
      announce(t("keyring.added", { keyId: entry.keyId, name: entry.name }));
      // The next entry is often of the same kind (several colleagues): keep it.
      setDraft({ ...EMPTY, kind: entry.kind });
    } catch (error) {
      setFailure(failureFrom(error, (message) => t("keyring.addFailed", { message })));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel" aria-labelledby="add-key-title">
      <h2 id="add-key-title">{t("keyring.add")}</h2>
      <p className="muted">{t("keyring.addIntro")}</p>
      <form ref={formRef} className="form form-grid" aria-labelledby="add-key-title" onSubmit={(event) => void submit(event)} noValidate>
        <SelectField
          className="span-all"
          label={t("keyring.kindLabel")}
          value={kind}
          onChange={(value) => {
            if (isKeyringKind(value)) set("kind")(value);
            setProblems([]);
          }}
          options={kinds}
          hint={t(`keyring.kindHint.${kind}`)}
        />
        {kind === "authority" ? (
          <TextField label={t("keyring.authorityId")} value={draft.authorityId} onChange={set("authorityId")} hint={t("keyring.authorityIdHint")} error={problem("authority-id") ?? problem("entry-id")} spellCheck={false} required />
        ) : (
          <TextField label={t("keyring.entryId")} value={draft.authorityId} onChange={set("authorityId")} hint={t("keyring.entryIdHint", { kind })} error={problem("entry-id")} spellCheck={false} />
        )}
        <TextField label={t(`keyring.nameLabel.${kind}`)} value={draft.name} onChange={set("name")} error={problems.includes("name") ? t(`keyring.problemName.${kind}`) : null} required />
        <SelectField label={t(`keyring.countryLabel.${kind}`)} value={draft.country} onChange={set("country")} options={countries} error={problems.includes("country") ? t(`keyring.problemCountry.${kind}`) : null} />
        <FieldFrame
          className="span-all"
          label={t("keyring.minisignKey")}
          hint={
            <>
              {t(`keyring.minisignKeyHintKind.${kind}`)}
              {keyId ? <strong className="key-preview"> {t("keyring.keyPreview", { keyId })}</strong> : null}
            </>
          }
          error={problem("key")}
        >
          {({ id, describedBy, invalid }) => (
            <div className="key-input">
              <textarea
                id={id}
                className="input textarea mono"
                rows={2}
                value={draft.publicKeyText}
                onChange={(event) => set("publicKeyText")(event.target.value)}
                aria-describedby={describedBy}
                aria-invalid={invalid || undefined}
                spellCheck={false}
                required
              />
              <button type="button" className="button" onClick={() => pubRef.current?.click()}>
                {t("keyring.loadPub")}
              </button>
              <input
                ref={pubRef}
                type="file"
                accept=".pub,text/plain"
                className="visually-hidden"
                tabIndex={-1}
                aria-label={t("keyring.pubFile")}
                onChange={(event) => {
                  const file = event.target.files?.[0];
                  event.target.value = "";
                  if (file) void file.text().then((text) => set("publicKeyText")(text.trim()));
                }}
              />
            </div>
          )}
        </FieldFrame>
        <TextField className="span-all" label={t("keyring.ageRecipient")} value={draft.ageRecipient} onChange={set("ageRecipient")} hint={t(`keyring.ageRecipientHintKind.${kind}`)} error={problem("age-recipient")} spellCheck={false} />
        <TextField label={t("keyring.validFromLabel")} type="date" value={draft.validFrom} onChange={set("validFrom")} error={problem("valid-from")} />
        <TextField label={t("keyring.validUntilLabel")} type="date" value={draft.validUntil} onChange={set("validUntil")} error={problem("valid-until") ?? problem("window")} />
        {failure ? (
          <div className="span-all">
            <ErrorNote message={failure.message} code={failure.code} />
          </div>
        ) : null}
        <div className="form-actions span-all">
          <SubmitButton busy={busy} label={t("keyring.submit")} busyLabel={t("keyring.adding")} />
        </div>
      </form>
    </section>
  );
}
