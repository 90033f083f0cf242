// The virtualised inbox grid (role="grid", one row per revision). Rows use a roving tabindex: the
// active row is the one tab stop, arrows/Page/Home/End move it, Enter or a click opens it. The
// virtualiser always renders the active row so focus never lands on a removed element.
import { defaultRangeExtractor, useVirtualizer, type Range } from "@tanstack/react-virtual";
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { InboxRow, InboxSortField } from "../../../../shared/api/requests.js";
import { Icon } from "../../components/Icon.js";
import { formatDateTime } from "../../i18n/format.js";
import { useInbox } from "../../store/inbox.js";
import { useNavigation } from "../../store/navigation.js";
import { useLocale } from "../../store/settings.js";
import { ariaSort, DEADLINE_TICK_MS, deadlineState, isEmergency, moveActive, PAGE_SIZE, rowAt, rowDomId } from "./inbox-model.js";
import { statusLabel } from "./InboxFilters.js";

export const ROW_HEIGHT = 40;
const OVERSCAN = 12;

// "Respond by" is one of the clocks (kind respond-by): the next-deadline column shows it when it is the soonest.
type ColumnKey = "reference" | "authority" | "instrument" | "urgency" | "categories" | "received" | "nextDeadline" | "status";
const COLUMNS: ReadonlyArray<{ key: ColumnKey; sort: InboxSortField | null }> = [
  { key: "reference", sort: null },
  { key: "authority", sort: "authority" },
  { key: "instrument", sort: "instrument" },
  { key: "urgency", sort: "urgency" },
  { key: "categories", sort: null },
  { key: "received", sort: "receivedAt" },
  { key: "nextDeadline", sort: "nextDeadline" },
  { key: "status", sort: "status" },
];

export function InboxGrid() {
  const { t } = useTranslation();
  const locale = useLocale();
  const total = useInbox((state) => state.total);
  const pages = useInbox((state) => state.pages);
  const generation = useInbox((state) => state.generation);
  const sort = useInbox((state) => state.sort);
  const setSort = useInbox((state) => state.setSort);
  const activeIndex = useInbox((state) => state.activeIndex);
  const setActiveIndex = useInbox((state) => state.setActiveIndex);
  const ensureRange = useInbox((state) => state.ensureRange);
  const navigate = useNavigation((state) => state.navigate);
  const bodyRef = useRef<HTMLDivElement>(null);
  const focusPending = useRef(false);
  const count = total ?? 0;
  const active = Math.min(activeIndex, Math.max(0, count - 1));
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), DEADLINE_TICK_MS);
    return () => window.clearInterval(timer);
  }, []);

  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      if (count > 0 && !indexes.includes(active)) {
        indexes.push(active);
        indexes.sort((a, b) => a - b);
      }
      return indexes;
    },
    [active, count],
  );

  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => bodyRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN,
    rangeExtractor,
    initialOffset: () => useInbox.getState().scrollOffset,
    onChange: (instance, sync) => {
      if (!sync) useInbox.getState().setScrollOffset(instance.scrollOffset ?? 0);
    },
  });

  const range = virtualizer.range;
  const first = range ? Math.max(0, range.startIndex - OVERSCAN) : 0;
  const last = range ? range.endIndex + OVERSCAN : PAGE_SIZE - 1;
  useEffect(() => {
    ensureRange(first, total === null ? Math.max(last, PAGE_SIZE - 1) : last);
  }, [first, last, generation, total, ensureRange]);

  // Coming back from a request: the row it was opened from takes focus again.
  useEffect(() => {
    if (!useNavigation.getState().consumeReturnFocus()) return;
    virtualizer.scrollToIndex(active, { align: "auto" });
    window.requestAnimationFrame(() => document.getElementById(rowDomId(active))?.focus({ preventScroll: true }));
    // Only on mount: later changes of the active row move focus through onKeyDown.
  }, []);

  useLayoutEffect(() => {
    if (!focusPending.current) return;
    focusPending.current = false;
    document.getElementById(rowDomId(active))?.focus({ preventScroll: true });
  }, [active]);

  const open = (row: InboxRow | undefined) => {
    if (row) navigate({ screen: "request", authority: row.authority, id: row.id, revision: row.revision });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>, index: number) => {
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      open(rowAt(pages, index, PAGE_SIZE));
      return;
    }
    const visible = Math.floor((bodyRef.current?.clientHeight ?? ROW_HEIGHT * 10) / ROW_HEIGHT);
    const next = moveActive(event.key, index, count, visible);
    if (next === null) return;
    event.preventDefault();
    focusPending.current = true;
    setActiveIndex(next);
    virtualizer.scrollToIndex(next, { align: "auto" });
    if (next === index) {
      focusPending.current = false;
    }
  };

  return (
    <div className="grid-scroll-x">
      <div
        className="grid"
        role="grid"
        aria-label={t("inbox.gridLabel")}
        aria-rowcount={total === null ? -1 : count + 1}
        aria-colcount={COLUMNS.length}
        aria-describedby="inbox-grid-help"
        aria-busy={total === null || undefined}
      >
        <p id="inbox-grid-help" className="visually-hidden">
          {t("inbox.gridHelp")}
        </p>
        <div role="rowgroup" className="grid-head">
          <div role="row" aria-rowindex={1} className="grid-row grid-header-row">
            {COLUMNS.map((column, columnIndex) => {
              const label = t(`inbox.col.${column.key}`);
              const sorted = ariaSort(sort, column.sort);
              return (
                <div key={column.key} role="columnheader" aria-colindex={columnIndex + 1} aria-sort={sorted} className={`grid-cell col-${column.key}`}>
                  {column.sort ? (
                    <button type="button" className="sort-button" onClick={() => column.sort && setSort(column.sort)}>
                      <span>{label}</span>
                      <Icon name={sorted === "ascending" ? "sortAsc" : sorted === "descending" ? "sortDesc" : "sortNone"} className={sorted === "none" ? "sort-icon sort-icon-idle" : "sort-icon"} />
                    </button>
                  ) : (
                    <span className="header-text">{label}</span>
                  )}
                </div>
              );
            })}
          </div>
        </div>
        <div role="rowgroup" className="grid-body" ref={bodyRef}>
          <div role="presentation" className="grid-spacer" style={{ height: `${virtualizer.getTotalSize()}px` }}>
            {virtualizer.getVirtualItems().map((item) => {
              const row = rowAt(pages, item.index, PAGE_SIZE);
              const emergency = row ? isEmergency(row) : false;
              const isActive = item.index === active;
              const classes = ["grid-row", "grid-data-row", emergency ? "row-emergency" : "", isActive ? "row-active" : "", row ? "" : "row-loading"].filter(Boolean).join(" ");
              return (
                <div
                  key={item.key}
                  id={rowDomId(item.index)}
                  role="row"
                  aria-rowindex={item.index + 2}
                  tabIndex={isActive ? 0 : -1}
                  className={classes}
                  style={{ transform: `translateY(${item.start}px)`, height: `${ROW_HEIGHT}px` }}
                  onKeyDown={(event) => onKeyDown(event, item.index)}
                  onFocus={() => {
                    if (!isActive) setActiveIndex(item.index);
                  }}
                  onClick={() => {
                    setActiveIndex(item.index);
                    open(row);
                  }}
                >
                  {row ? <RowCells row={row} locale={locale} emergency={emergency} now={now} /> : <LoadingCells label={t("inbox.loadingRow")} />}
                </div>
              );
            })}
          </div>
        </div>
      </div>
    </div>
  );
}

