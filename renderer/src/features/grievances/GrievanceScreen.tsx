// One grievance of the register: the complaint as entered, its response deadline as a clock, the
// case it names (linked), and either the form to respond (outcome, remedies ordered, reasons;
// signed after a confirmation naming what is signed) or the signed response with its exports
// (verification copy; sealed reply where the addressee has an age recipient, else why not).
import { useEffect, useState, type FormEvent } from "react";
import { Label, Radio, RadioGroup } from "react-aria-components";
import { useTranslation } from "react-i18next";
import type { GrievanceView } from "../../../../shared/api/grievances.js";
import { GRIEVANCE_OUTCOMES, type GrievanceOutcome } from "../../../../shared/vocabulary/grievance-outcomes.js";
import { GRIEVANCE_REMEDIES, type GrievanceRemedy } from "../../../../shared/vocabulary/grievance-vocabulary.js";
import { routeHash } from "../../app/routes.js";
import { CopyButton } from "../../components/CopyButton.js";
import { ErrorNote } from "../../components/ErrorNote.js";
import { TextAreaField } from "../../components/Field.js";
import { Icon } from "../../components/Icon.js";
import { formatDate, formatDateTime, groupHex } from "../../i18n/format.js";
import { announce } from "../../store/announcer.js";
import { failureFrom, type Failure } from "../../store/failure.js";
import { useGrievances } from "../../store/grievances.js";
import { useNavigation } from "../../store/navigation.js";
import { useSession } from "../../store/session.js";
import { useLocale } from "../../store/settings.js";
import { ConfirmSignDialog } from "../decisions/ConfirmSignDialog.js";
import { ExportButtons } from "../decisions/ExportButtons.js";
import { FieldRow } from "../request/ProvenanceSection.js";
import { ClocksBar } from "../review/ClocksBar.js";
import { sealUnavailable } from "./grievance-model.js";
import { ConcernText } from "./GrievancesScreen.js";

export function GrievanceScreen({ id }: { id: string }) {
  const { t } = useTranslation();
  const view = useGrievances((state) => state.view);
  const error = useGrievances((state) => state.viewError);
  const navigate = useNavigation((state) => state.navigate);

  useEffect(() => {
    void useGrievances.getState().loadGrievance(id);
    void useGrievances.getState().loadKeyring();
  }, [id]);

  const back = (
    <button type="button" className="button button-quiet back-button" onClick={() => navigate({ screen: "grievances" })}>
      <Icon name="back" />
      {t("grievance.back")}
    </button>
  );
  if (!view || view.id !== id) {
    return (
      <div className="screen">
        {back}
        <h1 tabIndex={-1}>{t("grievance.title", { id })}</h1>
        {error ? <ErrorNote message={t("grievance.loadFailed", { message: error.message })} code={error.code} /> : <p role="status">{t("grievance.loading")}</p>}
      </div>
    );
  }
  return (
    <div className="screen screen-grievance">
      {back}
      <GrievanceBody view={view} />
    </div>
  );
}

function GrievanceBody({ view }: { view: GrievanceView }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const clock = { kind: "grievance-response" as const, due: view.respondBy, state: view.clock, source: t("grievance.clockSource"), description: t("grievance.clockDescription", { id: view.id }) };
  return (
    <>
      <h1 tabIndex={-1}>{t("grievance.title", { id: view.id })}</h1>
      <ClocksBar clocks={[clock]} />
      <dl className="summary">
        <FieldRow label={t("grievance.complainant")}>
          {view.complainant.name} · {t(`complainantKind.${view.complainant.kind}`)}
          {view.complainant.contact ? ` · ${view.complainant.contact}` : ""}
        </FieldRow>
        <FieldRow label={t("grievance.concerns")}>
          {view.linkedCase ? (
            <a href={routeHash({ screen: "request", authority: view.linkedCase.authority, id: view.linkedCase.id })}>
              <ConcernText concerns={view.concerns} />
            </a>
          ) : (
            <ConcernText concerns={view.concerns} />
          )}
          {view.concerns.kind === "decision" ? (
            <>
              {" · "}
              <a href={routeHash({ screen: "decision", id: view.concerns.decisionId })}>{t("grievance.openDecision")}</a>
            </>
          ) : null}
        </FieldRow>
        <FieldRow label={t("grievance.grounds")}>{view.grounds.map((ground) => t(`grievanceGround.${ground}`)).join(", ")}</FieldRow>
        <FieldRow label={t("grievance.received")}>{formatDate(view.received, locale)}</FieldRow>
        <FieldRow label={t("grievance.respondBy")}>{formatDateTime(view.respondBy, locale)}</FieldRow>
        <FieldRow label={t("grievance.source")}>{t(`grievance.sourceKind.${view.source}`)}</FieldRow>
        <FieldRow label={t("grievance.replyTo")}>{view.replyTo ?? t("grievance.replyToNone")}</FieldRow>
      </dl>
      <section className="panel" aria-labelledby="grievance-statement">
        <h2 id="grievance-statement">{t("grievance.statement")}</h2>
        <p className="pre-wrap">{view.statement}</p>
        <h3>{t("grievance.remedySought")}</h3>
        <p className="pre-wrap">{view.remedySought}</p>
      </section>
      {view.response === null ? <RespondForm view={view} /> : <ResponseSection view={view} />}
    </>
  );
}

