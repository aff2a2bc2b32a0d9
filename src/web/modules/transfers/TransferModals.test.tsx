// @vitest-environment jsdom
import { cadre, fakeApi, renderPage } from '../../testing/dom.js';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Transfer } from '../../../common/transfers.js';
import { TransferDecisionModal } from './TransferModals.js';

const transfer: Transfer = {
  id: 9,
  memberId: 42,
  maskedName: '王**',
  fromOrgId: 3,
  fromOrgName: '东城快递工会',
  toOrgId: 4,
  toOrgName: '西城快递工会',
  status: 'pending',
  consent: null,
  consentedAt: null,
  releasedAt: null,
  requestedVia: 'union',
  requestedAt: '2026-11-01T02:00:00.000Z',
  autoConfirmAt: '2026-12-01T02:00:00.000Z',
  decidedAt: null,
};

describe('TransferDecisionModal', () => {
  it('confirms with the trimmed note and the paper consent reference when the member has not consented', async () => {
    const calls = fakeApi(cadre(['member.write']), (method, path) =>
      method === 'POST' && path === '/api/transfers/9/decision' ? { body: { ...transfer, consent: 'paper' } } : undefined,
    );
    const onDone = vi.fn();
    renderPage(<TransferDecisionModal transfer={transfer} decision="confirm" onClose={() => undefined} onDone={onDone} />);
    await userEvent.type(await screen.findByTestId('transfer-paper-ref'), ' 档案 2026-17 ');
    await userEvent.type(screen.getByTestId('transfer-note'), '  本人到会签字  ');
    await userEvent.click(screen.getByTestId('transfer-decide-ok'));
    await waitFor(() => expect(onDone).toHaveBeenCalledTimes(1));
    expect(calls.map((c) => [c.method, c.url.pathname, c.body])).toEqual([
      ['POST', '/api/transfers/9/decision', { decision: 'confirm', note: '本人到会签字', paperConsentRef: '档案 2026-17' }],
    ]);
  });

  it('rejects without a note, and shows the server’s refusal', async () => {
    const calls = fakeApi(cadre(['member.write']), () => ({ status: 409, body: { code: 'TRANSFER_DECIDED', message: '该转移已处理' } }));
    const onDone = vi.fn();
    renderPage(<TransferDecisionModal transfer={transfer} decision="reject" onClose={() => undefined} onDone={onDone} />);
    await userEvent.click(await screen.findByTestId('transfer-decide-ok'));
    expect(screen.queryByTestId('transfer-paper-ref')).toBeNull();
    expect((await screen.findByTestId('transfer-decide-error')).textContent).toContain('该转移已处理');
    expect(calls.map((c) => c.body)).toEqual([{ decision: 'reject' }]);
    expect(onDone).not.toHaveBeenCalled();
  });
});
