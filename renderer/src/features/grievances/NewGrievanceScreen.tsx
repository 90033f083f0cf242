// A grievance entered by hand from a letter: who complains, what it concerns, the grounds, the
// complaint and the remedy sought, the day it was received, and (optionally) the keyring entry
// a sealed response goes back to. The core gives it its response deadline and links the case.
import { useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { COMPLAINANT_KINDS, GRIEVANCE_CONCERN_KINDS, GRIEVANCE_GROUNDS, type ComplainantKind, type GrievanceConcernKind, type GrievanceGround } from "../../../../shared/vocabulary/grievance-vocabulary.js";
import { ErrorNote } from "../../components/ErrorNote.js";
import { SelectField, TextAreaField, TextField } from "../../components/Field.js";
import { Icon } from "../../components/Icon.js";
import { SubmitButton } from "../../components/SubmitButton.js";
import { announce } from "../../store/announcer.js";
import { failureFrom, type Failure } from "../../store/failure.js";
import { useGrievances } from "../../store/grievances.js";
import { useNavigation } from "../../store/navigation.js";
import { DayField } from "../../components/DateFields.js";
import { EMPTY_GRIEVANCE, grievanceEntryOf, keyringAuthorities, type GrievanceDraft, type GrievanceField } from "./grievance-model.js";

export function NewGrievanceScreen() {
  const { t } = useTranslation();
  const navigate = useNavigation((state) => state.navigate);
  const keyring = useGrievances((state) => state.keyring);
  const busy = useGrievances((state) => state.busy);
  const [draft, setDraft] = useState<GrievanceDraft>(EMPTY_GRIEVANCE);
  const [missing, setMissing] = useState<readonly GrievanceField[]>([]);
  const [failure, setFailure] = useState<Failure | null>(null);

  useEffect(() => {
    void useGrievances.getState().loadKeyring();
  }, []);

  const set = <K extends keyof GrievanceDraft>(key: K) => (value: GrievanceDraft[K]) => setDraft((current) => ({ ...current, [key]: value }));
  const errorOf = (field: GrievanceField) => (missing.includes(field) ? t(`newGrievance.missing.${field}`) : null);
  const toggleGround = (ground: GrievanceGround) => setDraft((current) => ({ ...current, grounds: current.grounds.includes(ground) ? current.grounds.filter((g) => g !== ground) : [...current.grounds, ground] }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = grievanceEntryOf(draft);
    if (!parsed.ok) {
      setMissing(parsed.missing);
      setFailure(null);
      return;
    }
    setMissing([]);
    try {
      const view = await useGrievances.getState().register(parsed.entry, parsed.replyTo);
      announce(t("newGrievance.registered", { id: view.id }));
      navigate({ screen: "grievance", id: view.id });
    } catch (error) {
      setFailure(failureFrom(error, (message) => t("newGrievance.failed", { message })));
    }
  };

  return (
    <div className="screen">
      <button type="button" className="button button-quiet back-button" onClick={() => navigate({ screen: "grievances" })}>
        <Icon name="back" />
        {t("grievance.back")}
      </button>
      <h1 tabIndex={-1}>{t("newGrievance.title")}</h1>
      <p className="muted">{t("newGrievance.intro")}</p>
      <form className="form panel" onSubmit={(event) => void submit(event)} noValidate aria-label={t("newGrievance.title")}>
        {missing.length > 0 ? <p className="field-error" role="alert">{t("newGrievance.fix", { count: missing.length })}</p> : null}
        <TextField label={t("newGrievance.id")} value={draft.id} onChange={set("id")} hint={t("newGrievance.idHint")} error={errorOf("id")} required />
        <fieldset className="fieldset">
          <legend>{t("newGrievance.complainant")}</legend>
          <SelectField label={t("newGrievance.complainantKind")} value={draft.complainantKind} onChange={(value) => set("complainantKind")(value as ComplainantKind)} options={COMPLAINANT_KINDS.map((kind) => ({ value: kind, label: t(`complainantKind.${kind}`) }))} />
          <TextField label={t("newGrievance.complainantName")} value={draft.complainantName} onChange={set("complainantName")} error={errorOf("complainantName")} required />
          <TextField label={t("newGrievance.contact")} value={draft.contact} onChange={set("contact")} hint={t("newGrievance.contactHint")} />
        </fieldset>
        <fieldset className="fieldset">
          <legend>{t("newGrievance.concerns")}</legend>
          <SelectField label={t("newGrievance.concernsKind")} value={draft.concernsKind} onChange={(value) => set("concernsKind")(value as GrievanceConcernKind)} options={GRIEVANCE_CONCERN_KINDS.map((kind) => ({ value: kind, label: t(`concernKind.${kind}`) }))} />
          {draft.concernsKind === "request" ? (
            <>
              <TextField label={t("newGrievance.concernAuthority")} value={draft.concernAuthority} onChange={set("concernAuthority")} error={errorOf("concernAuthority")} required />
              <TextField label={t("newGrievance.concernId")} value={draft.concernId} onChange={set("concernId")} error={errorOf("concernId")} required />
              <TextField label={t("newGrievance.concernRevision")} value={draft.concernRevision} onChange={set("concernRevision")} inputMode="numeric" hint={t("newGrievance.concernRevisionHint")} error={errorOf("concernRevision")} />
            </>
          ) : draft.concernsKind === "decision" ? (
            <TextField label={t("newGrievance.concernDecision")} value={draft.concernDecision} onChange={set("concernDecision")} error={errorOf("concernDecision")} required />
          ) : (
            <TextField label={t("newGrievance.concernDescription")} value={draft.concernDescription} onChange={set("concernDescription")} hint={t("newGrievance.concernDescriptionHint")} />
          )}
        </fieldset>
        <fieldset className="fieldset" aria-describedby={missing.includes("grounds") ? "grounds-error" : undefined}>
          <legend>{t("newGrievance.grounds")}</legend>
          {GRIEVANCE_GROUNDS.map((ground) => (
            <label key={ground} className="check">
              <input type="checkbox" checked={draft.grounds.includes(ground)} onChange={() => toggleGround(ground)} />
              {t(`grievanceGround.${ground}`)}
            </label>
          ))}
          {missing.includes("grounds") ? (
            <div className="field-error" id="grounds-error">
              {t("newGrievance.missing.grounds")}
            </div>
          ) : null}
        </fieldset>
        <TextAreaField label={t("newGrievance.statement")} value={draft.statement} onChange={set("statement")} hint={t("newGrievance.statementHint")} error={errorOf("statement")} required rows={5} />
        <TextAreaField label={t("newGrievance.remedySought")} value={draft.remedySought} onChange={set("remedySought")} error={errorOf("remedySought")} required rows={3} />
        <DayField label={t("newGrievance.received")} onChange={set("received")} hint={t("newGrievance.receivedHint")} error={errorOf("received")} />
        <SelectField
          label={t("newGrievance.replyTo")}
          value={draft.replyTo}
          onChange={set("replyTo")}
          hint={t("newGrievance.replyToHint")}
          options={[{ value: "", label: t("newGrievance.replyToNone") }, ...keyringAuthorities(keyring ?? []).map((authority) => ({ value: authority.id, label: `${authority.name} (${authority.id})` }))]}
        />
        {failure ? <ErrorNote message={failure.message} code={failure.code} /> : null}
        <div className="form-actions">
          <SubmitButton busy={busy} label={t("newGrievance.submit")} busyLabel={t("newGrievance.submitting")} />
        </div>
      </form>
    </div>
  );
}
