// The decision screen, after the review: the outcome, reasons per checklist area pre-filled from
// the core's draft, a reason for each open item decided without, the granted scope against the
// requested one, and the PDF the verification copy would hold, previewed before signing. Signing
// needs a preview of exactly what is signed and a confirmation naming outcome, request and key.
// Superseding a decision follows the same screen, with the decision it replaces named.
import { useEffect, useMemo, useState, type FormEvent } from "react";
import { Label, Radio, RadioGroup } from "react-aria-components";
import { useTranslation } from "react-i18next";
import type { ReviewRef } from "../../../../shared/api/review.js";
import { CHECKLIST_AREAS, type ChecklistArea } from "../../../../shared/vocabulary/checklist-areas.js";
import { DECISION_OUTCOMES, type DecisionOutcome } from "../../../../shared/vocabulary/decision-outcomes.js";
import { ErrorNote } from "../../components/ErrorNote.js";
import { TextAreaField } from "../../components/Field.js";
import { Icon } from "../../components/Icon.js";
import { announce } from "../../store/announcer.js";
import { useDecisions } from "../../store/decisions.js";
import { useNavigation } from "../../store/navigation.js";
import { useReview } from "../../store/review.js";
import { PdfViewer } from "../request/PdfViewer.js";
import { base64ToBytes } from "../request/request-model.js";
import { ClocksBar } from "../review/ClocksBar.js";
import { ConfirmSignDialog } from "./ConfirmSignDialog.js";
import { canStartDecision, decideArgsOf, missingDeferrals, previewKey, suggestedOutcome, type DecisionForm } from "./decision-model.js";
import { ScopeDiffTable } from "./ScopeDiffTable.js";

const EMPTY_REASONS: Record<ChecklistArea, string> = { legality: "", necessity: "", minimization: "" };

