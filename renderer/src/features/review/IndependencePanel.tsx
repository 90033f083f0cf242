// The independence declaration, asked before the first answer: no conflict of interest, or a
// declared one with a note. Recorded now and signed later with the decision.
import { useState } from "react";
import { Button, Label, Radio, RadioGroup, TextArea, TextField } from "react-aria-components";
import { useTranslation } from "react-i18next";
import type { ReviewView } from "../../../../shared/api/review.js";
import { formatDateTime } from "../../i18n/format.js";
import { useReview } from "../../store/review.js";
import { useLocale } from "../../store/settings.js";
import { saveKey } from "./review-model.js";
import { SaveStatus } from "./SaveStatus.js";

export function IndependenceSummary({ view }: { view: ReviewView }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const declaration = view.independence;
  if (!declaration) return null;
  return (
    <p className="independence-summary">
      {declaration.conflict
        ? t("review.independence.declaredConflict", { when: formatDateTime(declaration.declaredAt, locale), note: declaration.note ?? "" })
        : t("review.independence.declaredNone", { when: formatDateTime(declaration.declaredAt, locale) })}
    </p>
  );
}

export function IndependencePanel({ disabled }: { disabled: boolean }) {
  const { t } = useTranslation();
  const declare = useReview((state) => state.declareIndependence);
  const [choice, setChoice] = useState<"none" | "conflict" | null>(null);
  const [note, setNote] = useState("");
  const [error, setError] = useState<string | null>(null);

  const submit = () => {
    if (choice === null) return setError(t("review.independence.choose"));
    if (choice === "conflict" && note.trim() === "") return setError(t("review.independence.noteRequired"));
    setError(null);
    void declare(choice === "conflict", choice === "conflict" ? note : null);
  };

  return (
    <section className="panel independence" aria-labelledby="independence-title">
      <h2 id="independence-title">{t("review.independence.title")}</h2>
      <p>{t("review.independence.intro")}</p>
      <RadioGroup className="independence-choice" value={choice} onChange={(value) => setChoice(value === "conflict" ? "conflict" : "none")} isDisabled={disabled}>
        <Label className="field-label">{t("review.independence.question")}</Label>
        <Radio value="none" className="choice">
          {t("review.independence.none")}
        </Radio>
        <Radio value="conflict" className="choice">
          {t("review.independence.conflict")}
        </Radio>
      </RadioGroup>
      {choice === "conflict" ? (
        <TextField className="field" value={note} onChange={setNote} isRequired isDisabled={disabled}>
          <Label className="field-label">{t("review.independence.note")}</Label>
          <TextArea className="input textarea" rows={3} />
        </TextField>
      ) : null}
      {error ? <p className="field-error">{error}</p> : null}
      <Button className="button button-primary" isDisabled={disabled} onPress={submit}>
        {t("review.independence.submit")}
      </Button>
      <SaveStatus saveKey={saveKey.independence} what={t("review.independence.what")} />
    </section>
  );
}
