// The inbox: search, per-column filters, the count, and the virtualised grid of revisions.
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorNote } from "../../components/ErrorNote.js";
import { Icon } from "../../components/Icon.js";
import { formatNumber } from "../../i18n/format.js";
import { useInbox } from "../../store/inbox.js";
import { useNavigation } from "../../store/navigation.js";
import { useLocale } from "../../store/settings.js";
import { activeFilterCount, SEARCH_DEBOUNCE_MS } from "./inbox-model.js";
import { InboxFiltersBar } from "./InboxFilters.js";
import { InboxGrid } from "./InboxGrid.js";

export function InboxScreen() {
  const { t } = useTranslation();
  const locale = useLocale();
  const search = useInbox((state) => state.search);
  const setSearch = useInbox((state) => state.setSearch);
  const total = useInbox((state) => state.total);
  const filters = useInbox((state) => state.filters);
  const error = useInbox((state) => state.error);
  const retry = useInbox((state) => state.retry);
  const clearFilters = useInbox((state) => state.clearFilters);
  const searchFocus = useNavigation((state) => state.searchFocus);
  const navigate = useNavigation((state) => state.navigate);
  const [draft, setDraft] = useState(search);
  const searchRef = useRef<HTMLInputElement>(null);
  const seenFocus = useRef(searchFocus);

  // Typing updates the field at once and the query after a pause.
  useEffect(() => {
    if (draft === search) return;
    const timer = window.setTimeout(() => setSearch(draft), SEARCH_DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [draft, search, setSearch]);

  useEffect(() => {
    if (searchFocus !== seenFocus.current) {
      seenFocus.current = searchFocus;
      searchRef.current?.focus();
      searchRef.current?.select();
    }
  }, [searchFocus]);

  const filtered = activeFilterCount(filters) > 0 || search.trim() !== "";
  const count =
    total === null ? t("inbox.loadingRows") : filtered ? t("inbox.countFiltered", { count: total, formatted: formatNumber(total, locale) }) : t("inbox.count", { count: total, formatted: formatNumber(total, locale) });

  return (
    <div className="screen screen-inbox">
      <div className="screen-head">
        <h1 tabIndex={-1}>{t("inbox.title")}</h1>
        <p className="screen-count" role="status" aria-live="polite">
          {count}
        </p>
      </div>
      <div className="inbox-tools" role="search" aria-label={t("inbox.search")}>
        <div className="search-box">
          <Icon name="search" className="search-icon" />
          <label className="visually-hidden" htmlFor="inbox-search">
            {t("inbox.search")}
          </label>
          <input
            id="inbox-search"
            ref={searchRef}
            className="input search-input"
            type="search"
            value={draft}
            maxLength={200}
            placeholder={t("inbox.searchPlaceholder")}
            onChange={(event) => setDraft(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === "Escape" && draft !== "") {
                event.preventDefault();
                setDraft("");
                setSearch("");
              }
            }}
            aria-keyshortcuts="/ Control+F"
          />
        </div>
        <InboxFiltersBar />
        {filtered ? (
          <button
            type="button"
            className="button button-quiet"
            onClick={() => {
              setDraft("");
              clearFilters();
            }}
          >
            {t("inbox.clearFilters")}
          </button>
        ) : null}
      </div>
      {error ? (
        <ErrorNote message={t("inbox.loadFailed", { message: error.message })} code={error.code}>
          <button type="button" className="button button-small" onClick={retry}>
            {t("inbox.retry")}
          </button>
        </ErrorNote>
      ) : null}
      {total === 0 && !error ? (
        <div className="empty">
          <p>{filtered ? t("inbox.emptyFiltered") : t("inbox.empty")}</p>
          {!filtered ? (
            <button type="button" className="button" onClick={() => navigate({ screen: "import" })}>
              {t("inbox.goImport")}
            </button>
          ) : null}
        </div>
      ) : (
        <InboxGrid />
      )}
    </div>
  );
}
