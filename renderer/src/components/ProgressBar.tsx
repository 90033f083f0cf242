// A determinate (or, without a value, indeterminate) progress bar with its label and value text.
export function ProgressBar({ label, fraction, valueText }: { label: string; fraction: number | null; valueText: string }) {
  const percent = fraction === null ? null : Math.round(fraction * 100);
  return (
    <div className="progress">
      <div className="progress-head">
        <span className="progress-label">{label}</span>
        <span className="progress-value">{valueText}</span>
      </div>
      <div
        className={percent === null ? "progress-track progress-indeterminate" : "progress-track"}
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent ?? undefined}
        aria-valuetext={valueText}
      >
        <div className="progress-fill" style={percent === null ? undefined : { width: `${percent}%` }} />
      </div>
    </div>
  );
}
