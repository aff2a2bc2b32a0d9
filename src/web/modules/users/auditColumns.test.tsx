// @vitest-environment jsdom
import '../../testing/dom.js';
import { describe, expect, it } from 'vitest';
import type { AuditRecord } from '../../../common/audit.js';
import { i18next } from '../../i18n/index.js';
import { actorInWords, describeDetail } from './auditColumns.js';

const entry = (over: Partial<AuditRecord>): AuditRecord => ({
  id: 1,
  at: '2026-12-01T04:00:00Z',
  username: 'admin',
  actorName: '系统管理员',
  action: 'auth.login',
  targetType: null,
  targetId: null,
  targetName: null,
  result: 'ok',
  ip: null,
  detail: null,
  ...over,
});

describe('the audit log in words', () => {
  const t = i18next.t.bind(i18next);

  it('says who acted: the person, 系统 for the platform’s own work, — for nobody', () => {
    expect(actorInWords(entry({}), t)).toBe('系统管理员');
    expect(actorInWords(entry({ username: 'system', actorName: null }), t)).toBe('系统');
    expect(actorInWords(entry({ username: null, actorName: null }), t)).toBe(t('common.none'));
    // A member's own writes: numbered where recorded, unnamed where the entry keeps no person (a withdrawal).
    expect(actorInWords(entry({ username: 'member:42', actorName: null }), t)).toBe('会员 #42');
    expect(actorInWords(entry({ username: 'member', actorName: null }), t)).toBe('会员本人');
  });

  it('puts recorded reasons, refusal codes and other fields in words, leaving names and numbers as recorded', () => {
    expect(describeDetail(entry({ result: 'denied', detail: { reason: 'wrong_password' } }), t)).toBe('登录被拒：密码错误');
    expect(describeDetail(entry({ action: 'GET /api/auth/me', result: 'denied', detail: { code: 'UNAUTHENTICATED' } }), t)).not.toMatch(
      /UNAUTHENTICATED/,
    );
    expect(describeDetail(entry({ action: 'demo.seed', detail: { seed: 20260530, scale: 1 } }), t)).toBe('随机种子：20260530；规模：1');
    expect(describeDetail(entry({ action: 'card.verify', detail: { cardNo: 'GH-0001', by: 'member' } }), t)).toBe(
      '卡号：GH-0001；操作方：会员本人',
    );
  });

  it('shows a match’s kickoff as Beijing’s day and minute and a heat’s cut in words, not as recorded', () => {
    const slot = entry({ action: 'tournament.match.slot', detail: { kickoff: '2026-05-01T01:00:00.000Z', venue: '1号场' } });
    expect(describeDetail(slot, t)).toBe('开赛时间：2026-05-01 09:00；场地：1号场');
    const reRow = (cut: string) => entry({ action: 'tournament.rerow.record', detail: { teamIds: [3, 5], cut, heat: 2 } });
    expect(describeDetail(reRow('place'), t)).toBe('晋级线：按组内名次；场次：2');
    expect(describeDetail(reRow('time'), t)).toBe('晋级线：按用时（名次之外的最快者）；场次：2');
    expect(describeDetail(entry({ action: 'tournament.match.slot', detail: { kickoff: 'soon' } }), t)).toBe('开赛时间：soon');
  });
});
