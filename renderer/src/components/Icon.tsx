// Small line icons drawn inline (no icon font, nothing remote). Always decorative: the text
// beside an icon carries the meaning, so icons are aria-hidden.
const PATHS = {
  inbox: "M3 13h5l1.5 3h5l1.5-3h5M5 5h14l2 8v6H3v-6z",
  import: "M12 3v12m0 0l-4.5-4.5M12 15l4.5-4.5M4 17v3h16v-3",
  key: "M15 7a4 4 0 11-3.9 4.9L4 19v-3h2v-2h2l2.1-2.1A4 4 0 0115 7zm1.5 1.5h.01",
  settings: "M12 9a3 3 0 100 6 3 3 0 000-6zm8 3l2-1-1-3-2.2.2-1.3-1.3.2-2.2-3-1-1 2h-1.4l-1-2-3 1 .2 2.2-1.3 1.3L4 7 3 10l2 1v2l-2 1 1 3 2.2-.2 1.3 1.3L7.3 20l3 1 1-2h1.4l1 2 3-1-.2-2.2 1.3-1.3 2.2.2 1-3-2-1z",
  clock: "M12 21a9 9 0 110-18 9 9 0 010 18zm0-14v5.5l3.5 2",
  help: "M12 21a9 9 0 110-18 9 9 0 010 18zm-2.5-11.5a2.5 2.5 0 115 0c0 2-2.5 2-2.5 4m0 3h.01",
  lock: "M6 11h12v10H6zM8.5 11V8a3.5 3.5 0 017 0v3",
  alert: "M12 3l10 18H2zM12 10v5m0 3h.01",
  check: "M4 12.5l5 5L20 6.5",
  cross: "M6 6l12 12M18 6L6 18",
  info: "M12 21a9 9 0 110-18 9 9 0 010 18zm0-10v6m0-9h.01",
  copy: "M9 9h11v11H9zM5 15H4V4h11v1",
  file: "M6 3h8l4 4v14H6zM14 3v4h4",
  back: "M15 5l-7 7 7 7",
  sortAsc: "M12 5l5 7H7z",
  sortDesc: "M12 19l-5-7h10z",
  sortNone: "M12 4l4 5H8zM12 20l-4-5h8z",
  search: "M10.5 17a6.5 6.5 0 110-13 6.5 6.5 0 010 13zm4.6-1.9L20 20",
  chevronLeft: "M15 5l-7 7 7 7",
  chevronRight: "M9 5l7 7-7 7",
  decision: "M12 21a9 9 0 110-18 9 9 0 010 18zM8 12.5l3 3 5-6",
  grievance: "M5 21V4h13l-2.5 4.5L18 13H5",
  chart: "M4 4v16h16M8 16v-5m4 5V7m4 9v-3",
  countersign: "M2.5 12.5l4 4 8-9M10.5 15.5l1 1 10-11",
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({ name, className }: { name: IconName; className?: string }) {
  const filled = name === "sortAsc" || name === "sortDesc" || name === "sortNone";
  return (
    <svg
      className={className ? `icon ${className}` : "icon"}
      viewBox="0 0 24 24"
      width="16"
      height="16"
      aria-hidden="true"
      focusable="false"
      fill={filled ? "currentColor" : "none"}
      stroke={filled ? "none" : "currentColor"}
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d={PATHS[name]} />
    </svg>
  );
}
