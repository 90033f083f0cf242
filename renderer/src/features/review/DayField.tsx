// A calendar day typed segment by segment in the reviewer's locale (react-aria's DateField: each
// part is a spin button, arrows step it, digits fill it), given back as YYYY-MM-DD or "".
import { DateField, DateInput, DateSegment, Label, Text } from "react-aria-components";

interface Props {
  label: string;
  onChange: (day: string) => void;
  hint?: string;
  error?: string | null;
  disabled?: boolean;
}

export function DayField({ label, onChange, hint, error, disabled }: Props) {
  return (
    <DateField className="field day-field" onChange={(value) => onChange(value ? value.toString() : "")} isDisabled={disabled ?? false} isInvalid={Boolean(error)} granularity="day">
      <Label className="field-label">{label}</Label>
      <DateInput className="input date-input">{(segment) => <DateSegment segment={segment} className="date-segment" />}</DateInput>
      {hint ? (
        <Text slot="description" className="field-hint">
          {hint}
        </Text>
      ) : null}
      {error ? (
        <Text slot="errorMessage" className="field-error">
          {error}
        </Text>
      ) : null}
    </DateField>
  );
}
