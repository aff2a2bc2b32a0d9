// @vitest-environment jsdom
import '../testing/dom.js';
import { render, screen, waitFor } from '@testing-library/react';
import { InputNumber, Modal } from 'antd';
import { describe, expect, it } from 'vitest';
import { setLocale } from './index.js';

describe('the libraries’ hard-coded accessible names', () => {
  it('reads the dialog’s close button and the number steppers in the console’s language, and follows a change of it', async () => {
    render(
      <>
        <InputNumber aria-label="人数" />
        <Modal open title="新建沟通会">
          内容
        </Modal>
      </>,
    );
    await screen.findByText('新建沟通会');
    await waitFor(() => expect(screen.getByRole('button', { name: '关闭' })).toBeTruthy());
    const labels = () => [...document.querySelectorAll('[aria-label]')].map((e) => e.getAttribute('aria-label'));
    await waitFor(() => expect(labels()).toEqual(expect.arrayContaining(['增大数值', '减小数值'])));
    expect(labels()).not.toContain('Close');
    expect(labels()).not.toContain('Increase Value');

    await setLocale('en');
    try {
      expect(screen.getByRole('button', { name: 'Close' })).toBeTruthy();
      expect(labels()).toEqual(expect.arrayContaining(['Increase value', 'Decrease value']));
    } finally {
      await setLocale('zh-CN');
    }
  });
});
