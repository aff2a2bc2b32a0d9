import type { CSSProperties } from 'react';
import { DatePicker, dayjs } from './dates.js';

const DAY = 'YYYY-MM-DD';

/**
 * A day as the API speaks it ('YYYY-MM-DD'), picked in antd's date picker: in the console's language and the same
 * 年-月-日 order on every browser (a native date input shows the browser's own format, 12/01/2026 on an English one).
 */
export function DateInput({
  value,
  onChange,
  status,
  style,
  placeholder,
  testId,
}: {
  value?: string | undefined;
  onChange?: (day: string | undefined) => void;
  status?: 'error' | undefined;
  style?: CSSProperties;
  placeholder?: string;
  testId?: string;
}) {
  return (
    <DatePicker
      value={value ? dayjs(value, DAY) : null}
      onChange={(day) => onChange?.(day ? day.format(DAY) : undefined)}
      format={DAY}
      status={status}
      style={style}
      placeholder={placeholder}
      data-testid={testId}
    />
  );
}
