// @vitest-environment jsdom
import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Course, Session, Teacher } from '../../../common/training.js';
import { cadre, fakeApi, renderPage } from '../../testing/dom.js';
import { SessionFormModal } from './SessionFormModal.js';
import { buildSession } from './training.fixtures.js';

const courses: Course[] = [
  { id: 3, orgId: 1, orgName: '北京市总工会', planId: 1, title: '工会经费使用与管理', topic: '工会经费使用与管理', audience: '财务人员' },
];
const teachers: Teacher[] = [{ id: 9, orgId: 1, orgName: '北京市总工会', name: '许振超', kind: 'model_worker' }];
const session = buildSession({ orgId: 1, orgName: '北京市总工会', teachers: [{ id: 9, name: '许振超', kind: 'model_worker' }] });
const clashMessage =
  '师资“许振超”在该时段已安排在场次“劳模精神进基层宣讲（#7）”（2027-03-05 09:30 至 2027-03-05 11:30），同一师资不能同时出现在两个场次';

async function fill() {
  fireEvent.change(await screen.findByTestId('session-starts'), { target: { value: '2027-03-05T09:00' } });
  fireEvent.change(screen.getByTestId('session-ends'), { target: { value: '2027-03-05T11:00' } });
  await userEvent.type(screen.getByTestId('session-place'), '北京市工人文化宫');
}

describe('SessionFormModal', { timeout: 240_000 }, () => {
  it('sends the session in Beijing time with its course and capacity', async () => {
    const calls = fakeApi(cadre(['training.read', 'training.write']), (method, path) =>
      method === 'POST' && path === '/api/training/sessions' ? { status: 201, body: session } : undefined,
    );
    let done: Session | undefined;
    renderPage(<SessionFormModal courses={courses} teachers={teachers} onClose={() => undefined} onDone={(s) => (done = s)} />);
    await fill();
    await userEvent.click(screen.getByTestId('session-ok'));
    await waitFor(() => expect(done?.id).toBe(21));
    expect(calls[0]!.body).toEqual({
      courseId: 3,
      startsAt: '2027-03-05T09:00:00+08:00',
      endsAt: '2027-03-05T11:00:00+08:00',
      place: '北京市工人文化宫',
      capacity: 80,
      teacherIds: [],
    });
  });

  it('shows the server’s refusal of a teacher clash, naming the session that holds the teacher, and stays open', async () => {
    const calls = fakeApi(cadre(['training.read', 'training.write']), (method) =>
      method === 'POST' ? { status: 409, body: { code: 'TRAINING_TEACHER_CLASH', message: clashMessage } } : undefined,
    );
    let done = false;
    renderPage(<SessionFormModal courses={courses} teachers={teachers} onClose={() => undefined} onDone={() => (done = true)} />);
    await fill();
    await userEvent.click(screen.getByTestId('session-ok'));
    const alert = await screen.findByTestId('session-clash');
    expect(alert.textContent).toContain('师资时间冲突');
    expect(alert.textContent).toContain(clashMessage);
    expect(calls).toHaveLength(1);
    expect(done).toBe(false);
    expect(screen.getByTestId('session-form')).toBeTruthy();
  });

  it('shows any other refusal of the server in the form, and refuses an end before the start before sending', async () => {
    const calls = fakeApi(cadre(['training.read', 'training.write']), (method) =>
      method === 'POST' ? { status: 404, body: { code: 'NOT_FOUND', message: '找不到该课程，或您无权查看' } } : undefined,
    );
    renderPage(<SessionFormModal courses={courses} teachers={teachers} onClose={() => undefined} onDone={() => undefined} />);
    await fill();
    fireEvent.change(screen.getByTestId('session-ends'), { target: { value: '2027-03-05T08:00' } });
    await userEvent.click(screen.getByTestId('session-ok'));
    expect(await screen.findByText(/结束时间/, { selector: '.ant-form-item-explain-error' })).toBeTruthy();
    expect(calls).toHaveLength(0);
    fireEvent.change(screen.getByTestId('session-ends'), { target: { value: '2027-03-05T11:00' } });
    await userEvent.click(screen.getByTestId('session-ok'));
    expect(await screen.findByText('找不到该课程，或您无权查看')).toBeTruthy();
    expect(screen.queryByTestId('session-clash')).toBeNull();
  });
});
