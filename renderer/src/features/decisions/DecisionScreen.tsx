// A signed decision's page: its status (final, awaiting countersignature, declined), outcome,
// request, reasons, scope, countersignatures, the decisions it supersedes or that supersede it,
// its SHA-256, and the exports (verification copy; sealed reply where the issuing authority has an
// age recipient). A current decision can be superseded from here through the decision screen.
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import type { DecisionView } from "../../../../shared/api/decisions.js";
import { CHECKLIST_AREAS } from "../../../../shared/vocabulary/checklist-areas.js";
import { routeHash } from "../../app/routes.js";
import { CopyButton } from "../../components/CopyButton.js";
import { ErrorNote } from "../../components/ErrorNote.js";
import { Icon } from "../../components/Icon.js";
import { formatDateTime, groupHex } from "../../i18n/format.js";
import { useDecisions } from "../../store/decisions.js";
import { useNavigation } from "../../store/navigation.js";
import { useLocale } from "../../store/settings.js";
import { FieldRow } from "../request/ProvenanceSection.js";
import { asReviewScope, canSealTo } from "./decision-model.js";
import { ExecutionSection } from "../executions/ExecutionSection.js";
import { CountersignaturesSection } from "./CountersignaturesSection.js";
import { RequestCountersignSection } from "../countersign/RequestCountersignSection.js";
import { ExportButtons } from "./ExportButtons.js";
import { ScopeDiffTable } from "./ScopeDiffTable.js";

export function DecisionScreen({ id }: { id: string }) {
  const { t } = useTranslation();
  const loadDecision = useDecisions((state) => state.loadDecision);
  const view = useDecisions((state) => state.view);
  const error = useDecisions((state) => state.viewError);
  const navigate = useNavigation((state) => state.navigate);

  useEffect(() => {
    void loadDecision(id);
  }, [id, loadDecision]);

  const back = (
    <button type="button" className="button button-quiet back-button" onClick={() => navigate({ screen: "decisions" })}>
      <Icon name="back" />
      {t("decision.back")}
    </button>
  );
  if (!view || view.id !== id) {
    return (
      <div className="screen">
        {back}
        <h1 tabIndex={-1}>{t("decision.title", { id })}</h1>
        {error ? <ErrorNote message={t("decision.loadFailed", { message: error.message })} code={error.code} /> : <p role="status">{t("decision.loading")}</p>}
      </div>
    );
  }
  return (
    <div className="screen screen-decision">
      {back}
      <DecisionBody view={view} />
    </div>
  );
}

function DecisionBody({ view }: { view: DecisionView }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const keyring = useDecisions((state) => state.keyring);
  const exported = useDecisions((state) => state.exported);
  const exportDecision = useDecisions((state) => state.exportDecision);
  const navigate = useNavigation((state) => state.navigate);
  const document = view.document;
  const request = document.request;
  const sealable = keyring !== null && canSealTo(keyring, request.authority, new Date());

  return (
    <>
      <header className="decision-head">
        <h1 tabIndex={-1}>{t("decision.title", { id: view.id })}</h1>
        <p className="decision-outcome">
          <strong>{t(`outcome.${view.outcome}`)}</strong> <span className={`tag decision-status status-${view.status}`}>{t(`decisionStatus.${view.status}`)}</span>
          {view.supersededBy !== null ? <span className="tag decision-status status-superseded">{t("decision.superseded")}</span> : null}
        </p>
        <dl className="summary">
          <FieldRow label={t("decision.request")}>
            <a href={routeHash({ screen: "request", authority: request.authority, id: request.id, revision: request.revision })}>{t("decision.requestRef", { authority: request.authority, id: request.id, revision: request.revision })}</a>
          </FieldRow>
          <FieldRow label={t("decision.decidedAt")}>{formatDateTime(view.decidedAt, locale)}</FieldRow>
          <FieldRow label={t("decision.reviewer")}>
            {document.reviewer.name}, {document.reviewer.office} · <code>{view.reviewerKeyId}</code>
          </FieldRow>
          {view.supersedes !== null ? (
            <FieldRow label={t("decision.supersedes")}>
              <a href={routeHash({ screen: "decision", id: view.supersedes })}>{view.supersedes}</a>
            </FieldRow>
          ) : null}
          {view.supersededBy !== null ? (
            <FieldRow label={t("decision.supersededBy")}>
              <a href={routeHash({ screen: "decision", id: view.supersededBy })}>{view.supersededBy}</a>
            </FieldRow>
          ) : null}
          {document.reassessBy !== undefined ? <FieldRow label={t("decision.reassessBy")}>{document.reassessBy}</FieldRow> : null}
          {document.notifyBy !== undefined ? <FieldRow label={t("decision.notifyBy")}>{document.notifyBy}</FieldRow> : null}
          <FieldRow label={t("decision.sha256")}>
            <span className="digest-row">
              <code className="digest">{groupHex(view.sha256, 16)}</code>
              <CopyButton text={view.sha256} what={t("decision.digestWhat")} />
            </span>
          </FieldRow>
        </dl>
      </header>

      <CountersignaturesSection view={view} />
      {view.countersignaturesRequired ? <RequestCountersignSection view={view} /> : null}

      <ExecutionSection view={view} />

      <section className="panel" aria-labelledby="decision-reasons">
        <h2 id="decision-reasons">{t("decision.reasons")}</h2>
        {CHECKLIST_AREAS.map((area) => (
          <div key={area} className="decision-reason">
            <h3>{t(`area.${area}`)}</h3>
            <p className="pre-wrap">{document.reasons[area] ?? t("decision.noReason")}</p>
          </div>
        ))}
        {view.refusalGrounds.length > 0 ? <p>{t("decision.refusalGrounds", { items: view.refusalGrounds.join(", ") })}</p> : null}
        {document.checklist.deferredItems && document.checklist.deferredItems.length > 0 ? (
          <>
            <h3>{t("decision.deferred")}</h3>
            <ul className="plain-list">
              {document.checklist.deferredItems.map((item) => (
                <li key={item.id}>
                  <span className="item-id">{item.id}</span> {item.reason}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>

      <section className="panel" aria-labelledby="decision-scope">
        <h2 id="decision-scope">{t("decide.scope.title")}</h2>
        <ScopeDiffTable requested={asReviewScope(document.requestedScope)} granted={document.grantedScope ? asReviewScope(document.grantedScope) : null} headingId="decision-scope" />
      </section>

      <section className="panel" aria-labelledby="decision-exports">
        <h2 id="decision-exports">{t("exports.title")}</h2>
        <ExportButtons state={exported} onExport={(kind) => void exportDecision(view.id, kind)} sealUnavailable={keyring === null || sealable ? null : t("exports.noRecipient", { authority: request.authority })} />
      </section>

      {view.supersededBy === null ? (
        <section className="panel" aria-labelledby="decision-supersede">
          <h2 id="decision-supersede">{t("decision.supersedeTitle")}</h2>
          <p className="muted">{t("decision.supersedeIntro")}</p>
          <button type="button" className="button" onClick={() => navigate({ screen: "decide", authority: request.authority, id: request.id, revision: request.revision, supersedes: view.id })}>
            {t("decision.supersede")}
          </button>
        </section>
      ) : null}
    </>
  );
}
