// A date and time typed segment by segment in the reviewer's locale (react-aria's DateField at
// minute granularity: each part a spin button, digits fill it), given back as a local
// YYYY-MM-DDTHH:MM:SS, or "" while incomplete.
import { DateField, DateInput, DateSegment, Label, Text } from "react-aria-components";

interface Props {
  label: string;
  onChange: (local: string) => void;
  hint?: string;
  error?: string | null;
}

export function DateTimeField({ label, onChange, hint, error }: Props) {
  return (
    <DateField className="field day-field" onChange={(value) => onChange(value ? value.toString() : "")} isInvalid={Boolean(error)} granularity="minute" hideTimeZone>
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
