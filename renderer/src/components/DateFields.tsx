// Dates typed segment by segment in the reviewer's locale (react-aria's DateField: each part is a
// spin button, arrows step it, digits fill it). DayField gives back YYYY-MM-DD, DateTimeField a
// local YYYY-MM-DDTHH:MM:SS at minute granularity; each gives "" while incomplete.
import { DateField, DateInput, DateSegment, Label, Text } from "react-aria-components";

interface Props {
  label: string;
  onChange: (value: string) => void;
  hint?: string;
  error?: string | null;
  disabled?: boolean;
}

function SegmentedDateField({ label, onChange, hint, error, disabled, granularity }: Props & { granularity: "day" | "minute" }) {
  return (
    <DateField
      className="field day-field"
      onChange={(value) => onChange(value ? value.toString() : "")}
      isDisabled={disabled ?? false}
      isInvalid={Boolean(error)}
      granularity={granularity}
      {...(granularity === "minute" && { hideTimeZone: true })}
    >
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

export const DayField = (props: Props) => <SegmentedDateField {...props} granularity="day" />;
export const DateTimeField = (props: Props) => <SegmentedDateField {...props} granularity="minute" />;
