// Labelled form fields: every input has a visible <label>, an optional hint and an error, both
// tied to it with aria-describedby, and aria-invalid while the error shows.
import { useId, type ReactNode, type Ref } from "react";

interface FieldFrameProps {
  label: string;
  hint?: ReactNode;
  error?: string | null;
  children: (ids: { id: string; describedBy: string | undefined; invalid: boolean }) => ReactNode;
  className?: string;
}

export function FieldFrame({ label, hint, error, children, className }: FieldFrameProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={className ? `field ${className}` : "field"}>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      {children({ id, describedBy, invalid: Boolean(error) })}
      {hint ? (
        <div className="field-hint" id={hintId}>
          {hint}
        </div>
      ) : null}
      {error ? (
        <div className="field-error" id={errorId}>
          {error}
        </div>
      ) : null}
    </div>
  );
}

interface TextFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  type?: "text" | "password" | "search" | "number" | "date";
  hint?: ReactNode;
  error?: string | null;
  autoComplete?: string;
  required?: boolean;
  disabled?: boolean;
  inputRef?: Ref<HTMLInputElement>;
  className?: string;
  inputMode?: "numeric" | "text";
  min?: number;
  max?: number;
  spellCheck?: boolean;
  placeholder?: string;
}

export function TextField(props: TextFieldProps) {
  const { label, value, onChange, type = "text", hint, error, autoComplete, required, disabled, inputRef, className, inputMode, min, max, spellCheck, placeholder } = props;
  return (
    <FieldFrame label={label} hint={hint} error={error ?? null} {...(className ? { className } : {})}>
      {({ id, describedBy, invalid }) => (
        <input
          id={id}
          ref={inputRef}
          className="input"
          type={type}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          autoComplete={autoComplete}
          required={required}
          disabled={disabled}
          inputMode={inputMode}
          min={min}
          max={max}
          spellCheck={spellCheck}
          placeholder={placeholder}
        />
      )}
    </FieldFrame>
  );
}

interface SelectFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: ReadonlyArray<{ value: string; label: string }>;
  hint?: ReactNode;
  error?: string | null;
  className?: string;
}

export function SelectField({ label, value, onChange, options, hint, error, className }: SelectFieldProps) {
  return (
    <FieldFrame label={label} hint={hint} error={error ?? null} {...(className ? { className } : {})}>
      {({ id, describedBy, invalid }) => (
        <select id={id} className="input select" value={value} onChange={(event) => onChange(event.target.value)} aria-describedby={describedBy} aria-invalid={invalid || undefined}>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}

interface TextAreaFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint?: ReactNode;
  error?: string | null;
  required?: boolean;
  disabled?: boolean;
  rows?: number;
  className?: string;
}

export function TextAreaField({ label, value, onChange, hint, error, required, disabled, rows = 4, className }: TextAreaFieldProps) {
  return (
    <FieldFrame label={label} hint={hint} error={error ?? null} {...(className ? { className } : {})}>
      {({ id, describedBy, invalid }) => (
        <textarea
          id={id}
          className="input textarea"
          rows={rows}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          required={required}
          disabled={disabled}
        />
      )}
    </FieldFrame>
  );
}
