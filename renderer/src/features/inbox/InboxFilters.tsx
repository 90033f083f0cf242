// One control per filterable column. Each is labelled; changes apply immediately (text after a pause).
import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { SelectField, TextField } from "../../components/Field.js";
import { DATA_CATEGORIES, isDataCategory } from "../../../../shared/vocabulary/data-categories.js";
import { INSTRUMENTS, isInstrument } from "../../../../shared/vocabulary/instruments.js";
import { isRequestStatus, REQUEST_STATUSES, type RequestStatus } from "../../../../shared/vocabulary/request-statuses.js";
import { CASE_STATES, type CaseState } from "../../../../shared/vocabulary/case-states.js";
import { isUrgencyLevel, URGENCY_LEVELS } from "../../../../shared/vocabulary/urgencies.js";
import { COUNTRY_CODES } from "../../../../shared/formats/countries.js";
import { countryName } from "../../i18n/format.js";
import { UI_LANGUAGE } from "../../i18n/index.js";
import { useInbox } from "../../store/inbox.js";
import { SEARCH_DEBOUNCE_MS } from "./inbox-model.js";

export function countryOptions(anyLabel: string): Array<{ value: string; label: string }> {
  const options = [...COUNTRY_CODES].map((code) => ({ value: code, label: `${countryName(code, UI_LANGUAGE)} (${code})` }));
  options.sort((a, b) => a.label.localeCompare(b.label, UI_LANGUAGE));
  return [{ value: "", label: anyLabel }, ...options];
}

export function InboxFiltersBar() {
  const { t } = useTranslation();
  const filters = useInbox((state) => state.filters);
  const setFilter = useInbox((state) => state.setFilter);
  const [authority, setAuthority] = useState(filters.authority);

  useEffect(() => setAuthority(filters.authority), [filters.authority]);
  useEffect(() => {
    if (authority === filters.authority) return;
    const timer = window.setTimeout(() => setFilter("authority", authority), SEARCH_DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [authority, filters.authority, setFilter]);

  const any = { value: "", label: t("inbox.any") };
  const countries = useMemo(() => countryOptions(t("inbox.anyCountry")), [t]);
  const statuses: string[] = [...new Set<string>([...REQUEST_STATUSES, ...CASE_STATES])];
  if (filters.status && !statuses.includes(filters.status)) statuses.push(filters.status);

  return (
    <fieldset className="filters">
      <legend className="visually-hidden">{t("inbox.filters")}</legend>
      <SelectField
        className="filter"
        label={t("inbox.filterInstrument")}
        value={filters.instrument}
        onChange={(value) => setFilter("instrument", isInstrument(value) ? value : "")}
        options={[any, ...INSTRUMENTS.map((value) => ({ value, label: t(`instrument.${value}`) }))]}
      />
      <SelectField
        className="filter"
        label={t("inbox.filterUrgency")}
        value={filters.urgency}
        onChange={(value) => setFilter("urgency", isUrgencyLevel(value) ? value : "")}
        options={[any, ...URGENCY_LEVELS.map((value) => ({ value, label: t(`urgency.${value}`) }))]}
      />
      <SelectField
        className="filter"
        label={t("inbox.filterCategory")}
        value={filters.category}
        onChange={(value) => setFilter("category", isDataCategory(value) ? value : "")}
        options={[any, ...DATA_CATEGORIES.map((value) => ({ value, label: t(`category.${value}`) }))]}
      />
      <TextField className="filter filter-text" label={t("inbox.filterAuthority")} value={authority} onChange={setAuthority} spellCheck={false} />
      <SelectField className="filter" label={t("inbox.filterCountry")} value={filters.country} onChange={(value) => setFilter("country", value)} options={countries} />
      <SelectField
        className="filter"
        label={t("inbox.filterStatus")}
        value={filters.status}
        onChange={(value) => setFilter("status", value)}
        options={[any, ...statuses.map((value) => ({ value, label: statusLabel(t, value) }))]}
      />
    </fieldset>
  );
}

// The keys statusLabel reads, rather than the whole t(): typing a parameter as t's own type makes
// the compiler instantiate it over the entire catalogue, which it gives up on past ~700 keys.
type StatusKey = `status.${RequestStatus}` | `caseState.${CaseState}`;

const isCaseState = (value: string): value is CaseState => (CASE_STATES as readonly string[]).includes(value);

/** The request's status, which the review writes as the case's state (received, in review, returned for information, …). */
export function statusLabel(t: (key: StatusKey) => string, status: string): string {
  if (isRequestStatus(status)) return t(`status.${status}`);
  return isCaseState(status) ? t(`caseState.${status}`) : status;
}
