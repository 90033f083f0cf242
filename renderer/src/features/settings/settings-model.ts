// Settings logic without a DOM.
export const MIN_IDLE_MINUTES = 1;
export const MAX_IDLE_MINUTES = 240;

/** The idle-lock field's text as whole minutes in range, or null. */
export function parseIdleMinutes(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d{1,3}$/.test(trimmed)) return null;
  const value = Number(trimmed);
  return value >= MIN_IDLE_MINUTES && value <= MAX_IDLE_MINUTES ? value : null;
}
