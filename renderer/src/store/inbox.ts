// The inbox: one query (sort, filters, search) and a cache of fetched pages. Pages are fetched as
// the virtual list scrolls; a change of query starts a new generation so late answers are dropped.
import { create } from "zustand";
import { api } from "../api/client.js";
import type { InboxRow, InboxSortField } from "../../../shared/api/requests.js";
import {
  buildQuery,
  DEFAULT_SORT,
  EMPTY_FILTERS,
  nextSort,
  PAGE_SIZE,
  pagesForRange,
  type InboxFilters,
  type SortState,
} from "../features/inbox/inbox-model.js";
import { failureFrom, type Failure } from "./failure.js";

interface InboxState {
  sort: SortState;
  filters: InboxFilters;
  search: string;
  total: number | null;
  pages: Record<number, InboxRow[]>;
  pending: Record<number, true>;
  generation: number;
  error: Failure | null;
  activeIndex: number;
  scrollOffset: number;
  setSort: (field: InboxSortField) => void;
  setFilter: <K extends keyof InboxFilters>(key: K, value: InboxFilters[K]) => void;
  clearFilters: () => void;
  setSearch: (search: string) => void;
  ensureRange: (first: number, last: number) => void;
  setActiveIndex: (index: number) => void;
  setScrollOffset: (offset: number) => void;
  /** Drop cached rows (after an import) so the next look fetches fresh pages. */
  invalidate: () => void;
  retry: () => void;
  reset: () => void;
}

const initial = {
  sort: DEFAULT_SORT,
  filters: EMPTY_FILTERS,
  search: "",
  total: null,
  pages: {},
  pending: {},
  error: null,
  activeIndex: 0,
  scrollOffset: 0,
} satisfies Partial<InboxState>;

export const useInbox = create<InboxState>()((set, get) => {
  /** A new query: forget rows, keep nothing that was asked under the old one. */
  const restart = (changes: Partial<InboxState>) =>
    set((state) => ({ ...changes, total: null, pages: {}, pending: {}, error: null, activeIndex: 0, scrollOffset: 0, generation: state.generation + 1 }));

  async function fetchPage(page: number): Promise<void> {
    const { generation, sort, filters, search } = get();
    set((state) => ({ pending: { ...state.pending, [page]: true } }));
    try {
      const result = await api.queryInbox(buildQuery(page * PAGE_SIZE, PAGE_SIZE, sort, filters, search));
      if (get().generation !== generation) return;
      set((state) => {
        const { [page]: _done, ...pending } = state.pending;
        return { pages: { ...state.pages, [page]: result.rows }, pending, total: result.total, error: null };
      });
    } catch (error) {
      if (get().generation !== generation) return;
      const failure = failureFrom(error);
      if (!failure) return;
      set((state) => {
        const { [page]: _done, ...pending } = state.pending;
        return { pending, error: failure };
      });
    }
  }

  return {
    ...initial,
    generation: 0,
    setSort: (field) => restart({ sort: nextSort(get().sort, field) }),
    setFilter: (key, value) => restart({ filters: { ...get().filters, [key]: value } }),
    clearFilters: () => restart({ filters: EMPTY_FILTERS, search: "" }),
    setSearch: (search) => {
      if (search.trim() === get().search.trim()) return set({ search });
      restart({ search });
    },
    ensureRange: (first, last) => {
      const { total, pages, pending, error } = get();
      if (error) return;
      for (const page of pagesForRange(first, last, PAGE_SIZE, total)) {
        if (!pages[page] && !pending[page]) void fetchPage(page);
      }
    },
    setActiveIndex: (activeIndex) => set({ activeIndex }),
    setScrollOffset: (scrollOffset) => set({ scrollOffset }),
    invalidate: () => set((state) => ({ total: null, pages: {}, pending: {}, error: null, generation: state.generation + 1 })),
    retry: () => set((state) => ({ error: null, pages: {}, pending: {}, total: null, generation: state.generation + 1 })),
    reset: () => set((state) => ({ ...initial, generation: state.generation + 1 })),
  };
});
