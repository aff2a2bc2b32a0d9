import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Radio, Space, Spin, Table } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChiefTie, MyContests } from '../../../common/contests.js';
import { FormModal } from '../../app/FormModal.js';
import { errorText } from '../../app/notify.js';
import { judgingApi } from './contests.api.js';

type Decision = { context: string; order: string[] };
type Tied = ChiefTie['tied'][number];

/** The ties as the server gives them to the chief judge (blind), or the refusal in the caller's language. */
function useChiefTies(contestId: number): { ties: ChiefTie[] | null; failure: string | null } {
  const { t } = useTranslation();
  const [ties, setTies] = useState<ChiefTie[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    judgingApi
      .ties(contestId)
      .then((r) => setTies(r.items))
      .catch((error: unknown) => setFailure(errorText(error, t('contests.ties.loadFailed'))));
  }, [contestId, t]);
  return { ties, failure };
}

/**
 * 主任裁定 (blind): the chief judge sees each open tie by entry code, with the aggregate and the scores on the compared
 * criteria — never a unit or a title — and puts the codes in order, best first; recorded and audited.
 */
export function ChiefDecisionModal({ contest, onClose }: { contest: MyContests['items'][number]; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Record<string, never>>();
  const { ties, failure } = useChiefTies(contest.contestId);
  const [decision, setDecision] = useState<Decision | null>(null);
  const pick = (tie: ChiefTie) => setDecision({ context: tie.context, order: tie.tied.map((x) => x.code) });
  useEffect(() => {
    if (ties?.length === 1) setDecision({ context: ties[0]!.context, order: ties[0]!.tied.map((x) => x.code) });
  }, [ties]);
  const chosen = ties?.find((x) => x.context === decision?.context);
  const move = (i: number, by: number) =>
    setDecision((d) => {
      if (!d) return d;
      const order = [...d.order];
      [order[i], order[i + by]] = [order[i + by]!, order[i]!];
      return { ...d, order };
    });
  const byCode = new Map((chosen?.tied ?? []).map((x) => [x.code, x]));
  const rows = (decision?.order ?? []).map((code, i) => ({ place: i, ...byCode.get(code)! }));
  const awardName = (tie: ChiefTie) => (tie.context === 'overall' ? t('contests.ties.overall') : tie.award);
  return (
    <FormModal
      title={t('contests.ties.decide')}
      form={form}
      submit={() => (decision ? judgingApi.chiefDecision(contest.contestId, decision) : null)}
      onClose={onClose}
      onDone={onClose}
      successText={t('contests.ties.recorded')}
      isEnterSubmit={false}
      isOkDisabled={!decision}
      width={720}
      testIds={{ modal: 'chief-modal', submit: 'chief-ok', error: 'chief-error' }}
    >
      <Alert type="info" showIcon message={t('contests.ties.help')} style={{ marginBottom: 12 }} />
      {failure !== null && <Alert type="error" showIcon message={failure} data-testid="chief-ties-error" />}
      {ties === null && failure === null && <Spin />}
      {ties?.length === 0 && <Alert type="success" showIcon message={t('contests.ties.none')} data-testid="chief-no-ties" />}
      {ties !== null && ties.length > 1 && (
        <Radio.Group value={decision?.context} style={{ marginBottom: 12 }} data-testid="chief-ties">
          <Space direction="vertical">
            {ties.map((tie) => (
              <Radio key={tie.context} value={tie.context} onChange={() => pick(tie)} data-testid={`chief-tie-${tie.context}`}>
                {t('contests.ties.at', { ranking: awardName(tie), place: tie.boundary })}
              </Radio>
            ))}
          </Space>
        </Radio.Group>
      )}
      {chosen && (
        <Table
          size="small"
          rowKey="code"
          pagination={false}
          data-testid="chief-order"
          title={() => `${t('contests.ties.at', { ranking: awardName(chosen), place: chosen.boundary })} · ${t('contests.ties.order')}`}
          dataSource={rows}
          columns={[
            { title: '#', key: 'place', render: (_: unknown, r: Tied & { place: number }) => r.place + 1 },
            { title: t(chosen.kind === 'unit' ? 'contests.ties.unitCode' : 'contests.ties.entryCode'), dataIndex: 'code' },
            ...(chosen.kind === 'entry' ? [{ title: t('contests.ties.aggregate'), dataIndex: 'aggregate' }] : []),
            ...chosen.criteria.map((name, k) => ({
              title: name,
              key: `criterion-${k}`,
              render: (_: unknown, r: Tied) => r.scores[k],
            })),
            {
              title: '',
              key: 'move',
              render: (_: unknown, r: Tied & { place: number }) => (
                <Space>
                  <Button
                    size="small"
                    icon={<ArrowUpOutlined />}
                    disabled={r.place === 0}
                    onClick={() => move(r.place, -1)}
                    data-testid={`chief-up-${r.place}`}
                    aria-label={t('contests.ties.up')}
                  />
                  <Button
                    size="small"
                    icon={<ArrowDownOutlined />}
                    disabled={r.place === rows.length - 1}
                    onClick={() => move(r.place, 1)}
                    aria-label={t('contests.ties.down')}
                  />
                </Space>
              ),
            },
          ]}
        />
      )}
    </FormModal>
  );
}
