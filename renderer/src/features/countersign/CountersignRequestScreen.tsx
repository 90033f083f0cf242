// One countersignature request received, read-only: the colleague's decision as they signed it
// (its signature checked again as the page opens), and what it rests on (outcome, reasons,
// scope, the checklist summary, the request), then the answer: sign or decline, or the answer
// already given. Nothing here changes the colleague's decision; the answer goes back as a bundle.
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import type { CountersignRequestView } from "../../../../shared/api/countersign.js";
import { CHECKLIST_AREAS } from "../../../../shared/vocabulary/checklist-areas.js";
import { CopyButton } from "../../components/CopyButton.js";
import { ErrorNote } from "../../components/ErrorNote.js";
import { Icon } from "../../components/Icon.js";
import { formatDateTime, groupHex } from "../../i18n/format.js";
import { useCountersign } from "../../store/countersign.js";
import { useNavigation } from "../../store/navigation.js";
import { useLocale } from "../../store/settings.js";
import { asReviewScope } from "../decisions/decision-model.js";
import { ScopeDiffTable } from "../decisions/ScopeDiffTable.js";
import { DocumentSections } from "../request/DocumentSections.js";
import { FieldRow } from "../request/ProvenanceSection.js";
import { readRequestDocument } from "../request/request-model.js";
import { AnswerPanel } from "./AnswerPanel.js";
import { ChecklistSummary } from "./ChecklistSummary.js";

export function CountersignRequestScreen({ decisionId }: { decisionId: string }) {
  const { t } = useTranslation();
  const loadView = useCountersign((state) => state.loadView);
  const view = useCountersign((state) => state.view);
  const error = useCountersign((state) => state.viewError);
  const navigate = useNavigation((state) => state.navigate);

  useEffect(() => {
    void loadView(decisionId);
  }, [decisionId, loadView]);

  const back = (
    <button type="button" className="button button-quiet back-button" onClick={() => navigate({ screen: "countersign-requests" })}>
      <Icon name="back" />
      {t("countersign.view.back")}
    </button>
  );
  if (!view || view.decisionId !== decisionId) {
    return (
      <div className="screen">
        {back}
        <h1 tabIndex={-1}>{t("countersign.view.title", { id: decisionId })}</h1>
        {error ? <ErrorNote message={t("countersign.view.loadFailed", { message: error.message })} code={error.code} /> : <p role="status">{t("app.loading")}</p>}
      </div>
    );
  }
  return (
    <div className="screen screen-decision">
      {back}
      <RequestBody view={view} />
    </div>
  );
}

function RequestBody({ view }: { view: CountersignRequestView }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const decision = view.decision;
  const request = view.request;
  const requestDocument = readRequestDocument(view.requestDocument);
  const state = view.answer === null ? "waiting" : view.answer.verdict;

  return (
    <>
      <header className="decision-head">
        <h1 tabIndex={-1}>{t("countersign.view.title", { id: view.decisionId })}</h1>
        <p className="decision-outcome">
          <strong>{t(`outcome.${view.outcome}`)}</strong>{" "}
          <span className={`tag decision-status status-${state === "waiting" ? "awaiting-countersignature" : state}`}>
            {view.answer === null ? t("countersign.answerState.waiting") : t(`countersign.answerState.${view.answer.verdict}`)}
          </span>
        </p>
        <p className="muted">{t("countersign.view.readOnly")}</p>
        <dl className="summary">
          <FieldRow label={t("countersign.view.from")}>
            {view.from.name} · <code>{view.from.entry}</code>
          </FieldRow>
          <FieldRow label={t("countersign.view.decidedBy")}>
            {decision.reviewer.name}, {decision.reviewer.office} · <code>{decision.reviewer.keyId}</code>
          </FieldRow>
          <FieldRow label={t("countersign.view.request")}>{t("decision.requestRef", { ...request })}</FieldRow>
          <FieldRow label={t("decision.decidedAt")}>{formatDateTime(decision.decidedAt, locale)}</FieldRow>
          <FieldRow label={t("countersign.view.requestedAt")}>{formatDateTime(view.requestedAt, locale)}</FieldRow>
          <FieldRow label={t("countersign.view.receivedAt")}>{formatDateTime(view.receivedAt, locale)}</FieldRow>
          <FieldRow label={t("decision.sha256")}>
            <span className="digest-row">
              <code className="digest">{groupHex(view.decisionSha256, 16)}</code>
              <CopyButton text={view.decisionSha256} what={t("decision.digestWhat")} />
            </span>
          </FieldRow>
        </dl>
      </header>

      <section className="panel" aria-labelledby="countersign-signature">
        <h2 id="countersign-signature">{t("countersign.view.signatureTitle")}</h2>
        {view.signature.verified ? (
          <p className="note note-ok">
            <Icon name="check" />
            {t("countersign.view.signatureVerified", { keyId: view.signature.keyId, name: view.from.name })}
          </p>
        ) : (
          <p className="note note-error">
            <Icon name="cross" />
            {t("countersign.view.signatureFailed", { keyId: view.signature.keyId, problem: view.signature.problem ?? "" })}
          </p>
        )}
        {view.signature.trustedComment !== null ? (
          <dl className="fields">
            <FieldRow label={t("request.provenance.trustedComment")}>
              <code className="wrap">{view.signature.trustedComment}</code>
            </FieldRow>
          </dl>
        ) : null}
      </section>

      <AnswerPanel view={view} />

      <section className="panel" aria-labelledby="countersign-reasons">
        <h2 id="countersign-reasons">{t("decision.reasons")}</h2>
        {CHECKLIST_AREAS.map((area) => (
          <div key={area} className="decision-reason">
            <h3>{t(`area.${area}`)}</h3>
            <p className="pre-wrap">{decision.reasons[area] ?? t("decision.noReason")}</p>
          </div>
        ))}
        {decision.refusalGrounds && decision.refusalGrounds.length > 0 ? <p>{t("decision.refusalGrounds", { items: decision.refusalGrounds.join(", ") })}</p> : null}
      </section>

      <section className="panel" aria-labelledby="countersign-scope">
        <h2 id="countersign-scope">{t("decide.scope.title")}</h2>
        <ScopeDiffTable requested={asReviewScope(decision.requestedScope)} granted={decision.grantedScope ? asReviewScope(decision.grantedScope) : null} headingId="countersign-scope" />
      </section>

      <ChecklistSummary checklist={decision.checklist} review={view.review} independence={decision.independence} />

      <section className="panel" aria-labelledby="countersign-request-document">
        <h2 id="countersign-request-document">{t("countersign.view.requestTitle")}</h2>
        <p className="muted">{t("countersign.view.requestIntro", { authority: request.authority })}</p>
        {requestDocument ? <DocumentSections doc={requestDocument} /> : <p className="note note-warning">{t("countersign.view.requestUnreadable")}</p>}
      </section>
    </>
  );
}
