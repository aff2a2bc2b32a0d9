import { Button, Progress, Tag, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { PlanProgress, Session, Teacher } from '../../../common/training.js';

/** A timestamp on Beijing's clock, to the minute. */
export function beijingTime(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

const percent = (part: number, whole: number) => (whole > 0 ? Math.min(100, Math.round((part / whole) * 100)) : 0);

export function usePlanColumns(): TableColumnsType<PlanProgress['items'][number]> {
  const { t } = useTranslation();
  return [
    { title: t('training.plan.org'), dataIndex: 'orgName' },
    { title: t('training.year'), dataIndex: 'year', width: 80 },
    {
      title: t('training.plan.sessions'),
      key: 'sessions',
      width: 240,
      render: (_: unknown, p) => (
        <span data-testid={`plan-sessions-${p.planId}`}>
          {p.sessionsHeld} / {p.plannedSessions}
          <Progress percent={percent(p.sessionsHeld, p.plannedSessions)} size="small" />
        </span>
      ),
    },
    {
      title: t('training.plan.people'),
      key: 'people',
      width: 240,
      render: (_: unknown, p) => (
        <span>
          {p.people.toLocaleString('zh-CN')} / {p.targetPeople.toLocaleString('zh-CN')}
          <Progress percent={percent(p.people, p.targetPeople)} size="small" />
        </span>
      ),
    },
  ];
}

export function useSessionColumns(): TableColumnsType<Session> {
  const { t } = useTranslation();
  return [
    { title: t('training.session.startsAt'), dataIndex: 'startsAt', width: 160, render: (v: string) => beijingTime(v) },
    { title: t('training.session.place'), dataIndex: 'place' },
    {
      title: t('training.session.teachers'),
      key: 'teachers',
      render: (_: unknown, s) => s.teachers.map((x) => <Tag key={x.id}>{x.name}</Tag>),
    },
    { title: t('training.session.status'), dataIndex: 'status', width: 90, render: (v: Session['status']) => t(`training.status.${v}`) },
    { title: t('training.session.attended'), key: 'attended', width: 110, render: (_: unknown, s) => `${s.attended} / ${s.capacity}` },
    {
      title: '',
      key: 'open',
      width: 90,
      render: (_: unknown, s) => (
        <Link to={`/training/sessions/${s.id}`}>
          <Button size="small">{t('training.session.open')}</Button>
        </Link>
      ),
    },
  ];
}

export function useTeacherColumns(): TableColumnsType<Teacher> {
  const { t } = useTranslation();
  return [
    { title: t('training.teacher.name'), dataIndex: 'name' },
    {
      title: t('training.teacher.kind'),
      dataIndex: 'kind',
      render: (k: Teacher['kind']) => <Tag color="gold">{t(`training.teacherKind.${k}`)}</Tag>,
    },
    { title: t('training.teacher.org'), dataIndex: 'orgName' },
  ];
}
