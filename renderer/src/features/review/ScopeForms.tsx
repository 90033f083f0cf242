// The scope's period, retention and conditions: each shows the requested value beside the granted
// one and a small form that sends one change. Dates are calendar days (see scope-model.ts).
import { useState } from "react";
import { Button } from "react-aria-components";
import { useTranslation } from "react-i18next";
import type { ScopeCondition } from "../../../../shared/review/scope-schema.js";
import type { GrantedScope } from "../../../../shared/review/scope-schema.js";
import { DATED_SCOPE_CONDITION_KINDS, SCOPE_CONDITION_KINDS, type ScopeConditionKind } from "../../../../shared/vocabulary/scope-conditions.js";
import { SelectField, TextField } from "../../components/Field.js";
import { useReview } from "../../store/review.js";
import { DayField } from "../../components/DateFields.js";
import { saveKey } from "./review-model.js";
import { SaveStatus } from "./SaveStatus.js";
import { asWritten, dayOf, periodFromDays } from "./scope-model.js";

interface FormProps {
  requested: GrantedScope;
  granted: GrantedScope;
  readOnly: boolean;
}

export function PeriodForm({ requested, granted, readOnly }: FormProps) {
  const { t } = useTranslation();
  const changeScope = useReview((state) => state.changeScope);
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [error, setError] = useState<string | null>(null);
  // As the request writes them (its own local time and offset), so the days read as the issuer meant.
  const text = (period: GrantedScope["period"]) => (period ? t("review.scope.periodText", { from: asWritten(period.from), to: asWritten(period.to) }) : t("review.scope.none"));
  const submit = () => {
    const result = periodFromDays(from, to, requested.period);
    if (!result.ok) return setError(t(`review.scope.periodError.${result.error}`));
    setError(null);
    void changeScope({ op: "set-period", period: result.period });
  };
  return (
    <section aria-labelledby="scope-period" className="scope-form">
      <h3 id="scope-period">{t("review.scope.period")}</h3>
      <dl className="fields fields-compact">
        <div className="field-row">
          <dt>{t("review.scope.requested")}</dt>
          <dd>{text(requested.period)}</dd>
        </div>
        <div className="field-row">
          <dt>{t("review.scope.grant")}</dt>
          <dd>{text(granted.period)}</dd>
        </div>
      </dl>
      <div className="form-row">
        <DayField label={t("review.scope.periodFrom")} onChange={setFrom} disabled={readOnly} {...(requested.period ? { hint: t("review.scope.periodFromHint", { day: dayOf(requested.period.from) }) } : {})} />
        <DayField label={t("review.scope.periodTo")} onChange={setTo} disabled={readOnly} error={error} {...(requested.period ? { hint: t("review.scope.periodToHint", { day: dayOf(requested.period.to) }) } : {})} />
        <Button className="button button-small" isDisabled={readOnly} onPress={submit}>
          {t("review.scope.setPeriod")}
        </Button>
      </div>
      <SaveStatus saveKey={saveKey.scope("period")} what={t("review.scope.what")} />
    </section>
  );
}

export function RetentionForm({ requested, granted, readOnly }: FormProps) {
  const { t } = useTranslation();
  const changeScope = useReview((state) => state.changeScope);
  const [days, setDays] = useState(granted.retentionDays === undefined ? "" : String(granted.retentionDays));
  const [error, setError] = useState<string | null>(null);
  const text = (value: number | undefined) => (value === undefined ? t("review.scope.none") : t("review.scope.days", { count: value }));
  const submit = () => {
    const value = Number(days);
    if (days.trim() === "" || !Number.isInteger(value) || value < 0) return setError(t("review.scope.retentionError"));
    setError(null);
    void changeScope({ op: "set-retention", days: value });
  };
  return (
    <section aria-labelledby="scope-retention" className="scope-form">
      <h3 id="scope-retention">{t("review.scope.retention")}</h3>
      <dl className="fields fields-compact">
        <div className="field-row">
          <dt>{t("review.scope.requested")}</dt>
          <dd>{text(requested.retentionDays)}</dd>
        </div>
        <div className="field-row">
          <dt>{t("review.scope.grant")}</dt>
          <dd>{text(granted.retentionDays)}</dd>
        </div>
      </dl>
      <div className="form-row">
        <TextField type="number" min={0} inputMode="numeric" label={t("review.scope.retentionDays")} value={days} onChange={setDays} disabled={readOnly} error={error} className="field-narrow" />
        <Button className="button button-small" isDisabled={readOnly} onPress={submit}>
          {t("review.scope.setRetention")}
        </Button>
      </div>
      <SaveStatus saveKey={saveKey.scope("retention")} what={t("review.scope.what")} />
    </section>
  );
}

const isDated = (kind: ScopeConditionKind): kind is (typeof DATED_SCOPE_CONDITION_KINDS)[number] => (DATED_SCOPE_CONDITION_KINDS as readonly string[]).includes(kind);

export function ConditionsForm({ granted, readOnly }: Omit<FormProps, "requested">) {
  const { t } = useTranslation();
  const changeScope = useReview((state) => state.changeScope);
  const [kind, setKind] = useState<ScopeConditionKind>("purpose-limitation");
  const [date, setDate] = useState("");
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    if (text.trim() === "") return setError(t("review.scope.conditionTextRequired"));
    if (isDated(kind) && !/^\d{4}-\d{2}-\d{2}$/.test(date)) return setError(t("review.scope.conditionDateRequired"));
    setError(null);
    const condition: ScopeCondition = isDated(kind) ? { kind, date, text: text.trim() } : { kind, text: text.trim() };
    if (await changeScope({ op: "add-condition", condition })) setText("");
  };
  return (
    <section aria-labelledby="scope-conditions" className="scope-form">
      <h3 id="scope-conditions">{t("review.scope.conditions")}</h3>
      {granted.conditions.length === 0 ? <p className="muted">{t("review.scope.noConditions")}</p> : null}
      <ul className="plain-list">
        {granted.conditions.map((condition, index) => (
          <li key={`${condition.kind}-${index}`} className="condition-row">
            <span>
              <strong>{t(`conditionKind.${condition.kind}`)}</strong>
              {"date" in condition ? ` ${t("review.scope.by", { date: condition.date })}` : ""}: {condition.text}
            </span>
            <Button className="button button-small button-quiet" isDisabled={readOnly} onPress={() => void changeScope({ op: "remove-condition", index })}>
              {t("review.scope.removeCondition", { kind: t(`conditionKind.${condition.kind}`) })}
            </Button>
          </li>
        ))}
      </ul>
      <div className="form-row">
        <SelectField
          label={t("review.scope.conditionKind")}
          value={kind}
          onChange={(value) => {
            setKind(SCOPE_CONDITION_KINDS.find((known) => known === value) ?? "purpose-limitation");
            setDate("");
          }}
          options={SCOPE_CONDITION_KINDS.map((value) => ({ value, label: t(`conditionKind.${value}`) }))}
        />
        {isDated(kind) ? <DayField label={t("review.scope.conditionDate")} onChange={setDate} disabled={readOnly} /> : null}
      </div>
      <TextField label={t("review.scope.conditionText")} value={text} onChange={setText} disabled={readOnly} error={error} />
      <Button className="button button-small" isDisabled={readOnly} onPress={() => void submit()}>
        {t("review.scope.addCondition")}
      </Button>
      <SaveStatus saveKey={saveKey.scope("conditions")} what={t("review.scope.what")} />
    </section>
  );
}
