// One request revision: header and summary, the document's sections, provenance, revisions and
// attachments. Escape or Alt+Left goes back to the inbox (to the row it was opened from).
import { useEffect, type KeyboardEvent } from "react";
import { useTranslation } from "react-i18next";
import { ErrorNote } from "../../components/ErrorNote.js";
import { Icon } from "../../components/Icon.js";
import { countryName, formatDateTime } from "../../i18n/format.js";
import { UI_LANGUAGE } from "../../i18n/index.js";
import { useNavigation } from "../../store/navigation.js";
import { useRequest } from "../../store/request.js";
import { useReview } from "../../store/review.js";
import { useLocale } from "../../store/settings.js";
import { isEmergency } from "../inbox/inbox-model.js";
import { ClocksBar } from "../review/ClocksBar.js";
import { useExecutionClocks } from "../executions/useExecutionClocks.js";
import { statusLabel } from "../inbox/InboxFilters.js";
import { AttachmentsSection } from "./AttachmentsSection.js";
import { DOCUMENT_SECTIONS, DocumentSections, Section } from "./DocumentSections.js";
import { FieldRow, ProvenanceSection } from "./ProvenanceSection.js";
import { readRequestDocument } from "./request-model.js";
import { DecisionsSection } from "./DecisionsSection.js";
import { GrievancesSection } from "./GrievancesSection.js";
import { RevisionsSection } from "./RevisionsSection.js";
import { VisibleIdentifier } from "./VisibleText.js";

interface Props {
  authority: string;
  id: string;
  revision?: number;
}

const EXTRA_SECTIONS = ["provenance", "revisions", "decisions", "grievances", "attachments"] as const;

export function RequestScreen({ authority, id, revision }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const load = useRequest((state) => state.load);
  const detail = useRequest((state) => state.detail);
  const loading = useRequest((state) => state.loading);
  const error = useRequest((state) => state.error);
  const backToInbox = useNavigation((state) => state.backToInbox);
  const navigate = useNavigation((state) => state.navigate);

  const loadReview = useReview((state) => state.load);
  const review = useReview((state) => state.view);
  // An authorisation waiting for its execution record runs the store's execution-report clock.
  const executionClocks = useExecutionClocks(detail ? { authority: detail.authority, id: detail.id, revision: detail.revision } : null);

  useEffect(() => {
    void load({ authority, id, ...(revision === undefined ? {} : { revision }) });
  }, [authority, id, revision, load]);

  // The request's clocks come with its review (read only: looking does not start one).
  useEffect(() => {
    if (detail) void loadReview({ authority: detail.authority, id: detail.id, revision: detail.revision });
  }, [detail, loadReview]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const target = event.target as HTMLElement;
    const inField = /^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName) || target.closest("details, .viewer-toolbar") !== null;
    if ((event.key === "Escape" && !inField) || (event.altKey && event.key === "ArrowLeft")) {
      event.preventDefault();
      backToInbox();
    }
  };

  const back = (
    <button type="button" className="button button-quiet back-button" onClick={backToInbox}>
      <Icon name="back" />
      {t("request.back")}
    </button>
  );

  if (loading || (!detail && !error)) {
    return (
      <div className="screen" onKeyDown={onKeyDown}>
        {back}
        <h1 tabIndex={-1}>{id}</h1>
        <p role="status">{t("request.loading")}</p>
      </div>
    );
  }
  if (error || !detail) {
    return (
      <div className="screen" onKeyDown={onKeyDown}>
        {back}
        <h1 tabIndex={-1}>{id}</h1>
        <ErrorNote message={t("request.loadFailed", { message: error?.message ?? "" })} code={error?.code ?? null} />
      </div>
    );
  }

  const doc = readRequestDocument(detail.document);
  const emergency = isEmergency(detail);
  const instrumentText = t(`instrument.${detail.instrument}`);
  const urgencyText = t(`urgency.${detail.urgency}`);
  const jump = (sectionId: string) => {
    const heading = document.getElementById(`${sectionId}-title`);
    heading?.scrollIntoView({ block: "start" });
    heading?.focus({ preventScroll: true });
  };
  const sectionKeys = [...(doc ? DOCUMENT_SECTIONS : []), ...EXTRA_SECTIONS];

  return (
    <div className="screen screen-request" onKeyDown={onKeyDown}>
      {back}
      <header className={emergency ? "request-head request-head-emergency" : "request-head"}>
        <div className="request-title-row">
          <h1 tabIndex={-1}>{t("request.title", { id: detail.id, revision: detail.revision })}</h1>
          <button
            type="button"
            className="button button-primary"
            title={t("review.openHint")}
            onClick={() => navigate({ screen: "review", authority: detail.authority, id: detail.id, revision: detail.revision })}
          >
            {t("review.open")}
          </button>
        </div>
        <p className="request-authority">
          {detail.authorityName} · {countryName(detail.country, UI_LANGUAGE)} ({detail.country}) · <code>{detail.authority}</code>
        </p>
        {emergency ? (
          <div className="emergency-banner">
            <Icon name="alert" />
            <strong>{t("request.emergencyBanner")}</strong>
            {doc?.urgency.reason ? <span>{t("request.emergencyReason", { reason: doc.urgency.reason })}</span> : null}
          </div>
        ) : null}
        {review && review.request.id === detail.id && review.request.authority === detail.authority && review.request.revision === detail.revision ? (
          <ClocksBar clocks={[...review.clocks, ...executionClocks]} />
        ) : null}
        <dl className="summary">
          <FieldRow label={t("request.field.instrument")}>{instrumentText}</FieldRow>
          <FieldRow label={t("request.field.urgency")}>{urgencyText}</FieldRow>
          <FieldRow label={t("request.field.status")}>{statusLabel(t, detail.status)}</FieldRow>
          <FieldRow label={t("request.field.submitted")}>{formatDateTime(detail.submittedAt, locale)}</FieldRow>
          <FieldRow label={t("request.field.received")}>{formatDateTime(detail.receivedAt, locale)}</FieldRow>
          {detail.respondBy ? <FieldRow label={t("inbox.col.respondBy")}>{formatDateTime(detail.respondBy, locale)}</FieldRow> : null}
          {doc?.caseReference ? (
            <FieldRow label={t("request.field.caseReference")}>
              <VisibleIdentifier value={doc.caseReference} />
            </FieldRow>
          ) : null}
          {doc ? (
            <FieldRow label={t("request.field.provider")}>
              {doc.provider.name} ({doc.provider.country}){doc.provider.service ? ` · ${doc.provider.service}` : ""}
            </FieldRow>
          ) : null}
        </dl>
      </header>
      <nav className="section-nav" aria-label={t("request.sectionsNav")}>
        <ul>
          {sectionKeys.map((key) => (
            <li key={key}>
              <button type="button" className="link-button" onClick={() => jump(`section-${key}`)}>
                {t(`request.section.${key}`)}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      {doc ? <DocumentSections doc={doc} /> : <ErrorNote message={t("request.unreadable")} />}
      <Section id="section-provenance" title={t("request.section.provenance")}>
        <ProvenanceSection detail={detail} />
      </Section>
      <Section id="section-revisions" title={t("request.section.revisions")}>
        <RevisionsSection detail={detail} />
      </Section>
      <Section id="section-decisions" title={t("request.section.decisions")}>
        <DecisionsSection detail={detail} />
      </Section>
      <Section id="section-grievances" title={t("request.section.grievances")}>
        <GrievancesSection detail={detail} />
      </Section>
      <Section id="section-attachments" title={t("request.section.attachments")}>
        <AttachmentsSection detail={detail} />
      </Section>
    </div>
  );
}

