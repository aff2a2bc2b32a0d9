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

/**
 * 并列待裁定 (the organiser's console): each tie at a prize boundary in words, entries by title and code. The chief
 * judge decides on the judging page, where the same entries appear blind, by their code only.
 */
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
        const names = tie.ids.map((id) =>
          t('contests.ties.named', { name: (isUnit ? unit.get(id) : entry.get(id)) ?? `#${id}`, code: id }),
        );
        return (
          <List.Item data-testid={`result-tie-${i}`}>
            <div style={{ display: 'flex', flexDirection: 'column' }}>
              {t('contests.ties.line', {
                ranking: tier(tie.context)?.name ?? t('contests.ties.overall'),
                place: tie.boundary,
                names: names.join('、'),
              })}
              <Typography.Text type="secondary">{t('contests.ties.chiefBlind')}</Typography.Text>
            </div>
          </List.Item>
        );
      }}
    />
  );
}
