// pdf.js, loaded on first use (it is large) with its worker served from the app's own origin:
// Vite emits pdf.worker.min.mjs as a file (`?url`, never inlined) and workerSrc points at it, which
// the CSP's worker-src 'self' allows. Evaluation of PDF code is off (isEvalSupported: false) and
// no viewer/scripting layer is used: pages are painted to canvas, text is extracted as plain strings.
import type * as PdfJsModule from "pdfjs-dist";
import workerUrl from "pdfjs-dist/build/pdf.worker.min.mjs?url";

type PdfJs = typeof PdfJsModule;
export type PdfDocument = Awaited<ReturnType<PdfJs["getDocument"]>["promise"]>;
export type PdfPage = Awaited<ReturnType<PdfDocument["getPage"]>>;

let loading: Promise<PdfJs> | null = null;

export function loadPdfJs(): Promise<PdfJs> {
  loading ??= import("pdfjs-dist").then((pdfjs) => {
    pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;
    return pdfjs;
  });
  return loading;
}

export interface OpenedPdf {
  promise: Promise<PdfDocument>;
  destroy: () => Promise<void>;
}

export async function openPdf(data: Uint8Array<ArrayBuffer>): Promise<OpenedPdf> {
  const pdfjs = await loadPdfJs();
  const task = pdfjs.getDocument({
    data,
    isEvalSupported: false,
    enableXfa: false,
    // Nothing is fetched: the bytes are all there is.
    disableAutoFetch: true,
    disableStream: true,
    disableRange: true,
    useWorkerFetch: false,
    stopAtErrors: false,
  });
  return { promise: task.promise, destroy: () => task.destroy() };
}

/** A page's text as lines, for screen readers and for reading scanned-looking pages. */
export async function pageText(page: PdfPage): Promise<string> {
  const content = await page.getTextContent();
  let text = "";
  for (const item of content.items) {
    if ("str" in item) text += item.str + (item.hasEOL ? "\n" : "");
  }
  return text.trim();
}
