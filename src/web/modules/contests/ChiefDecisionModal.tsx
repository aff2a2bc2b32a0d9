import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, List, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MyContests } from '../../../common/contests.js';
import { FormModal } from '../../app/FormModal.js';
import { judgingApi } from './contests.api.js';

type Values = { code?: string };
type Decision = { context: string; order: string[] };

/** `overall:71,72` (the code the results page shows for a tie) → the ranking and the tied ids. */
export function parseDecisionCode(code: string): Decision | null {
  const match = /^\s*([a-z0-9-]+)\s*:\s*([0-9]+(?:\s*,\s*[0-9]+)+)\s*$/iu.exec(code);
  return match ? { context: match[1]!, order: match[2]!.split(',').map((s) => s.trim()) } : null;
}

/** 主任裁定: the chief judge puts tied entries (or units) in order, best first; recorded and audited, then the result computes. */
export function ChiefDecisionModal({ contest, onClose }: { contest: MyContests['items'][number]; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [decision, setDecision] = useState<Decision | null>(null);
  const title = new Map(contest.assignments.map((a) => [String(a.entryId), a.title]));
  const move = (i: number, by: number) =>
    setDecision((d) => {
      if (!d) return d;
      const order = [...d.order];
      [order[i], order[i + by]] = [order[i + by]!, order[i]!];
      return { ...d, order };
    });
  return (
    <FormModal
      title={t('contests.ties.decide')}
      form={form}
      submit={() => {
        if (!decision) {
          form.setFields([{ name: 'code', errors: [t('contests.ties.badCode')] }]);
          return null;
        }
        return judgingApi.chiefDecision(contest.contestId, decision);
      }}
      onClose={onClose}
      onDone={onClose}
      successText={t('contests.ties.recorded')}
      isEnterSubmit={false}
      onValuesChange={(v) => setDecision(parseDecisionCode(v.code ?? ''))}
      testIds={{ modal: 'chief-modal', submit: 'chief-ok', error: 'chief-error' }}
    >
      <Alert type="info" showIcon message={t('contests.ties.help')} style={{ marginBottom: 12 }} />
      <Form.Item name="code" label={t('contests.ties.code')} required>
        <Input placeholder="overall:71,72" data-testid="chief-code" />
      </Form.Item>
      {decision && (
        <List
          size="small"
          bordered
          header={t('contests.ties.order')}
          dataSource={decision.order}
          data-testid="chief-order"
          renderItem={(id, i) => (
            <List.Item>
              <Typography.Text>{`${i + 1}. ${title.get(id) ?? `#${id}`}`}</Typography.Text>
              <Space>
                <Button
                  size="small"
                  icon={<ArrowUpOutlined />}
                  disabled={i === 0}
                  onClick={() => move(i, -1)}
                  data-testid={`chief-up-${i}`}
                />
                <Button size="small" icon={<ArrowDownOutlined />} disabled={i === decision.order.length - 1} onClick={() => move(i, 1)} />
              </Space>
            </List.Item>
          )}
        />
      )}
    </FormModal>
  );
}
