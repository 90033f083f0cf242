// Retention: the office's rule, the cases whose day has come (deleted only after a confirmation
// that names each one, through the store's real deletion), and the cases scheduled for later.
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "react-aria-components";
import type { RetentionEntry } from "../../../../shared/api/retention.js";
import { ErrorNote } from "../../components/ErrorNote.js";
import { ModalDialog } from "../../components/ModalDialog.js";
import { announce } from "../../store/announcer.js";
import { failureFrom, type Failure } from "../../store/failure.js";
import { useRetention } from "../../store/retention.js";
import { RetentionRuleForm } from "./RetentionRuleForm.js";
import { RetentionTable } from "./RetentionTable.js";
import { caseReference, splitDue } from "./retention-model.js";

function DueCases({ due }: { due: readonly RetentionEntry[] }) {
  const { t } = useTranslation();
  const deleteCases = useRetention((state) => state.deleteCases);
  const [confirming, setConfirming] = useState<readonly RetentionEntry[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);

  const confirm = async () => {
    if (!confirming) return;
    setBusy(true);
    setFailure(null);
    try {
      const deleted = await deleteCases(confirming);
      announce(t("retention.deleted", { count: deleted.length }));
      setConfirming(null);
    } catch (error) {
      setFailure(failureFrom(error, (message) => t("retention.deleteFailed", { message })));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel" aria-labelledby="retention-due-title">
      <h2 id="retention-due-title">{t("retention.due", { count: due.length })}</h2>
      {due.length === 0 ? (
        <p>{t("retention.noneDue")}</p>
      ) : (
        <>
          <RetentionTable entries={due} caption={t("retention.dueCaption")} />
          <div className="form-actions">
            <button
              type="button"
              className="button button-danger"
              onClick={() => {
                setFailure(null);
                setConfirming(due);
              }}
            >
              {t("retention.deleteDue", { count: due.length })}
            </button>
          </div>
        </>
      )}
      <ModalDialog title={t("retention.confirmTitle", { count: confirming?.length ?? 0 })} role="alertdialog" dismissable={false} isOpen={confirming !== null} onOpenChange={(open) => !open && !busy && setConfirming(null)}>
        <p>{t("retention.confirmBody")}</p>
        <ul className="retention-confirm-list">
          {(confirming ?? []).map((entry) => (
            <li key={caseReference(entry)}>
              <code>{caseReference(entry)}</code>
            </li>
          ))}
        </ul>
        {failure ? <ErrorNote message={failure.message} code={failure.code} /> : null}
        <div className="dialog-actions">
          <Button className="button" slot="close" isDisabled={busy} autoFocus>
            {t("retention.cancel")}
          </Button>
          {/* After a refusal the list in the dialog is out of date: cancel, and confirm the new one. */}
          <Button className="button button-danger-solid" onPress={() => void confirm()} isDisabled={busy || failure !== null}>
            {t("retention.confirmDelete", { count: confirming?.length ?? 0 })}
          </Button>
        </div>
      </ModalDialog>
    </section>
  );
}

export function RetentionScreen() {
  const { t } = useTranslation();
  const view = useRetention((state) => state.view);
  const error = useRetention((state) => state.error);
  const load = useRetention((state) => state.load);
  useEffect(() => {
    void load();
  }, [load]);
  const { due, scheduled } = splitDue(view?.entries ?? []);

  return (
    <div className="screen screen-retention">
      <div className="screen-head">
        <h1 tabIndex={-1}>{t("retention.title")}</h1>
      </div>
      {error ? <ErrorNote message={t("retention.loadFailed", { message: error.message })} code={error.code} /> : null}
      {view ? (
        <>
          <DueCases due={due} />
          <section className="panel" aria-labelledby="retention-scheduled-title">
            <h2 id="retention-scheduled-title">{t("retention.scheduled", { count: scheduled.length })}</h2>
            {scheduled.length === 0 ? <p>{t("retention.noneScheduled")}</p> : <RetentionTable entries={scheduled} caption={t("retention.scheduledCaption")} />}
          </section>
          <RetentionRuleForm rule={view.rule} />
        </>
      ) : error ? null : (
        <p role="status">{t("retention.loading")}</p>
      )}
    </div>
  );
}
