import { Form, Input, InputNumber, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  CreateCourseBody,
  CreatePlanBody,
  CreateTeacherBody,
  teacherKinds,
  type Course,
  type Plan,
  type PlanProgress,
  type Teacher,
  type TeacherKind,
} from '../../../common/training.js';
import { FormModal } from '../../app/FormModal.js';
import { parseWithSchema } from '../../app/zodForm.js';
import { trainingApi } from './training.api.js';

type Closing<R> = { orgId: number; onClose: () => void; onDone: (saved: R) => void };

/** 新建计划: the org's annual plan (sessions planned, workers to reach, topics); one plan per org and year. */
export function PlanFormModal({ orgId, year, onClose, onDone }: Closing<Plan> & { year: number }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ year?: number; plannedSessions?: number | null; targetPeople?: number | null; topics?: string }>();
  const labels = {
    year: t('training.year'),
    plannedSessions: t('training.plan.plannedSessions'),
    targetPeople: t('training.plan.targetPeople'),
    topics: t('training.plan.topics'),
  };
  return (
    <FormModal
      title={t('training.plan.create')}
      form={form}
      initialValues={{ year, plannedSessions: 30, targetPeople: 1000, topics: '' }}
      submit={(v) => {
        const topics = (v.topics ?? '')
          .split(/[,，、\n]/u)
          .map((s) => s.trim())
          .filter(Boolean);
        const body = parseWithSchema(
          CreatePlanBody,
          { orgId, year: v.year, plannedSessions: v.plannedSessions ?? undefined, targetPeople: v.targetPeople ?? undefined, topics },
          form,
          labels,
          t,
        );
        return body && trainingApi.createPlan(body);
      }}
      onClose={onClose}
      onDone={onDone}
      successText={t('training.plan.created')}
      testIds={{ modal: 'plan-form', submit: 'plan-ok', error: 'plan-error' }}
    >
      <Space wrap align="start">
        <Form.Item name="year" label={labels.year} required>
          <InputNumber min={2000} max={2100} precision={0} data-testid="plan-year" />
        </Form.Item>
        <Form.Item name="plannedSessions" label={labels.plannedSessions} required>
          <InputNumber min={1} max={10000} precision={0} data-testid="plan-sessions" />
        </Form.Item>
        <Form.Item name="targetPeople" label={labels.targetPeople} required>
          <InputNumber min={0} max={10_000_000} precision={0} data-testid="plan-people" />
        </Form.Item>
      </Space>
      <Form.Item name="topics" label={labels.topics}>
        <Input maxLength={2000} data-testid="plan-topics" />
      </Form.Item>
    </FormModal>
  );
}

/** 新建课程: a course of the org, under one of its plans or none. */
export function CourseFormModal({ orgId, plans, onClose, onDone }: Closing<Course> & { plans: PlanProgress['items'] }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ planId?: number; title?: string; topic?: string; audience?: string }>();
  const labels = {
    planId: t('training.course.plan'),
    title: t('training.course.title'),
    topic: t('training.course.topic'),
    audience: t('training.course.audience'),
  };
  const own = plans.filter((p) => p.orgId === orgId);
  return (
    <FormModal
      title={t('training.course.create')}
      form={form}
      initialValues={{ planId: own[0]?.planId, title: '', topic: '', audience: '' }}
      submit={(v) => {
        const body = parseWithSchema(CreateCourseBody, { orgId, ...v, planId: v.planId ?? undefined }, form, labels, t);
        return body && trainingApi.createCourse(body);
      }}
      onClose={onClose}
      onDone={onDone}
      successText={t('training.course.created')}
      testIds={{ modal: 'course-form', submit: 'course-ok', error: 'course-error' }}
    >
      <Form.Item name="planId" label={labels.planId}>
        <Select allowClear options={own.map((p) => ({ value: p.planId, label: `${p.orgName} ${p.year}` }))} data-testid="course-plan" />
      </Form.Item>
      <Form.Item name="title" label={labels.title} required>
        <Input maxLength={100} data-testid="course-title" />
      </Form.Item>
      <Space wrap align="start">
        <Form.Item name="topic" label={labels.topic} required>
          <Input maxLength={100} data-testid="course-topic" />
        </Form.Item>
        <Form.Item name="audience" label={labels.audience}>
          <Input maxLength={100} data-testid="course-audience" />
        </Form.Item>
      </Space>
    </FormModal>
  );
}

/** 新建师资: a teacher of the org (劳模宣讲团 lecturer, 职工匠师 or other lecturer). */
export function TeacherFormModal({ orgId, onClose, onDone }: Closing<Teacher>) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ name?: string; kind?: TeacherKind }>();
  const labels = { name: t('training.teacher.name'), kind: t('training.teacher.kind') };
  return (
    <FormModal
      title={t('training.teacher.create')}
      form={form}
      initialValues={{ name: '', kind: 'model_worker' }}
      submit={(v) => {
        const body = parseWithSchema(CreateTeacherBody, { orgId, ...v }, form, labels, t);
        return body && trainingApi.createTeacher(body);
      }}
      onClose={onClose}
      onDone={onDone}
      successText={t('training.teacher.created')}
      testIds={{ modal: 'teacher-form', submit: 'teacher-ok', error: 'teacher-error' }}
    >
      <Form.Item name="name" label={labels.name} required>
        <Input maxLength={50} data-testid="teacher-name" />
      </Form.Item>
      <Form.Item name="kind" label={labels.kind} required>
        <Select options={teacherKinds.map((k) => ({ value: k, label: t(`training.teacherKind.${k}`) }))} data-testid="teacher-kind" />
      </Form.Item>
    </FormModal>
  );
}