function RowCells({ row, locale, emergency, now }: { row: InboxRow; locale: string; emergency: boolean; now: number }) {
  const { t } = useTranslation();
  const cell = (key: ColumnKey, index: number, content: ReactNode, title?: string) => (
    <div role="gridcell" aria-colindex={index + 1} className={`grid-cell col-${key}`} title={title}>
      {content}
    </div>
  );
  const categories = row.dataCategories.map((category) => t(`category.${category}`)).join(", ");
  const authority = `${row.authorityName} · ${row.country}`;
  return (
    <>
      {cell(
        "reference",
        0,
        <>
          <span className="ref-id">{row.id}</span>
          <span className="ref-rev">{row.revisionCount > 1 ? ` r${row.revision}/${row.revisionCount}` : ""}</span>
          {row.revisionCount > 1 ? <span className="visually-hidden">, {t("inbox.revisionOf", { revision: row.revision, count: row.revisionCount })}</span> : null}
        </>,
        row.id,
      )}
      {cell("authority", 1, authority, `${authority} (${row.authority})`)}
      {cell("instrument", 2, t(`instrument.${row.instrument}`))}
      {cell(
        "urgency",
        3,
        emergency ? (
          <span className="badge badge-emergency">
            <Icon name="alert" />
            {t("inbox.emergency")}
          </span>
        ) : (
          <span className={`urgency urgency-${row.urgency}`}>{t(`urgency.${row.urgency}`)}</span>
        ),
      )}
      {cell("categories", 4, categories, categories)}
      {cell("received", 5, formatDateTime(row.receivedAt, locale))}
      {cell("nextDeadline", 6, <NextDeadline row={row} locale={locale} now={now} />, row.nextDeadline ? `${t(`clockKind.${row.nextDeadline.kind}`)} · ${t(`clockState.${deadlineState(row.nextDeadline.due, now)}`)}` : undefined)}
      {cell("status", 7, statusLabel(t, row.status), statusLabel(t, row.status))}
    </>
  );
}

/** The soonest open clock: overdue and due-soon ones carry an icon and their state in words, not colour alone. */
function NextDeadline({ row, locale, now }: { row: InboxRow; locale: string; now: number }) {
  const { t } = useTranslation();
  const deadline = row.nextDeadline;
  if (!deadline) return <>—</>;
  const state = deadlineState(deadline.due, now);
  const urgent = state === "overdue" || state === "due-soon";
  return (
    <span className={`deadline deadline-${state}`}>
      {urgent ? <Icon name="alert" /> : null}
      <span className="visually-hidden">{t(`clockKind.${deadline.kind}`)}, </span>
      {formatDateTime(deadline.due, locale)}
      {urgent ? <span className="visually-hidden">, {t(`clockState.${state}`)}</span> : null}
    </span>
  );
}

function LoadingCells({ label }: { label: string }) {
  return (
    <>
      <div role="gridcell" aria-colindex={1} className="grid-cell col-reference loading-text">
        {label}
      </div>
      {COLUMNS.slice(1).map((column, index) => (
        <div key={column.key} role="gridcell" aria-colindex={index + 2} className={`grid-cell col-${column.key}`} />
      ))}
    </>
  );
}
