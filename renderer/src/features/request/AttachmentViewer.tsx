// Shows the open attachment: PDF on canvas, plain text preformatted, images from a blob: URL.
import { useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { AttachmentContent } from "../../../../shared/api/requests.js";
import { ErrorNote } from "../../components/ErrorNote.js";
import { Icon } from "../../components/Icon.js";
import { useRequest } from "../../store/request.js";
import { PdfViewer } from "./PdfViewer.js";
import { base64ToBytes, viewerKind } from "./request-model.js";
import { VisibleText } from "./VisibleText.js";

export function AttachmentViewer({ titleFor }: { titleFor: (path: string) => string }) {
  const { t } = useTranslation();
  const viewer = useRequest((state) => state.viewer);
  const close = useRequest((state) => state.closeAttachment);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const path = viewer.state === "closed" ? null : viewer.path;

  useEffect(() => {
    if (path) headingRef.current?.focus();
  }, [path]);

  if (viewer.state === "closed") return null;
  const title = titleFor(viewer.path);

  return (
    <section className="viewer panel" aria-labelledby="attachment-viewer-title">
      <div className="viewer-head">
        <h3 id="attachment-viewer-title" ref={headingRef} tabIndex={-1}>
          {t("request.attachments.viewer", { title })}
        </h3>
        <button type="button" className="button button-small" onClick={close}>
          <Icon name="cross" />
          {t("request.attachments.close")}
        </button>
      </div>
      {viewer.state === "loading" ? <p role="status">{t("request.attachments.loading", { title })}</p> : null}
      {viewer.state === "failed" ? <ErrorNote message={t("request.attachments.loadFailed", { title, message: viewer.error.message })} code={viewer.error.code} /> : null}
      {viewer.state === "open" ? <ViewerBody content={viewer.content} title={title} /> : null}
    </section>
  );
}

function ViewerBody({ content, title }: { content: AttachmentContent; title: string }) {
  const { t } = useTranslation();
  const bytes = useMemo(() => base64ToBytes(content.base64), [content]);
  switch (viewerKind(content.mediaType)) {
    case "pdf":
      return <PdfViewer bytes={bytes} title={title} />;
    case "text":
      return (
        <pre className="pre text-viewer" tabIndex={0} role="region" aria-label={t("request.attachments.textContent", { title })}>
          <VisibleText text={new TextDecoder("utf-8").decode(bytes)} />
        </pre>
      );
    case "image":
      return <ImageView bytes={bytes} mediaType={content.mediaType} title={title} />;
    case "none":
      return <p>{t("request.attachments.saveOnly")}</p>;
  }
}

function ImageView({ bytes, mediaType, title }: { bytes: Uint8Array<ArrayBuffer>; mediaType: string; title: string }) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    const created = URL.createObjectURL(new Blob([bytes], { type: mediaType }));
    setUrl(created);
    return () => URL.revokeObjectURL(created);
  }, [bytes, mediaType]);
  return <div className="image-frame">{url ? <img src={url} alt={title} className="image-view" /> : null}</div>;
}
