// Auditor mode's home: the audit packs this store took in, and importing more. A pack comes in as
// the import screen's files do (main's open dialog, or a drop, as one-shot tokens: the page never
// names a path); each picked pack gets its own result in plain words, a refusal with the core's
// sentence naming the first fault. Nothing of a refused pack is stored.
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { routeHash } from "../../app/routes.js";
import { isMac } from "../../app/platform.js";
import { ErrorNote } from "../../components/ErrorNote.js";
import { Icon } from "../../components/Icon.js";
import { formatDateTime, formatNumber } from "../../i18n/format.js";
import { announce } from "../../store/announcer.js";
import { isPackImportBusy, useAuditor, type PackOutcome } from "../../store/auditor.js";
import { useNavigation } from "../../store/navigation.js";
import { useLocale } from "../../store/settings.js";
import { FileDropScreen } from "../../components/FileDropScreen.js";

export function AuditPacksScreen() {
  const { t } = useTranslation();
  const locale = useLocale();
  const packs = useAuditor((state) => state.packs);
  const packsError = useAuditor((state) => state.packsError);
  const phase = useAuditor((state) => state.importPhase);
  const outcomes = useAuditor((state) => state.outcomes);
  const importError = useAuditor((state) => state.importError);
  const loadPacks = useAuditor((state) => state.loadPacks);
  const pickerRequest = useNavigation((state) => state.importPicker);
  const seenPicker = useRef(pickerRequest);
  const busy = isPackImportBusy(phase);

  useEffect(() => {
    void loadPacks();
  }, [loadPacks]);

  const start = async (importing: () => Promise<boolean>) => {
    if (isPackImportBusy(useAuditor.getState().importPhase)) {
      announce(t("auditor.import.busy"), "assertive");
      return;
    }
    const done = await importing();
    const state = useAuditor.getState();
    if (done) {
      const refused = state.outcomes.filter((outcome) => outcome.error !== null).length;
      announce(t("auditor.import.summary", { stored: state.outcomes.length - refused, refused }), refused > 0 ? "assertive" : "polite");
    } else if (state.importError) announce(t("auditor.import.failed", { message: state.importError.message }), "assertive");
  };
  const choose = () => void start(() => useAuditor.getState().choosePacks());

  useEffect(() => {
    // The menu's Import and Ctrl+O open the picker here in an auditor's store.
    if (pickerRequest !== seenPicker.current) {
      seenPicker.current = pickerRequest;
      choose();
    }
  }, [pickerRequest]);

  return (
    <FileDropScreen busy={busy} onFiles={(files) => void start(() => useAuditor.getState().dropPacks(files))}>
      {() => (
        <>
          <div className="screen-head">
            <h1 tabIndex={-1}>{t("auditor.packs.title")}</h1>
          </div>
          <p className="lead">{t("auditor.packs.intro")}</p>
          <div className="form-actions">
            <button type="button" className="button button-primary" onClick={choose} disabled={busy} aria-keyshortcuts={isMac() ? "Meta+O" : "Control+O"}>
              <Icon name="import" />
              {phase === "importing" ? t("auditor.import.importing") : t("auditor.import.choose")}
            </button>
          </div>
          <p className="muted">{isMac() ? t("auditor.import.dropHintMac") : t("auditor.import.dropHint")}</p>
          {importError ? <ErrorNote message={t("auditor.import.failed", { message: importError.message })} code={importError.code} /> : null}
          {outcomes.length > 0 ? (
            <section className="panel" aria-labelledby="pack-import-results">
              <h2 id="pack-import-results">{t("auditor.import.results")}</h2>
              <ul className="plain-list outcome-list">
                {outcomes.map((outcome, index) => (
                  <OutcomeItem key={`${outcome.name}-${index}`} outcome={outcome} />
                ))}
              </ul>
            </section>
          ) : null}

          <section className="panel" aria-labelledby="pack-list">
            <h2 id="pack-list">{t("auditor.packs.stored")}</h2>
            {packsError ? <ErrorNote message={t("auditor.packs.loadFailed", { message: packsError.message })} code={packsError.code} /> : null}
            {packs === null && !packsError ? <p role="status">{t("auditor.packs.loading")}</p> : null}
            {packs !== null && packs.length === 0 ? <p className="empty">{t("auditor.packs.none")}</p> : null}
            {packs !== null && packs.length > 0 ? (
              <div className="table-wrap">
                <table className="table" aria-labelledby="pack-list">
                  <thead>
                    <tr>
                      <th scope="col">{t("auditor.packs.pack")}</th>
                      <th scope="col">{t("auditor.packs.office")}</th>
                      <th scope="col">{t("auditor.packs.imported")}</th>
                      <th scope="col">{t("auditor.packs.cases")}</th>
                      <th scope="col">{t("auditor.packs.findings")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {packs.map((pack) => (
                      <tr key={pack.id}>
                        <th scope="row">
                          <a href={routeHash({ screen: "audit-pack", id: pack.id })}>{pack.id}</a>
                        </th>
                        <td>{pack.office}</td>
                        <td>{formatDateTime(pack.importedAt, locale)}</td>
                        <td>{t("auditor.packs.caseCounts", { sample: formatNumber(pack.sample.length, locale), purposive: formatNumber(pack.purposive.filter((pick) => !pick.alsoInRandomSample).length, locale) })}</td>
                        <td>{formatNumber(pack.findings, locale)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ) : null}
          </section>
        </>
      )}
    </FileDropScreen>
  );
}

function OutcomeItem({ outcome }: { outcome: PackOutcome }) {
  const { t } = useTranslation();
  if (outcome.error !== null) {
    return (
      <li className="outcome outcome-refused">
        <ErrorNote message={t("auditor.import.refused", { file: outcome.name, message: outcome.error.message })} code={outcome.error.code} />
      </li>
    );
  }
  const { result } = outcome;
  return (
    <li className="outcome">
      <p className="note note-ok">
        <Icon name="check" />{" "}
        {result.status === "duplicate"
          ? t("auditor.import.duplicate", { file: outcome.name, id: result.id })
          : t("auditor.import.imported", { file: outcome.name, id: result.id, office: result.office, sample: result.sample, purposive: result.purposive, decisions: result.decisionsVerified })}{" "}
        <a href={routeHash({ screen: "audit-pack", id: result.id })}>{t("auditor.import.open", { id: result.id })}</a>
      </p>
    </li>
  );
}
