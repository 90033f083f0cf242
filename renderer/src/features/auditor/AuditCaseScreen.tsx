// One case of an audit pack, read-only as the office sent it: the request, the office's review,
// every decision with its signature verified again against this store's keyring, and the audit
// log's rows touching the case; and the auditor's finding form, which replaces an earlier finding.
// The case's page reads the pack the pack's page loaded (and loads it when opened directly).
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import type { AuditPackCaseView } from "../../../../shared/api/auditor.js";
import { isDecisionOutcome } from "../../../../shared/vocabulary/decision-outcomes.js";
import { routeHash } from "../../app/routes.js";
import { ErrorNote } from "../../components/ErrorNote.js";
import { Icon } from "../../components/Icon.js";
import { formatDateTime, groupHex } from "../../i18n/format.js";
import { useAuditor } from "../../store/auditor.js";
import { useNavigation } from "../../store/navigation.js";
import { useLocale } from "../../store/settings.js";
import { FieldRow } from "../request/ProvenanceSection.js";
import { excerptRows, nextCase } from "./auditor-model.js";
import { DocumentView } from "./DocumentView.js";
import { FindingForm } from "./FindingForm.js";
import { FindingSummary, SelectionTag } from "./FindingSummary.js";

export function AuditCaseScreen({ pack, reference }: { pack: string; reference: string }) {
  const { t } = useTranslation();
  const view = useAuditor((state) => state.view);
  const error = useAuditor((state) => state.viewError);
  const loadPack = useAuditor((state) => state.loadPack);
  const navigate = useNavigation((state) => state.navigate);

  useEffect(() => {
    if (useAuditor.getState().view?.summary.id !== pack) void loadPack(pack);
  }, [pack, loadPack]);

  const back = (
    <button type="button" className="button button-quiet back-button" onClick={() => navigate({ screen: "audit-pack", id: pack })}>
      <Icon name="back" />
      {t("auditor.case.back", { id: pack })}
    </button>
  );
  const packCase = view?.summary.id === pack ? view.cases.find((each) => each.reference === reference) : undefined;
  if (!view || !packCase) {
    const missing = view?.summary.id === pack;
    return (
      <div className="screen">
        {back}
        <h1 tabIndex={-1}>{t("auditor.case.title", { reference })}</h1>
        {error ? (
          <ErrorNote message={t("auditor.pack.loadFailed", { message: error.message })} code={error.code} />
        ) : missing ? (
          <p className="note note-warning">{t("auditor.case.notInPack", { reference, id: pack })}</p>
        ) : (
          <p role="status">{t("auditor.pack.loading")}</p>
        )}
      </div>
    );
  }
  const next = nextCase(view, reference);
  return (
    <div className="screen screen-audit-case">
      {back}
      <header className="decision-head">
        <h1 tabIndex={-1}>{t("auditor.case.title", { reference })}</h1>
        <p>
          <SelectionTag selection={packCase.selection} reason={packCase.purposiveReason} /> · <FindingSummary finding={packCase.finding} />
        </p>
        <p className="note">{t("auditor.case.readOnly")}</p>
      </header>
      {/* Keyed by the case, so another case starts with its own finding in the form. */}
      <FindingForm key={`${pack}/${reference}`} pack={pack} packCase={packCase} />
      {next ? (
        <p>
          <a href={routeHash({ screen: "audit-case", pack, reference: next.reference })}>{t("auditor.case.next", { reference: next.reference })}</a>
        </p>
      ) : null}
      <DecisionsPanel packCase={packCase} />
      <section className="panel" aria-labelledby="case-request">
        <h2 id="case-request">{t("auditor.case.request")}</h2>
        <DocumentView document={packCase.request} />
      </section>
      <section className="panel" aria-labelledby="case-review">
        <h2 id="case-review">{t("auditor.case.review")}</h2>
        {packCase.review === null ? <p className="muted">{t("auditor.case.noReview")}</p> : <DocumentView document={packCase.review} />}
      </section>
      <ExcerptPanel packCase={packCase} />
    </div>
  );
}

