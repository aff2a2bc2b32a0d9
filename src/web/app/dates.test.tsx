// @vitest-environment jsdom
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { setLocale } from '../i18n/index.js';
import { renderPage } from '../testing/dom.js';
import { dayjs } from './dates.js';
import { DateInput } from './DateInput.js';

describe('dates in the console’s language (dayjs loaded by the pages that use it)', () => {
  it('names weekdays in Chinese, starting on Monday, and follows a change of language', async () => {
    expect(dayjs('2026-12-07').format('dddd')).toBe('星期一');
    renderPage(<DateInput value="2026-11-19" testId="day" />);
    await userEvent.click(screen.getByTestId('day'));
    await screen.findByTitle('2026-11-26');
    const weekdays = [...document.querySelectorAll('.ant-picker-content thead th')].map((th) => th.textContent);
    expect(weekdays).toEqual(['一', '二', '三', '四', '五', '六', '日']);

    await setLocale('en');
    try {
      expect(dayjs('2026-12-07').format('dddd')).toBe('Monday');
    } finally {
      await setLocale('zh-CN');
    }
    expect(dayjs('2026-12-07').format('dddd')).toBe('星期一');
  });
});
