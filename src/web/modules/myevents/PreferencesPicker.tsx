import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { Button, Checkbox, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventSession } from '../../../common/events.js';
import { formatDateTime } from '../../app/format.js';

/** Moves the item at `index` one place up (-1) or down (+1) in a copy of the list. */
export function moveRank<T>(list: readonly T[], index: number, by: -1 | 1): T[] {
  const to = index + by;
  if (to < 0 || to >= list.length) return [...list];
  const next = [...list];
  [next[index], next[to]] = [next[to]!, next[index]!];
  return next;
}

/**
 * 填报志愿: the member ticks the sessions they can take and puts them in order, best first; one random order later
 * gives everyone their best session with room. Only sessions whose window is open now are offered; nothing once entered.
 */
export function PreferencesPicker({
  eventId,
  sessions,
  hasEntered,
  isBusy,
  onSubmit,
}: {
  eventId: number;
  sessions: EventSession[];
  /** Already entered (one entry per event): nothing to pick. */
  hasEntered: boolean;
  isBusy: boolean;
  onSubmit: (eventId: number, sessionIds: number[]) => void;
}) {
  const { t } = useTranslation();
  const [ranked, setRanked] = useState<number[]>([]);
  const byId = new Map(sessions.map((s) => [s.id, s]));
  const label = (s: EventSession) => `${formatDateTime(s.startsAt)} · ${s.place}`;
  const toggle = (id: number, on: boolean) => setRanked((list) => (on ? [...list, id] : list.filter((x) => x !== id)));
  if (hasEntered || sessions.length === 0) return null;
  return (
    <div className="public-card" data-testid={`my-preferences-${eventId}`}>
      <Typography.Text strong>{t('myEvents.preferences.title')}</Typography.Text>
      <div className="public-note">{t('myEvents.preferences.hint')}</div>
      {sessions.map((s) => (
        <div key={s.id}>
          <Checkbox
            checked={ranked.includes(s.id)}
            onChange={(e) => toggle(s.id, e.target.checked)}
            data-testid={`my-preference-choose-${s.id}`}
          >
            {label(s)}
          </Checkbox>
        </div>
      ))}
      {ranked.length > 0 && (
        <ol style={{ paddingInlineStart: 20, margin: '8px 0' }} data-testid="my-preferences-order">
          {ranked.map((id, index) => (
            <li key={id}>
              <Space>
                <span>{t('myEvents.preferences.rank', { n: index + 1 })}</span>
                <span>{byId.get(id) ? label(byId.get(id)!) : id}</span>
                <Button
                  size="small"
                  icon={<ArrowUpOutlined />}
                  aria-label={t('myEvents.preferences.up')}
                  disabled={index === 0}
                  onClick={() => setRanked((list) => moveRank(list, index, -1))}
                />
                <Button
                  size="small"
                  icon={<ArrowDownOutlined />}
                  aria-label={t('myEvents.preferences.down')}
                  disabled={index === ranked.length - 1}
                  onClick={() => setRanked((list) => moveRank(list, index, 1))}
                />
              </Space>
            </li>
          ))}
        </ol>
      )}
      <Button
        type="primary"
        block
        disabled={ranked.length === 0}
        loading={isBusy}
        onClick={() => onSubmit(eventId, ranked)}
        data-testid="my-preferences-submit"
      >
        {t('myEvents.preferences.submit', { count: ranked.length })}
      </Button>
    </div>
  );
}