function ResponseSection({ view }: { view: GrievanceView }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const keyring = useGrievances((state) => state.keyring);
  const exported = useGrievances((state) => state.exported);
  const response = view.response;
  if (response === null) return null;
  const unavailable = keyring === null ? null : sealUnavailable(view, keyring, new Date());
  return (
    <>
      <section className="panel" aria-labelledby="grievance-response">
        <h2 id="grievance-response">{t("grievance.response")}</h2>
        <dl className="summary">
          <FieldRow label={t("grievance.responseId")}>
            <code>{response.id}</code>
          </FieldRow>
          <FieldRow label={t("grievance.outcome")}>{t(`grievanceOutcomeName.${response.outcome}`)}</FieldRow>
          <FieldRow label={t("grievance.remedies")}>{response.remedies.length === 0 ? t("grievance.noRemedies") : response.remedies.map((remedy) => t(`grievanceRemedy.${remedy}`)).join(", ")}</FieldRow>
          <FieldRow label={t("grievance.respondedAt")}>{formatDateTime(response.respondedAt, locale)}</FieldRow>
          <FieldRow label={t("grievance.signedWith")}>
            <code>{response.reviewerKeyId}</code>
          </FieldRow>
          <FieldRow label={t("decision.sha256")}>
            <span className="digest-row">
              <code className="digest">{groupHex(response.sha256, 16)}</code>
              <CopyButton text={response.sha256} what={t("decision.digestWhat")} />
            </span>
          </FieldRow>
        </dl>
        <h3>{t("grievance.reasons")}</h3>
        <p className="pre-wrap">{response.reasons}</p>
      </section>
      <section className="panel" aria-labelledby="grievance-exports">
        <h2 id="grievance-exports">{t("exports.title")}</h2>
        <ExportButtons
          state={exported}
          onExport={(kind) => void useGrievances.getState().exportResponse(view.id, kind)}
          sealUnavailable={unavailable === null ? null : unavailable === "no-reply-to" ? t("exports.noReplyTo") : t("exports.noRecipient", { authority: view.replyTo ?? "" })}
        />
      </section>
    </>
  );
}

function RespondForm({ view }: { view: GrievanceView }) {
  const { t } = useTranslation();
  const identity = useSession((state) => state.identity);
  const busy = useGrievances((state) => state.busy);
  const [outcome, setOutcome] = useState<GrievanceOutcome | null>(null);
  const [remedies, setRemedies] = useState<readonly GrievanceRemedy[]>([]);
  const [reasons, setReasons] = useState("");
  const [problems, setProblems] = useState<{ outcome: boolean; reasons: boolean }>({ outcome: false, reasons: false });
  const [confirming, setConfirming] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);

  const toggle = (remedy: GrievanceRemedy) => setRemedies((current) => (current.includes(remedy) ? current.filter((r) => r !== remedy) : [...current, remedy]));
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const found = { outcome: outcome === null, reasons: reasons.trim() === "" };
    setProblems(found);
    if (!found.outcome && !found.reasons) {
      setFailure(null);
      setConfirming(true);
    }
  };
  const sign = async () => {
    if (outcome === null) return;
    try {
      const answered = await useGrievances.getState().respond({ id: view.id, outcome, remedies: [...remedies], reasons: reasons.trim() });
      setConfirming(false);
      announce(t("respond.signed", { id: answered.response?.id ?? view.id }));
    } catch (error) {
      setFailure(failureFrom(error, (message) => t("respond.failed", { message })));
    }
  };

  return (
    <section className="panel" aria-labelledby="grievance-respond">
      <h2 id="grievance-respond">{t("respond.title")}</h2>
      <p className="muted">{t("respond.intro")}</p>
      <form className="form" onSubmit={onSubmit} noValidate>
        <RadioGroup className="outcome-choice" value={outcome} onChange={(value) => setOutcome(value as GrievanceOutcome)} isInvalid={problems.outcome}>
          <Label className="field-label">{t("respond.outcome")}</Label>
          {GRIEVANCE_OUTCOMES.map((value) => (
            <Radio key={value} value={value} className="choice">
              {t(`grievanceOutcomeName.${value}`)}
            </Radio>
          ))}
          {problems.outcome ? <p className="field-error">{t("respond.outcomeMissing")}</p> : null}
        </RadioGroup>
        <fieldset className="fieldset">
          <legend>{t("respond.remedies")}</legend>
          {GRIEVANCE_REMEDIES.map((remedy) => (
            <label key={remedy} className="check">
              <input type="checkbox" checked={remedies.includes(remedy)} onChange={() => toggle(remedy)} />
              {t(`grievanceRemedy.${remedy}`)}
            </label>
          ))}
        </fieldset>
        <TextAreaField label={t("respond.reasons")} value={reasons} onChange={setReasons} error={problems.reasons ? t("respond.reasonsMissing") : null} required rows={5} />
        <div className="form-actions">
          <button type="submit" className="button button-primary">
            <Icon name="check" />
            {t("respond.sign")}
          </button>
        </div>
      </form>
      <ConfirmSignDialog title={t("respond.confirmTitle")} isOpen={confirming} onClose={() => setConfirming(false)} onConfirm={() => void sign()} confirmLabel={t("respond.confirmSign")} busy={busy} error={failure}>
        <p>
          {t("respond.confirmBody", {
            outcome: outcome === null ? "" : t(`grievanceOutcomeName.${outcome}`),
            id: view.id,
            name: view.complainant.name,
            remedies: remedies.length === 0 ? t("grievance.noRemedies") : remedies.map((remedy) => t(`grievanceRemedy.${remedy}`)).join(", "),
            keyId: identity?.reviewer.keyId ?? "",
          })}
        </p>
        <p className="muted">{t("respond.confirmFinal")}</p>
      </ConfirmSignDialog>
    </section>
  );
}
