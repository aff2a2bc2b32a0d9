import { Alert, Form, Input, InputNumber, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CreateSessionBody, type Course, type Session, type Teacher } from '../../../common/training.js';
import { ApiError } from '../../app/api.js';
import { FormModal } from '../../app/FormModal.js';
import { parseWithSchema } from '../../app/zodForm.js';
import { trainingApi } from './training.api.js';

type Values = { courseId?: number; startsAt?: string; endsAt?: string; place?: string; capacity?: number | null; teacherIds?: number[] };

/** The code of the server's refusal when a teacher is already booked at that time (the exclusion constraint). */
export const TEACHER_CLASH = 'TRAINING_TEACHER_CLASH';

/** A `datetime-local` value (Beijing wall time) as an instant with its offset, as the schema wants it. */
export function beijingInstant(local: string | undefined): string | undefined {
  if (!local) return undefined;
  return `${local.length === 16 ? `${local}:00` : local}+08:00`;
}

/**
 * 新建场次: course, time, place, places and teachers. A teacher already booked into an overlapping session is refused
 * by the database; the server's message (naming the session that holds the teacher) stands above the form.
 */
export function SessionFormModal({
  courses,
  teachers,
  onClose,
  onDone,
}: {
  courses: Course[];
  teachers: Teacher[];
  onClose: () => void;
  onDone: (s: Session) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [clash, setClash] = useState<string | null>(null);
  const labels = {
    courseId: t('training.session.course'),
    startsAt: t('training.session.startsAt'),
    endsAt: t('training.session.endsAt'),
    place: t('training.session.place'),
    capacity: t('training.session.capacity'),
    teacherIds: t('training.session.teachers'),
  };
  return (
    <FormModal
      title={t('training.session.create')}
      form={form}
      initialValues={{ courseId: courses[0]?.id, capacity: 80, teacherIds: [] }}
      width={640}
      submit={(v) => {
        setClash(null);
        const body = parseWithSchema(
          CreateSessionBody,
          {
            courseId: v.courseId,
            startsAt: beijingInstant(v.startsAt),
            endsAt: beijingInstant(v.endsAt),
            place: v.place ?? '',
            capacity: v.capacity ?? undefined,
            teacherIds: v.teacherIds ?? [],
          },
          form,
          labels,
          t,
        );
        if (!body) return null;
        return trainingApi.createSession(body).catch((error: unknown) => {
          if (error instanceof ApiError && error.code === TEACHER_CLASH) {
            setClash(error.message);
            return null;
          }
          throw error;
        });
      }}
      onClose={onClose}
      onDone={onDone}
      okText={t('common.ok')}
      testIds={{ modal: 'session-form', submit: 'session-ok', error: 'session-error' }}
    >
      {clash && (
        <Alert
          type="error"
          showIcon
          message={t('training.session.clash')}
          description={clash}
          style={{ marginBottom: 12 }}
          data-testid="session-clash"
        />
      )}
      <Form.Item name="courseId" label={labels.courseId} required>
        <Select options={courses.map((c) => ({ value: c.id, label: c.title }))} data-testid="session-course" />
      </Form.Item>
      <Space wrap align="start">
        <Form.Item name="startsAt" label={labels.startsAt} required>
          <Input type="datetime-local" data-testid="session-starts" />
        </Form.Item>
        <Form.Item name="endsAt" label={labels.endsAt} required>
          <Input type="datetime-local" data-testid="session-ends" />
        </Form.Item>
      </Space>
      <Space wrap align="start">
        <Form.Item name="place" label={labels.place} required>
          <Input maxLength={200} style={{ width: 360 }} data-testid="session-place" />
        </Form.Item>
        <Form.Item name="capacity" label={labels.capacity} required>
          <InputNumber min={1} max={100000} precision={0} data-testid="session-capacity" />
        </Form.Item>
      </Space>
      <Form.Item name="teacherIds" label={labels.teacherIds}>
        <Select
          mode="multiple"
          options={teachers.map((x) => ({ value: x.id, label: `${x.name}（${t(`training.teacherKind.${x.kind}`)}）` }))}
          data-testid="session-teachers"
        />
      </Form.Item>
    </FormModal>
  );
}
