// Beside the checklist: the request's own text, its attachments (viewable in place), and its
// intrusion with the related requests, as react-aria Tabs so the reviewer reads without leaving.
import { Tab, TabList, TabPanel, Tabs } from "react-aria-components";
import { useTranslation } from "react-i18next";
import type { ReviewView } from "../../../../shared/api/review.js";
import type { RequestDetail } from "../../../../shared/api/requests.js";
import { ErrorNote } from "../../components/ErrorNote.js";
import type { Failure } from "../../store/failure.js";
import { AttachmentsSection } from "../request/AttachmentsSection.js";
import { DocumentSections } from "../request/DocumentSections.js";
import { readRequestDocument } from "../request/request-model.js";
import { IntrusionPanel } from "./IntrusionPanel.js";

export function RequestPane({ view, detail, error }: { view: ReviewView; detail: RequestDetail | null; error: Failure | null }) {
  const { t } = useTranslation();
  const doc = detail ? readRequestDocument(detail.document) : null;
  const waiting = error ? <ErrorNote message={t("request.loadFailed", { message: error.message })} code={error.code} /> : <p role="status">{t("request.loading")}</p>;
  return (
    <Tabs className="request-pane" defaultSelectedKey="intrusion">
      <TabList className="pane-tabs" aria-label={t("review.pane.label")}>
        <Tab id="intrusion" className="pane-tab">
          {t("review.pane.intrusion")}
        </Tab>
        <Tab id="text" className="pane-tab">
          {t("review.pane.text")}
        </Tab>
        <Tab id="attachments" className="pane-tab">
          {t("review.pane.attachments", { count: detail?.attachments.length ?? 0 })}
        </Tab>
      </TabList>
      <TabPanel id="intrusion" className="pane-panel">
        <IntrusionPanel view={view} />
      </TabPanel>
      <TabPanel id="text" className="pane-panel pane-text">
        {detail ? doc ? <DocumentSections doc={doc} /> : <ErrorNote message={t("request.unreadable")} /> : waiting}
      </TabPanel>
      <TabPanel id="attachments" className="pane-panel">
        {detail ? <AttachmentsSection detail={detail} /> : waiting}
      </TabPanel>
    </Tabs>
  );
}
