// A form's primary action: disabled and announced as busy while its request runs, with the label
// saying what is happening ("Unlocking…") instead of what will happen.
export function SubmitButton({ busy, label, busyLabel }: { busy: boolean; label: string; busyLabel: string }) {
  return (
    <button type="submit" className="button button-primary" disabled={busy} aria-busy={busy || undefined}>
      {busy ? busyLabel : label}
    </button>
  );
}
