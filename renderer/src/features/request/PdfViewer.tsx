// One PDF page at a time on a canvas, with page and zoom controls and the page's text beside it.
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorNote } from "../../components/ErrorNote.js";
import { Icon } from "../../components/Icon.js";
import { formatNumber } from "../../i18n/format.js";
import { useLocale } from "../../store/settings.js";
import { openPdf, pageText, type PdfDocument } from "./pdf.js";

type Zoom = "fit" | 1 | 1.5 | 2;
const ZOOMS: readonly Zoom[] = ["fit", 1, 1.5, 2];

export function PdfViewer({ bytes, title }: { bytes: Uint8Array<ArrayBuffer>; title: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [doc, setDoc] = useState<PdfDocument | null>(null);
  const [pageNumber, setPageNumber] = useState(1);
  const [zoom, setZoom] = useState<Zoom>("fit");
  const [error, setError] = useState<string | null>(null);
  const [text, setText] = useState<string | null>(null);
  const [width, setWidth] = useState(0);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const frameRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let cancelled = false;
    let destroy: (() => Promise<void>) | null = null;
    setDoc(null);
    setError(null);
    setPageNumber(1);
    openPdf(bytes)
      .then((opened) => {
        destroy = opened.destroy;
        if (cancelled) void opened.destroy();
        return opened.promise;
      })
      .then((loaded) => {
        if (!cancelled) setDoc(loaded);
      })
      .catch((reason: unknown) => {
        if (!cancelled) setError(reason instanceof Error ? reason.message : String(reason));
      });
    return () => {
      cancelled = true;
      void destroy?.();
    };
  }, [bytes]);

  useEffect(() => {
    const frame = frameRef.current;
    if (!frame) return;
    const observer = new ResizeObserver((entries) => setWidth(Math.floor(entries[0]?.contentRect.width ?? 0)));
    observer.observe(frame);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!doc || !canvas || width === 0) return;
    let cancelled = false;
    let cancelRender: (() => void) | null = null;
    setText(null);
    void (async () => {
      try {
        const page = await doc.getPage(pageNumber);
        if (cancelled) return;
        const base = page.getViewport({ scale: 1 });
        const scale = zoom === "fit" ? Math.max(0.25, (width - 2) / base.width) : zoom;
        const viewport = page.getViewport({ scale });
        const ratio = window.devicePixelRatio || 1;
        canvas.width = Math.floor(viewport.width * ratio);
        canvas.height = Math.floor(viewport.height * ratio);
        canvas.style.width = `${Math.floor(viewport.width)}px`;
        canvas.style.height = `${Math.floor(viewport.height)}px`;
        const task = page.render({ canvas, viewport, transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0] });
        cancelRender = () => task.cancel();
        await task.promise;
        const extracted = await pageText(page);
        if (!cancelled) setText(extracted);
      } catch (reason) {
        if (!cancelled && !(reason instanceof Error && reason.name === "RenderingCancelledException")) {
          setError(reason instanceof Error ? reason.message : String(reason));
        }
      }
    })();
    return () => {
      cancelled = true;
      cancelRender?.();
    };
  }, [doc, pageNumber, zoom, width]);

  const pages = doc?.numPages ?? 0;
  const pageLabel = t("request.attachments.page", { page: formatNumber(pageNumber, locale), pages: formatNumber(pages, locale) });

  return (
    <div className="pdf-viewer">
      <div className="viewer-toolbar">
        <button type="button" className="button button-small" disabled={pageNumber <= 1} onClick={() => setPageNumber((n) => Math.max(1, n - 1))}>
          <Icon name="chevronLeft" />
          {t("request.attachments.previousPage")}
        </button>
        <span className="viewer-page" aria-live="polite">
          {doc ? pageLabel : t("app.loading")}
        </span>
        <button type="button" className="button button-small" disabled={pageNumber >= pages} onClick={() => setPageNumber((n) => Math.min(pages, n + 1))}>
          {t("request.attachments.nextPage")}
          <Icon name="chevronRight" />
        </button>
        <label className="viewer-zoom">
          <span>{t("request.attachments.zoom")}</span>
          <select className="input select input-small" value={String(zoom)} onChange={(event) => setZoom(event.target.value === "fit" ? "fit" : (Number(event.target.value) as Zoom))}>
            {ZOOMS.map((value) => (
              <option key={String(value)} value={String(value)}>
                {value === "fit" ? t("request.attachments.zoomFit") : `${formatNumber(value * 100, locale)} %`}
              </option>
            ))}
          </select>
        </label>
      </div>
      {error ? <ErrorNote message={t("request.attachments.pdfFailed", { message: error })} /> : null}
      <div className="pdf-frame" ref={frameRef} tabIndex={0} role="region" aria-label={t("request.attachments.pageImage", { page: pageNumber, pages, title })}>
        <canvas ref={canvasRef} className="pdf-canvas" role="img" aria-label={t("request.attachments.pageImage", { page: pageNumber, pages, title })} />
      </div>
      <details className="pdf-text">
        <summary>{t("request.attachments.showText")}</summary>
        {text === null ? <p>{t("app.loading")}</p> : text === "" ? <p>{t("request.attachments.noText")}</p> : <pre className="pre" tabIndex={0} role="region" aria-label={t("request.attachments.textContent", { title })}>{text}</pre>}
      </details>
    </div>
  );
}
