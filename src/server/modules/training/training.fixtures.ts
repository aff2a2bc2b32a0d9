import type { AuthzFixtures } from '../../testing/authz.js';
import { buildMember } from '../../testing/harness.js';
import type { Course, Session } from '../../../common/training.js';

/**
 * Fixtures of the training module for the authorization matrix and the reliability suite: a course of a node and a
 * planned session of it, made by the admin through the API.
 */
export async function courseAt(f: Pick<AuthzFixtures, 'asAdmin' | 'unique'>, orgId: number): Promise<Course> {
  return f.asAdmin<Course>({
    method: 'POST',
    url: '/api/training/courses',
    payload: { orgId, title: `矩阵送教课程${f.unique()}`, topic: '工会经费使用与管理', audience: '基层工会财务人员' },
  });
}

/** A planned session of a new course of the node, starting now (self check-in is open). */
export async function sessionAt(f: Pick<AuthzFixtures, 'asAdmin' | 'unique'>, orgId: number): Promise<Session> {
  const course = await courseAt(f, orgId);
  const start = Date.now() - 5 * 60_000;
  return f.asAdmin<Session>({
    method: 'POST',
    url: '/api/training/sessions',
    payload: {
      courseId: course.id,
      startsAt: new Date(start).toISOString(),
      endsAt: new Date(start + 2 * 3600_000).toISOString(),
      place: '职工之家',
      capacity: 50,
    },
  });
}

const membersOf = new WeakMap<object, Promise<{ id: number }>>();

/** One member of the union U for the run (made once per fixtures). */
export function memberOfUnion(f: AuthzFixtures): Promise<{ id: number }> {
  let m = membersOf.get(f);
  if (!m) {
    m = buildMember(f.ctx, f.tree.dcUnion.id, { name: '矩阵学员' });
    membersOf.set(f, m);
  }
  return m;
}
