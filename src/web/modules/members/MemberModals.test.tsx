// @vitest-environment jsdom
import { cadre, fakeApi, renderPage } from '../../testing/dom.js';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { LapseModal } from './MemberModals.js';
import { PhoneChangeModal } from './PhoneChangeModal.js';
import { buildMember } from './members.fixtures.js';

const member = buildMember({
  id: 42,
  name: '张三',
  phoneMasked: '138****0000',
  employmentForm: 'courier',
  orgId: 3,
  orgName: '东城快递工会',
  joinDate: '2024-05-01',
});

describe('LapseModal', () => {
  it('asks for the reason in Chinese and sends nothing without it', async () => {
    const calls = fakeApi(cadre(['member.write']), () => undefined);
    const onDone = vi.fn();
    renderPage(<LapseModal member={member} onClose={() => undefined} onDone={onDone} />);
    await userEvent.click(await screen.findByTestId('lapse-submit'));
    expect(await screen.findByText('请填写离会原因')).toBeTruthy();
    expect(calls).toEqual([]);
    expect(onDone).not.toHaveBeenCalled();
  });

  it('sends the trimmed reason to the member’s lapse and closes', async () => {
    const calls = fakeApi(cadre(['member.write']), (method, path) =>
      method === 'POST' && path === '/api/members/42/lapse' ? { body: { ...member, status: 'lapsed', version: 2 } } : undefined,
    );
    const onDone = vi.fn();
    renderPage(<LapseModal member={member} onClose={() => undefined} onDone={onDone} />);
    await userEvent.type(await screen.findByTestId('lapse-reason'), '  本人申请退会  ');
    await userEvent.click(screen.getByTestId('lapse-submit'));
    await waitFor(() => expect(onDone).toHaveBeenCalledTimes(1));
    expect(calls.map((c) => [c.method, c.url.pathname, c.body])).toEqual([['POST', '/api/members/42/lapse', { reason: '本人申请退会' }]]);
  });

  it('shows the server’s refusal and stays open', async () => {
    fakeApi(cadre(['member.write']), () => ({
      status: 409,
      body: { code: 'VERSION_CONFLICT', message: '该会员已被他人修改，请刷新后重试' },
    }));
    const onDone = vi.fn();
    renderPage(<LapseModal member={member} onClose={() => undefined} onDone={onDone} />);
    await userEvent.type(await screen.findByTestId('lapse-reason'), '本人申请退会');
    await userEvent.click(screen.getByTestId('lapse-submit'));
    expect((await screen.findByTestId('lapse-error')).textContent).toContain('该会员已被他人修改，请刷新后重试');
    expect(screen.getByTestId('lapse-reason')).toHaveProperty('value', '本人申请退会');
    expect(onDone).not.toHaveBeenCalled();
  });
});

describe('PhoneChangeModal', () => {
  it('puts the phone’s and the reason’s problems under their fields, in Chinese', async () => {
    const calls = fakeApi(cadre(['member.write']), () => undefined);
    renderPage(<PhoneChangeModal member={member} onClose={() => undefined} onDone={() => undefined} />);
    await userEvent.type(await screen.findByTestId('phone-change-phone'), '12345');
    await userEvent.click(screen.getByTestId('phone-change-ok'));
    expect(await screen.findByText('请填写核验情况，如“本人持身份证到会办理”')).toBeTruthy();
    expect(await screen.findByText('手机号应为 11 位数字，当前为 5 位')).toBeTruthy();
    expect(calls).toEqual([]);
  });

  it('sends the new phone with the reason, and shows a refusal', async () => {
    const calls = fakeApi(cadre(['member.write']), () => ({
      status: 409,
      body: { code: 'PHONE_TAKEN', message: '该手机号已被其他会员使用' },
    }));
    const onDone = vi.fn();
    renderPage(<PhoneChangeModal member={member} onClose={() => undefined} onDone={onDone} />);
    await userEvent.type(await screen.findByTestId('phone-change-phone'), '13900001111');
    await userEvent.type(screen.getByTestId('phone-change-reason'), '本人持身份证到会办理');
    await userEvent.click(screen.getByTestId('phone-change-ok'));
    expect((await screen.findByTestId('phone-change-error')).textContent).toContain('该手机号已被其他会员使用');
    expect(calls.map((c) => [c.method, c.url.pathname, c.body])).toEqual([
      ['POST', '/api/members/42/phone', { phone: '13900001111', reason: '本人持身份证到会办理' }],
    ]);
    expect(onDone).not.toHaveBeenCalled();
  });
});
