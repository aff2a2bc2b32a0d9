import { List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ContestDetail, Entry } from '../../../common/contests.js';
import type { ApiError } from '../../app/api.js';

/** One unresolved tie of a 409 answer: the ranking it is in, the place, the tied ids (entries, or units for a unit award). */
export type Tie = { context: string; boundary: string; ids: string[] };

export function tiesOf(error: ApiError): Tie[] {
  return (error.details ?? []).map((d) => {
    const [boundary = '', ids = ''] = d.message.split(':').map((s) => s.trim());
    return { context: d.path, boundary, ids: ids.split(',').filter(Boolean) };
  });
}

/** 并列待裁定: each tie at a prize boundary in words, and the decision code the chief judge enters on the judging page. */
export function TieList({ contest, entries, ties }: { contest: ContestDetail; entries: Entry[]; ties: Tie[] }) {
  const { t } = useTranslation();
  const entry = new Map(entries.map((e) => [String(e.id), e.title]));
  const unit = new Map(entries.map((e) => [String(e.orgId), e.orgName]));
  const tier = (context: string) => contest.tiers.find((x) => String(x.id) === context);
  return (
    <List
      size="small"
      bordered
      header={t('contests.ties.title')}
      data-testid="result-ties"
      dataSource={ties}
      renderItem={(tie, i) => {
        const isUnit = tier(tie.context)?.kind === 'unit';
        const names = tie.ids.map((id) => (isUnit ? unit.get(id) : entry.get(id)) ?? `#${id}`);
        return (
          <List.Item data-testid={`result-tie-${i}`}>
            <div>
              {t('contests.ties.line', {
                ranking: tier(tie.context)?.name ?? t('contests.ties.overall'),
                place: tie.boundary,
                names: names.join('、'),
              })}
              <div>
                {t('contests.ties.code')}
                <Typography.Text code copyable>{`${tie.context}:${tie.ids.join(',')}`}</Typography.Text>
              </div>
            </div>
          </List.Item>
        );
      }}
    />
  );
}
