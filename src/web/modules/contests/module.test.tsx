// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { Me } from '../../../common/auth.js';
import { hasAccess } from '../../app/webModule.js';
import { cadre } from '../../testing/dom.js';
import { webModule } from './module.js';

const judge: Me = {
  id: 40,
  username: 'judge.wang',
  displayName: '王评委',
  grants: [{ id: 9, orgId: 1, orgName: '东城区总工会', orgKind: 'district_federation', role: 'judge' }],
  permissions: ['contest.judge'],
  mustChangePassword: false,
};
const admin: Me = {
  ...cadre(['contest.read', 'contest.write', 'contest.judge']),
  grants: [{ ...judge.grants[0]!, role: 'federation_admin' }],
};

const visible = (me: Me) =>
  (webModule.menu ?? []).filter((e) => hasAccess(e.access, me, (a) => me.permissions.includes(a))).map((e) => e.testId);

describe('the contests menu', () => {
  it('shows 我的评审 only to judges, and 竞赛评比 with 本单位参赛 to cadres', () => {
    expect(visible(judge)).toEqual(['nav-judging']);
    expect(visible(cadre(['contest.read']))).toEqual(['nav-contests', 'nav-contests-entered']);
    // An administrator holds every action, contest.judge included, yet serves as no judge: no judging entry.
    expect(visible(admin)).toEqual(['nav-contests', 'nav-contests-entered']);
  });

  it('guards the judge pages with contest.judge and the console with contest.read', () => {
    const access = Object.fromEntries((webModule.routes ?? []).map((r) => [r.path, r.access]));
    expect(access).toEqual({
      contests: 'contest.read',
      'contests/entered': 'contest.read',
      'contests/:id': 'contest.read',
      judging: 'contest.judge',
      'judging/sheets/:id': 'contest.judge',
    });
  });
});
