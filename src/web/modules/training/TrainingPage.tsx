import { PlusOutlined } from '@ant-design/icons';
import { Button, Empty, InputNumber, Skeleton, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useAuth } from '../../app/auth.js';
import { useNotify } from '../../app/notify.js';
import { useOrgTree } from '../orgs/treeStore.js';
import { SessionFormModal } from './SessionFormModal.js';
import { CourseFormModal, PlanFormModal, TeacherFormModal } from './SetupFormModals.js';
import { useTraining } from './useTraining.js';
import { usePlanColumns, useSessionColumns, useTeacherColumns } from './trainingColumns.js';

/** 送教培训 of an org: its plans with progress, its courses with their sessions, its teachers; new sessions. */
export function TrainingPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const notify = useNotify();
  const { roots } = useOrgTree();
  const [searchParams] = useSearchParams();
  const orgId = Number(searchParams.get('org')) || roots?.[0]?.id;
  const [year, setYear] = useState(() => new Date().getFullYear());
  const [creating, setCreating] = useState<'plan' | 'course' | 'teacher' | 'session' | null>(null);
  const { data, reload } = useTraining(orgId, year);
  const planColumns = usePlanColumns();
  const sessionColumns = useSessionColumns();
  const teacherColumns = useTeacherColumns();
  if (!orgId) return roots === undefined ? <Skeleton active /> : <Empty />;
  const saved = () => {
    setCreating(null);
    reload();
  };
  return (
    <div data-testid="training-page">
      <div className="page-header">
        <Typography.Title level={3}>{t('training.title')}</Typography.Title>
        <div className="page-actions">
          <span>{t('training.year')}</span>
          <InputNumber min={2000} max={2100} value={year} onChange={(y) => y && setYear(y)} data-testid="training-year" />
          {can('training.write') && (
            <>
              <Button icon={<PlusOutlined />} disabled={!data} onClick={() => setCreating('plan')} data-testid="create-plan">
                {t('training.plan.create')}
              </Button>
              <Button icon={<PlusOutlined />} disabled={!data} onClick={() => setCreating('course')} data-testid="create-course">
                {t('training.course.create')}
              </Button>
              <Button icon={<PlusOutlined />} disabled={!data} onClick={() => setCreating('teacher')} data-testid="create-teacher">
                {t('training.teacher.create')}
              </Button>
              <Button
                type="primary"
                icon={<PlusOutlined />}
                disabled={!data?.courses.length}
                onClick={() => setCreating('session')}
                data-testid="create-session"
              >
                {t('training.session.create')}
              </Button>
            </>
          )}
        </div>
      </div>
      {!data ? (
        <Skeleton active />
      ) : (
        <Tabs
          items={[
            {
              key: 'plans',
              label: t('training.tabs.plans'),
              children: (
                <Table
                  rowKey="planId"
                  dataSource={data.progress}
                  columns={planColumns}
                  pagination={false}
                  locale={{ emptyText: t('training.empty') }}
                  data-testid="training-plans"
                />
              ),
            },
            {
              key: 'sessions',
              label: t('training.tabs.sessions'),
              children: data.courses.map((course) => (
                <div key={course.id} style={{ marginBottom: 16 }}>
                  <Typography.Title level={5}>
                    {course.title} <Tag>{course.topic}</Tag> {course.audience && <Tag color="blue">{course.audience}</Tag>}
                  </Typography.Title>
                  <Table
                    rowKey="id"
                    size="small"
                    dataSource={data.sessions.filter((s) => s.courseId === course.id)}
                    columns={sessionColumns}
                    pagination={false}
                  />
                </div>
              )),
            },
            {
              key: 'teachers',
              label: t('training.tabs.teachers'),
              children: (
                <Table rowKey="id" dataSource={data.teachers} columns={teacherColumns} pagination={false} data-testid="training-teachers" />
              ),
            },
          ]}
        />
      )}
      {creating === 'session' && data && (
        <SessionFormModal
          courses={data.courses}
          teachers={data.teachers}
          onClose={() => setCreating(null)}
          onDone={() => {
            setCreating(null);
            notify.success(t('training.session.created'));
            reload();
          }}
        />
      )}
      {creating === 'plan' && <PlanFormModal orgId={orgId} year={year} onClose={() => setCreating(null)} onDone={saved} />}
      {creating === 'course' && data && (
        <CourseFormModal orgId={orgId} plans={data.progress} onClose={() => setCreating(null)} onDone={saved} />
      )}
      {creating === 'teacher' && <TeacherFormModal orgId={orgId} onClose={() => setCreating(null)} onDone={saved} />}
    </div>
  );
}
