// Import: a button for main's open dialog, drag and drop anywhere on the screen, a progress bar
// while the core works, and one result row per file in plain words. Files reach the core only as
// the tokens main issued for them (store/import.ts): the page never handles a path.
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import type { ImportOutcome } from "../../../../shared/api/requests.js";
import { isMac } from "../../app/platform.js";
import { ErrorNote } from "../../components/ErrorNote.js";
import { Icon } from "../../components/Icon.js";
import { ProgressBar } from "../../components/ProgressBar.js";
import { formatBytes, formatNumber, formatPercent } from "../../i18n/format.js";
import { announce } from "../../store/announcer.js";
import { isImportBusy, useImport } from "../../store/import.js";
import { useCountersign } from "../../store/countersign.js";
import { useInbox } from "../../store/inbox.js";
import { useNavigation } from "../../store/navigation.js";
import { useLocale } from "../../store/settings.js";
import { baseName, countersignOutcome, countOutcomes, progressFraction, storedOutcomeRoute } from "./import-model.js";
import { openCountersignOutcome } from "./countersign-outcome.js";
import { FileDropScreen } from "../../components/FileDropScreen.js";

export function ImportScreen() {
  const { t } = useTranslation();
  const locale = useLocale();
  const phase = useImport((state) => state.phase);
  const prepared = useImport((state) => state.prepared);
  const fileCount = useImport((state) => state.fileCount);
  const progress = useImport((state) => state.progress);
  const outcomes = useImport((state) => state.outcomes);
  const error = useImport((state) => state.error);
  const run = useImport((state) => state.run);
  const choose = useImport((state) => state.choose);
  const clear = useImport((state) => state.clear);
  const pickerRequest = useNavigation((state) => state.importPicker);
  const seenPicker = useRef(pickerRequest);
  const busy = isImportBusy(phase);
  const showsProgress = phase === "preparing" || phase === "importing";

  const start = async (importing: () => Promise<ImportOutcome[] | null>) => {
    if (busy) {
      announce(t("import.busy"), "assertive");
      return;
    }
    const result = await importing();
    const state = useImport.getState();
    if (result) {
      useInbox.getState().invalidate();
      // A four-eyes bundle changes the Countersignatures list or a decision's status: read them again when shown.
      if (result.some((outcome) => outcome.status === "imported" && countersignOutcome(outcome) !== null)) useCountersign.getState().invalidate();
      const counts = countOutcomes(result);
      announce(t("import.resultsSummary", { imported: counts.imported, duplicate: counts.duplicate, refused: counts.refused }));
    } else if (state.error) {
      announce(t("import.failed", { message: state.error.message }), "assertive");
    }
  };

  const openPicker = () => void start(choose);

  useEffect(() => {
    if (pickerRequest !== seenPicker.current) {
      seenPicker.current = pickerRequest;
      if (!isImportBusy(useImport.getState().phase)) void start(choose);
    }
    // Only a new picker request (the menu, Ctrl+O) opens the picker, not a re-render.
  }, [pickerRequest]);

  const fraction = progress ? progressFraction(progress) : null;
  const progressText =
    phase === "preparing"
      ? t("import.preparing", { index: Math.min(prepared + 1, fileCount), count: fileCount })
      : progress && progress.fileCount > 0
        ? `${t("import.importing", { index: Math.min(progress.fileIndex + 1, progress.fileCount), count: progress.fileCount })} · ${t("import.bytes", {
            read: formatBytes(progress.bytesRead, locale),
            total: formatBytes(progress.bytesTotal, locale),
          })}${fraction === null ? "" : ` · ${formatPercent(fraction, locale)}`}`
        : t("import.importing", { index: 1, count: fileCount });
  const counts = countOutcomes(outcomes);

  return (
    <FileDropScreen busy={busy} onFiles={(files) => void start(() => run(files))}>
      {(dragging) => (
        <>
          <div className="screen-head">
            <h1 tabIndex={-1}>{t("import.title")}</h1>
          </div>
          <p className="lead">{t("import.intro")}</p>
          <div className="drop-zone" aria-hidden={dragging ? undefined : true}>
            <Icon name="import" className="drop-icon" />
            <p className="drop-title">{t("import.dropZone")}</p>
            <p className="muted">{isMac() ? t("import.dropHintMac") : t("import.dropHint")}</p>
          </div>
          <div className="form-actions">
            <button type="button" className="button button-primary" onClick={openPicker} disabled={busy} aria-keyshortcuts={isMac() ? "Meta+O" : "Control+O"}>
              <Icon name="import" />
              {t("import.choose")}
            </button>
            {phase === "done" || phase === "failed" ? (
              <button type="button" className="button button-quiet" onClick={clear}>
                {t("import.clear")}
              </button>
            ) : null}
          </div>
          {showsProgress ? <ProgressBar label={t("import.progressLabel")} fraction={phase === "preparing" ? (fileCount ? prepared / fileCount : null) : fraction} valueText={progressText} /> : null}
          {error ? <ErrorNote message={t("import.failed", { message: error.message })} code={error.code} /> : null}
          {outcomes.length > 0 ? (
            <section className="panel" aria-labelledby="import-results">
              <h2 id="import-results">{t("import.results")}</h2>
              <p>{t("import.resultsSummary", { imported: formatNumber(counts.imported, locale), duplicate: formatNumber(counts.duplicate, locale), refused: formatNumber(counts.refused, locale) })}</p>
              <div className="table-wrap">
                <table className="table">
                  <thead>
                    <tr>
                      <th scope="col">{t("import.file")}</th>
                      <th scope="col">{t("import.result")}</th>
                      <th scope="col">{t("import.details")}</th>
                      <th scope="col">{t("import.technical")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {outcomes.map((outcome, index) => (
                      <OutcomeRow key={`${outcome.file}-${index}`} outcome={outcome} />
                    ))}
                  </tbody>
                </table>
              </div>
            </section>
          ) : null}
        </>
      )}
    </FileDropScreen>
  );
}

function OutcomeRow({ outcome }: { outcome: ImportOutcome }) {
  const { t } = useTranslation();
  const navigate = useNavigation((state) => state.navigate);
  const stored = outcome.status === "refused" ? null : outcome;
  const fourEyes = stored ? countersignOutcome(stored) : null;
  const grievance = stored?.bundleType === "grievance";
  const executionReport = stored?.bundleType === "execution-report";
  const route = stored && !fourEyes ? storedOutcomeRoute(stored) : null;
  const open = () => {
    if (fourEyes) void openCountersignOutcome(fourEyes, navigate);
    else if (route) navigate(route);
  };
  let details: string;
  if (outcome.status === "refused") {
    details = t(`refusal.${outcome.code}`);
  } else if (fourEyes) {
    details = `${t(fourEyes.kind === "request" ? "countersign.import.request" : "countersign.import.answer", { id: fourEyes.id, from: fourEyes.from })}${outcome.status === "duplicate" ? ` ${t("import.duplicateDetail")}` : ""}`;
  } else if (grievance || executionReport) {
    const words = t(grievance ? "import.grievanceFrom" : "import.executionReportFrom", { id: outcome.id, from: outcome.authority });
    details = `${words}${outcome.status === "duplicate" ? ` ${t("import.duplicateDetail")}` : ""}`;
  } else if (outcome.status === "imported") {
    details = t("import.importedAs", { id: outcome.id, revision: outcome.revision, authority: outcome.authority });
  } else {
    details = t("import.duplicateDetail");
  }
  return (
    <tr className={`outcome outcome-${outcome.status}`}>
      <th scope="row">
        <span className="cell-title">{baseName(outcome.file)}</span>
      </th>
      <td>
        <span className={`status-label status-${outcome.status}`}>
          <Icon name={outcome.status === "refused" ? "cross" : outcome.status === "imported" ? "check" : "info"} />
          {t(`import.${outcome.status}`)}
        </span>
      </td>
      <td>
        <span>{details}</span>
        {fourEyes || route ? (
          <button type="button" className="button button-small inline-action" onClick={open}>
            {fourEyes ? t(fourEyes.kind === "request" ? "countersign.import.openRequest" : "countersign.import.openDecision") : grievance ? t("import.openGrievance") : t("import.open")}
          </button>
        ) : null}
      </td>
      <td>
        {outcome.status === "refused" ? (
          <>
            <code className="code-tag">{outcome.code}</code>
            <span className="technical">{outcome.message}</span>
          </>
        ) : (
          <span className="muted">—</span>
        )}
      </td>
    </tr>
  );
}
