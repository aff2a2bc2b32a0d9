import { Button, Card, Input, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Session } from '../../../common/training.js';
import { useNotify } from '../../app/notify.js';
import { MemberSearch } from '../points/MemberSearch.js';
import { trainingApi } from './training.api.js';

/** The member numbers typed by the cadre: digits separated by anything else. */
export function parseMemberIds(text: string): number[] {
  return [...new Set((text.match(/\d+/gu) ?? []).map(Number).filter((n) => Number.isSafeInteger(n) && n > 0))];
}

/**
 * The cadre's marking (考勤): members picked one by one by name, pinyin or initials (the members search of the
 * session's node, as the events console's bulk sign-up picks them), or numbers typed from a paper list; both marked
 * in one request.
 */
export function AttendanceMarker({ session, onMarked, onShowCode }: { session: Session; onMarked: () => void; onShowCode: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const [picked, setPicked] = useState<number[]>([]);
  const [ids, setIds] = useState('');
  const memberIds = [...new Set([...picked, ...parseMemberIds(ids)])];
  const mark = async () => {
    if (memberIds.length === 0) return;
    try {
      const r = await trainingApi.markAttendance(session.id, { memberIds });
      notify.success(t('training.attendance.marked', { added: r.added, already: r.already }));
      setIds('');
      setPicked([]);
      onMarked();
    } catch (error) {
      notify.error(error);
    }
  };
  return (
    <Card title={t('training.attendance.title')} size="small">
      <Space direction="vertical" style={{ width: '100%' }}>
        <MemberSearch
          orgId={session.orgId}
          value={undefined}
          placeholder={t('training.attendance.search')}
          onChange={(id) => id && setPicked((p) => (p.includes(id) ? p : [...p, id]))}
          testId="attendance-member-search"
        />
        <div data-testid="attendance-picked">
          {picked.map((id) => (
            <Tag key={id} closable onClose={() => setPicked((p) => p.filter((x) => x !== id))}>
              #{id}
            </Tag>
          ))}
        </div>
        <Input.TextArea
          rows={3}
          value={ids}
          onChange={(e) => setIds(e.target.value)}
          placeholder={t('training.attendance.memberIds')}
          data-testid="attendance-ids"
        />
        <Space>
          <Button type="primary" disabled={memberIds.length === 0} onClick={() => void mark()} data-testid="attendance-mark">
            {t('training.attendance.mark')}
          </Button>
          <Button onClick={onShowCode} data-testid="show-checkin-code">
            {t('training.attendance.showCode')}
          </Button>
        </Space>
      </Space>
    </Card>
  );
}
