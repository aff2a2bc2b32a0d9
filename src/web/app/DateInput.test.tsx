// @vitest-environment jsdom
import '../testing/dom.js';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { DateInput } from './DateInput.js';

describe('a day picked in antd’s date picker', () => {
  it('shows the API’s day as 年-月-日 and answers a picked day in the same form', async () => {
    const onChange = vi.fn();
    render(<DateInput value="2026-11-19" onChange={onChange} testId="day" />);
    const input = screen.getByTestId('day').querySelector('input') ?? screen.getByDisplayValue('2026-11-19');
    expect((input as HTMLInputElement).value).toBe('2026-11-19');
    await userEvent.click(input);
    await userEvent.click(await screen.findByTitle('2026-11-26'));
    expect(onChange).toHaveBeenLastCalledWith('2026-11-26');
  });
});
