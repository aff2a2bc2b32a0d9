// @vitest-environment jsdom
import { cadre, fakeApi, renderPage } from '../../testing/dom.js';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { JoinPage } from './JoinPage.js';

describe('JoinPage', () => {
  it('shows every field’s problem in one round on submit', async () => {
    const calls = fakeApi(cadre([]), () => undefined);
    renderPage(<JoinPage />);
    await userEvent.type(screen.getByTestId('join-id'), '123');
    await userEvent.click(screen.getByTestId('join-submit'));
    const form = screen.getByTestId('join-form');
    await waitFor(() => expect(form.querySelectorAll('.ant-form-item-explain-error').length).toBe(5));
    const errors = [...form.querySelectorAll('.ant-form-item-explain-error')].map((e) => e.textContent);
    expect(errors).toEqual(['请选择要加入的工会', '请填写姓名', '身份证号应为 18 位，当前为 3 位', '请填写手机号', '请选择用工形式']);
    expect(within(form).getByTestId('join-error')).toBeTruthy();
    expect(calls.filter((c) => c.method === 'POST')).toEqual([]);
  });
});
