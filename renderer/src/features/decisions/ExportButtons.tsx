// The export buttons of a signed document's page: the verification copy always, the sealed
// reply only where the addressee has an age recipient (otherwise the reason instead of the
// button). The door asks where (main: a folder dialog), so the page names no path; the result
// names the folder and the files written.
import { useTranslation } from "react-i18next";
import { ErrorNote } from "../../components/ErrorNote.js";
import { Icon } from "../../components/Icon.js";
import type { ExportKind, ExportState } from "../../store/decisions.js";

interface Props {
  state: ExportState;
  onExport: (kind: ExportKind) => void;
  /** Null when a sealed reply can go; else why it cannot, in words. */
  sealUnavailable: string | null;
}

export function ExportButtons({ state, onExport, sealUnavailable }: Props) {
  const { t } = useTranslation();
  const busy = state.state === "busy";
  return (
    <div className="export-buttons">
      <p className="muted">{t("exports.intro")}</p>
      <div className="form-actions">
        <button type="button" className="button" disabled={busy} aria-busy={busy && state.kind === "copy"} onClick={() => onExport("copy")}>
          <Icon name="file" />
          {busy && state.kind === "copy" ? t("exports.exporting") : t("exports.copy")}
        </button>
        {sealUnavailable === null ? (
          <button type="button" className="button" disabled={busy} aria-busy={busy && state.kind === "sealed"} onClick={() => onExport("sealed")}>
            <Icon name="lock" />
            {busy && state.kind === "sealed" ? t("exports.exporting") : t("exports.sealed")}
          </button>
        ) : null}
      </div>
      {sealUnavailable !== null ? <p className="note note-warning">{sealUnavailable}</p> : null}
      <div role="status">
        {state.state === "done" ? (
          <p className="note note-ok">
            {t(state.result.sealedTo === null ? "exports.doneCopy" : "exports.doneSealed", { folder: state.result.folder, files: state.result.files.join(", "), to: state.result.sealedTo ?? "" })}
          </p>
        ) : state.state === "cancelled" ? (
          <p>{t("exports.cancelled")}</p>
        ) : null}
      </div>
      {state.state === "failed" ? <ErrorNote message={t("exports.failed", { message: state.error.message })} code={state.error.code} /> : null}
    </div>
  );
}