interface DecisionFacts {
  outcome?: unknown;
  decidedAt?: unknown;
  reviewer?: { name?: unknown; office?: unknown };
}

function DecisionsPanel({ packCase }: { packCase: AuditPackCaseView }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <section className="panel" aria-labelledby="case-decisions">
      <h2 id="case-decisions">{t("auditor.case.decisions", { count: packCase.decisions.length })}</h2>
      {packCase.decisions.length === 0 ? <p className="muted">{t("auditor.case.noDecisions")}</p> : null}
      {packCase.decisions.map((decision) => {
        const facts = (typeof decision.document === "object" && decision.document !== null ? decision.document : {}) as DecisionFacts;
        const { signature } = decision;
        return (
          <article key={decision.id} className="audit-decision" aria-labelledby={`decision-${decision.id}`}>
            <h3 id={`decision-${decision.id}`}>
              {t("auditor.case.decision", { id: decision.id })}
              {decision.current ? <span className="tag">{t("auditor.case.current")}</span> : <span className="tag">{t("auditor.case.superseded")}</span>}
            </h3>
            <p className={signature.verified ? "note note-ok" : "note note-error"}>
              <Icon name={signature.verified ? "check" : "alert"} /> {signature.verified ? t("auditor.case.signatureVerified", { key: signature.keyId, signer: signature.signer ?? "" }) : t("auditor.case.signatureFailed", { detail: signature.detail })}
            </p>
            <dl className="summary">
              <FieldRow label={t("auditor.case.outcome")}>{isDecisionOutcome(facts.outcome) ? t(`outcome.${facts.outcome}`) : String(facts.outcome ?? "—")}</FieldRow>
              <FieldRow label={t("auditor.case.decidedAt")}>{typeof facts.decidedAt === "string" ? formatDateTime(facts.decidedAt, locale) : "—"}</FieldRow>
              <FieldRow label={t("auditor.case.reviewer")}>{`${String(facts.reviewer?.name ?? "—")}, ${String(facts.reviewer?.office ?? "")}`}</FieldRow>
              <FieldRow label={t("auditor.case.trustedComment")}>
                <code className="wrap">{signature.trustedComment}</code>
              </FieldRow>
              <FieldRow label={t("auditor.case.sha256")}>
                <code className="digest">{groupHex(decision.sha256, 16)}</code>
              </FieldRow>
            </dl>
            <details className="document-details">
              <summary>{t("auditor.case.fullDecision", { id: decision.id })}</summary>
              <DocumentView document={decision.document} />
            </details>
          </article>
        );
      })}
    </section>
  );
}

function ExcerptPanel({ packCase }: { packCase: AuditPackCaseView }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const rows = excerptRows(packCase.audit);
  return (
    <section className="panel" aria-labelledby="case-audit">
      <h2 id="case-audit">{t("auditor.case.audit", { count: rows.length })}</h2>
      <p className="muted">{t("auditor.case.auditIntro")}</p>
      <div className="table-wrap">
        <table className="table" aria-labelledby="case-audit">
          <thead>
            <tr>
              <th scope="col">{t("auditor.case.seq")}</th>
              <th scope="col">{t("auditor.case.at")}</th>
              <th scope="col">{t("auditor.case.action")}</th>
              <th scope="col">{t("auditor.case.object")}</th>
              <th scope="col">{t("auditor.case.rowHash")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.seq}>
                <td>{row.seq}</td>
                <td>{row.at === null ? "—" : formatDateTime(row.at, locale)}</td>
                <td>
                  <code>{row.action}</code>
                </td>
                <td>
                  <code className="wrap">{row.objectId}</code>
                </td>
                <td>
                  <code className="digest">{row.rowHash.slice(0, 16)}…</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