export function DecideScreen({ reference, supersedes }: { reference: ReviewRef; supersedes?: string | undefined }) {
  const { t } = useTranslation();
  const { authority, id, revision } = reference;
  const loadReview = useReview((state) => state.load);
  const view = useReview((state) => state.view);
  const reviewError = useReview((state) => state.error);
  const loadDraft = useDecisions((state) => state.loadDraft);
  const draft = useDecisions((state) => state.draft);
  const draftError = useDecisions((state) => state.draftError);
  const preview = useDecisions((state) => state.preview);
  const previewing = useDecisions((state) => state.previewing);
  const previewError = useDecisions((state) => state.previewError);
  const signing = useDecisions((state) => state.signing);
  const signError = useDecisions((state) => state.signError);
  const navigate = useNavigation((state) => state.navigate);

  const [outcome, setOutcome] = useState<DecisionOutcome | null>(null);
  const [reasons, setReasons] = useState<Record<ChecklistArea, string> | null>(null);
  const [deferrals, setDeferrals] = useState<Record<string, string>>({});
  const [showMissing, setShowMissing] = useState(false);
  const [confirming, setConfirming] = useState(false);

  useEffect(() => {
    useDecisions.getState().clearDecide();
    void loadReview({ authority, id, revision });
    void loadDraft({ authority, id, revision });
  }, [authority, id, revision, loadReview, loadDraft]);

  const current = view && view.request.authority === authority && view.request.id === id && view.request.revision === revision ? view : null;
  // The form starts from what the review suggests and the core's draft; the reviewer edits both.
  useEffect(() => {
    if (current && outcome === null) setOutcome(suggestedOutcome(current));
  }, [current, outcome]);
  useEffect(() => {
    if (draft && reasons === null) setReasons({ ...draft.reasons });
  }, [draft, reasons]);

  const openItems = current?.unanswered ?? [];
  const form: DecisionForm = { outcome: outcome ?? "authorised", reasons: reasons ?? EMPTY_REASONS, deferrals, supersedes };
  const args = decideArgsOf(reference, form, openItems);
  const fresh = preview !== null && preview.key === previewKey(args);
  const pdfBytes = useMemo(() => (preview ? base64ToBytes(preview.value.pdfBase64) : null), [preview]);
  const missing = missingDeferrals(openItems, deferrals);

  const backToReview = () => navigate({ screen: "review", authority, id, revision });
  const back = (
    <button type="button" className="button button-quiet back-button" onClick={backToReview}>
      <Icon name="back" />
      {t("decide.back")}
    </button>
  );
  const title = supersedes === undefined ? t("decide.title", { id, revision }) : t("decide.titleSupersede", { decision: supersedes });

  if (!current || outcome === null || reasons === null) {
    const failure = reviewError ?? draftError;
    return (
      <div className="screen">
        {back}
        <h1 tabIndex={-1}>{title}</h1>
        {failure ? <ErrorNote message={t("decide.loadFailed", { message: failure.message })} code={failure.code} /> : <p role="status">{t("decide.loading")}</p>}
      </div>
    );
  }

  if (!canStartDecision(current)) {
    return (
      <div className="screen">
        {back}
        <h1 tabIndex={-1}>{title}</h1>
        <p className="note note-warning">{t("decide.notReady")}</p>
      </div>
    );
  }

  const onPreview = (event: FormEvent) => {
    event.preventDefault();
    if (missing.length > 0) {
      setShowMissing(true);
      return;
    }
    void useDecisions.getState().makePreview(args);
  };
  const onSign = async () => {
    const signed = await useDecisions.getState().sign(args);
    if (!signed) return;
    setConfirming(false);
    announce(t("decide.signed", { id: signed.id }));
    navigate({ screen: "decision", id: signed.id });
  };
  const question = (item: string) => current.items.find((candidate) => candidate.id === item)?.question ?? "";
  const granted = outcome === "refused" || outcome === "returned" ? null : current.grantedScope;

  return (
    <div className="screen screen-decide">
      {back}
      <h1 tabIndex={-1}>{title}</h1>
      <ClocksBar clocks={current.clocks} />
      {supersedes !== undefined ? <p className="note">{t("decide.supersedeNote", { decision: supersedes })}</p> : null}
      <form className="form decide-form" onSubmit={onPreview} noValidate>
        <section className="panel" aria-labelledby="decide-outcome">
          <h2 id="decide-outcome">{t("decide.outcome")}</h2>
          <RadioGroup className="outcome-choice" value={outcome} onChange={(value) => setOutcome(value as DecisionOutcome)}>
            <Label className="field-label">{t("decide.outcomeQuestion")}</Label>
            {DECISION_OUTCOMES.map((value) => (
              <Radio key={value} value={value} className="choice">
                <span className="choice-title">{t(`outcome.${value}`)}</span>
                <span className="choice-hint">{t(`decide.outcomeHint.${value}`)}</span>
              </Radio>
            ))}
          </RadioGroup>
        </section>
        <section className="panel" aria-labelledby="decide-scope">
          <h2 id="decide-scope">{t("decide.scope.title")}</h2>
          <ScopeDiffTable requested={current.requestedScope} granted={granted} headingId="decide-scope" />
        </section>
        <section className="panel" aria-labelledby="decide-reasons">
          <h2 id="decide-reasons">{t("decide.reasons")}</h2>
          <p className="muted">{outcome === "authorised" ? t("decide.reasonsOptional") : t("decide.reasonsRequired")}</p>
          {CHECKLIST_AREAS.map((area) => (
            <TextAreaField key={area} label={t("decide.reasonFor", { area: t(`area.${area}`) })} value={reasons[area]} onChange={(text) => setReasons({ ...reasons, [area]: text })} rows={4} />
          ))}
        </section>
        {openItems.length > 0 ? (
          <section className="panel" aria-labelledby="decide-deferrals">
            <h2 id="decide-deferrals">{t("decide.deferrals", { count: openItems.length })}</h2>
            <p className="muted">{t("decide.deferralsIntro")}</p>
            {openItems.map((item) => (
              <TextAreaField
                key={item}
                label={t("decide.deferReason", { id: item, question: question(item) })}
                value={deferrals[item] ?? ""}
                onChange={(text) => setDeferrals({ ...deferrals, [item]: text })}
                error={showMissing && missing.includes(item) ? t("decide.deferMissing") : null}
                required
                rows={2}
              />
            ))}
          </section>
        ) : null}
        <div className="form-actions">
          <button type="submit" className="button" disabled={previewing} aria-busy={previewing || undefined}>
            <Icon name="file" />
            {previewing ? t("decide.previewing") : t("decide.preview")}
          </button>
        </div>
      </form>
      {previewError ? <ErrorNote message={t("decide.previewFailed", { message: previewError.message })} code={previewError.code} /> : null}
      <section className="panel decide-preview" aria-labelledby="decide-preview">
        <h2 id="decide-preview">{t("decide.previewTitle")}</h2>
        {preview === null ? (
          <p className="muted">{t("decide.previewFirst")}</p>
        ) : (
          <>
            {!fresh ? <p className="note note-warning">{t("decide.previewStale")}</p> : <p className="muted">{t("decide.previewNote")}</p>}
            {pdfBytes ? <PdfViewer bytes={pdfBytes} title={t("decide.previewPdf", { id: preview.value.decisionId })} /> : null}
          </>
        )}
        <div className="form-actions">
          <button type="button" className="button button-primary" disabled={!fresh || signing} onClick={() => setConfirming(true)}>
            <Icon name="check" />
            {t("decide.sign")}
          </button>
        </div>
      </section>
      {preview && fresh ? (
        <ConfirmSignDialog
          title={t("decide.confirmTitle")}
          isOpen={confirming}
          onClose={() => setConfirming(false)}
          onConfirm={() => void onSign()}
          confirmLabel={t("decide.confirmSign")}
          busy={signing}
          error={signError}
        >
          <p>
            {t("decide.confirmBody", {
              outcome: t(`outcome.${preview.value.outcome}`),
              decision: preview.value.decisionId,
              request: `${authority} / ${id}`,
              revision,
              keyId: preview.value.reviewerKeyId,
            })}
          </p>
          {supersedes !== undefined ? <p>{t("decide.confirmSupersedes", { decision: supersedes })}</p> : null}
          {preview.value.countersignaturesRequired ? <p>{t("decide.confirmFourEyes")}</p> : null}
          <p className="muted">{t("decide.confirmFinal")}</p>
        </ConfirmSignDialog>
      ) : null}
    </div>
  );
}
