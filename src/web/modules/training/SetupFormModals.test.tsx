// @vitest-environment jsdom
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Course, Plan, PlanProgress } from '../../../common/training.js';
import { cadre, fakeApi, renderPage } from '../../testing/dom.js';
import { CourseFormModal, PlanFormModal } from './SetupFormModals.js';

const plan: Plan = {
  id: 4,
  orgId: 7,
  orgName: '测试工会',
  year: 2027,
  plannedSessions: 30,
  targetPeople: 1000,
  topics: ['工会经费使用与管理', '劳动法律法规'],
};
const progress: PlanProgress['items'] = [
  // The city's plan first: the dialog must still choose the org's own.
  { planId: 1, orgId: 1, orgName: '北京市总工会', year: 2027, plannedSessions: 30, sessionsHeld: 22, targetPeople: 15000, people: 880 },
  { planId: 4, orgId: 7, orgName: '测试工会', year: 2027, plannedSessions: 30, sessionsHeld: 0, targetPeople: 1000, people: 0 },
];

describe('the training set-up dialogs', { timeout: 240_000 }, () => {
  it('sends a plan of the org with its topics split at Chinese and Latin commas', async () => {
    const calls = fakeApi(cadre(['training.read', 'training.write']), (method, path) =>
      method === 'POST' && path === '/api/training/plans' ? { status: 201, body: plan } : undefined,
    );
    let done: Plan | undefined;
    renderPage(<PlanFormModal orgId={7} year={2027} onClose={() => undefined} onDone={(p) => (done = p)} />);
    await userEvent.type(await screen.findByTestId('plan-topics'), '工会经费使用与管理，劳动法律法规, ');
    await userEvent.click(screen.getByTestId('plan-ok'));
    await waitFor(() => expect(done?.id).toBe(4));
    expect(calls[0]!.body).toEqual({ orgId: 7, year: 2027, plannedSessions: 30, targetPeople: 1000, topics: plan.topics });
  });

  it('offers only the org’s own plans for a course and shows the server’s refusal in the dialog', async () => {
    const calls = fakeApi(cadre(['training.read', 'training.write']), (method) =>
      method === 'POST'
        ? { status: 422, body: { code: 'TRAINING_PLAN_UNKNOWN', message: '所选培训计划不存在或不属于该单位及其上级' } }
        : undefined,
    );
    let done: Course | undefined;
    renderPage(<CourseFormModal orgId={7} plans={progress} onClose={() => undefined} onDone={(c) => (done = c)} />);
    await userEvent.type(await screen.findByTestId('course-title'), '工会经费使用与管理');
    await userEvent.type(screen.getByTestId('course-topic'), '财务');
    await userEvent.click(screen.getByTestId('course-ok'));
    expect(await screen.findByText('所选培训计划不存在或不属于该单位及其上级')).toBeTruthy();
    expect(calls[0]!.body).toEqual({ orgId: 7, planId: 4, title: '工会经费使用与管理', topic: '财务', audience: '' });
    expect(done).toBeUndefined();
    expect(screen.getByTestId('course-form')).toBeTruthy();
  });
});
