// The answer to a countersignature request: sign or decline (a decline needs its reasons), with a
// confirmation that names what is signed (the verdict, the colleague's decision and its SHA-256,
// this reviewer's key) and to whom the answer is sealed; the door asks where to save the bundle.
// Once answered, the answer given instead. A decision whose signature does not verify now cannot
// be answered from here.
import { useState } from "react";
import { Label, Radio, RadioGroup } from "react-aria-components";
import { useTranslation } from "react-i18next";
import type { CountersignRequestView } from "../../../../shared/api/countersign.js";
import { COUNTERSIGNATURE_VERDICTS, isCountersignatureVerdict, type CountersignatureVerdict } from "../../../../shared/vocabulary/countersignature-verdicts.js";
import { ErrorNote } from "../../components/ErrorNote.js";
import { TextAreaField } from "../../components/Field.js";
import { formatDateTime, groupHex } from "../../i18n/format.js";
import { useCountersign } from "../../store/countersign.js";
import { useSession } from "../../store/session.js";
import { useLocale } from "../../store/settings.js";
import { ConfirmSignDialog } from "../decisions/ConfirmSignDialog.js";
import { checkAnswer } from "./countersign-model.js";

export function AnswerPanel({ view }: { view: CountersignRequestView }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const identity = useSession((state) => state.identity);
  const answering = useCountersign((state) => state.answering);
  const answer = useCountersign((state) => state.answer);
  const clearAnswering = useCountersign((state) => state.clearAnswering);
  const [verdict, setVerdict] = useState<CountersignatureVerdict>("signed");
  const [reasons, setReasons] = useState("");
  const [showProblems, setShowProblems] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const problems = checkAnswer(verdict, reasons);

  const saved = answering.state === "done" ? <p className="note note-ok">{t("countersign.answer.saved", { file: answering.result.name, to: answering.result.sealedTo })}</p> : null;

  if (view.answer !== null) {
    return (
      <section className="panel" aria-labelledby="countersign-answer">
        <h2 id="countersign-answer">{t("countersign.answer.title")}</h2>
        <p>
          <strong>{t(`decision.verdict.${view.answer.verdict}`)}</strong> {t("countersign.answer.given", { id: view.answer.id, at: formatDateTime(view.answer.at, locale) })}
        </p>
        <p className="muted">
          {t("decision.sha256")}: <code>{groupHex(view.answer.sha256, 16)}</code>
        </p>
        <div role="status">{saved}</div>
      </section>
    );
  }

  const ask = () => {
    setShowProblems(true);
    clearAnswering();
    if (problems.length > 0) {
      window.requestAnimationFrame(() => document.getElementById("countersign-answer-panel")?.querySelector<HTMLElement>("[aria-invalid='true']")?.focus());
      return;
    }
    setConfirming(true);
  };
  const confirm = async () => {
    await answer(view.decisionId, verdict, reasons);
    // The saved note below is a status region: it says so to a screen reader too.
    const state = useCountersign.getState().answering;
    if (state.state !== "failed") setConfirming(false);
  };
  const failure = answering.state === "failed" ? { message: t("countersign.answer.failed", { message: answering.error.message }), code: answering.error.code } : null;

  return (
    <section className="panel" id="countersign-answer-panel" aria-labelledby="countersign-answer">
      <h2 id="countersign-answer">{t("countersign.answer.title")}</h2>
      {!view.signature.verified ? (
        <p className="note note-warning">{t("countersign.answer.unverified")}</p>
      ) : (
        <>
          <p className="muted">{t("countersign.answer.intro", { name: view.from.name })}</p>
          <RadioGroup
            className="outcome-choice"
            value={verdict}
            onChange={(value) => {
              if (isCountersignatureVerdict(value)) setVerdict(value);
              clearAnswering();
            }}
          >
            <Label className="field-label">{t("countersign.answer.question")}</Label>
            {COUNTERSIGNATURE_VERDICTS.map((value) => (
              <Radio key={value} value={value} className="choice">
                <span className="choice-title">{t(`countersign.answer.choice.${value}`)}</span>
                <span className="choice-hint">{t(`countersign.answer.choiceHint.${value}`)}</span>
              </Radio>
            ))}
          </RadioGroup>
          <TextAreaField
            label={verdict === "declined" ? t("countersign.answer.reasonsRequired") : t("countersign.answer.reasonsOptional")}
            value={reasons}
            onChange={setReasons}
            hint={t(`countersign.answer.reasonsHint.${verdict}`)}
            error={showProblems && problems.includes("reasons") ? t("countersign.answer.problemReasons") : null}
            required={verdict === "declined"}
            rows={4}
          />
          <div className="form-actions">
            <button type="button" className={verdict === "declined" ? "button button-danger" : "button button-primary"} disabled={answering.state === "busy"} onClick={ask}>
              {t(`countersign.answer.button.${verdict}`)}
            </button>
          </div>
        </>
      )}
      <div role="status">
        {saved}
        {answering.state === "cancelled" ? <p>{t("countersign.answer.cancelled")}</p> : null}
      </div>
      {failure && !confirming ? <ErrorNote message={failure.message} code={failure.code} /> : null}
      <ConfirmSignDialog
        title={t(`countersign.answer.confirmTitle.${verdict}`)}
        isOpen={confirming}
        onClose={() => setConfirming(false)}
        onConfirm={() => void confirm()}
        confirmLabel={t(`countersign.answer.confirm.${verdict}`)}
        busy={answering.state === "busy"}
        error={failure}
      >
        <p>
          {t(`countersign.answer.confirmBody.${verdict}`, {
            id: view.decisionId,
            outcome: t(`outcome.${view.outcome}`),
            name: view.from.name,
            sha256: view.decisionSha256,
            keyId: identity?.reviewer.keyId ?? "",
          })}
        </p>
        {reasons.trim() !== "" ? <p className="pre-wrap">{t("countersign.answer.confirmReasons", { reasons: reasons.trim() })}</p> : null}
        <p>{t("countersign.answer.confirmAfter", { name: view.from.name, entry: view.from.entry })}</p>
      </ConfirmSignDialog>
    </section>
  );
}
