// Settings: change the passphrase (a rekey of the store), idle lock minutes, and the locale used
// for dates and numbers.
import { useEffect, useId, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { ErrorNote } from "../../components/ErrorNote.js";
import { SelectField, TextField } from "../../components/Field.js";
import { StrengthMeter } from "../../components/StrengthMeter.js";
import { formatDateTime, formatNumber, isSupportedLocale, SUPPORTED_LOCALES } from "../../i18n/format.js";
import { announce } from "../../store/announcer.js";
import { failureFrom, type Failure } from "../../store/failure.js";
import { useSettings } from "../../store/settings.js";
import { parseIdleMinutes } from "./settings-model.js";
import { SubmitButton } from "../../components/SubmitButton.js";

function PassphraseForm() {
  const { t } = useTranslation();
  const changePassphrase = useSettings((state) => state.changePassphrase);
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [repeat, setRepeat] = useState("");
  const [problem, setProblem] = useState<"required" | "mismatch" | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [busy, setBusy] = useState(false);
  const strengthId = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    if (!current || !next || !repeat) return setProblem("required");
    if (next !== repeat) return setProblem("mismatch");
    setProblem(null);
    setBusy(true);
    try {
      await changePassphrase(current, next);
      setCurrent("");
      setNext("");
      setRepeat("");
      announce(t("settings.changed"));
    } catch (error) {
      setFailure(failureFrom(error, (message) => t("settings.changeFailed", { message })));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel" aria-labelledby="passphrase-title">
      <h2 id="passphrase-title">{t("settings.passphrase")}</h2>
      <form className="form" aria-labelledby="passphrase-title" onSubmit={(event) => void submit(event)} noValidate>
        <TextField label={t("settings.current")} type="password" value={current} onChange={setCurrent} autoComplete="current-password" error={problem === "required" && !current ? t("settings.required") : null} />
        <TextField
          label={t("settings.next")}
          type="password"
          value={next}
          onChange={setNext}
          autoComplete="new-password"
          hint={<StrengthMeter passphrase={next} id={strengthId} />}
          error={problem === "required" && !next ? t("settings.required") : null}
        />
        <TextField
          label={t("settings.repeat")}
          type="password"
          value={repeat}
          onChange={setRepeat}
          autoComplete="new-password"
          error={problem === "mismatch" ? t("settings.mismatch") : problem === "required" && !repeat ? t("settings.required") : null}
        />
        {failure ? <ErrorNote message={failure.message} code={failure.code} /> : null}
        <div className="form-actions">
          <SubmitButton busy={busy} label={t("settings.change")} busyLabel={t("settings.changing")} />
        </div>
      </form>
    </section>
  );
}

function PreferencesForm() {
  const { t } = useTranslation();
  const settings = useSettings((state) => state.settings);
  const update = useSettings((state) => state.update);
  const [minutes, setMinutes] = useState(String(settings.idleLockMinutes));
  const [locale, setLocale] = useState(settings.locale);
  const [invalid, setInvalid] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    setMinutes(String(settings.idleLockMinutes));
    setLocale(settings.locale);
  }, [settings]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const parsed = parseIdleMinutes(minutes);
    setInvalid(parsed === null);
    if (parsed === null) return;
    setBusy(true);
    try {
      await update({ idleLockMinutes: parsed, locale });
      announce(t("settings.saved"));
    } catch (error) {
      setFailure(failureFrom(error, (message) => t("settings.saveFailed", { message })));
    } finally {
      setBusy(false);
    }
  };

  const localeOptions = SUPPORTED_LOCALES.map((value) => ({ value, label: t(`locale.${value}`) }));
  if (!isSupportedLocale(locale)) localeOptions.push({ value: locale as (typeof SUPPORTED_LOCALES)[number], label: locale });
  const example = `${formatDateTime("2026-03-14T15:09:26Z", locale)} · ${formatNumber(1234567.89, locale)}`;

  return (
    <section className="panel" aria-labelledby="preferences-title">
      <h2 id="preferences-title">{t("settings.preferences")}</h2>
      <form className="form" aria-labelledby="preferences-title" onSubmit={(event) => void submit(event)} noValidate>
        <TextField
          label={t("settings.idle")}
          type="number"
          inputMode="numeric"
          min={1}
          max={240}
          value={minutes}
          onChange={setMinutes}
          hint={t("settings.idleHint")}
          error={invalid ? t("settings.idleInvalid") : null}
          className="field-narrow"
        />
        <SelectField label={t("settings.locale")} value={locale} onChange={setLocale} options={localeOptions} hint={<>{t("settings.localeHint")} {t("settings.example", { example })}</>} />
        {failure ? <ErrorNote message={failure.message} code={failure.code} /> : null}
        <div className="form-actions">
          <SubmitButton busy={busy} label={t("settings.save")} busyLabel={t("settings.saving")} />
        </div>
      </form>
    </section>
  );
}

export function SettingsScreen() {
  const { t } = useTranslation();
  const load = useSettings((state) => state.load);
  useEffect(() => {
    void load();
  }, [load]);
  return (
    <div className="screen screen-settings">
      <div className="screen-head">
        <h1 tabIndex={-1}>{t("settings.title")}</h1>
      </div>
      <PreferencesForm />
      <PassphraseForm />
    </div>
  );
}
