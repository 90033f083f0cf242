// The one place that asks which platform the page runs on (for ⌘ vs Ctrl in labels and shortcuts).
export const isMac = (): boolean => /mac/i.test(navigator.platform || navigator.userAgent);
