// The attachments table: title, path, type, size, SHA-256, and View (when the app can show the
// type) and Save (always: main asks where in its own dialog and writes there in the same call;
// the page never names the path).
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.js";
import type { RequestDetail } from "../../../../shared/api/requests.js";
import { formatBytes, formatNumber, groupHex } from "../../i18n/format.js";
import { announce } from "../../store/announcer.js";
import { failureFrom } from "../../store/failure.js";
import { useRequest } from "../../store/request.js";
import { useLocale } from "../../store/settings.js";
import { AttachmentViewer } from "./AttachmentViewer.js";
import { viewerKind } from "./request-model.js";

export function AttachmentsSection({ detail }: { detail: RequestDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const openAttachment = useRequest((state) => state.openAttachment);
  const viewer = useRequest((state) => state.viewer);
  const titleFor = (path: string) => detail.attachments.find((a) => a.path === path)?.title ?? path;

  const save = async (path: string, title: string) => {
    try {
      const result = await api.saveAttachment({ authority: detail.authority, id: detail.id, revision: detail.revision, path });
      if (!result.saved) return;
      announce(t("request.attachments.saved", { title, name: result.name, size: formatBytes(result.bytes, locale) }));
    } catch (error) {
      const failure = failureFrom(error, (message) => t("request.attachments.saveFailed", { title, message }));
      if (failure) announce(failure.message, "assertive");
    }
  };

  if (detail.attachments.length === 0) return <p>{t("request.attachments.none")}</p>;

  return (
    <>
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t("request.attachments.title")}</th>
              <th scope="col">{t("request.attachments.type")}</th>
              <th scope="col" className="num">
                {t("request.attachments.size")}
              </th>
              <th scope="col">{t("request.attachments.digest")}</th>
              <th scope="col">{t("request.attachments.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {detail.attachments.map((attachment) => {
              const viewable = viewerKind(attachment.mediaType) !== "none";
              const isOpen = viewer.state !== "closed" && viewer.path === attachment.path;
              return (
                <tr key={attachment.path} className={isOpen ? "row-open" : undefined}>
                  <th scope="row">
                    <span className="cell-title">{attachment.title}</span>
                    <code className="cell-sub">{attachment.path}</code>
                  </th>
                  <td>
                    <code>{attachment.mediaType}</code>
                  </td>
                  <td className="num" title={`${formatNumber(attachment.size, locale)} B`}>
                    {formatBytes(attachment.size, locale)}
                  </td>
                  <td>
                    <code className="digest">{groupHex(attachment.sha256)}</code>
                  </td>
                  <td className="actions">
                    {viewable ? (
                      <button type="button" className="button button-small" aria-pressed={isOpen} onClick={() => void openAttachment(attachment.path)}>
                        {t("request.attachments.view")}
                      </button>
                    ) : null}
                    <button type="button" className="button button-small" onClick={() => void save(attachment.path, attachment.title)}>
                      {t("request.attachments.save")}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <AttachmentViewer titleFor={titleFor} />
    </>
  );
}
