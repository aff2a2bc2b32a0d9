// @vitest-environment jsdom
import { cadre, fakeApi, renderPage } from '../testing/dom.js';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { api } from './api.js';
import { FormModal } from './FormModal.js';
import { parseWithSchema } from './zodForm.js';

const ZoneBody = z.object({ name: z.string().trim().min(2).max(10) });
const Zone = z.object({ id: z.number(), name: z.string() });
type Zone = z.infer<typeof Zone>;

/** A form as the pages write them: the shared schema checks the values, the API client sends them. */
function ZoneForm({ onDone, onClose = () => undefined }: { onDone: (zone: Zone) => void; onClose?: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ name?: string }>();
  const labels = { name: t('zone.name') };
  return (
    <FormModal
      title={t('zone.create')}
      form={form}
      submit={(values) => {
        const body = parseWithSchema(ZoneBody, values, form, labels, t);
        return body && api.post('/api/zones', Zone, body);
      }}
      onClose={onClose}
      onDone={onDone}
      successText={t('common.created')}
      testIds={{ modal: 'zone-modal', submit: 'zone-submit', error: 'zone-error' }}
    >
      <Form.Item name="name" label={labels.name}>
        <Input data-testid="zone-name" />
      </Form.Item>
    </FormModal>
  );
}

describe('FormModal', () => {
  it('puts the schema’s problems under the field, in Chinese, and sends nothing', async () => {
    const calls = fakeApi(cadre([]), () => undefined);
    const onDone = vi.fn();
    renderPage(<ZoneForm onDone={onDone} />);
    await userEvent.click(await screen.findByTestId('zone-submit'));
    expect(await screen.findByText('请填写协作区名称')).toBeTruthy();

    await userEvent.type(screen.getByTestId('zone-name'), '一');
    await userEvent.click(screen.getByTestId('zone-submit'));
    expect(await screen.findByText('协作区名称至少 2 个字符')).toBeTruthy();
    expect(calls).toEqual([]);
    expect(onDone).not.toHaveBeenCalled();
  });

  it('sends the parsed body and hands over what the server saved', async () => {
    const calls = fakeApi(cadre([]), (method, path, _url, body) =>
      method === 'POST' && path === '/api/zones' ? { status: 201, body: { id: 5, ...(body as object) } } : undefined,
    );
    const onDone = vi.fn();
    renderPage(<ZoneForm onDone={onDone} />);
    await userEvent.type(await screen.findByTestId('zone-name'), '  东片区  ');
    await userEvent.click(screen.getByTestId('zone-submit'));
    await waitFor(() => expect(onDone).toHaveBeenCalledWith({ id: 5, name: '东片区' }));
    expect(calls.map((c) => [c.method, c.url.pathname, c.body])).toEqual([['POST', '/api/zones', { name: '东片区' }]]);
    expect(await screen.findByText('已创建')).toBeTruthy();
  });

  it('submits with Enter in a field', async () => {
    const calls = fakeApi(cadre([]), () => ({ status: 201, body: { id: 6, name: '西片区' } }));
    const onDone = vi.fn();
    renderPage(<ZoneForm onDone={onDone} />);
    await userEvent.type(await screen.findByTestId('zone-name'), '西片区{Enter}');
    await waitFor(() => expect(onDone).toHaveBeenCalledTimes(1));
    expect(calls).toHaveLength(1);
  });

  it('shows the server’s refusal above the fields and stays open', async () => {
    fakeApi(cadre([]), () => ({ status: 409, body: { code: 'ZONE_NAME_TAKEN', message: '已有同名的协作区' } }));
    const onDone = vi.fn();
    renderPage(<ZoneForm onDone={onDone} />);
    await userEvent.type(await screen.findByTestId('zone-name'), '东片区');
    await userEvent.click(screen.getByTestId('zone-submit'));
    expect((await screen.findByTestId('zone-error')).textContent).toContain('已有同名的协作区');
    expect(screen.getByTestId('zone-name')).toHaveProperty('value', '东片区');
    expect(onDone).not.toHaveBeenCalled();
  });

  it('closes on cancel without sending', async () => {
    const calls = fakeApi(cadre([]), () => undefined);
    const onClose = vi.fn();
    renderPage(<ZoneForm onDone={() => undefined} onClose={onClose} />);
    await userEvent.click(await screen.findByRole('button', { name: /取\s*消/ }));
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(calls).toEqual([]);
  });
});
