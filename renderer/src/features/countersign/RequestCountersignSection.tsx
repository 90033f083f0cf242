// The decision page's four-eyes request: for a decision awaiting its countersignature, choose a
// colleague (a reviewer entry of the keyring with an age recipient; the others are named with the
// reason they cannot be chosen), confirm what is sealed to whom, and the door asks where to save
// the bundle (the page never names a path). The requests sent are listed with when they went:
// the decision stays awaiting countersignature until the answer is imported.
import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { DecisionView } from "../../../../shared/api/decisions.js";
import { routeHash } from "../../app/routes.js";
import { ErrorNote } from "../../components/ErrorNote.js";
import { SelectField } from "../../components/Field.js";
import { Icon } from "../../components/Icon.js";
import { formatDateTime } from "../../i18n/format.js";
import { useCountersign } from "../../store/countersign.js";
import { useLocale } from "../../store/settings.js";
import { ConfirmSignDialog } from "../decisions/ConfirmSignDialog.js";
import { colleaguesOf } from "./countersign-model.js";

export function RequestCountersignSection({ view }: { view: DecisionView }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const loadSent = useCountersign((state) => state.loadSent);
  const sent = useCountersign((state) => state.sent);
  const sentError = useCountersign((state) => state.sentError);
  const sending = useCountersign((state) => state.sending);
  const send = useCountersign((state) => state.send);
  const clearSending = useCountersign((state) => state.clearSending);
  const [chosen, setChosen] = useState("");
  const [confirming, setConfirming] = useState(false);

  useEffect(() => {
    void loadSent(view.id);
  }, [view.id, view.status, loadSent]);

  const current = sent?.decisionId === view.id ? sent : null;
  const colleagues = useMemo(() => colleaguesOf(current?.keyring ?? [], new Date()), [current]);
  const colleague = colleagues.sealable.find((each) => each.entry === chosen) ?? colleagues.sealable[0] ?? null;
  const canRequest = view.status === "awaiting-countersignature" && view.supersededBy === null;
  const request = view.document.request;

  const confirm = async () => {
    if (!colleague) return;
    await send(view.id, colleague.entry);
    // The saved note below is a status region: it says so to a screen reader too.
    const state = useCountersign.getState().sending;
    if (state.state !== "failed") setConfirming(false);
  };

  return (
    <section className="panel" aria-labelledby="decision-countersign-request">
      <h2 id="decision-countersign-request">{t("countersign.request.title")}</h2>
      {sentError ? <ErrorNote message={t("countersign.request.loadFailed", { message: sentError.message })} code={sentError.code} /> : null}
      {current === null && !sentError ? <p role="status">{t("app.loading")}</p> : null}
      {current !== null && current.requests.length > 0 ? (
        <>
          <h3>{t("countersign.request.sentTitle")}</h3>
          <ul className="plain-list countersign-sent">
            {current.requests.map((line) => (
              <li key={`${line.at}-${line.sealedSha256}`}>{t("countersign.request.sentLine", { name: line.name, entry: line.to, keyId: line.toKeyId, at: formatDateTime(line.at, locale) })}</li>
            ))}
          </ul>
          {view.status === "awaiting-countersignature" ? <p className="note">{t("countersign.request.stillAwaiting")}</p> : null}
        </>
      ) : null}
      {canRequest && current !== null ? (
        <>
          <p className="muted">{t("countersign.request.intro")}</p>
          {colleagues.sealable.length === 0 ? (
            <p className="note note-warning">
              {t("countersign.request.noColleague")} <a href={routeHash({ screen: "keyring" })}>{t("countersign.request.toKeyring")}</a>
            </p>
          ) : (
            <div className="form form-grid">
              <SelectField
                label={t("countersign.request.colleague")}
                value={colleague?.entry ?? ""}
                onChange={(value) => {
                  setChosen(value);
                  clearSending();
                }}
                options={colleagues.sealable.map((each) => ({ value: each.entry, label: t("countersign.request.colleagueOption", { name: each.name, entry: each.entry }) }))}
                hint={colleague?.keyId ? t("countersign.request.colleagueHint", { keyId: colleague.keyId }) : undefined}
              />
              <div className="form-actions span-all">
                <button type="button" className="button button-primary" disabled={sending.state === "busy"} onClick={() => setConfirming(true)}>
                  <Icon name="lock" />
                  {t("countersign.request.button")}
                </button>
              </div>
            </div>
          )}
          {colleagues.unsealable.length > 0 ? (
            <ul className="plain-list muted">
              {colleagues.unsealable.map((each) => (
                <li key={each.entry}>{t("countersign.request.unsealable", { name: each.name, entry: each.entry })}</li>
              ))}
            </ul>
          ) : null}
        </>
      ) : null}
      <div role="status">
        {sending.state === "done" ? <p className="note note-ok">{t("countersign.request.done", { file: sending.result.name, to: sending.result.sealedTo })}</p> : null}
        {sending.state === "cancelled" ? <p>{t("countersign.request.cancelled")}</p> : null}
      </div>
      {sending.state === "failed" && !confirming ? <ErrorNote message={t("countersign.request.failed", { message: sending.error.message })} code={sending.error.code} /> : null}
      <ConfirmSignDialog
        title={t("countersign.request.confirmTitle")}
        isOpen={confirming}
        onClose={() => setConfirming(false)}
        onConfirm={() => void confirm()}
        confirmLabel={t("countersign.request.confirm")}
        busyLabel={t("countersign.request.sealing")}
        busy={sending.state === "busy"}
        error={sending.state === "failed" ? { message: t("countersign.request.failed", { message: sending.error.message }), code: sending.error.code } : null}
      >
        {colleague ? (
          <>
            <p>
              {t("countersign.request.confirmBody", {
                id: view.id,
                outcome: t(`outcome.${view.outcome}`),
                authority: request.authority,
                request: request.id,
                revision: request.revision,
                name: colleague.name,
                entry: colleague.entry,
                keyId: colleague.keyId ?? "",
                ownKey: view.reviewerKeyId,
              })}
            </p>
            <p>{t("countersign.request.confirmAfter")}</p>
          </>
        ) : null}
      </ConfirmSignDialog>
    </section>
  );
}
